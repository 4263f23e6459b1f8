/**
 * 两步验证重置: a staff member lost their phone and their recovery codes. The security admin finds
 * the account and removes its second factor (audited); the person enrolls again at next sign-in.
 */
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Popconfirm, Result, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { useLabels } from '../../../../shared/labels';
import type { AccountView } from '../../../../shared/types';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { useAccounts, useMfaReset } from '../data';
import '../security.css';

export default function MfaResetPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const paging = useCursorPaging(20);
  const [q, setQ] = useState('');
  const accounts = useAccounts({ q: q || undefined, cursor: paging.cursor, limit: paging.size });
  const reset = useMfaReset();

  const onReset = (a: AccountView) =>
    reset.mutate(a.id, {
      onSuccess: () => message.success(t('mfaReset.done', { name: a.displayName })),
      onError: (e) => message.error(e.message),
    });

  const columns: TableColumnsType<AccountView> = [
    { title: t('mfaReset.username'), dataIndex: 'username', width: 160, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('mfaReset.displayName'), dataIndex: 'displayName' },
    {
      title: t('mfaReset.roles'),
      key: 'roles',
      render: (_, a) => (
        <Space size={[4, 4]} wrap>
          {a.roles.map((r) => (
            <Tag key={r.id} bordered={false}>
              {labels.role(r.role)} · {r.orgName}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('mfaReset.status'), key: 'status', width: 110, render: (_, a) => (a.status === 'active' ? <Tag color="green">{t('mfaReset.active')}</Tag> : <Tag>{t('mfaReset.disabled')}</Tag>) },
    { title: t('mfaReset.lastLogin'), dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => formatDateTime(v) },
    {
      title: tc('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, a) => (
        <Popconfirm
          title={t('mfaReset.confirmTitle', { name: a.displayName })}
          description={t('mfaReset.confirmDetail')}
          okText={t('mfaReset.reset')}
          okButtonProps={{ danger: true }}
          cancelText={tc('common.cancel')}
          onConfirm={() => onReset(a)}
        >
          <Button type="link" size="small" danger icon={<UndoOutlined />} data-testid={`mfa-reset-${a.username}`}>
            {t('mfaReset.reset')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <PageContainer title={t('nav.mfaReset')} description={t('mfaReset.description')}>
      <Card variant="borderless">
        <Input.Search
          allowClear
          className="sec-search"
          prefix={<SearchOutlined />}
          placeholder={t('mfaReset.search')}
          onSearch={(v) => {
            setQ(v.trim());
            paging.reset();
          }}
          data-testid="mfa-reset-search"
        />
        {accounts.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={accounts.error.message} />
        ) : (
          <>
            <Table<AccountView>
              rowKey="id"
              columns={columns}
              dataSource={accounts.data?.items ?? []}
              loading={accounts.isFetching}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mfaReset.empty')} /> }}
            />
            <CursorPager paging={paging} nextCursor={accounts.data?.nextCursor} shown={accounts.data?.items.length ?? 0} loading={accounts.isFetching} />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
