/** 我的积分: the total (the sum of the ledger), my place in my group, and each entry with what earned it. */
import { DotLoading, ErrorBlock } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PartyPage } from './components';
import { useMembership, useMyPoints } from './data';

export default function PointsPage() {
  const { t } = useTranslation('party');
  const lt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { membership } = useMembership();
  const points = useMyPoints(membership?.communityId);
  return (
    <PartyPage title={t('app.myPoints')} testId="points">
      <section className="r-card p-points-hero">
        <div className="p-points-total" data-testid="points-total">{points.data?.total ?? membership?.points ?? '—'}</div>
        <div className="r-line">{membership?.rankInGroup ? t('app.rankLine', { org: membership.member.orgName, rank: membership.rankInGroup, size: membership.groupSize }) : ''}</div>
        <p className="r-line p-sub">{t('app.pointsRule')}</p>
      </section>
      {points.isPending ? <div className="r-center-block"><DotLoading color="primary" /></div> : points.isError ? <ErrorBlock status="default" description={points.error.message} /> : (
        <section className="r-card">
          {points.data.items.length === 0 && <p className="r-line">{t('app.noPoints')}</p>}
          {points.data.items.map((e) => (
            <div key={e.id} className="p-row">
              <div>
                <div className="p-row-title">{lt(`pointSources.${e.source}`, { defaultValue: e.source })}</div>
                <div className="p-row-sub">{dayjs(e.occurredAt).format('YYYY-MM-DD HH:mm')}</div>
              </div>
              <strong className="p-plus">+{e.points}</strong>
            </div>
          ))}
        </section>
      )}
    </PartyPage>
  );
}
