/**
 * 安全告警: accounts that revealed or exported personal data above the hourly threshold. The security
 * admin scans now (the job also runs every 5 minutes), looks at who and how many, and acknowledges
 * each alert with a note of what was checked.
 */
import { CheckOutlined, RadarChartOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { useAlertActions, useAlerts, type AlertQuery, type SecurityAlert } from '../data';
import '../security.css';

export default function AlertsPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const paging = useCursorPaging(20);
  const [status, setStatus] = useState<AlertQuery['status']>('open');
  const [kind, setKind] = useState<AlertQuery['kind']>();
  const alerts = useAlerts({ status, kind, cursor: paging.cursor, limit: paging.size });
  const actions = useAlertActions();
  const [acknowledging, setAcknowledging] = useState<SecurityAlert | null>(null);
  const mayManage = can(me, 'security_alert.manage');

  const scan = () =>
    actions.scan.mutate(undefined, {
      onSuccess: (r) => message.success(t('alerts.scanned', { created: r.created, updated: r.updated })),
      onError: (e) => message.error(e.message),
    });

  const columns: TableColumnsType<SecurityAlert> = [
    { title: t('alerts.account'), dataIndex: 'accountName', render: (v: string | null) => v ?? t('alerts.unknownAccount') },
    { title: t('alerts.kind'), dataIndex: 'kind', width: 140, render: (v: SecurityAlert['kind']) => <Tag color={v === 'bulk_export' ? 'purple' : 'volcano'}>{t(`alerts.kinds.${v}`)}</Tag> },
    { title: t('alerts.window'), dataIndex: 'windowStart', width: 200, render: (v: string) => t('alerts.windowValue', { start: formatDateTime(v) }) },
    {
      title: t('alerts.count'),
      key: 'count',
      width: 130,
      render: (_, a) => (
        <span>
          <Typography.Text strong type="danger">
            {a.count}
          </Typography.Text>
          <Typography.Text type="secondary"> / {a.threshold}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('alerts.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: SecurityAlert['status']) => <Tag color={v === 'open' ? 'red' : 'default'}>{t(`alerts.statuses.${v}`)}</Tag>,
    },
    {
      title: t('alerts.note'),
      key: 'note',
      render: (_, a) =>
        a.status === 'acknowledged' ? (
          <Space direction="vertical" size={0}>
            <span>{a.note || '—'}</span>
            <Typography.Text type="secondary" className="sec-small">
              {formatDateTime(a.acknowledgedAt)}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('alerts.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: tc('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, a) =>
        a.status === 'open' &&
        mayManage && (
          <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => setAcknowledging(a)} data-testid={`acknowledge-${a.id}`}>
            {t('alerts.acknowledge')}
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('nav.securityAlerts')}
      description={t('alerts.description')}
      extra={
        <Button type="primary" icon={<RadarChartOutlined />} loading={actions.scan.isPending} onClick={scan} data-testid="alerts-scan">
          {t('alerts.scan')}
        </Button>
      }
    >
      <Card variant="borderless">
        <Space wrap className="sec-filters">
          <Select
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : (v as AlertQuery['status']));
              paging.reset();
            }}
            className="sec-filter"
            data-testid="alerts-status"
            options={[
              { value: 'open', label: t('alerts.statuses.open') },
              { value: 'acknowledged', label: t('alerts.statuses.acknowledged') },
              { value: 'all', label: t('alerts.allStatuses') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('alerts.allKinds')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              paging.reset();
            }}
            className="sec-filter"
            options={(['bulk_reveal', 'bulk_export'] as const).map((k) => ({ value: k, label: t(`alerts.kinds.${k}`) }))}
          />
        </Space>
        {alerts.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={alerts.error.message} />
        ) : (
          <>
            <Table<SecurityAlert>
              rowKey="id"
              columns={columns}
              dataSource={alerts.data?.items ?? []}
              loading={alerts.isFetching}
              pagination={false}
              data-testid="alerts-table"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status === 'open' ? t('alerts.emptyOpen') : t('alerts.empty')} /> }}
            />
            <CursorPager paging={paging} nextCursor={alerts.data?.nextCursor} shown={alerts.data?.items.length ?? 0} loading={alerts.isFetching} />
          </>
        )}
      </Card>
      <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />
    </PageContainer>
  );
}

function AcknowledgeModal({ alert, onClose }: { alert: SecurityAlert | null; onClose: () => void }) {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const { acknowledge } = useAlertActions();
  const submit = async () => {
    if (!alert) return;
    const { note } = await form.validateFields();
    acknowledge.mutate(
      { id: alert.id, version: alert.version, note: note ?? '' },
      {
        onSuccess: () => {
          message.success(t('alerts.acknowledged'));
          form.resetFields();
          onClose();
        },
        onError: (e) => message.error(e.message),
      },
    );
  };
  return (
    <Modal open={!!alert} title={t('alerts.acknowledgeTitle')} okText={t('alerts.acknowledge')} onOk={() => void submit()} onCancel={onClose} confirmLoading={acknowledge.isPending} destroyOnHidden>
      {alert && (
        <Typography.Paragraph>
          {t('alerts.acknowledgeSummary', { name: alert.accountName ?? t('alerts.unknownAccount'), kind: t(`alerts.kinds.${alert.kind}`), count: alert.count, start: formatDateTime(alert.windowStart) })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('alerts.noteLabel')} rules={[{ max: 500, message: t('common.tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('alerts.notePlaceholder')} data-testid="acknowledge-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
