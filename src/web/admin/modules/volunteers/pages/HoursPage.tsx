/**
 * 考勤与时长确认: the activities of a period with how many hours still wait for the organizer's
 * confirmation — only confirmed hours count toward totals, stars and certificates.
 */
import { Badge, Card, DatePicker, Empty, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer';
import type { Activity } from '../common';
import { CommunitySelect } from '../components';
import { useActivitiesBetween, useCommunities } from '../data';
import '../volunteers.css';

export default function HoursPage() {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(30, 'day'), dayjs()]);
  const [only, setOnly] = useState<'awaiting' | 'all'>('awaiting');
  const list = useActivitiesBetween({ communityId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), awaiting: only === 'awaiting' });
  const rows = [...(list.data ?? [])].filter((a) => a.status !== 'draft').reverse();
  const awaiting = rows.reduce((n, a) => n + a.awaitingConfirmation, 0);

  const columns: TableColumnsType<Activity> = [
    { title: t('activities.fields.time'), dataIndex: 'startsAt', width: 170, render: (v: string, a) => `${dayjs(v).format('YYYY-MM-DD HH:mm')}–${dayjs(a.endsAt).format('HH:mm')}` },
    { title: t('activities.fields.title'), dataIndex: 'title', render: (v: string, a) => <Space size={4}>{v}{a.status === 'cancelled' && <Tag bordered={false}>{t('activityStatus.cancelled')}</Tag>}</Space> },
    { title: t('fields.team'), dataIndex: 'teamName', render: (v: string | null) => v ?? '—' },
    { title: t('hours.signedUp'), dataIndex: 'signedUp', width: 90, align: 'right' },
    { title: t('hours.awaiting'), dataIndex: 'awaitingConfirmation', width: 110, align: 'right', sorter: (a, b) => a.awaitingConfirmation - b.awaitingConfirmation, render: (v: number) => (v ? <Badge count={v} color="#fa8c16" showZero={false} /> : '—') },
    { title: t('hours.confirmedHours'), dataIndex: 'confirmedHours', width: 120, align: 'right', sorter: (a, b) => a.confirmedHours - b.confirmedHours },
  ];

  return (
    <PageContainer title={t('nav.volunteerHours')} description={t('navDescriptions.volunteerHours')}>
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} allowAll />
            <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
            <Segmented value={only} onChange={setOnly} options={[{ value: 'awaiting', label: t('hours.onlyAwaiting') }, { value: 'all', label: t('hours.all') }]} data-testid="hours-filter" />
          </Space>
          <span data-testid="awaiting-total">{t('hours.awaitingTotal', { count: awaiting })}</span>
        </div>
        <Table<Activity>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          columns={columns}
          rowClassName="clickable-row"
          onRow={(a) => ({ onClick: () => void navigate(`/volunteers/activities/${a.id}`) })}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { count: n }) }}
          data-testid="hours-table"
          locale={{ emptyText: <Empty description={only === 'awaiting' ? t('empty.awaiting') : t('empty.activities')} /> }}
        />
      </Card>
    </PageContainer>
  );
}
