/** 活动报名: upcoming activities of my community, the earliest first, with how full each is. */
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { communityToday } from '../../../admin/modules/volunteers/common';
import { Loading, VolunteerPage, when } from './common';
import { useActivities } from './data';

export default function ActivitiesPage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const list = useActivities({ from: communityToday() });
  const items = (list.data?.items ?? []).filter((a) => Date.parse(a.endsAt) > Date.now());

  return (
    <VolunteerPage title={t('app.browse')} testId="volunteer-activities">
      {list.isPending || list.isError ? (
        <Loading error={list.error} retryText={t('common.loadFailed')} />
      ) : items.length === 0 ? (
        <section className="r-card">
          <p className="r-line">{t('app.noActivities')}</p>
        </section>
      ) : (
        items.map((a) => {
          const full = a.signedUp >= a.capacity;
          return (
            <button key={a.id} type="button" className="r-card v-activity" onClick={() => void navigate(`/volunteers/activities/${a.id}`)} data-testid={`activity-${a.title}`}>
              <div className="v-activity-head">
                <span className="v-activity-title">{a.title}</span>
                {a.mySignup ? <Tag color="success">{t(`signupStatus.${a.mySignup.status}`)}</Tag> : full ? <Tag color="warning">{t('app.waitlistOnly')}</Tag> : null}
              </div>
              <div className="r-line">{when(a.startsAt, a.endsAt)}</div>
              <div className="r-line">{a.place}</div>
              <div className="v-activity-foot">
                <Tag color="primary" fill="outline">{t(`categories.${a.category}`)}</Tag>
                <span>{t('app.fill', { signedUp: a.signedUp, capacity: a.capacity })}</span>
              </div>
            </button>
          );
        })
      )}
    </VolunteerPage>
  );
}
