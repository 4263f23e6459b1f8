/**
 * 党建联席会 (四方联动): the monthly meetings of community, property company, owners' committee and
 * social workers — who came, the minutes, decisions as action items with owner and due date, and
 * the items still open that carry over to the next meeting's agenda.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, useCommunity } from '../components';
import { useMeetings, type MeetingListItem, type MeetingParty } from '../data';
import { MeetingDrawer } from './MeetingDrawer';
import { MeetingFormModal } from './MeetingFormModal';

export const partyColors: Record<MeetingParty, string> = { community: 'red', property_company: 'blue', owners_committee: 'green', social_worker: 'purple' };
export const allParties: MeetingParty[] = ['community', 'property_company', 'owners_committee', 'social_worker'];

export default function MeetingsPage() {
  const { t } = useTranslation('party');
  const { data: me } = useMe();
  const [communityId, setCommunityId] = useCommunity();
  const paging = useCursorPaging(20);
  const list = useMeetings({ communityId, cursor: paging.cursor, limit: paging.size });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<MeetingListItem> = [
    { title: t('meetings.title'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('meetings.heldAt'), dataIndex: 'heldAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('meetings.parties'),
      key: 'parties',
      render: (_, m) => (m.partiesPresent.length === 0 ? <Typography.Text type="secondary">{t('meetings.planned')}</Typography.Text> : (
        <Space size={[4, 4]} wrap>
          {allParties.map((p) => <Tag key={p} bordered={false} color={m.partiesPresent.includes(p) ? partyColors[p] : 'default'}>{t(`parties.${p}`)}</Tag>)}
        </Space>
      )),
    },
    { title: t('meetings.attendees'), dataIndex: 'attendees', width: 80, align: 'right' },
    { title: t('meetings.decisions'), dataIndex: 'decisions', width: 80, align: 'right' },
    { title: t('meetings.openActions'), dataIndex: 'openActions', width: 90, align: 'right', render: (v: number) => (v ? <Tag color="orange" bordered={false}>{v}</Tag> : 0) },
  ];

  return (
    <PageContainer
      title={t('nav.partyMeetings')}
      description={t('meetings.description')}
      extra={<Space><CommunitySelect value={communityId} onChange={setCommunityId} />{can(me, 'joint_meeting.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('meetings.create')}</Button>}</Space>}
    >
      <Card variant="borderless">
        <Table<MeetingListItem> rowKey="id" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} pagination={false} data-testid="meetings-table"
          onRow={(m) => ({ onClick: () => setOpen(m.id), className: 'clickable-row' })} locale={{ emptyText: <Empty description={t('meetings.empty')} /> }} />
        <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      </Card>
      {open && <MeetingDrawer meetingId={open} onClose={() => setOpen(null)} />}
      {creating && <MeetingFormModal communityId={communityId} onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
