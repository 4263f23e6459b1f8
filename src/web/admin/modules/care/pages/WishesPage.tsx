/** 微心愿 (staff): the review queue first, then every wish of the area with who claimed it. */
import { CheckOutlined, CloseOutlined, GiftOutlined, PlusOutlined, SmileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Result, Segmented, Select, Space, Table, Tag, Upload, type TableColumnsType, type UploadFile } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { care } from '../../../../../contracts';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { Money, useCareT } from '../components';
import { careApi, useCareMutation, useWishes } from '../data';
import type { WishView } from '../types';
import { RecipientSelect } from './RecipientSelect';
import '../care.css';

type Filter = WishView['status'] | 'all';
const statusColor: Record<WishView['status'], string> = { pending_review: 'gold', open: 'blue', claimed: 'purple', fulfilled: 'cyan', confirmed: 'green', rejected: 'default' };


/** 代为许愿: staff post a wish for a resident of a care household (an elderly person without a phone). */
function PostOnBehalf({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const post = useCareMutation(careApi.postWish);
  const submit = async () => {
    const v = await form.validateFields();
    post.mutate(
      { wisherResidentId: v.wisherResidentId, title: v.title.trim(), category: v.category, priceFen: Math.round(v.priceYuan * 100), ...(v.story?.trim() ? { story: v.story.trim() } : {}) },
      { onSuccess: () => (message.success(t('wishes.posted')), onClose()), onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(e.message) },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={post.isPending} title={t('wishes.postOnBehalf')} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ category: 'daily_goods' }}>
        <Form.Item name="wisherResidentId" label={t('wishes.wisherPick')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <RecipientSelect testId="wish-wisher" />
        </Form.Item>
        <Form.Item name="title" label={t('wishes.title')} rules={[zodRule(care.PostWishBody.shape.title, tc as TFunction)]}>
          <Input maxLength={60} placeholder={t('resident.postWhatPlaceholder')} />
        </Form.Item>
        <Form.Item name="category" label={t('wishes.category')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Select options={care.model.wishCategories.map((c) => ({ value: c, label: t(`wishCategories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="priceYuan" label={t('resident.postPrice')} extra={t('resident.priceHint')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <InputNumber min={0.01} max={care.model.wishPriceCapFen / 100} precision={2} prefix="¥" className="care-full" />
        </Form.Item>
        <Form.Item name="story" label={t('wishes.story')} rules={[zodRule(care.PostWishBody.shape.story, tc as TFunction)]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记送达 (with a photo) or 代为确认收到: the two steps staff may take for a donor or a wisher. */
function WishStep({ wish, step, onClose }: { wish: WishView | null; step: 'fulfil' | 'confirm'; onClose: () => void }) {
  const t = useCareT();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const run = useCareMutation((body: Record<string, unknown>) => (step === 'fulfil' ? careApi.fulfilWish(wish!.id, body) : careApi.confirmWish(wish!.id, body)));
  const photoId = (photos[0]?.response as { id?: string } | undefined)?.id;
  const submit = () => {
    const body = step === 'fulfil' ? { photoId, ...(text.trim() ? { note: text.trim() } : {}) } : text.trim() ? { thanks: text.trim() } : {};
    run.mutate(body, { onSuccess: () => (message.success(step === 'fulfil' ? t('resident.fulfilled') : t('wishes.confirmed')), onClose()), onError: (e) => message.error(e.message) });
  };
  return (
    <Modal open={!!wish} onCancel={onClose} onOk={submit} okButtonProps={{ disabled: step === 'fulfil' && !photoId }} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={run.isPending} title={`${step === 'fulfil' ? t('wishes.fulfil') : t('wishes.confirm')} · ${wish?.title ?? ''}`} destroyOnHidden afterClose={() => (setText(''), setPhotos([]))}>
      {step === 'fulfil' && (
        <Form.Item label={t('wishes.fulfilPhoto')} required>
          <Upload action="/api/v1/uploads" accept="image/jpeg,image/png,image/webp" listType="picture" maxCount={1} fileList={photos} onChange={({ fileList }) => setPhotos(fileList)} withCredentials>
            <Button icon={<UploadOutlined />}>{t('resident.takePhoto')}</Button>
          </Upload>
        </Form.Item>
      )}
      <Input.TextArea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder={step === 'fulfil' ? t('resident.fulfilNote') : t('wishes.thanks')} />
    </Modal>
  );
}

export default function WishesPage() {
  const t = useCareT();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Filter>('pending_review');
  const paging = useCursorPaging(20);
  const wishes = useWishes({ status: status === 'all' ? undefined : status, cursor: paging.cursor, limit: paging.size });
  const review = useCareMutation(({ id, body }: { id: string; body: Record<string, unknown> }) => careApi.reviewWish(id, body));
  const [rejecting, setRejecting] = useState<WishView | null>(null);
  const [reason, setReason] = useState('');
  const { data: me } = useMe();
  const [posting, setPosting] = useState(false);
  const [stepping, setStepping] = useState<{ wish: WishView; step: 'fulfil' | 'confirm' } | null>(null);
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
        w.status === 'pending_review' ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => decide(w, 'approve')} data-testid={`approve-wish-${w.id}`}>{t('wishes.approve')}</Button>
            <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => (setReason(''), setRejecting(w))}>{t('wishes.reject')}</Button>
          </Space>
        ) : w.status === 'claimed' ? (
          <Button type="link" size="small" icon={<GiftOutlined />} onClick={() => setStepping({ wish: w, step: 'fulfil' })}>{t('wishes.fulfil')}</Button>
        ) : w.status === 'fulfilled' ? (
          <Button type="link" size="small" icon={<SmileOutlined />} onClick={() => setStepping({ wish: w, step: 'confirm' })}>{t('wishes.confirm')}</Button>
        ) : w.status === 'rejected' && w.rejectReason ? (
          <span className="care-small care-muted">{w.rejectReason}</span>
        ) : null,
    },
  ];

  return (
    <PageContainer
      title={t('nav.careWishes')}
      description={t('navDescriptions.careWishes')}
      extra={can(me, 'wish.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="post-wish-on-behalf">{t('wishes.postOnBehalf')}</Button>}
    >
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
      <PostOnBehalf open={posting} onClose={() => setPosting(false)} />
      <WishStep wish={stepping?.wish ?? null} step={stepping?.step ?? 'fulfil'} onClose={() => setStepping(null)} />
    </PageContainer>
  );
}
