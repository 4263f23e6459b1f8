/**
 * The security admin's drawer: an account's role assignments, removing one, and giving a role at a
 * node of the org tree. 三员分立 is the server's rule; when it refuses, the drawer says why.
 */
import { DeleteOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Drawer, Empty, Form, List, Popconfirm, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLabels } from '../../../shared/labels';
import type { AccountView } from '../../../shared/types';
import { buildTree, useOrgs, type OrgNode } from '../../data/orgs';
import { useAssignRole, useRemoveRole, useRoles } from './useAccounts';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrgNode[], title: (n: OrgNode) => string): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: title(n), children: toOptions(n.children, title) }));

export function RoleDrawer({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: string; orgId: string }>();
  const roles = useRoles();
  const orgs = useOrgs();
  const assign = useAssignRole();
  const remove = useRemoveRole();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const treeData = useMemo(
    () => toOptions(buildTree(orgs.data ?? []), (n) => t('accounts.orgOption', { name: n.name, kind: labels.orgKind(n.kind) })),
    [orgs.data, labels, t],
  );

  const submit = (values: { role: string; orgId: string }) => {
    setRefusal(null);
    assign.mutate(
      { accountId: account.id, ...values },
      {
        onSuccess: () => {
          message.success(t('accounts.roleAssigned'));
          form.resetFields();
        },
        onError: (err) => (isApiError(err) ? setRefusal(err) : message.error(String(err))),
      },
    );
  };

  const held = (refusal?.details as { held?: string[]; requested?: string } | undefined) ?? {};

  return (
    <Drawer open width={520} onClose={onClose} title={t('accounts.rolesTitle', { name: account.displayName })} data-testid="role-drawer" destroyOnHidden>
      <Typography.Paragraph type="secondary">
        <SafetyCertificateOutlined /> {t('accounts.separationHint')}
      </Typography.Paragraph>

      <Divider orientation="left" plain>
        {t('accounts.currentRoles')}
      </Divider>
      {account.roles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounts.noRoles')} />
      ) : (
        <List
          dataSource={account.roles}
          data-testid="role-list"
          renderItem={(r) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="remove"
                  title={t('accounts.removeRoleConfirm', { role: labels.role(r.role), org: r.orgName })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutate({ accountId: account.id, assignmentId: r.id }, { onSuccess: () => message.success(t('accounts.roleRemoved')), onError: (e) => message.error(e.message) })
                  }
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('accounts.removeRole')} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {labels.role(r.role)}
                    <Tag bordered={false}>{labels.orgKind(r.orgKind)}</Tag>
                  </Space>
                }
                description={`${r.orgName} · ${t('accounts.assignedAt', { time: formatDateTime(r.createdAt) })}`}
              />
            </List.Item>
          )}
        />
      )}

      <Divider orientation="left" plain>
        {t('accounts.assignRole')}
      </Divider>
      {refusal && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          data-testid="role-error"
          message={refusal.message}
          description={
            refusal.code === 'separation_of_duties' && held.requested
              ? t('accounts.separationDetail', { held: (held.held ?? []).map(labels.role).join(t('common.listSeparator')), requested: labels.role(held.requested) })
              : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="role" label={t('accounts.fields.role')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Select
            data-testid="role-select"
            loading={roles.isPending}
            placeholder={t('accounts.pickRole')}
            options={(roles.data ?? []).map((r) => ({
              value: r.key,
              label: (
                <Space>
                  {labels.role(r.key)}
                  {r.adminKind && (
                    <Tag color="volcano" bordered={false}>
                      {t('accounts.adminRole')}
                    </Tag>
                  )}
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('accounts.fields.org')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <TreeSelect
            data-testid="org-select"
            loading={orgs.isPending}
            treeData={treeData}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('accounts.pickOrg')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="role-submit">
          {t('accounts.assignSubmit')}
        </Button>
      </Form>
    </Drawer>
  );
}
