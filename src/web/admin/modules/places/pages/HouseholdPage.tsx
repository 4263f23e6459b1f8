/** One household (一户一档): address, residency, members with their relation to the head, former members, contact card. */
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Radio, Result, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blankToNull, showFieldErrors } from '../../../components/forms';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { ResidentTags, usePlacesT } from '../components/common';
import { ResidentDrawer } from '../components/ResidentDrawer';
import { ResidentFormModal } from '../components/ResidentForm';
import { apiUrl, placesApi, useHousehold, usePlacesMutation, type HouseholdDetail, type ResidentItem } from '../data';
import '../places.css';

function HouseholdEditModal({ household, open, onClose }: { household: HouseholdDetail; open: boolean; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ residency: string; notes?: string }>();
  const update = usePlacesMutation(placesApi.updateHousehold);
  return (
    <Modal open={open} title={t('households.edit')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ residency: household.residency, notes: household.notes ?? '' }}
        onFinish={(v) =>
          update.mutate(
            { id: household.id, version: household.version, ...blankToNull(v) },
            { onSuccess: () => (message.success(tc('common.saved')), onClose()), onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) },
          )
        }
      >
        <Form.Item name="residency" label={t('residents.residency')}>
          <Radio.Group optionType="button" options={(['permanent', 'floating'] as const).map((r) => ({ value: r, label: t(`residency.${r}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('residents.notes')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function HouseholdPage() {
  const { id } = useParams<{ id: string }>();
  const t = usePlacesT();
  const { data: me } = useMe();
  const household = useHousehold(id);
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [withCodes, setWithCodes] = useState(false);
  const [editing, setEditing] = useState(false);
  const h = household.data;
  if (household.isPending) return <Spin className="places-spin" />;
  if (household.isError || !h) return <Result status="404" title={t('common.notFound')} subTitle={household.error?.message} extra={<Link to="/places/buildings">{t('common.back')}</Link>} />;
  const columns: TableColumnsType<ResidentItem> = [
    { title: t('residents.name'), dataIndex: 'name', render: (v: string, r) => <Button type="link" size="small" onClick={() => setOpen(r.id)} data-testid="member-link">{v}</Button> },
    { title: t('residents.relation'), dataIndex: 'relationToHead', render: (v: string | null) => (v ? <Tag color={v === 'head' ? 'blue' : undefined}>{t(`relations.${v}`)}</Tag> : '—') },
    { title: t('residents.gender'), dataIndex: 'gender', render: (v: string) => t(`genders.${v}`) },
    { title: t('residents.age'), dataIndex: 'age', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('residents.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('residents.phone'), dataIndex: 'phone', render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('residents.tags'), dataIndex: 'tags', render: (v: string[]) => <ResidentTags values={v} /> },
  ];
  return (
    <PageContainer
      title={
        <Space>
          <Link to={`/places/buildings/${h.buildingId}`} aria-label={t('common.back')}>
            <ArrowLeftOutlined />
          </Link>
          {h.address}
        </Space>
      }
      description={t('households.detailHint')}
      extra={
        <Space wrap>
          {can(me, 'resident_account.manage') && (
            <Checkbox checked={withCodes} onChange={(e) => setWithCodes(e.target.checked)}>
              {t('cards.withCodes')}
            </Checkbox>
          )}
          <Button icon={<PrinterOutlined />} href={apiUrl(`/households/${h.id}/contact-card`, { withCodes: withCodes || undefined })} target="_blank" data-testid="print-card">
            {t('cards.print')}
          </Button>
          <Button icon={<PrinterOutlined />} href={apiUrl(`/households/${h.id}/contact-card`, { format: 'pdf', withCodes: withCodes || undefined })} target="_blank">
            {t('cards.pdf')}
          </Button>
          {can(me, 'household.manage') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {can(me, 'resident.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-member">
              {t('households.addMember')}
            </Button>
          )}
        </Space>
      }
    >
      <Card variant="borderless">
        <Descriptions size="small" column={3} className="places-section-bottom">
          <Descriptions.Item label={t('households.head')}>{h.headName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('residents.residency')}>{t(`residency.${h.residency}`)}</Descriptions.Item>
          <Descriptions.Item label={t('households.members')}>{h.memberCount}</Descriptions.Item>
          {h.notes && <Descriptions.Item label={t('residents.notes')} span={3}>{h.notes}</Descriptions.Item>}
        </Descriptions>
        <Table<ResidentItem> rowKey="id" size="middle" dataSource={h.members} columns={columns} pagination={false} locale={{ emptyText: <Empty description={t('households.noMembers')} /> }} data-testid="members-table" />
        {h.formerMembers.length > 0 && (
          <>
            <Typography.Title level={5} className="places-section">{t('households.former')}</Typography.Title>
            <Table
              rowKey="id"
              size="small"
              dataSource={h.formerMembers}
              pagination={false}
              columns={[
                { title: t('residents.name'), dataIndex: 'name', render: (v: string, r) => <Button type="link" size="small" onClick={() => setOpen(r.id)}>{v}</Button> },
                { title: t('residents.relation'), dataIndex: 'relationToHead', render: (v: string | null) => (v ? t(`relations.${v}`) : '—') },
                { title: t('households.leftAt'), dataIndex: 'leftAt', render: (v: string) => formatDateTime(v) },
                { title: t('households.nowAt'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </>
        )}
      </Card>
      <ResidentDrawer id={open} onClose={() => setOpen(undefined)} />
      <ResidentFormModal open={adding} householdId={h.id} onClose={() => setAdding(false)} />
      <HouseholdEditModal household={h} open={editing} onClose={() => setEditing(false)} />
    </PageContainer>
  );
}
