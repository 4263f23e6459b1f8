/** A team's members, leaders first; staff add approved volunteers, name leaders and remove members. */
import { CrownOutlined, DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import type { Team, TeamMember } from '../common';
import { Stars } from '../components';
import { useAddMember, useRemoveMember, useTeamMembers, useVolunteers } from '../data';

export function TeamDrawer({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [cursors, setCursors] = useState<string[]>([]);
  const members = useTeamMembers(team.id, cursors[cursors.length - 1]);
  const add = useAddMember();
  const remove = useRemoveMember();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string>();
  const candidates = useVolunteers({ communityId: team.communityId, status: 'approved', q: q || undefined, limit: 20 });
  const onError = (err: Error) => message.error(err.message);

  const columns: TableColumnsType<TeamMember> = [
    { title: t('fields.name'), dataIndex: 'name', render: (v: string, r) => <Space>{v}{r.role === 'leader' && <Tag color="red" bordered={false}>{t('teamRoles.leader')}</Tag>}</Space> },
    { title: t('fields.hours'), dataIndex: 'confirmedHours', width: 90, align: 'right' },
    { title: t('fields.stars'), dataIndex: 'starLevel', width: 100, render: (l: number) => <Stars level={l} /> },
    { title: t('teams.fields.joinedAt'), dataIndex: 'joinedAt', width: 140, render: (v: string) => formatDateTime(v).slice(0, 10) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, m) => (
        <Space size={0}>
          {m.role !== 'leader' && (
            <Button type="link" size="small" icon={<CrownOutlined />} onClick={() => add.mutate({ teamId: team.id, volunteerId: m.volunteerId, role: 'leader' }, { onError })}>
              {t('teams.makeLeader')}
            </Button>
          )}
          <Popconfirm title={t('teams.removeConfirm', { name: m.name })} okText={tc('common.confirm')} cancelText={tc('common.cancel')} onConfirm={() => remove.mutate({ teamId: team.id, volunteerId: m.volunteerId }, { onError })}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('teams.remove')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Drawer open width={640} title={team.name} onClose={onClose} data-testid="team-drawer">
      <Space.Compact className="full-width vol-add-member">
        <Select
          showSearch
          filterOption={false}
          className="full-width"
          placeholder={t('teams.addPlaceholder')}
          value={picked}
          onChange={setPicked}
          onSearch={(v) => setQ(v.trim())}
          options={(candidates.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name}${v.phone ? ` · ${v.phone}` : ''}` }))}
        />
        <Button type="primary" icon={<UserAddOutlined />} disabled={!picked} loading={add.isPending} onClick={() => picked && add.mutate({ teamId: team.id, volunteerId: picked, role: 'member' }, { onSuccess: () => setPicked(undefined), onError })}>
          {t('teams.add')}
        </Button>
      </Space.Compact>
      <Table<TeamMember> rowKey="volunteerId" size="small" loading={members.isFetching} dataSource={members.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('empty.members')} /> }} />
      <div className="cursor-pager">
        <span />
        <Space>
          <Button disabled={!cursors.length} onClick={() => setCursors((c) => c.slice(0, -1))}>{tc('paging.prev')}</Button>
          <Button disabled={!members.data?.nextCursor} onClick={() => members.data?.nextCursor && setCursors((c) => [...c, members.data!.nextCursor!])}>{tc('paging.next')}</Button>
        </Space>
      </div>
    </Drawer>
  );
}
