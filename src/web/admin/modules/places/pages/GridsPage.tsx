/**
 * 网格: the community's grid tree (level 1 whole community, 2 sectors, 3 a few buildings), and for
 * the chosen grid its AB posts and leader, its boundary as a list of buildings, and leave records.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Popconfirm, Result, Row, Space, Spin, Table, Tag, Tree, Typography, type TableColumnsType } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { places } from '../../../../../contracts';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, useCommunityChoice, usePlacesT } from '../components/common';
import { DutyPanel, LeavePanel } from '../components/duty';
import { placesApi, useBuildings, useGrids, useLeaves, usePlacesMutation, type Grid } from '../data';
import '../places.css';

function toTree(grids: readonly Grid[], onLeaveLabel: string): DataNode[] {
  const ids = new Set(grids.map((g) => g.id));
  const node = (g: Grid): DataNode => ({
    key: g.id,
    title: (
      <span>
        {g.name}
        {g.level === 3 && g.primary?.onLeave && <Tag color="orange" className="places-tree-tag">{onLeaveLabel}</Tag>}
      </span>
    ),
    children: grids.filter((c) => c.parentId === g.id).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })).map(node),
  });
  return grids.filter((g) => !g.parentId || !ids.has(g.parentId)).map(node);
}

function GridFormModal({ open, parent, grid, onClose }: { open: boolean; parent?: { id: string; name: string }; grid?: Grid; onClose: () => void }) {
  const t = usePlacesT();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const create = usePlacesMutation(placesApi.createGrid);
  const update = usePlacesMutation(placesApi.updateGrid);
  const submit = (v: { name: string; description?: string }) => {
    const done = { onSuccess: () => (message.success(tc('common.saved')), onClose()), onError: (e: Error) => showFieldErrors(form, e, tc) || message.error(e.message) };
    const description = v.description?.trim() || null;
    if (grid) update.mutate({ id: grid.id, version: grid.version, name: v.name, description }, done);
    else create.mutate({ parentId: parent!.id, name: v.name, description }, done);
  };
  return (
    <Modal
      open={open}
      title={grid ? t('grids.editTitle') : t('grids.addTitle', { parent: parent?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: grid?.name, description: grid?.description ?? '' }} preserve={false}>
        <Form.Item name="name" label={t('grids.name')} rules={[zodRule(places.CreateGridBody.shape.name, tc)]}>
          <Input maxLength={100} data-testid="grid-name" />
        </Form.Item>
        <Form.Item name="description" label={t('grids.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GridDetail({ grid, all }: { grid: Grid; all: readonly Grid[] }) {
  const t = usePlacesT();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [modal, setModal] = useState<'add' | 'edit' | null>(null);
  const buildings = useBuildings({ gridId: grid.id }, grid.level === 3);
  const leaves = useLeaves(grid.communityId);
  const remove = usePlacesMutation(placesApi.removeGrid);
  const children = all.filter((g) => g.parentId === grid.id);
  const mayManage = can(me, 'grid.manage');
  return (
    <Card
      title={
        <Space>
          {grid.name}
          <Tag>{t(`grids.level${grid.level}`)}</Tag>
        </Space>
      }
      extra={
        mayManage && (
          <Space>
            {grid.level < 3 && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('add')} data-testid="add-grid">
                {t('grids.addChild')}
              </Button>
            )}
            <Button size="small" icon={<EditOutlined />} onClick={() => setModal('edit')}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('grids.removeConfirm')}
              description={t('grids.removeHint')}
              onConfirm={() => remove.mutate(grid.id, { onSuccess: () => message.success(t('grids.removed')), onError: (e) => message.error(e.message) })}
            >
              <Button size="small" danger icon={<DeleteOutlined />} disabled={children.length > 0}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
      data-testid="grid-detail"
    >
      {grid.description && <Typography.Paragraph type="secondary">{grid.description}</Typography.Paragraph>}
      <DutyPanel grid={grid} />
      {grid.level === 3 && (
        <>
          <Typography.Title level={5} className="places-section">
            {t('grids.boundary')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            loading={buildings.isPending}
            dataSource={buildings.data ?? []}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grids.noBuildings')} /> }}
            columns={[
              { title: t('buildings.estate'), dataIndex: 'estateName' },
              { title: t('buildings.name'), dataIndex: 'name', render: (v: string, b) => <Link to={`/places/buildings/${b.id}`}>{v}</Link> },
              { title: t('buildings.households'), dataIndex: 'householdCount', align: 'right' },
              { title: t('buildings.residents'), dataIndex: 'residentCount', align: 'right' },
              { title: t('buildings.head'), dataIndex: 'buildingHeadName', render: (v: string | null) => v ?? '—' },
            ]}
            data-testid="grid-buildings"
          />
          <div className="places-section">
            <LeavePanel grid={grid} leaves={leaves.data ?? []} />
          </div>
        </>
      )}
      <GridFormModal open={modal !== null} parent={modal === 'add' ? grid : undefined} grid={modal === 'edit' ? grid : undefined} onClose={() => setModal(null)} />
    </Card>
  );
}

export default function GridsPage() {
  const t = usePlacesT();
  const choice = useCommunityChoice();
  const grids = useGrids(choice.communityId);
  const [selected, setSelected] = useState<string>();
  const all = useMemo(() => grids.data ?? [], [grids.data]);
  const tree = useMemo(() => toTree(all, t('duty.onLeave')), [all, t]);
  const current = all.find((g) => g.id === selected) ?? all.find((g) => g.level === 1) ?? all[0];
  const level3 = all.filter((g) => g.level === 3);
  const columns: TableColumnsType<Grid> = [
    { title: t('grids.name'), dataIndex: 'name', render: (v: string, g) => <Button type="link" size="small" onClick={() => setSelected(g.id)}>{v}</Button> },
    { title: t('grids.parent'), dataIndex: 'parentId', render: (v: string | null) => all.find((g) => g.id === v)?.name ?? '—' },
    { title: t('duty.primary'), dataIndex: 'primary', render: (h: Grid['primary']) => (h ? <Space size={4}>{h.displayName}{h.onLeave && <Tag color="orange">{t('duty.onLeave')}</Tag>}</Space> : '—') },
    { title: t('duty.backup'), dataIndex: 'backup', render: (h: Grid['backup']) => h?.displayName ?? '—' },
    { title: t('grids.buildingCount'), dataIndex: 'buildingCount', align: 'right', sorter: (a, b) => a.buildingCount - b.buildingCount },
  ];
  return (
    <PageContainer title={t('nav.placesGrids')} description={t('navDescriptions.placesGrids')} extra={<CommunitySelect choice={choice} />}>
      {grids.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={grids.error.message} />
      ) : grids.isPending ? (
        <Spin className="places-spin" />
      ) : all.length === 0 ? (
        <Empty description={t('grids.empty')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={7}>
            <Card title={t('grids.tree')} size="small">
              <Tree treeData={tree} defaultExpandAll selectedKeys={current ? [current.id] : []} onSelect={(keys) => keys[0] && setSelected(String(keys[0]))} data-testid="grid-tree" />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {current && <GridDetail key={current.id} grid={current} all={all} />}
            <Card title={t('grids.allLevel3', { count: level3.length })} size="small" className="places-section">
              <Table rowKey="id" size="small" dataSource={level3} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="grid-table" />
            </Card>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
