/**
 * 楼栋/住户: estates (小区) and their buildings, each assigned to a level-3 grid; a building opens
 * its households. Batch-print the contact cards of a whole building from here.
 */
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Result, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { places } from '../../../../../contracts';
import { can, useMe } from '../../../../shared/me';
import { blankToNull, showFieldErrors, zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, GridSelect, useCommunityChoice, usePlacesT } from '../components/common';
import { apiUrl, placesApi, useBuildings, useEstates, usePlacesMutation, type Building } from '../data';
import '../places.css';

function EstateModal({ open, communityId, onClose }: { open: boolean; communityId?: string; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = usePlacesMutation(placesApi.createEstate);
  return (
    <Modal open={open} title={t('estates.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v: Record<string, unknown>) =>
          create.mutate({ communityId, ...blankToNull(v) }, { onSuccess: () => (message.success(tc('common.saved')), onClose()), onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) })
        }
      >
        <Form.Item name="name" label={t('estates.name')} rules={[zodRule(places.CreateEstateBody.shape.name, tc)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('estates.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="propertyCompany" label={t('estates.propertyCompany')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="propertyPhone" label={t('estates.propertyPhone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BuildingModal({ open, estateId, communityId, onClose }: { open: boolean; estateId?: string; communityId?: string; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = usePlacesMutation(placesApi.createBuilding);
  return (
    <Modal open={open} title={t('buildings.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ entrances: t('buildings.defaultEntrance') }}
        onFinish={(v: { name: string; floors?: number; gridId?: string; entrances?: string }) =>
          create.mutate(
            {
              estateId,
              name: v.name,
              floors: v.floors ?? null,
              gridId: v.gridId ?? null,
              entrances: (v.entrances ?? '').split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean),
            },
            { onSuccess: () => (message.success(tc('common.saved')), onClose()), onError: (e) => showFieldErrors(form, e, tc) || message.error(e.message) },
          )
        }
      >
        <Form.Item name="name" label={t('buildings.name')} rules={[zodRule(places.CreateBuildingBody.shape.name, tc)]}>
          <Input maxLength={100} placeholder={t('buildings.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="floors" label={t('buildings.floors')}>
          <InputNumber min={1} max={200} />
        </Form.Item>
        <Form.Item name="gridId" label={t('buildings.grid')}>
          <GridSelect communityId={communityId} />
        </Form.Item>
        <Form.Item name="entrances" label={t('buildings.entrances')} extra={t('buildings.entrancesHint')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The grid cell: a select for whoever may manage buildings, plain text otherwise. */
function GridCell({ building }: { building: Building }) {
  const t = usePlacesT();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const update = usePlacesMutation(placesApi.updateBuilding);
  if (!can(me, 'building.manage')) return <>{building.gridName ?? '—'}</>;
  return (
    <GridSelect
      communityId={building.communityId}
      className="places-grid-cell"
      value={building.gridId}
      placeholder={t('buildings.noGrid')}
      onChange={(gridId) =>
        update.mutate({ id: building.id, version: building.version, gridId: gridId ?? null }, { onSuccess: () => message.success(t('buildings.gridSaved')), onError: (e) => message.error(e.message) })
      }
      data-testid={`building-grid-${building.name}`}
    />
  );
}

export default function BuildingsPage() {
  const t = usePlacesT();
  const { data: me } = useMe();
  const choice = useCommunityChoice();
  const estates = useEstates(choice.communityId);
  const [estateId, setEstateId] = useState<string>();
  const [gridId, setGridId] = useState<string>();
  const [modal, setModal] = useState<'estate' | 'building' | null>(null);
  const buildings = useBuildings({ communityId: choice.communityId, estateId, gridId });
  const mayManage = can(me, 'building.manage');
  const mayPrint = can(me, 'household.read');
  const columns: TableColumnsType<Building> = [
    { title: t('buildings.estate'), dataIndex: 'estateName', width: 140 },
    { title: t('buildings.name'), dataIndex: 'name', width: 110, render: (v: string, b) => <Link to={`/places/buildings/${b.id}`} data-testid="building-link">{v}</Link> },
    { title: t('buildings.grid'), dataIndex: 'gridId', width: 220, render: (_v, b) => <GridCell building={b} /> },
    { title: t('buildings.floors'), dataIndex: 'floors', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('buildings.entrances'), dataIndex: 'entrances', ellipsis: true, render: (v: Building['entrances']) => v.map((e) => e.name).join('、') || '—' },
    { title: t('buildings.households'), dataIndex: 'householdCount', width: 80, align: 'right', sorter: (a, b) => a.householdCount - b.householdCount },
    { title: t('buildings.residents'), dataIndex: 'residentCount', width: 80, align: 'right', sorter: (a, b) => a.residentCount - b.residentCount },
    { title: t('buildings.head'), dataIndex: 'buildingHeadName', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_v, b) =>
        mayPrint && (
          <Button size="small" icon={<PrinterOutlined />} href={apiUrl(`/buildings/${b.id}/contact-cards`)} target="_blank" disabled={b.householdCount === 0}>
            {t('cards.batch')}
          </Button>
        ),
    },
  ];
  return (
    <PageContainer title={t('nav.placesBuildings')} description={t('navDescriptions.placesBuildings')} extra={<CommunitySelect choice={choice} />}>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card
            size="small"
            title={t('estates.title')}
            extra={mayManage && choice.communityId && <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('estate')}>{t('estates.addShort')}</Button>}
          >
            {estates.isError ? (
              <Result status="error" title={t('common.loadFailed')} subTitle={estates.error.message} />
            ) : (
              <List
                size="small"
                loading={estates.isPending}
                dataSource={[{ id: undefined, name: t('estates.all'), buildingCount: estates.data?.reduce((n, e) => n + e.buildingCount, 0) ?? 0 }, ...(estates.data ?? [])]}
                renderItem={(e) => (
                  <List.Item className={`clickable-row ${estateId === e.id ? 'places-selected' : ''}`} onClick={() => setEstateId(e.id)} data-testid="estate-item">
                    <Typography.Text strong={estateId === e.id}>{e.name}</Typography.Text>
                    <Typography.Text type="secondary">{t('estates.buildingCount', { count: e.buildingCount })}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card variant="borderless">
            <div className="table-toolbar">
              <Space wrap>
                <GridSelect communityId={choice.communityId} className="toolbar-select" placeholder={t('buildings.grid')} value={gridId} onChange={setGridId} />
              </Space>
              {mayManage && (
                <Button type="primary" icon={<PlusOutlined />} disabled={!estateId} onClick={() => setModal('building')} title={estateId ? undefined : t('buildings.pickEstate')}>
                  {t('buildings.add')}
                </Button>
              )}
            </div>
            {buildings.isError ? (
              <Result status="error" title={t('common.loadFailed')} subTitle={buildings.error.message} />
            ) : (
              <Table<Building>
                rowKey="id"
                size="middle"
                loading={buildings.isFetching}
                dataSource={buildings.data ?? []}
                columns={columns}
                scroll={{ x: 1150 }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { count: n }) }}
                locale={{ emptyText: <Empty description={t('common.empty')} /> }}
                data-testid="buildings-table"
              />
            )}
          </Card>
        </Col>
      </Row>
      <EstateModal open={modal === 'estate'} communityId={choice.communityId} onClose={() => setModal(null)} />
      <BuildingModal open={modal === 'building'} estateId={estateId} communityId={choice.communityId} onClose={() => setModal(null)} />
    </PageContainer>
  );
}
