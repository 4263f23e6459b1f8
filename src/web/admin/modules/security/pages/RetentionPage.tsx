/**
 * 数据保留: how long each kind of record is kept before it is deleted or anonymized (PIPL: no
 * longer than needed), and the runs of the nightly job — with a button to run it now.
 */
import { EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, InputNumber, Modal, Popconfirm, Result, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { security } from '../../../../../contracts';
import { isApiError } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { lookup } from '../../../../shared/labels';
import { showFieldErrors, zodRule } from '../../../components/forms';
import { PageContainer } from '../../../components/PageContainer';
import { useRetentionActions, useRetentionPolicies, useRetentionRuns, type RetentionPolicy, type RetentionRun } from '../data';
import '../security.css';

export default function RetentionPage() {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const policies = useRetentionPolicies();
  const runs = useRetentionRuns();
  const { run } = useRetentionActions();
  const [editing, setEditing] = useState<RetentionPolicy | null>(null);
  const kindLabel = (kind: string) => lookup(tc, `security:retention.kinds.${kind}`, kind);

  const runNow = () =>
    run.mutate(undefined, {
      onSuccess: (r) => message.success(t('retention.ran', { count: Object.values(r.results).reduce((a, b) => a + b, 0) })),
      onError: (e) => message.error(e.message),
    });

  const policyColumns: TableColumnsType<RetentionPolicy> = [
    {
      title: t('retention.kind'),
      dataIndex: 'recordKind',
      render: (v: string) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{kindLabel(v)}</Typography.Text>
          <Typography.Text type="secondary" className="sec-small">
            {lookup(tc, `security:retention.kindHints.${v}`, v)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('retention.retainDays'), dataIndex: 'retainDays', width: 140, render: (v: number) => t('retention.days', { count: v }) },
    { title: t('retention.action'), dataIndex: 'action', width: 110, render: (v: RetentionPolicy['action']) => <Tag color={v === 'anonymize' ? 'blue' : 'default'}>{t(`retention.actions.${v}`)}</Tag> },
    { title: t('retention.enabled'), dataIndex: 'enabled', width: 100, render: (v: boolean) => (v ? <Tag color="green">{t('retention.on')}</Tag> : <Tag color="orange">{t('retention.off')}</Tag>) },
    { title: t('retention.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: tc('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, p) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid={`retention-edit-${p.recordKind}`}>
          {tc('common.edit')}
        </Button>
      ),
    },
  ];

  const runColumns: TableColumnsType<RetentionRun> = [
    { title: t('retention.startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('retention.finishedAt'), dataIndex: 'finishedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : <Tag color="processing">{t('retention.running')}</Tag>) },
    { title: t('retention.triggeredBy'), dataIndex: 'triggeredBy', width: 160, render: (v: string) => lookup(tc, `security:retention.triggers.${v}`, v) },
    {
      title: t('retention.results'),
      key: 'results',
      render: (_, r) => {
        const touched = Object.entries(r.results).filter(([, n]) => n > 0);
        return touched.length === 0 ? (
          <Typography.Text type="secondary">{t('retention.nothing')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {touched.map(([kind, n]) => (
              <Tag key={kind} bordered={false} color="blue">
                {kindLabel(kind)} {n}
              </Tag>
            ))}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title={t('nav.retention')}
      description={t('retention.description')}
      extra={
        <Popconfirm title={t('retention.runConfirm')} description={t('retention.runDetail')} okText={t('retention.runNow')} cancelText={tc('common.cancel')} onConfirm={runNow}>
          <Button type="primary" icon={<PlayCircleOutlined />} loading={run.isPending} data-testid="retention-run">
            {t('retention.runNow')}
          </Button>
        </Popconfirm>
      }
    >
      <Card variant="borderless" title={t('retention.policies')} className="sec-gap">
        {policies.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={policies.error.message} />
        ) : (
          <Table<RetentionPolicy> rowKey="recordKind" columns={policyColumns} dataSource={policies.data ?? []} loading={policies.isPending} pagination={false} data-testid="retention-policies" />
        )}
      </Card>
      <Card variant="borderless" title={t('retention.runs')}>
        {runs.isError ? (
          <Result status="error" title={tc('errors.loadFailed')} subTitle={runs.error.message} />
        ) : (
          <Table<RetentionRun>
            rowKey="id"
            columns={runColumns}
            dataSource={runs.data ?? []}
            loading={runs.isPending}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('retention.noRuns')} /> }}
            data-testid="retention-runs"
          />
        )}
      </Card>
      <PolicyModal policy={editing} kindLabel={kindLabel} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}

function PolicyModal({ policy, kindLabel, onClose }: { policy: RetentionPolicy | null; kindLabel: (kind: string) => string; onClose: () => void }) {
  const { t } = useTranslation('security');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ retainDays: number; enabled: boolean }>();
  const { update } = useRetentionActions();
  const submit = async () => {
    if (!policy) return;
    const values = await form.validateFields();
    update.mutate(
      { kind: policy.recordKind, version: policy.version, retainDays: values.retainDays, enabled: values.enabled },
      {
        onSuccess: () => {
          message.success(t('retention.saved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'version_conflict')) message.warning(e.message);
          else if (!showFieldErrors(form, e, tc)) message.error(e.message);
        },
      },
    );
  };
  return (
    <Modal
      open={!!policy}
      title={policy ? t('retention.editTitle', { kind: kindLabel(policy.recordKind) }) : ''}
      okText={tc('common.save')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {policy && (
        <Form form={form} layout="vertical" initialValues={{ retainDays: policy.retainDays, enabled: policy.enabled }} preserve={false}>
          <Form.Item
            name="retainDays"
            label={t('retention.retainDays')}
            extra={t(`retention.actionHints.${policy.action}`)}
            rules={[{ required: true, message: t('retention.daysRequired') }, zodRule(security.UpdateRetentionPolicyBody.shape.retainDays, tc)]}
          >
            <InputNumber min={1} max={36500} precision={0} suffix={t('retention.dayUnit')} className="sec-days" data-testid="retention-days" />
          </Form.Item>
          <Form.Item name="enabled" label={t('retention.enabled')} valuePropName="checked" extra={t('retention.enabledHint')}>
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
