/**
 * 诉求办理: the worker's queue (assigned to me, open, by due time) and, for staff reading a scope,
 * every ticket with filters. Overdue tickets show red with their escalation level; a row opens
 * the ticket. Hotline calls and walk-ins are logged from here.
 */
import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Result, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { downloadCsv } from '../../../../shared/csv';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { DueCell, shortId, StatusTag, useTicketLabels } from '../components';
import { useCategories, useTickets, type TicketItem, type TicketQuery } from '../data';
import { NewTicketModal } from './NewTicketModal';
import '../tickets.css';

const statuses = ['open', 'submitted', 'accepted', 'reopened', 'resolved', 'returned', 'closed', 'merged'] as const;

export default function QueuePage() {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const staff = can(me, 'ticket.read');
  const [view, setView] = useState<TicketQuery['view']>('assigned');
  const [status, setStatus] = useState<string | undefined>('open');
  const [category, setCategory] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<TicketQuery['sort']>('due');
  const [entry, setEntry] = useState(false);
  const paging = useCursorPaging(20);
  const list = useTickets({ view, status, category, overdue: overdue ? 'true' : undefined, sort, cursor: paging.cursor, limit: paging.size });
  const categories = useCategories(undefined);
  const items = list.data?.items ?? [];
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    paging.reset();
  };
  const order = (key: TicketQuery['sort']): SortOrder => (sort === key ? (key === 'due' ? 'ascend' : 'descend') : null);

  const columns: TableColumnsType<TicketItem> = [
    { title: t('fields.id'), dataIndex: 'id', width: 90, render: (id: string) => <Typography.Text className="mono">{shortId(id)}</Typography.Text> },
    {
      title: t('fields.category'),
      key: 'category',
      width: 130,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{labels.category(r.category.key, r.category.name)}</Typography.Text>
          <Typography.Text type="secondary" className="small">
            {labels.kind(r.kind)} · {labels.channel(r.channel)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('fields.description'), dataIndex: 'description', ellipsis: true },
    { title: t('fields.building'), key: 'place', width: 170, render: (_, r) => r.buildingLabel ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
    { title: t('fields.status'), dataIndex: 'status', width: 100, render: (s: TicketItem['status']) => <StatusTag status={s} /> },
    {
      title: t('fields.assignee'),
      key: 'assignee',
      width: 140,
      render: (_, r) =>
        r.assignee ? (
          <Space size={4}>
            {r.assignee.name}
            {r.assignee.standIn && <Tag bordered={false}>{t('standIn')}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { title: t('fields.dueAt'), key: 'due', width: 190, sorter: true, sortOrder: order('due'), render: (_, r) => <DueCell dueAt={r.dueAt} overdue={r.overdue} escalationLevel={r.escalationLevel} /> },
    { title: t('fields.createdAt'), key: 'created', dataIndex: 'createdAt', width: 150, sorter: true, sortOrder: order('created'), render: (v: string) => formatDateTime(v) },
  ];

  const exportPage = () =>
    downloadCsv(
      t('queue.exportFile'),
      [t('fields.id'), t('fields.category'), t('fields.kind'), t('fields.channel'), t('fields.description'), t('fields.building'), t('fields.status'), t('fields.assignee'), t('fields.dueAt'), t('fields.createdAt')],
      items.map((r) => [shortId(r.id), labels.category(r.category.key, r.category.name), labels.kind(r.kind), labels.channel(r.channel), r.description, r.buildingLabel, labels.status(r.status), r.assignee?.name, formatDateTime(r.dueAt), formatDateTime(r.createdAt)]),
    );

  return (
    <PageContainer
      title={t('nav.ticketQueue')}
      description={t('queue.description')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={exportPage} disabled={!items.length}>
            {t('queue.export')}
          </Button>
          {can(me, 'ticket.create_for') && (
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => setEntry(true)} data-testid="ticket-entry">
              {t('queue.newEntry')}
            </Button>
          )}
        </Space>
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            {staff && (
              <Segmented
                value={view}
                onChange={refilter((v: TicketQuery['view']) => setView(v))}
                options={[
                  { value: 'assigned', label: t('queue.mine') },
                  { value: 'scope', label: t('queue.scope') },
                ]}
                data-testid="queue-view"
              />
            )}
            <Select allowClear className="toolbar-select" placeholder={t('queue.searchStatus')} value={status} onChange={refilter(setStatus)} options={statuses.map((s) => ({ value: s, label: labels.status(s) }))} data-testid="queue-status" />
            <Select
              allowClear
              className="toolbar-select"
              placeholder={t('queue.searchCategory')}
              value={category}
              onChange={refilter(setCategory)}
              options={(categories.data ?? []).map((c) => ({ value: c.key, label: labels.category(c.key, c.name) }))}
            />
            <Checkbox checked={overdue} onChange={(e) => refilter(setOverdue)(e.target.checked)} data-testid="queue-overdue">
              {t('queue.overdueOnly')}
            </Checkbox>
          </Space>
        </div>
        {list.isError ? (
          <Result status="error" title={t('common.load')} subTitle={list.error.message} />
        ) : (
          <>
            <Table<TicketItem>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={items}
              columns={columns}
              pagination={false}
              rowClassName={(r) => (r.overdue ? 'clickable-row ticket-row-overdue' : 'clickable-row')}
              onRow={(r) => ({ onClick: () => void navigate(`/tickets/${r.id}`) })}
              onChange={(_p, _f, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                setSort(s?.columnKey === 'created' ? 'created' : 'due');
                paging.reset();
              }}
              data-testid="tickets-table"
              locale={{ emptyText: <Empty description={view === 'assigned' ? t('queue.emptyMine') : t('queue.empty')} /> }}
            />
            <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={items.length} loading={list.isFetching} />
          </>
        )}
      </Card>
      {entry && <NewTicketModal onClose={() => setEntry(false)} />}
    </PageContainer>
  );
}
