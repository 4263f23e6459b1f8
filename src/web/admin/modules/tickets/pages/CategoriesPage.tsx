/**
 * 诉求分类: the community's categories with their promise to residents (deadline), whether someone
 * goes on site, and where they go — the grid worker on duty, or a department contact such as the
 * property company. Staff with several communities pick one first.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Result, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tickets as contracts } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { can, useMe } from '../../../../shared/me';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { useOrgs } from '../../../data/orgs';
import { useTicketLabels } from '../components';
import { useCategories, useCreateCategory, usePeople, useUpdateCategory, type Category } from '../data';
import '../tickets.css';

function CategoryModal({ communityId, category, onClose }: { communityId: string; category: Category | null; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const workers = usePeople(communityId, 'workers');
  const update = useUpdateCategory();
  const create = useCreateCategory();
  const shape = contracts.CreateCategoryBody.shape;
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    const done = { onSuccess: () => { void message.success(t('categories.saved')); onClose(); }, onError: (e: Error) => { if (!showFieldErrors(form, e, tc)) void message.error(isApiError(e) ? e.message : String(e)); } };
    if (category) update.mutate({ id: category.id, version: category.version, ...v, routeAccountId: v.routeAccountId ?? null }, done);
    else create.mutate({ communityId, ...v }, done);
  };
  return (
    <Modal open title={category ? t('categories.edit') : t('categories.add')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={update.isPending || create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={category ?? { deadlineHours: 48, onSite: false, active: true }} data-testid="category-form">
        {!category && (
          <Form.Item name="key" label={t('categories.key')} rules={[zodRule(shape.key, tc)]}>
            <Input maxLength={40} className="mono" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('categories.name')} rules={[zodRule(shape.name, tc)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="deadlineHours" label={t('categories.deadline')} rules={[zodRule(shape.deadlineHours, tc)]}>
            <InputNumber min={1} max={720} suffix="h" data-testid="category-deadline" />
          </Form.Item>
          <Form.Item name="onSite" label={t('categories.onSite')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {category && (
            <Form.Item name="active" label={t('categories.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="routeAccountId" label={t('categories.route')}>
          <Select allowClear placeholder={t('categories.routeNone')} showSearch optionFilterProp="label" loading={workers.isFetching} options={(workers.data ?? []).map((p) => ({ value: p.accountId, label: p.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CategoriesPage() {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const { data: me } = useMe();
  const orgs = useOrgs();
  const communities = (orgs.data ?? []).filter((o) => o.kind === 'community');
  const [picked, setPicked] = useState<string | undefined>();
  const communityId = picked ?? communities[0]?.id;
  const list = useCategories(communityId, true);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const configure = can(me, 'ticket.configure');

  const columns: TableColumnsType<Category> = [
    { title: t('categories.name'), key: 'name', render: (_, c) => <Space direction="vertical" size={0}><Typography.Text strong>{labels.category(c.key, c.name)}</Typography.Text><Typography.Text type="secondary" className="mono small">{c.key}</Typography.Text></Space> },
    { title: t('categories.deadline'), dataIndex: 'deadlineHours', width: 120, sorter: (a, b) => a.deadlineHours - b.deadlineHours, render: (v: number) => t('common.hours', { value: v }) },
    { title: t('categories.onSite'), dataIndex: 'onSite', width: 100, render: (v: boolean) => (v ? <Tag color="blue" bordered={false}>{t('categories.onSite')}</Tag> : '—') },
    { title: t('categories.route'), key: 'route', render: (_, c) => c.routeAccountName ?? <Typography.Text type="secondary">{t('categories.routeNone')}</Typography.Text> },
    { title: t('categories.active'), dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="green" bordered={false}>{t('categories.active')}</Tag> : <Tag bordered={false}>—</Tag>) },
    ...(configure ? [{ title: '', key: 'edit', width: 80, render: (_: unknown, c: Category) => <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={`edit-${c.key}`} aria-label={t('categories.edit')} /> }] : []),
  ];

  return (
    <PageContainer
      title={t('nav.ticketCategories')}
      description={t('categories.description')}
      extra={
        <Space>
          {communities.length > 1 && <Select className="toolbar-select wide" value={communityId} onChange={setPicked} options={communities.map((c) => ({ value: c.id, label: c.name }))} />}
          {configure && communityId && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('categories.add')}</Button>}
        </Space>
      }
    >
      <Card variant="borderless">
        {list.isError ? (
          <Result status="error" title={t('common.load')} subTitle={list.error.message} />
        ) : (
          <Table<Category> rowKey="id" loading={list.isFetching} dataSource={list.data ?? []} columns={columns} pagination={false} data-testid="categories-table" />
        )}
      </Card>
      {editing && communityId && <CategoryModal communityId={communityId} category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
