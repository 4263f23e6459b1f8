/** 组织签到: the organizer's activities of today and the coming week, to open the rotating code. */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { communityToday } from '../../../admin/modules/volunteers/common';
import { Loading, VolunteerPage, when } from './common';
import { useActivities } from './data';

export default function OrganizePage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const today = communityToday();
  const list = useActivities({ from: dayjs(today).subtract(1, 'day').format('YYYY-MM-DD'), to: dayjs(today).add(7, 'day').format('YYYY-MM-DD') });
  const items = (list.data?.items ?? []).filter((a) => Date.parse(a.endsAt) > Date.now() - 12 * 3_600_000);
  return (
    <VolunteerPage title={t('tiles.volunteerOrganize.title')} back="/" testId="volunteer-organize">
      {list.isPending || list.isError ? (
        <Loading error={list.error} retryText={t('common.loadFailed')} />
      ) : items.length === 0 ? (
        <section className="r-card">
          <p className="r-line">{t('app.noActivities')}</p>
        </section>
      ) : (
        items.map((a) => (
          <button key={a.id} type="button" className="r-card v-activity" onClick={() => void navigate(`/volunteers/organize/${a.id}`)} data-testid={`organize-${a.title}`}>
            <div className="v-activity-title">{a.title}</div>
            <div className="r-line">{when(a.startsAt, a.endsAt)} · {a.place}</div>
            <div className="r-line">{t('app.fill', { signedUp: a.signedUp, capacity: a.capacity })}</div>
          </button>
        ))
      )}
    </VolunteerPage>
  );
}
