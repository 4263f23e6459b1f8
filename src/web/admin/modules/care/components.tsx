/** Small pieces the care pages share: tags for the vocabularies, money, the application step bar. */
import { LockOutlined } from '@ant-design/icons';
import { Select, Steps, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { care } from '../../../../contracts';
import { formatDateTime } from '../../../shared/format';
import type { OrgView } from '../../../shared/types';
import { yuan, type ApplicationView, type AssistanceStatus } from './types';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for keys built at run time from server vocabularies (the catalogs are typed by zh-CN.json). */
export function useCareT(): LooseT {
  const { t } = useTranslation('care');
  return t as unknown as LooseT;
}

const statusColor: Record<AssistanceStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  community_review: 'processing',
  public_notice: 'gold',
  street_review: 'purple',
  approved: 'success',
  rejected: 'error',
};

export function StatusTag({ status }: { status: AssistanceStatus }) {
  const t = useCareT();
  return <Tag color={statusColor[status]}>{t(`statuses.${status}`)}</Tag>;
}

export function Tags({ ns, values, color }: { ns: string; values: readonly string[]; color?: string }) {
  const t = useCareT();
  if (!values.length) return <>—</>;
  return (
    <>
      {values.map((v) => (
        <Tag key={v} bordered={false} color={color}>
          {t(`${ns}.${v}`, { defaultValue: v })}
        </Tag>
      ))}
    </>
  );
}

/** A condition tag; restricted kinds carry a lock (only the care officer ever receives them). */
export function ConditionTag({ kind, detail, resolved }: { kind: string; detail: string | null; resolved: boolean }) {
  const t = useCareT();
  const restricted = care.model.isRestrictedKind(kind);
  const tag = (
    <Tag color={restricted ? 'red' : resolved ? 'default' : 'orange'} icon={restricted ? <LockOutlined /> : undefined} data-testid={restricted ? 'restricted-condition' : undefined}>
      {t(`conditions.${kind}`)}
      {resolved ? ` · ${t('file.resolved')}` : ''}
    </Tag>
  );
  const tip = [detail, restricted ? t('file.restricted') : null].filter(Boolean).join(' — ');
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}

export const Money = ({ fen }: { fen: number | null | undefined }) => {
  const t = useCareT();
  return <span className="care-money">{fen === null || fen === undefined ? '—' : t('common.yuan', { amount: yuan(fen) })}</span>;
};

export function CommunitySelect({ communities, value, onChange, allowAll }: { communities: readonly OrgView[]; value: string | undefined; onChange: (v: string | undefined) => void; allowAll?: boolean }) {
  const t = useCareT();
  if (communities.length <= 1 && !allowAll) return null;
  return (
    <Select
      className="care-toolbar-select"
      placeholder={t('common.community')}
      allowClear={allowAll}
      value={value}
      onChange={onChange}
      options={communities.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="community-select"
    />
  );
}

/**
 * The step bar: the path draft → … → approved from the state machine, each passed step with who
 * and when; a rejection shows as an error at the step where it happened.
 */
export function ApplicationSteps({ app }: { app: ApplicationView }) {
  const t = useCareT();
  const path = care.model.assistancePath;
  const rejectedFrom = app.status === 'rejected' ? app.steps.find((s) => s.toStatus === 'rejected')?.fromStatus : undefined;
  const current = app.status === 'rejected' ? path.indexOf(rejectedFrom as AssistanceStatus) : path.indexOf(app.status);
  const reached = (status: string) => app.steps.filter((s) => s.toStatus === status).pop();
  return (
    <Steps
      className="care-steps"
      size="small"
      current={current}
      status={app.status === 'rejected' ? 'error' : app.status === 'approved' ? 'finish' : 'process'}
      data-testid="application-steps"
      items={path.map((status, i) => {
        const step = reached(status);
        const isRejectHere = app.status === 'rejected' && i === current;
        return {
          title: isRejectHere ? t('statuses.rejected') : t(`statuses.${status}`),
          description: isRejectHere
            ? app.rejectReason
            : step
              ? `${step.actorName} · ${formatDateTime(step.at)}`
              : status === 'public_notice' && app.noticeEndsAt && app.status === 'public_notice'
                ? t('applications.noticeRunning', { date: formatDateTime(app.noticeEndsAt) })
                : undefined,
        };
      })}
    />
  );
}
