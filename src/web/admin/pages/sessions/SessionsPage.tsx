/** 我的会话: where this account is signed in; end a session, or sign out everywhere. */
import { DesktopOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeUserAgent, formatDateTime, fromNow } from '../../../shared/format';
import { forgetSession } from '../../../shared/me';
import type { SessionView } from '../../../shared/types';
import { PageContainer } from '../../components/PageContainer';
import { useRevokeSession, useSessions, useSignOutEverywhere } from './useSessions';

export default function SessionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const everywhere = useSignOutEverywhere();

  const signOutEverywhere = () =>
    everywhere.mutate(undefined, {
      onSuccess: () => {
        forgetSession(queryClient);
        void navigate('/login', { replace: true });
      },
      onError: (err) => message.error(err.message),
    });

  const columns: TableColumnsType<SessionView> = [
    {
      title: t('sessions.fields.device'),
      key: 'device',
      render: (_, s) => (
        <Space>
          <DesktopOutlined />
          <Typography.Text>{describeUserAgent(s.userAgent)}</Typography.Text>
          {s.current && (
            <Tag color="green" bordered={false}>
              {t('sessions.current')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('sessions.fields.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('sessions.fields.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('sessions.fields.lastSeenAt'), dataIndex: 'lastSeenAt', width: 140, render: (v: string) => fromNow(v) },
    { title: t('sessions.fields.expiresAt'), dataIndex: 'expiresAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, s) =>
        !s.current && (
          <Popconfirm title={t('sessions.revokeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => revoke.mutate(s.id, { onSuccess: () => message.success(t('sessions.revoked')) })}>
            <Button type="link" size="small" danger>
              {t('sessions.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('nav.sessions')}
      description={t('sessions.description')}
      extra={
        <Popconfirm title={t('sessions.everywhereConfirm')} description={t('sessions.everywhereDetail')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={signOutEverywhere}>
          <Button danger icon={<LogoutOutlined />} loading={everywhere.isPending} data-testid="sign-out-everywhere">
            {t('sessions.everywhere')}
          </Button>
        </Popconfirm>
      }
    >
      <Card variant="borderless">
        {sessions.isError ? (
          <Result status="error" title={t('errors.loadFailed')} subTitle={sessions.error.message} />
        ) : (
          <Table<SessionView> rowKey="id" loading={sessions.isPending} dataSource={sessions.data ?? []} columns={columns} pagination={false} />
        )}
      </Card>
    </PageContainer>
  );
}
