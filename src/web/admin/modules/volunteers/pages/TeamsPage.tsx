/**
 * 志愿队: the teams of a community (滨湖世纪社区 has 67), whom they belong to, their leaders and
 * members, and the hours served in their activities. Staff found teams and manage members.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../../shared/csv';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import type { Team } from '../common';
import { CommunitySelect } from '../components';
import { useCommunities, useTeams } from '../data';
import { CreateTeamModal } from './CreateTeamModal';
import { TeamDrawer } from './TeamDrawer';
import '../volunteers.css';

export default function TeamsPage() {
  const { t } = useTranslation('volunteers');
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string>();
  const [q, setQ] = useState('');
  const paging = useCursorPaging(20);
  const teams = useTeams({ communityId, q: q || undefined, cursor: paging.cursor, limit: paging.size });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Team | null>(null);
  const many = (communities.data?.length ?? 0) > 1;
  const items = teams.data?.items ?? [];

  const columns: TableColumnsType<Team> = [
    { title: t('teams.fields.name'), dataIndex: 'name', render: (v: string, r) => <Button type="link" className="vol-name-link" onClick={() => setOpen(r)}>{v}</Button> },
    ...(many ? [{ title: t('fields.community'), dataIndex: 'communityName' }] : []),
    { title: t('teams.fields.owner'), dataIndex: 'ownerKind', width: 160, render: (v: Team['ownerKind'], r: Team) => <span>{t(`ownerKinds.${v}`)}{r.partnerUnitName ? <Typography.Text type="secondary" className="small"> · {r.partnerUnitName}</Typography.Text> : null}</span> },
    { title: t('teams.fields.leaders'), dataIndex: 'leaders', render: (l: Team['leaders']) => (l.length ? l.map((x) => x.name).join(t('common.separator')) : '—') },
    { title: t('teams.fields.members'), dataIndex: 'memberCount', width: 100, align: 'right', sorter: (a, b) => a.memberCount - b.memberCount },
    { title: t('teams.fields.hours'), dataIndex: 'confirmedHours', width: 130, align: 'right', sorter: (a, b) => a.confirmedHours - b.confirmedHours },
    { title: t('teams.fields.foundedOn'), dataIndex: 'foundedOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('fields.status'), dataIndex: 'status', width: 90, render: (v: Team['status']) => <Tag bordered={false} color={v === 'active' ? 'green' : 'default'}>{t(`teamStatus.${v}`)}</Tag> },
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('nav.volunteerTeams')}.csv`,
      [t('teams.fields.name'), t('fields.community'), t('teams.fields.owner'), t('teams.fields.leaders'), t('teams.fields.members'), t('teams.fields.hours')],
      items.map((x) => [x.name, x.communityName, t(`ownerKinds.${x.ownerKind}`), x.leaders.map((l) => l.name).join(' '), x.memberCount, x.confirmedHours]),
    );

  return (
    <PageContainer title={t('nav.volunteerTeams')} description={t('navDescriptions.volunteerTeams')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-team">{t('teams.create')}</Button>}>
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={(v) => (setCommunityId(v), paging.reset())} allowAll />
            <Input.Search allowClear className="toolbar-search" placeholder={t('search.teams')} onSearch={(v) => (setQ(v.trim()), paging.reset())} onChange={(e) => !e.target.value && (setQ(''), paging.reset())} />
          </Space>
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!items.length}>
            {t('common.export')}
          </Button>
        </div>
        {teams.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={teams.error.message} />
        ) : (
          <>
            <Table<Team> rowKey="id" size="middle" loading={teams.isFetching} dataSource={items} columns={columns} pagination={false} data-testid="teams-table" locale={{ emptyText: <Empty description={t('empty.teams')} /> }} />
            <CursorPager paging={paging} nextCursor={teams.data?.nextCursor} shown={items.length} loading={teams.isFetching} />
          </>
        )}
      </Card>
      {creating && <CreateTeamModal communities={communities.data ?? []} defaultCommunityId={communityId} onClose={() => setCreating(false)} />}
      {open && <TeamDrawer team={open} onClose={() => setOpen(null)} />}
    </PageContainer>
  );
}
