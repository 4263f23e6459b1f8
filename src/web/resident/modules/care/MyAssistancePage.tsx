/**
 * 我的救助申请: each application of my household with a plain step bar — submitted, community
 * review, public notice, street review, decided — the date of each step, and the outcome in words.
 */
import { NoticeBar, Steps, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { care } from '../../../../contracts';
import { formatDateTime } from '../../../shared/format';
import { CarePage, ListState, useCareT } from './common';
import { useMyApplications, yuan, type MyApplication } from './data';

/** The path an application walks, without the draft (staff's work before it is handed in). */
const path = care.model.assistancePath.filter((s) => s !== 'draft');

function Outcome({ app }: { app: MyApplication }) {
  const { t } = useTranslation('care');
  if (app.status === 'approved') {
    return <NoticeBar color="success" wrap content={t('resident.approvedLine', { amount: yuan(app.amountFen), month: app.startMonth ?? '—' })} />;
  }
  if (app.status === 'rejected') return <NoticeBar color="alert" wrap content={t('resident.rejectedLine', { reason: app.rejectReason ?? '—' })} />;
  if (app.status === 'public_notice' && app.noticeEndsAt) return <NoticeBar color="info" wrap content={t('resident.noticeLine', { date: formatDateTime(app.noticeEndsAt) })} />;
  return <NoticeBar color="info" wrap content={t('resident.inReview')} />;
}

function ApplicationCard({ app }: { app: MyApplication }) {
  const t = useCareT();
  const rejectedFrom = app.status === 'rejected' ? app.steps.find((s) => s.toStatus === 'rejected') : undefined;
  const reachedAt = (status: string) => app.steps.filter((s) => s.toStatus === status).pop()?.at;
  const current = app.status === 'rejected' ? Math.max(0, path.findIndex((s) => !reachedAt(s))) : path.indexOf(app.status as (typeof path)[number]);
  return (
    <section className="r-card" data-testid="my-application" data-status={app.status}>
      <div className="cr-wish-head">
        <span className="cr-wish-title">{t(`assistanceKinds.${app.kind}`)}</span>
        <Tag color={app.status === 'approved' ? 'success' : app.status === 'rejected' ? 'danger' : 'primary'} fill="outline" className="cr-tag">
          {t(`statuses.${app.status}`)}
        </Tag>
      </div>
      <div className="cr-wish-meta">
        {app.applicantName} · {app.communityName}
        {app.submittedAt ? ` · ${t('resident.submittedOn', { date: formatDateTime(app.submittedAt).slice(0, 10) })}` : ''}
      </div>
      <Outcome app={app} />
      <Steps direction="vertical" current={current} className="cr-steps">
        {path.map((status, i) => {
          const at = reachedAt(status);
          const failed = !!rejectedFrom && i === current;
          return (
            <Steps.Step
              key={status}
              title={failed ? t('statuses.rejected') : t(`resident.step_${status}`)}
              status={failed ? 'error' : at ? 'finish' : i === current ? 'process' : 'wait'}
              description={failed ? formatDateTime(rejectedFrom.at) : at ? formatDateTime(at) : undefined}
            />
          );
        })}
      </Steps>
      {app.reviewDueOn && app.status === 'approved' && <div className="cr-hint">{t('resident.reviewDue', { date: app.reviewDueOn })}</div>}
    </section>
  );
}

export default function MyAssistancePage() {
  const { t } = useTranslation('care');
  const list = useMyApplications();
  const items = list.data ?? [];
  return (
    <CarePage title={t('tiles.myAssistance.title')} testId="my-assistance">
      <ListState pending={list.isPending} error={list.error} empty={items.length === 0} emptyTitle={t('resident.noApplications')} emptyHint={t('resident.noApplicationsHint')}>
        {items.map((a) => (
          <ApplicationCard key={a.id} app={a} />
        ))}
      </ListState>
    </CarePage>
  );
}
