/** Small pieces shared by the ticket pages: labels, status and due tags, the public timeline. */
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, fromNow } from '../../../shared/format';
import type { TicketEvent, TicketStatus } from './data';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** Words for identifiers the API returns (statuses, kinds, categories…), in the UI language. */
export function useTicketLabels() {
  const { t } = useTranslation('tickets');
  return useMemo(() => {
    const lt = t as unknown as LooseT;
    const look = (prefix: string) => (key: string, fallback?: string) => lt(`${prefix}.${key}`, { defaultValue: fallback ?? key });
    return {
      status: look('status'),
      kind: look('kind'),
      channel: look('channel'),
      action: look('action'),
      event: look('event'),
      category: (key: string, name?: string) => lt(`category.${key}`, { defaultValue: name ?? key }),
      escalation: (level: number) => lt(`escalation.${level}`, { defaultValue: '' }),
    };
  }, [t]);
}

export const statusColor: Record<TicketStatus, string> = {
  submitted: 'gold',
  accepted: 'processing',
  reopened: 'volcano',
  resolved: 'success',
  returned: 'default',
  closed: 'default',
  merged: 'purple',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  const labels = useTicketLabels();
  return (
    <Tag color={statusColor[status]} bordered={false} data-testid="ticket-status">
      {labels.status(status)}
    </Tag>
  );
}

/** The due time, red when overdue, with the escalation level (督办) once pushed. */
export function DueCell({ dueAt, overdue, escalationLevel }: { dueAt: string; overdue: boolean; escalationLevel: number }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  return (
    <Space size={4} wrap>
      <Tooltip title={formatDateTime(dueAt)}>
        <Typography.Text type={overdue ? 'danger' : undefined}>
          {overdue ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />} {overdue ? t('overdue') : t('dueIn', { when: fromNow(dueAt) })}
        </Typography.Text>
      </Tooltip>
      {escalationLevel > 0 && (
        <Tag color={escalationLevel === 2 ? 'red' : 'orange'} bordered={false}>
          {labels.escalation(escalationLevel)}
        </Tag>
      )}
    </Space>
  );
}

const eventColor = (action: string) => (action === 'escalate' ? 'red' : action === 'resolve' ? 'green' : action === 'return' || action === 'merge' ? 'gray' : 'blue');

/** The public timeline: who did what, when, and why. */
export function TicketTimeline({ events, testId }: { events: TicketEvent[]; testId?: string }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  return (
    <Timeline
      data-testid={testId}
      items={events.map((e) => ({
        color: eventColor(e.action),
        children: (
          <div className="ticket-event">
            <Space size={6} wrap>
              <Typography.Text strong>{labels.event(e.action)}</Typography.Text>
              <Typography.Text type="secondary">{e.actorKind === 'system' ? t('event.system') : e.actorName}</Typography.Text>
              <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </Space>
            {e.note && <div className="ticket-event-note">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

export const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
export const shortId = (id: string): string => id.slice(-6).toUpperCase();
