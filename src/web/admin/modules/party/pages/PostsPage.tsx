/** 服务岗位: publish posts with capacity and period, see who claimed them, confirm the service done. */
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Drawer, Empty, Form, Input, InputNumber, Popconfirm, Progress, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { party } from '../../../../../contracts';
import { api, isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, useCommunity } from '../components';
import { FormModal } from '../FormModal';
import { partyKey, post, useClaims, usePartyMutation, usePartyOrgs, usePosts, type Claim, type ServicePost } from '../data';
import { useQueryClient } from '@tanstack/react-query';

type When = 'upcoming' | 'past' | 'all';

export default function PostsPage() {
  const { t } = useTranslation('party');
  const { data: me } = useMe();
  const [communityId, setCommunityId] = useCommunity();
  const [when, setWhen] = useState<When>('upcoming');
  const paging = useCursorPaging(20);
  const list = usePosts({ communityId, when, cursor: paging.cursor, limit: paging.size });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<ServicePost | null>(null);

  const columns: TableColumnsType<ServicePost> = [
    { title: t('posts.title'), dataIndex: 'title', render: (v: string, p) => <Space direction="vertical" size={0}><Typography.Text strong>{v}</Typography.Text><Typography.Text type="secondary" className="small">{p.orgName ?? p.buildingName ?? ''}</Typography.Text></Space> },
    { title: t('posts.period'), key: 'period', width: 220, render: (_, p) => `${formatDateTime(p.startsAt)} – ${formatDateTime(p.endsAt).slice(11)}` },
    { title: t('posts.claimed'), key: 'claimed', width: 200, render: (_, p) => <Progress percent={Math.round((p.claimedCount / p.capacity) * 100)} format={() => `${p.claimedCount}/${p.capacity}`} size="small" status={p.claimedCount >= p.capacity ? 'success' : 'active'} /> },
    { title: t('posts.done'), dataIndex: 'doneCount', width: 80, align: 'right' },
    { title: t('posts.status'), dataIndex: 'status', width: 90, render: (v: ServicePost['status']) => <Tag bordered={false} color={v === 'open' ? 'green' : 'default'}>{t(`postStatus.${v}`)}</Tag> },
    { title: t('common.actions'), key: 'actions', width: 110, render: (_, p) => <Button type="link" size="small" icon={<TeamOutlined />} onClick={() => setOpen(p)} data-testid={`claims-${p.title}`}>{t('posts.claims')}</Button> },
  ];

  return (
    <PageContainer
      title={t('nav.partyPosts')}
      description={t('posts.description')}
      extra={
        <Space>
          <CommunitySelect value={communityId} onChange={setCommunityId} />
          {can(me, 'service_post.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="post-create">{t('posts.create')}</Button>}
        </Space>
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Segmented<When> value={when} onChange={(v) => { setWhen(v); paging.reset(); }} options={(['upcoming', 'past', 'all'] as const).map((k) => ({ value: k, label: t(`posts.when.${k}`) }))} />
        </div>
        <Table<ServicePost> rowKey="id" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} pagination={false} data-testid="posts-table"
          locale={{ emptyText: <Empty description={t('posts.empty')} /> }} />
        <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      </Card>
      {creating && <PostFormModal communityId={communityId} onClose={() => setCreating(false)} />}
      {open && <ClaimsDrawer post={open} onClose={() => setOpen(null)} />}
    </PageContainer>
  );
}

interface PostValues {
  title: string;
  description?: string;
  capacity: number;
  period: [Dayjs, Dayjs];
  orgId?: string;
}

function PostFormModal({ communityId, onClose }: { communityId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { t: tc } = useTranslation();
  const orgs = usePartyOrgs(communityId);
  const create = usePartyMutation(post('/service-posts'));
  return (
    <FormModal<PostValues>
      title={t('posts.create')}
      onClose={onClose}
      testId="post-form"
      successText={tc('common.created')}
      initialValues={{ capacity: 5 }}
      onSubmit={({ period, ...v }) => create.mutateAsync({ communityId, ...v, description: v.description ?? '', startsAt: period[0].toISOString(), endsAt: period[1].toISOString() })}
    >
      <Form.Item name="title" label={t('posts.title')} rules={[zodRule(party.text(100), tc)]} required><Input maxLength={100} /></Form.Item>
      <Form.Item name="description" label={t('posts.descriptionField')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      <Form.Item name="capacity" label={t('posts.capacity')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1} max={10000} /></Form.Item>
      <Form.Item name="period" label={t('posts.period')} rules={[{ required: true, message: t('common.required') }]}><DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" /></Form.Item>
      <Form.Item name="orgId" label={t('posts.group')}>
        <Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
    </FormModal>
  );
}

function ClaimsDrawer({ post: p, onClose }: { post: ServicePost; onClose: () => void }) {
  const { t } = useTranslation('party');
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const claims = useClaims(p.id);
  const started = new Date(p.startsAt).getTime() <= Date.now();
  const complete = async (c: Claim) => {
    try {
      await api.post(`/service-posts/${p.id}/claims/${c.id}/complete`);
      await queryClient.invalidateQueries({ queryKey: partyKey });
      message.success(t('posts.completed'));
    } catch (err) {
      message.error(isApiError(err) ? err.message : String(err));
    }
  };
  return (
    <Drawer open width={560} title={p.title} onClose={onClose} data-testid="claims-drawer">
      <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>
      <Table<Claim>
        rowKey="id"
        size="small"
        loading={claims.isPending}
        dataSource={claims.data ?? []}
        pagination={false}
        locale={{ emptyText: t('posts.noClaims') }}
        columns={[
          { title: t('members.name'), dataIndex: 'memberName' },
          { title: t('members.org'), dataIndex: 'orgName', ellipsis: true },
          { title: t('posts.claimedAt'), dataIndex: 'claimedAt', render: (v: string) => formatDateTime(v) },
          { title: t('posts.status'), dataIndex: 'status', render: (v: Claim['status']) => <Tag bordered={false} color={v === 'done' ? 'green' : v === 'claimed' ? 'blue' : 'default'}>{t(`claimStatus.${v}`)}</Tag> },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, c) =>
              c.status === 'claimed' && can(me, 'service_post.manage') && (
                <Popconfirm title={t('posts.completeConfirm')} onConfirm={() => void complete(c)} disabled={!started}>
                  <Button type="link" size="small" disabled={!started} title={started ? undefined : t('posts.notStarted')}>{t('posts.complete')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
