/** One building: its households (room, head, members, residency), adding a household, batch cards. */
import { ArrowLeftOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Result, Select, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { places } from '../../../../../contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../shared/api';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { blankToNull, showFieldErrors, zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { usePlacesT } from '../components/common';
import { apiUrl, placesApi, placesKey, useHouseholds, usePlacesMutation, type Building, type Household } from '../data';
import '../places.css';

function HouseholdModal({ building, open, onClose }: { building: Building; open: boolean; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const create = usePlacesMutation(placesApi.createHousehold);
  return (
    <Modal open={open} title={t('households.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ residency: 'permanent', entranceId: building.entrances[0]?.id }}
        onFinish={(v: Record<string, unknown>) =>
          create.mutate(
            { buildingId: building.id, ...blankToNull(v) },
            { onSuccess: (h) => (message.success(tc('common.saved')), onClose(), void navigate(`/places/households/${h.id}`)), onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) },
          )
        }
      >
        <Form.Item name="entranceId" label={t('households.entrance')}>
          <Select allowClear options={building.entrances.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="room" label={t('households.room')} rules={[zodRule(places.CreateHouseholdBody.shape.room, tc)]}>
          <Input maxLength={20} placeholder="302" />
        </Form.Item>
        <Form.Item name="residency" label={t('residents.residency')}>
          <Radio.Group optionType="button" options={(['permanent', 'floating'] as const).map((r) => ({ value: r, label: t(`residency.${r}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('residents.notes')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function BuildingPage() {
  const { id } = useParams<{ id: string }>();
  const t = usePlacesT();
  const { data: me } = useMe();
  const building = useQuery({ queryKey: [...placesKey, 'building', id], queryFn: ({ signal }) => api.get<Building>(`/buildings/${id}`, { signal }), retry: false });
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const paging = useCursorPaging(50);
  const households = useHouseholds({ buildingId: id, q: q || undefined, cursor: paging.cursor, limit: paging.size });
  const b = building.data;
  if (building.isPending) return <Spin className="places-spin" />;
  if (building.isError || !b) return <Result status="404" title={t('common.notFound')} subTitle={building.error?.message} extra={<Link to="/places/buildings">{t('common.back')}</Link>} />;
  const columns: TableColumnsType<Household> = [
    { title: t('households.entrance'), dataIndex: 'entranceName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('households.room'), dataIndex: 'room', width: 90, render: (v: string, h) => <Link to={`/places/households/${h.id}`} data-testid="household-link">{v}</Link> },
    { title: t('households.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
    { title: t('households.members'), dataIndex: 'memberCount', width: 80, align: 'right' },
    { title: t('residents.residency'), dataIndex: 'residency', width: 90, render: (v: string) => <Tag bordered={false} color={v === 'floating' ? 'orange' : undefined}>{t(`residency.${v}`)}</Tag> },
    { title: t('residents.notes'), dataIndex: 'notes', ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: t('common.actions'),
      width: 120,
      render: (_v, h) => (
        <Button size="small" type="link" icon={<PrinterOutlined />} href={apiUrl(`/households/${h.id}/contact-card`)} target="_blank">
          {t('cards.print')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={
        <Space>
          <Link to="/places/buildings" aria-label={t('common.back')}>
            <ArrowLeftOutlined />
          </Link>
          {`${b.estateName} ${b.name}`}
        </Space>
      }
      description={t('buildings.detailHint')}
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} href={apiUrl(`/buildings/${b.id}/contact-cards`)} target="_blank" disabled={b.householdCount === 0} data-testid="print-building">
            {t('cards.batch')}
          </Button>
          <Button icon={<PrinterOutlined />} href={apiUrl(`/buildings/${b.id}/contact-cards`, { format: 'pdf' })} target="_blank" disabled={b.householdCount === 0}>
            {t('cards.batchPdf')}
          </Button>
          {can(me, 'household.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('households.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Card variant="borderless">
        <Descriptions size="small" column={4} className="places-section-bottom">
          <Descriptions.Item label={t('buildings.grid')}>{b.gridName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.floors')}>{b.floors ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.head')}>{b.buildingHeadName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.residents')}>{b.residentCount}</Descriptions.Item>
        </Descriptions>
        <div className="table-toolbar">
          <Input.Search allowClear className="toolbar-search" placeholder={t('households.searchPlaceholder')} onSearch={(v) => (setQ(v.trim()), paging.reset())} />
        </div>
        {households.isError ? (
          <Result status="error" title={t('common.loadFailed')} subTitle={households.error.message} />
        ) : (
          <>
            <Table<Household>
              rowKey="id"
              size="middle"
              loading={households.isFetching}
              dataSource={households.data?.items ?? []}
              columns={columns}
              pagination={false}
              locale={{ emptyText: <Empty description={t('common.empty')} /> }}
              data-testid="households-table"
            />
            <CursorPager paging={paging} nextCursor={households.data?.nextCursor} shown={households.data?.items.length ?? 0} loading={households.isFetching} />
          </>
        )}
      </Card>
      <HouseholdModal building={b} open={adding} onClose={() => setAdding(false)} />
    </PageContainer>
  );
}
