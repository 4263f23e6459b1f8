/**
 * 慰问活动: each campaign with its household list progress and the sum handed over (the figures
 * are sums of handover rows); a new campaign takes its festival date from the lunar calendar and
 * its list from the criteria; a campaign opens on its household list with who delivered what.
 */
import { GiftOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Progress, Result, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { care } from '../../../../../contracts';
import { downloadCsv } from '../../../../shared/csv';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { Money, Tags, useCareT } from '../components';
import { careApi, useCareMutation, useCommunities, useConsolations, useFestivals, useTargets } from '../data';
import { yuan, type ConsolationView, type TargetView } from '../types';
import { HandoverModal } from './HandoverModal';
import '../care.css';

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const communities = useCommunities();
  const [form] = Form.useForm();
  const create = useCareMutation(careApi.createConsolation);
  const occasion = Form.useWatch('occasion', form) as string | undefined;
  const year = (Form.useWatch('year', form) as number | undefined) ?? new Date().getFullYear();
  const festivals = useFestivals(year);
  const festival = festivals.data?.find((f) => f.occasion === occasion);
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        communityId: v.communityId ?? communities.data?.[0]?.id,
        name: v.name,
        occasion: v.occasion,
        year: v.year,
        ...(!festival && v.eventDate ? { eventDate: v.eventDate.format('YYYY-MM-DD') } : {}),
        criteria: { tags: v.tags ?? [], assistanceKinds: v.assistanceKinds ?? [], careFileOnly: !!v.careFileOnly },
        ...(v.giftDescription ? { giftDescription: v.giftDescription } : {}),
        ...(v.defaultYuan ? { defaultAmountFen: Math.round(v.defaultYuan * 100) } : {}),
        maxAmountFen: Math.round(v.maxYuan * 100),
      },
      { onSuccess: (c) => (message.success(t('consolations.createdOk', { count: c.targets })), form.resetFields(), onClose()), onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(e.message) },
    );
  };
  const required = [{ required: true, message: tc('fieldErrors.required') }];
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} title={t('consolations.create')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), occasion: 'spring_festival', tags: ['dibao', 'tekun'], careFileOnly: true, maxYuan: 1000, defaultYuan: 800 }}>
        {(communities.data?.length ?? 0) > 1 && (
          <Form.Item name="communityId" label={t('common.community')} rules={required}>
            <Select options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('consolations.name')} rules={[zodRule(care.CreateConsolationBody.shape.name, tc as TFunction)]}>
          <Input data-testid="consolation-name" />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="occasion" label={t('consolations.occasion')} rules={required}>
            <Select className="care-select-wide" options={care.model.consolationOccasions.map((o) => ({ value: o, label: t(`occasions.${o}`) }))} />
          </Form.Item>
          <Form.Item name="year" label={t('consolations.year')} rules={required}>
            <InputNumber min={2000} max={2099} />
          </Form.Item>
          {!festival && (
            <Form.Item name="eventDate" label={t('consolations.eventDate')} rules={required}>
              <DatePicker />
            </Form.Item>
          )}
        </Space>
        {festival && <Typography.Paragraph type="success" data-testid="festival-date">{t('consolations.festivalDate', { year, occasion: t(`occasions.${festival.occasion}`), date: festival.date })}</Typography.Paragraph>}
        <Form.Item name="tags" label={`${t('consolations.criteria')} · ${t('consolations.tags')}`}>
          <Select mode="multiple" options={care.model.careCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="assistanceKinds" label={`${t('consolations.criteria')} · ${t('consolations.assistanceKinds')}`}>
          <Select mode="multiple" options={care.model.assistanceKinds.map((k) => ({ value: k, label: t(`assistanceKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="careFileOnly" valuePropName="checked">
          <Checkbox>{t('consolations.careFileOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="giftDescription" label={t('consolations.gift')}>
          <Input />
        </Form.Item>
        <Space size="large">
          <Form.Item name="defaultYuan" label={t('consolations.defaultAmount')}>
            <InputNumber min={0.01} precision={2} prefix="¥" />
          </Form.Item>
          <Form.Item name="maxYuan" label={t('consolations.maxAmount')} rules={required}>
            <InputNumber min={0.01} max={care.model.consolationCapLimitFen / 100} precision={2} prefix="¥" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function Households({ campaign, onClose }: { campaign: ConsolationView | null; onClose: () => void }) {
  const t = useCareT();
  const [state, setState] = useState<'all' | 'pending' | 'done'>('all');
  const paging = useCursorPaging(50);
  const targets = useTargets(campaign?.id, { state, cursor: paging.cursor, limit: paging.size });
  const { data: me } = useMe();
  const [handing, setHanding] = useState<TargetView | null>(null);
  const mayHandOver = campaign?.status === 'active' && can(me, 'consolation.handover');
  const items = targets.data?.items ?? [];
  const exportCsv = () =>
    downloadCsv(
      `${campaign?.name ?? 'consolation'}.csv`,
      [t('files.head'), t('files.address'), t('files.grid'), t('files.matched'), t('consolations.gift'), t('applications.amount'), t('consolations.deliveredBy'), t('consolations.deliveredAt')],
      items.map((r) => [r.headName ?? '', r.address, r.gridName ?? '', r.matched.map((m) => t(`categories.${m}`)).join(' '), r.handover?.gift ?? '', r.handover?.amountFen ? yuan(r.handover.amountFen) : '', r.handover?.deliveredByName ?? '', formatDateTime(r.handover?.deliveredAt)]),
    );
  return (
    <Drawer open={!!campaign} onClose={onClose} width={960} title={campaign ? `${campaign.name} · ${t('consolations.households')}` : ''} extra={<Button onClick={exportCsv} disabled={!items.length}>{t('common.export')}</Button>}>
      <Segmented value={state} onChange={(v) => (setState(v as typeof state), paging.reset())} options={(['all', 'pending', 'done'] as const).map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`consolations.${s}`) }))} className="care-gap-bottom" />
      <Table<TargetView>
        rowKey="householdId"
        size="small"
        loading={targets.isFetching}
        dataSource={items}
        pagination={false}
        data-testid="consolation-households"
        columns={[
          { title: t('files.head'), dataIndex: 'headName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('files.address'), dataIndex: 'address' },
          { title: t('files.grid'), dataIndex: 'gridName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('files.matched'), dataIndex: 'matched', width: 140, render: (v: string[]) => <Tags ns="categories" values={v} /> },
          { title: t('applications.amount'), key: 'amount', width: 100, align: 'right', render: (_, r) => (r.handover ? <Money fen={r.handover.amountFen} /> : <Tag>{t('consolations.pending')}</Tag>) },
          { title: t('consolations.deliveredBy'), key: 'by', width: 180, render: (_, r) => (r.handover ? `${r.handover.deliveredByName} · ${formatDateTime(r.handover.deliveredAt)}` : '—') },
          { title: t('consolations.proof'), key: 'proof', width: 90, render: (_, r) => (r.handover ? (r.handover.photoId ? t('consolations.photo') : r.handover.signatureId ? t('consolations.signature') : t('consolations.paper')) : '—') },
          ...(mayHandOver
            ? [{ title: t('common.actions'), key: 'act', width: 110, render: (_: unknown, r: TargetView) => !r.handover && <Button type="link" size="small" onClick={() => setHanding(r)} data-testid="handover-button">{t('consolations.handover')}</Button> }]
            : []),
        ]}
      />
      {campaign && <HandoverModal campaign={campaign} target={handing} onClose={() => setHanding(null)} />}
      <CursorPager paging={paging} nextCursor={targets.data?.nextCursor} shown={items.length} loading={targets.isFetching} />
    </Drawer>
  );
}

export default function ConsolationsPage() {
  const t = useCareT();
  const { data: me } = useMe();
  const list = useConsolations();
  const refresh = useCareMutation(careApi.refreshTargets);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<ConsolationView | null>(null);
  return (
    <PageContainer
      title={t('nav.careConsolations')}
      description={t('navDescriptions.careConsolations')}
      extra={can(me, 'consolation.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-consolation">{t('consolations.create')}</Button>}
    >
      {list.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={list.error.message} />
      ) : !list.isPending && !list.data.length ? (
        <Card variant="borderless"><Empty description={t('consolations.noCampaigns')} /></Card>
      ) : (
        <Row gutter={[16, 16]} data-testid="consolation-list">
          {(list.data ?? []).map((c) => (
            <Col key={c.id} xs={24} md={12} xxl={8}>
              <Card
                variant="borderless"
                className="care-card care-campaign"
                title={<Space><GiftOutlined className="care-red" />{c.name}</Space>}
                extra={<Tag color={c.status === 'active' ? 'red' : 'default'}>{t(`consolations.${c.status}`)}</Tag>}
                actions={[
                  <Button key="list" type="link" onClick={() => setOpen(c)} data-testid={`open-consolation-${c.occasion}`}>{t('consolations.households')}</Button>,
                  ...(can(me, 'consolation.manage') && c.status === 'active' ? [<Button key="refresh" type="link" icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => refresh.mutate(c.id)}>{t('consolations.refresh')}</Button>] : []),
                ]}
              >
                <Typography.Text type="secondary">{`${t(`occasions.${c.occasion}`)} · ${c.eventDate ?? c.year} · ${c.communityName}`}</Typography.Text>
                <Row gutter={16} className="care-gap">
                  <Col span={12}>
                    <Statistic title={t('consolations.total')} value={yuan(c.amountFen)} prefix="¥" data-testid={`consolation-total-${c.occasion}`} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('consolations.households')} value={c.handedOver} suffix={`/ ${c.targets}`} />
                  </Col>
                </Row>
                <Progress percent={c.targets ? Math.round((c.handedOver * 100) / c.targets) : 0} strokeColor="#c8102e" />
                <Typography.Text type="secondary" className="care-small">{[c.giftDescription, c.criteria.tags.map((x) => t(`categories.${x}`)).join(' / ')].filter(Boolean).join(' · ')}</Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <Households campaign={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
