/**
 * 志愿者: the register of a community — applications waiting for approval first, then everyone
 * with their teams, skills, confirmed hours and stars. Staff approve or decline applications,
 * register people directly, and open a volunteer to print a certificate.
 */
import { CheckOutlined, CloseOutlined, DownloadOutlined, PauseCircleOutlined, PlayCircleOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Modal, Result, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api';
import { downloadCsv } from '../../../../shared/csv';
import { formatDateTime } from '../../../../shared/format';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import type { ReviewAction, Volunteer, VolunteerStatus } from '../common';
import { CommunitySelect, Stars, StatusTag, useOptionLists } from '../components';
import { useCommunities, useReview, useVolunteers } from '../data';
import { RegisterVolunteerModal } from './RegisterVolunteerModal';
import { VolunteerDrawer } from './VolunteerDrawer';
import '../volunteers.css';

type Filter = VolunteerStatus | 'all';
const filters: Filter[] = ['pending', 'approved', 'suspended', 'rejected', 'all'];
const actionIcon: Record<ReviewAction, React.ReactNode> = { approve: <CheckOutlined />, reject: <CloseOutlined />, suspend: <PauseCircleOutlined />, reinstate: <PlayCircleOutlined /> };

export default function VolunteersPage() {
  const { t } = useTranslation('volunteers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const communities = useCommunities();
  const options = useOptionLists();
  const [communityId, setCommunityId] = useState<string>();
  const [filter, setFilter] = useState<Filter>('pending');
  const [skill, setSkill] = useState<string>();
  const [q, setQ] = useState('');
  const paging = useCursorPaging(20);
  const list = useVolunteers({ communityId, status: filter === 'all' ? undefined : filter, skill, q: q || undefined, cursor: paging.cursor, limit: paging.size });
  const review = useReview();
  const [noting, setNoting] = useState<{ volunteer: Volunteer; action: ReviewAction } | null>(null);
  const [note, setNote] = useState('');
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const many = (communities.data?.length ?? 0) > 1;

  const act = (v: Volunteer, action: ReviewAction, withNote?: string) =>
    review.mutate(
      { id: v.id, version: v.version, action, note: withNote || null },
      {
        onSuccess: () => message.success(t(`review.done.${action}`, { name: v.name })),
        onError: (err) => message.error(isApiError(err, 'version_conflict') ? tc('errors.versionConflict') : err.message),
      },
    );
  const onAction = (v: Volunteer, action: ReviewAction) => (action === 'reject' || action === 'suspend' ? (setNote(''), setNoting({ volunteer: v, action })) : act(v, action));
  const refilter = (f: () => void) => {
    f();
    paging.reset();
  };

  const columns: TableColumnsType<Volunteer> = [
    { title: t('fields.name'), dataIndex: 'name', render: (v: string, r) => <Button type="link" className="vol-name-link" onClick={() => setOpen(r.id)}>{v}</Button> },
    ...(many ? [{ title: t('fields.community'), dataIndex: 'communityName' }] : []),
    { title: t('fields.origin'), dataIndex: 'origin', width: 110, render: (v: Volunteer['origin'], r: Volunteer) => <span>{t(`origins.${v}`)}{r.partnerUnitName ? <Typography.Text type="secondary" className="small"> · {r.partnerUnitName}</Typography.Text> : null}</span> },
    { title: t('fields.teams'), dataIndex: 'teams', render: (teams: Volunteer['teams']) => (teams.length ? teams.map((x) => <Tag key={x.id} bordered={false} color={x.role === 'leader' ? 'red' : undefined}>{x.name}{x.role === 'leader' ? ` · ${t('teamRoles.leader')}` : ''}</Tag>) : '—') },
    { title: t('fields.skills'), dataIndex: 'skills', render: (skills: string[]) => (skills.length ? skills.map((s) => <Tag key={s} bordered={false}>{t(`skills.${s}` as 'skills.first_aid')}</Tag>) : '—') },
    { title: t('fields.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('fields.hours'), dataIndex: 'confirmedHours', width: 100, align: 'right', sorter: (a, b) => a.confirmedHours - b.confirmedHours },
    { title: t('fields.stars'), dataIndex: 'starLevel', width: 110, render: (level: number) => <Stars level={level} /> },
    { title: t('fields.status'), dataIndex: 'status', width: 90, render: (s: VolunteerStatus) => <StatusTag status={s} /> },
    { title: t('fields.registeredAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, v) => (
        <Space size={0} wrap>
          {v.actions.map((action) => (
            <Button key={action} type="link" size="small" danger={action === 'reject' || action === 'suspend'} icon={actionIcon[action]} onClick={() => onAction(v, action)} data-testid={`${action}-${v.name}`}>
              {t(`review.actions.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  const items = list.data?.items ?? [];
  const exportCsv = () =>
    downloadCsv(
      `${t('nav.volunteers')}.csv`,
      [t('fields.name'), t('fields.community'), t('fields.origin'), t('fields.teams'), t('fields.phone'), t('fields.hours'), t('fields.stars'), t('fields.status')],
      items.map((v) => [v.name, v.communityName, t(`origins.${v.origin}`), v.teams.map((x) => x.name).join(' '), v.phone ?? '', v.confirmedHours, v.starLevel, t(`status.${v.status}`)]),
    );

  return (
    <PageContainer
      title={t('nav.volunteers')}
      description={t('navDescriptions.volunteers')}
      extra={<Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="register-volunteer">{t('register.open')}</Button>}
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={(v) => refilter(() => setCommunityId(v))} allowAll />
            <Segmented<Filter> value={filter} onChange={(f) => refilter(() => setFilter(f))} options={filters.map((f) => ({ value: f, label: t(`filters.${f}`) }))} data-testid="status-filter" />
            <Select allowClear className="toolbar-select" placeholder={t('fields.skills')} options={options.skills} value={skill} onChange={(v) => refilter(() => setSkill(v))} />
            <Input.Search allowClear className="toolbar-search" placeholder={t('search.volunteers')} onSearch={(v) => refilter(() => setQ(v.trim()))} onChange={(e) => !e.target.value && refilter(() => setQ(''))} />
          </Space>
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!items.length}>
            {t('common.export')}
          </Button>
        </div>
        {list.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
        ) : (
          <>
            <Table<Volunteer>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={items}
              columns={columns}
              pagination={false}
              scroll={{ x: 1200 }}
              data-testid="volunteers-table"
              locale={{ emptyText: <Empty description={filter === 'pending' ? t('empty.pending') : t('empty.volunteers')} /> }}
            />
            <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={items.length} loading={list.isFetching} />
          </>
        )}
      </Card>
      <Modal
        open={!!noting}
        title={noting ? t(`review.noteTitle.${noting.action}`, { name: noting.volunteer.name }) : ''}
        okText={noting ? t(`review.actions.${noting.action}`) : ''}
        okButtonProps={{ danger: true }}
        cancelText={tc('common.cancel')}
        onCancel={() => setNoting(null)}
        onOk={() => {
          if (noting) act(noting.volunteer, noting.action, note.trim());
          setNoting(null);
        }}
      >
        <Input.TextArea rows={3} maxLength={200} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('review.notePlaceholder')} />
      </Modal>
      {registering && <RegisterVolunteerModal communities={communities.data ?? []} defaultCommunityId={communityId} onClose={() => setRegistering(false)} />}
      {open && <VolunteerDrawer id={open} onClose={() => setOpen(null)} />}
    </PageContainer>
  );
}
