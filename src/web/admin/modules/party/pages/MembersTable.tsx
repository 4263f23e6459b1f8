/** The members of an org (and its sub-orgs), filtered and paged by cursor; a row opens the member's record. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../../shared/csv';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { MembershipTag } from '../components';
import { useMembers, type Member, type PartyOrg } from '../data';
import { MemberDrawer } from './MemberDrawer';

export function MembersTable({ communityId, org }: { communityId: string | undefined; org: PartyOrg | null }) {
  const { t } = useTranslation('party');
  const [filter, setFilter] = useState<{ membership?: string; status?: string; q?: string }>({});
  const paging = useCursorPaging(20);
  const list = useMembers({ communityId, orgId: org?.id, ...filter, cursor: paging.cursor, limit: paging.size });
  const [open, setOpen] = useState<string | null>(null);
  const change = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    paging.reset();
  };

  const columns: TableColumnsType<Member> = [
    { title: t('members.name'), dataIndex: 'name', width: 100 },
    { title: t('members.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('members.status'), dataIndex: 'status', width: 90, render: (v: Member['status']) => <Tag bordered={false} color={v === 'full' ? 'red' : 'orange'}>{t(`status.${v}`)}</Tag> },
    { title: t('members.membership'), dataIndex: 'membership', width: 110, render: (v: Member['membership']) => <MembershipTag value={v} /> },
    { title: t('members.workplace'), dataIndex: 'workplace', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('members.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    { title: t('members.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('members.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>) },
  ];

  const exportPage = () =>
    downloadCsv(
      `party-members-${new Date().toISOString().slice(0, 10)}.csv`,
      [t('members.name'), t('members.org'), t('members.status'), t('members.membership'), t('members.workplace'), t('members.joinedOn'), t('members.tags')],
      (list.data?.items ?? []).map((m) => [m.name, m.orgName, t(`status.${m.status}`), t(`membership.${m.membership}`), m.workplace, m.joinedOn, m.tags.join(' ')]),
    );

  return (
    <>
      <div className="table-toolbar">
        <Space wrap>
          <Input.Search allowClear className="toolbar-search" placeholder={t('members.search')} onSearch={(v) => change({ q: v.trim() || undefined })} data-testid="member-search" />
          <Select allowClear className="toolbar-select" placeholder={t('members.membership')} value={filter.membership} onChange={(v) => change({ membership: v })}
            options={(['registered', 'reporting', 'mobile'] as const).map((k) => ({ value: k, label: t(`membership.${k}`) }))} />
          <Select allowClear className="toolbar-select" placeholder={t('members.status')} value={filter.status} onChange={(v) => change({ status: v })}
            options={(['full', 'probationary'] as const).map((k) => ({ value: k, label: t(`status.${k}`) }))} />
        </Space>
        <Button icon={<DownloadOutlined />} onClick={exportPage} disabled={!list.data?.items.length}>
          {t('common.exportPage')}
        </Button>
      </div>
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        onRow={(m) => ({ onClick: () => setOpen(m.id), className: 'clickable-row' })}
        locale={{ emptyText: <Empty description={org ? t('members.emptyOrg') : t('members.pickOrg')} /> }}
        data-testid="members-table"
      />
      <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      {open && <MemberDrawer memberId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
