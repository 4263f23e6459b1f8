/**
 * 账号管理: search and filter accounts, page through them by cursor; the system admin creates and
 * edits accounts, the security admin assigns roles and unlocks locked accounts (三员分立).
 */
import { EditOutlined, PlusOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Avatar, Badge, Button, Card, Empty, Input, Popconfirm, Result, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleKeys } from '../../../../contracts';
import { formatDateTime, fromNow } from '../../../shared/format';
import { useLabels } from '../../../shared/labels';
import { can, useMe } from '../../../shared/me';
import type { AccountView } from '../../../shared/types';
import { CursorPager, useCursorPaging } from '../../components/CursorPager';
import { PageContainer } from '../../components/PageContainer';
import { AccountFormModal } from './AccountFormModal';
import { RoleDrawer } from './RoleDrawer';
import { useAccountsPage, useUnlockAccount } from './useAccounts';

export default function AccountsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [q, setQ] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const paging = useCursorPaging(20);
  const list = useAccountsPage({ q, role, cursor: paging.cursor, limit: paging.size });
  const unlock = useUnlockAccount();
  const [form, setForm] = useState<AccountView | 'new' | null>(null);
  const [rolesOf, setRolesOf] = useState<string | null>(null);
  const perms = { create: can(me, 'account.create'), update: can(me, 'account.update'), assign: can(me, 'role_assignment.manage'), unlock: can(me, 'account.unlock') };

  const onUnlock = (account: AccountView) =>
    unlock.mutate(account.id, {
      onSuccess: () => message.success(t('accounts.unlocked', { name: account.displayName })),
      onError: (err) => message.error(err.message),
    });

  const columns: TableColumnsType<AccountView> = [
    {
      title: t('accounts.fields.account'),
      key: 'account',
      render: (_, a) => (
        <Space>
          <Avatar className="table-avatar">{a.displayName.trim().split(/\s+/).pop()?.slice(0, 1)}</Avatar>
          <span className="stack">
            <Typography.Text strong>{a.displayName}</Typography.Text>
            <Typography.Text type="secondary" className="mono">
              {a.username}
            </Typography.Text>
          </span>
        </Space>
      ),
    },
    {
      title: t('accounts.fields.roles'),
      key: 'roles',
      render: (_, a) =>
        a.roles.length === 0 ? (
          <Typography.Text type="secondary">{t('accounts.noRoles')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {a.roles.map((r) => (
              <Tag key={r.id} color={['sys_admin', 'security_admin', 'audit_admin'].includes(r.role) ? 'volcano' : 'blue'} bordered={false}>
                {labels.role(r.role)} · {r.orgName}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('accounts.fields.status'),
      key: 'status',
      width: 150,
      render: (_, a) => (
        <Space size={4} wrap>
          <Badge status={a.status === 'active' ? 'success' : 'default'} text={t(`accounts.status.${a.status}`)} />
          {a.locked && (
            <Tag color="red" bordered={false}>
              {t('accounts.locked')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('accounts.fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? <Tooltip title={formatDateTime(v)}>{fromNow(v)}</Tooltip> : <Typography.Text type="secondary">{t('accounts.neverSignedIn')}</Typography.Text>),
    },
    { title: t('accounts.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, a) => (
        <Space size={0} wrap>
          {perms.update && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setForm(a)}>
              {t('common.edit')}
            </Button>
          )}
          {perms.assign && (
            <Button type="link" size="small" icon={<SafetyCertificateOutlined />} onClick={() => setRolesOf(a.id)} data-testid={`roles-${a.username}`}>
              {t('accounts.manageRoles')}
            </Button>
          )}
          {perms.unlock && a.locked && (
            <Popconfirm title={t('accounts.unlockConfirm', { name: a.displayName })} onConfirm={() => onUnlock(a)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button type="link" size="small" icon={<UnlockOutlined />}>
                {t('accounts.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const filtered = !!q || !!role;
  const selected = rolesOf ? list.data?.items.find((a) => a.id === rolesOf) : undefined;

  return (
    <PageContainer
      title={t('nav.accounts')}
      description={t('accounts.description')}
      extra={
        perms.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('new')} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('accounts.searchPlaceholder')}
              className="toolbar-search"
              data-testid="account-search"
              onSearch={(value) => {
                setQ(value.trim() || undefined);
                paging.reset();
              }}
            />
            <Select
              allowClear
              placeholder={t('accounts.filterRole')}
              className="toolbar-select"
              value={role}
              onChange={(value) => {
                setRole(value);
                paging.reset();
              }}
              options={roleKeys.map((key) => ({ value: key, label: labels.role(key) }))}
            />
          </Space>
        </div>
        {list.isError ? (
          <Result status="error" title={t('errors.loadFailed')} subTitle={list.error.message} />
        ) : (
          <>
            <Table<AccountView>
              rowKey="id"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              columns={columns}
              pagination={false}
              data-testid="accounts-table"
              locale={{ emptyText: <Empty description={filtered ? t('common.noMatch') : t('accounts.empty')} /> }}
            />
            <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
          </>
        )}
      </Card>
      {form && <AccountFormModal account={form === 'new' ? null : form} onClose={() => setForm(null)} />}
      {selected && <RoleDrawer account={selected} onClose={() => setRolesOf(null)} />}
    </PageContainer>
  );
}
