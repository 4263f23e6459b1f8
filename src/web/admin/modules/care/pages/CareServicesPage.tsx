/**
 * 帮扶服务: what staff, social workers and volunteers did for needy residents — daily care,
 * emotional support, health care — month by month; each record is one service visit (服务人次).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Result, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { care } from '../../../../../contracts';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { useCareT } from '../components';
import { careApi, useCareMutation, useCareServices } from '../data';
import type { CareServiceView } from '../types';
import { RecipientSelect } from './RecipientSelect';
import '../care.css';

type Kind = CareServiceView['kind'];
const kindColor: Record<Kind, string> = { daily_care: 'red', emotional_support: 'orange', health_care: 'blue' };

function RecordService({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useCareT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useCareMutation(careApi.recordService);
  const submit = async () => {
    const v = await form.validateFields();
    record.mutate(
      { residentId: v.residentId, kind: v.kind, occurredAt: (v.occurredAt as Dayjs).toISOString(), content: v.content.trim(), ...(v.durationMinutes ? { durationMinutes: v.durationMinutes } : {}) },
      { onSuccess: () => (message.success(t('services.recorded')), onClose()), onError: (e) => showFieldErrors(form, e, tc as TFunction) || message.error(e.message) },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={record.isPending} title={t('services.record')} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'daily_care', occurredAt: dayjs() }}>
        <Form.Item name="residentId" label={t('services.recipient')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <RecipientSelect testId="service-recipient" />
        </Form.Item>
        <Form.Item name="kind" label={t('services.kind')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
          <Segmented options={care.model.careServiceKinds.map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="occurredAt" label={t('services.occurredAt')} rules={[{ required: true, message: tc('fieldErrors.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('services.duration')}>
            <InputNumber min={1} max={24 * 60} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="content" label={t('services.content')} rules={[zodRule(care.RecordCareServiceBody.shape.content, tc as TFunction)]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="service-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CareServicesPage() {
  const t = useCareT();
  const { data: me } = useMe();
  const [kind, setKind] = useState<Kind>();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [recording, setRecording] = useState(false);
  const paging = useCursorPaging(20);
  const services = useCareServices({ kind, month: month.format('YYYY-MM'), cursor: paging.cursor, limit: paging.size });
  const columns: TableColumnsType<CareServiceView> = [
    { title: t('services.occurredAt'), dataIndex: 'occurredAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('services.recipient'), dataIndex: 'residentName', width: 110 },
    { title: t('files.address'), dataIndex: 'address', width: 220, render: (v: string | null) => v ?? '—' },
    { title: t('services.kind'), dataIndex: 'kind', width: 100, render: (v: Kind) => <Tag color={kindColor[v]}>{t(`serviceKinds.${v}`)}</Tag> },
    { title: t('services.content'), dataIndex: 'content' },
    { title: t('services.duration'), dataIndex: 'durationMinutes', width: 100, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('services.provider'), dataIndex: 'providerName', width: 200, render: (v: string, r) => `${v} · ${t(`providerRoles.${r.providerRole}`)}` },
  ];
  return (
    <PageContainer
      title={t('nav.careServices')}
      description={t('navDescriptions.careServices')}
      extra={can(me, 'care_service.record') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-service">{t('services.record')}</Button>}
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && (setMonth(v), paging.reset())} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
            <Select allowClear className="toolbar-select" placeholder={t('services.kind')} value={kind} onChange={(v) => (setKind(v), paging.reset())} options={care.model.careServiceKinds.map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))} />
          </Space>
        </div>
        {services.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={services.error.message} />
        ) : (
          <>
            <Table<CareServiceView> rowKey="id" size="middle" loading={services.isFetching} dataSource={services.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('services.empty')} /> }} data-testid="care-services-table" />
            <CursorPager paging={paging} nextCursor={services.data?.nextCursor} shown={services.data?.items.length ?? 0} loading={services.isFetching} />
          </>
        )}
      </Card>
      <RecordService open={recording} onClose={() => setRecording(false)} />
    </PageContainer>
  );
}
