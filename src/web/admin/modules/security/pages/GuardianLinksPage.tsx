/**
 * 监护人: a child under 14 cannot consent or file requests in the app; the community records who
 * their guardian is (a resident app account), and that guardian then acts for them. Staff pick the
 * minor (residents under 14 in their scope), then the guardian (accounts of the minor's community,
 * the child's own household first), and can revoke a link.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, Empty, Form, Input, Modal, Popconfirm, Result, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { security } from '../../../../../contracts';
import { api } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import type { Page } from '../../../../shared/types';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { useGuardianActions, useGuardianCandidates, useGuardianLinks, type GuardianLink } from '../data';
import '../security.css';

export default function GuardianLinksPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const links = useGuardianLinks();
  const { revoke } = useGuardianActions();
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const shown = (links.data ?? []).filter((l) => !filter || l.minorName.includes(filter) || l.guardianName.includes(filter));

  const columns: TableColumnsType<GuardianLink> = [
    { title: t('guardians.minor'), dataIndex: 'minorName' },
    { title: t('guardians.guardian'), dataIndex: 'guardianName' },
    { title: t('guardians.relation'), dataIndex: 'relation', width: 120, render: (v: string) => <Tag bordered={false}>{v}</Tag> },
    { title: t('guardians.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: tc('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, l) => (
        <Popconfirm
          title={t('guardians.revokeConfirm', { guardian: l.guardianName, minor: l.minorName })}
          description={t('guardians.revokeDetail')}
          okText={t('guardians.revoke')}
          okButtonProps={{ danger: true }}
          cancelText={tc('common.cancel')}
          onConfirm={() => revoke.mutate(l.id, { onSuccess: () => message.success(t('guardians.revoked')), onError: (e) => message.error(e.message) })}
        >
          <Button type="link" size="small" danger>
            {t('guardians.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('nav.guardianLinks')}
      description={t('guardians.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="guardian-create">
          {t('guardians.create')}
        </Button>
      }
    >
      <Card variant="borderless">
        <Input.Search allowClear className="sec-search" placeholder={t('guardians.filter')} onChange={(e) => setFilter(e.target.value.trim())} />
        {links.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={links.error.message} />
        ) : (
          <Table<GuardianLink>
            rowKey="id"
            columns={columns}
            dataSource={shown}
            loading={links.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('guardians.empty')} /> }}
          />
        )}
      </Card>
      <CreateGuardianModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}

interface MinorOption {
  id: string;
  name: string;
  age: number | null;
  address: string | null;
}

interface GuardianForm {
  minorResidentId: string;
  guardianAccountId: string;
  relation: string;
}

function CreateGuardianModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GuardianForm>();
  const [minorQ, setMinorQ] = useState('');
  const [guardianQ, setGuardianQ] = useState('');
  const minorId = Form.useWatch('minorResidentId', form);
  const minors = useQuery({
    queryKey: ['privacy', 'minors', minorQ],
    queryFn: ({ signal }) => api.get<Page<MinorOption>>('/residents', { query: { q: minorQ, ageMax: 13, limit: 20 }, signal }),
    enabled: open && minorQ.length > 0,
  });
  const candidates = useGuardianCandidates(open ? minorId : undefined, guardianQ);
  const { create } = useGuardianActions();

  const close = () => {
    form.resetFields();
    setMinorQ('');
    setGuardianQ('');
    onClose();
  };
  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(values, {
      onSuccess: () => {
        message.success(t('guardians.created'));
        close();
      },
      onError: (e) => {
        if (!showFieldErrors(form, e, tc)) message.error(e.message);
      },
    });
  };

  return (
    <Modal open={open} title={t('guardians.create')} okText={tc('common.save')} onOk={() => void submit()} onCancel={close} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="minorResidentId" label={t('guardians.minor')} extra={t('guardians.minorHint')} rules={[{ required: true, message: t('guardians.minorRequired') }]}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={(v) => setMinorQ(v.trim())}
            onChange={() => form.setFieldValue('guardianAccountId', undefined)}
            placeholder={t('guardians.minorPlaceholder')}
            notFoundContent={minorQ ? (minors.isFetching ? t('guardians.searching') : tc('common.noMatch')) : t('guardians.typeToSearch')}
            options={(minors.data?.items ?? []).map((r) => ({ value: r.id, label: [r.name, r.age !== null ? t('guardians.age', { age: r.age }) : null, r.address].filter(Boolean).join(' · ') }))}
            data-testid="guardian-minor"
          />
        </Form.Item>
        <Form.Item name="guardianAccountId" label={t('guardians.guardian')} extra={t('guardians.guardianHint')} rules={[{ required: true, message: t('guardians.guardianRequired') }]}>
          <Select
            showSearch
            allowClear
            disabled={!minorId}
            filterOption={false}
            onSearch={(v) => setGuardianQ(v.trim())}
            placeholder={minorId ? t('guardians.guardianPlaceholder') : t('guardians.pickMinorFirst')}
            notFoundContent={candidates.isFetching ? null : t('guardians.noCandidates')}
            options={(candidates.data ?? []).map((c) => ({
              value: c.accountId,
              label: `${c.residentName}${c.displayName !== c.residentName ? ` (${c.displayName})` : ''}${c.sameHousehold ? ` · ${t('guardians.sameHousehold')}` : ''}`,
            }))}
            data-testid="guardian-account"
          />
        </Form.Item>
        <Form.Item name="relation" label={t('guardians.relation')} rules={[{ required: true, whitespace: true, message: t('guardians.relationRequired') }, zodRule(security.CreateGuardianLinkBody.shape.relation, tc)]}>
          <AutoComplete options={t('guardians.relationOptions').split('|').map((r) => ({ value: r }))} placeholder={t('guardians.relationPlaceholder')} maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
