/** 微心愿 (staff): the review queue first, then every wish of the area with who claimed it. */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Modal, Result, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { care } from '../../../../../contracts';
import { formatDateTime } from '../../../../shared/format';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { Money, useCareT } from '../components';
import { careApi, useCareMutation, useWishes } from '../data';
import type { WishView } from '../types';
import '../care.css';

type Filter = WishView['status'] | 'all';
const statusColor: Record<WishView['status'], string> = { pending_review: 'gold', open: 'blue', claimed: 'purple', fulfilled: 'cyan', confirmed: 'green', rejected: 'default' };

export default function WishesPage() {
  const t = useCareT();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Filter>('pending_review');
  const paging = useCursorPaging(20);
  const wishes = useWishes({ status: status === 'all' ? undefined : status, cursor: paging.cursor, limit: paging.size });
  const review = useCareMutation(({ id, body }: { id: string; body: Record<string, unknown> }) => careApi.reviewWish(id, body));
  const [rejecting, setRejecting] = useState<WishView | null>(null);
  const [reason, setReason] = useState('');
  const decide = (w: WishView, decision: 'approve' | 'reject', why?: string) =>
    review.mutate({ id: w.id, body: { decision, ...(why ? { reason: why } : {}) } }, { onSuccess: () => (message.success(t('wishes.reviewed')), setRejecting(null)), onError: (e) => message.error(e.message) });

  const columns: TableColumnsType<WishView> = [
    { title: t('wishes.title'), dataIndex: 'title', render: (v: string, w) => <div><div className="care-strong">{v}</div>{w.story && <div className="care-small care-muted">{w.story}</div>}</div> },
    { title: t('wishes.wisher'), dataIndex: 'wisherName', width: 100 },
    { title: t('wishes.category'), dataIndex: 'category', width: 110, render: (v: string) => t(`wishCategories.${v}`) },
    { title: t('wishes.price'), dataIndex: 'priceFen', width: 90, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: t('wishes.status'), dataIndex: 'status', width: 90, render: (v: WishView['status']) => <Tag color={statusColor[v]}>{t(`wishStatuses.${v}`)}</Tag> },
    { title: t('wishes.claimedBy'), dataIndex: 'claimedByName', render: (v: string | null, w) => (v ? [w.claimedPartnerUnitName, v].filter(Boolean).join(' · ') : '—') },
    { title: t('wishes.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, w) =>
        w.status === 'pending_review' && (
          <Space size={0}>
            <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => decide(w, 'approve')} data-testid={`approve-wish-${w.id}`}>{t('wishes.approve')}</Button>
            <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => (setReason(''), setRejecting(w))}>{t('wishes.reject')}</Button>
          </Space>
        ),
    },
  ];

  return (
    <PageContainer title={t('nav.careWishes')} description={t('navDescriptions.careWishes')}>
      <Card variant="borderless">
        <div className="table-toolbar">
          <Segmented<Filter> value={status} onChange={(v) => (setStatus(v), paging.reset())} options={[...care.model.wishStatuses, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`wishStatuses.${s}`) }))} data-testid="wish-status-filter" />
        </div>
        {wishes.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={wishes.error.message} />
        ) : (
          <>
            <Table<WishView> rowKey="id" size="middle" loading={wishes.isFetching} dataSource={wishes.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('common.empty')} /> }} data-testid="wishes-table" />
            <CursorPager paging={paging} nextCursor={wishes.data?.nextCursor} shown={wishes.data?.items.length ?? 0} loading={wishes.isFetching} />
          </>
        )}
      </Card>
      <Modal open={!!rejecting} title={t('wishes.reject')} onCancel={() => setRejecting(null)} onOk={() => rejecting && reason.trim() && decide(rejecting, 'reject', reason.trim())} okButtonProps={{ danger: true, disabled: !reason.trim() }} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Input.TextArea rows={3} placeholder={t('wishes.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </PageContainer>
  );
}
