/**
 * 审计日志 (audit admin): who did what to which record, when and from where — filter by action,
 * record type, time and actor; expand a row for the changed fields; verify the hash chain.
 */
import { CheckCircleOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Result, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../shared/format';
import { useLabels } from '../../../shared/labels';
import type { AuditEntryView } from '../../../shared/types';
import { CursorPager, useCursorPaging } from '../../components/CursorPager';
import { PageContainer } from '../../components/PageContainer';
import { ChangesView } from './ChangesView';
import { knownActions, knownEntities, useAuditLog, useVerifyChain, type AuditFilter } from './useAuditLog';

const dangerous = new Set(['auth.login_failed', 'auth.account_locked', 'auth.login_refused_locked', 'role_assignment.create', 'role_assignment.delete']);

export default function AuditLogPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [filter, setFilterState] = useState<AuditFilter & { actorName?: string }>({});
  const paging = useCursorPaging(20);
  const { actorName, ...query } = filter;
  const log = useAuditLog(query, paging.cursor, paging.size);
  const verify = useVerifyChain();

  const setFilter = (patch: Partial<typeof filter>) => {
    setFilterState((f) => ({ ...f, ...patch }));
    paging.reset();
  };
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter({ from: range?.[0]?.startOf('day').format() ?? undefined, to: range?.[1]?.endOf('day').format() ?? undefined });

  const columns: TableColumnsType<AuditEntryView> = [
    { title: t('auditLog.fields.seq'), dataIndex: 'seq', width: 80, render: (v: number) => <span className="mono">#{v}</span> },
    { title: t('auditLog.fields.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTimeSeconds(v) },
    {
      title: t('auditLog.fields.actor'),
      key: 'actor',
      width: 160,
      render: (_, e) =>
        e.actorId ? (
          <Typography.Link onClick={() => setFilter({ actorId: e.actorId ?? undefined, actorName: e.actorName ?? undefined })}>{e.actorName}</Typography.Link>
        ) : (
          <Typography.Text type="secondary">{e.actorName ?? t('auditLog.system')}</Typography.Text>
        ),
    },
    {
      title: t('auditLog.fields.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <Space size={6}>
          <Tag color={dangerous.has(v) ? 'orange' : 'default'} bordered={false}>
            {labels.auditAction(v)}
          </Tag>
          <Typography.Text type="secondary" className="mono small">
            {v}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('auditLog.fields.entity'),
      key: 'entity',
      render: (_, e) => (
        <span className="stack">
          <span>{labels.entity(e.entity)}</span>
          {e.entityId && (
            <Typography.Text type="secondary" className="mono small" copyable={{ text: e.entityId }}>
              {e.entityId.slice(0, 8)}…
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('auditLog.fields.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
  ];

  const result = verify.data;
  return (
    <PageContainer
      title={t('nav.auditLog')}
      description={t('auditLog.description')}
      extra={
        <Button type="primary" icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('auditLog.verify')}
        </Button>
      }
    >
      {result && (
        <Alert
          className="page-alert"
          data-testid="audit-verify-result"
          type={result.ok ? 'success' : 'error'}
          showIcon
          icon={result.ok ? <CheckCircleOutlined /> : undefined}
          closable
          onClose={() => verify.reset()}
          message={result.ok ? t('auditLog.verifyOk', { count: result.checked }) : t('auditLog.verifyBroken', { count: result.checked })}
          description={result.ok ? t('auditLog.verifyOkDetail') : t('auditLog.verifyBrokenDetail', { id: result.brokenAt ?? '—' })}
        />
      )}
      {verify.isError && <Alert className="page-alert" type="error" showIcon message={verify.error.message} />}
      <Card variant="borderless">
        <div className="table-toolbar">
          <Space wrap>
            <Select
              allowClear
              showSearch
              placeholder={t('auditLog.filterAction')}
              className="toolbar-select wide"
              value={filter.action}
              onChange={(action) => setFilter({ action })}
              optionFilterProp="label"
              options={knownActions.map((a) => ({ value: a, label: labels.auditAction(a) }))}
              data-testid="audit-filter-action"
            />
            <Select
              allowClear
              placeholder={t('auditLog.filterEntity')}
              className="toolbar-select"
              value={filter.entity}
              onChange={(entity) => setFilter({ entity })}
              options={knownEntities.map((e) => ({ value: e, label: labels.entity(e) }))}
            />
            <DatePicker.RangePicker onChange={(range) => onRange(range)} allowEmpty={[true, true]} />
            {filter.actorId && (
              <Tag closable onClose={() => setFilter({ actorId: undefined, actorName: undefined })} color="red" className="filter-tag">
                {t('auditLog.actorFilter', { name: actorName ?? filter.actorId })}
              </Tag>
            )}
          </Space>
        </div>
        {log.isError ? (
          <Result status="error" title={t('errors.loadFailed')} subTitle={log.error.message} />
        ) : (
          <>
            <Table<AuditEntryView>
              rowKey="id"
              size="middle"
              loading={log.isFetching}
              dataSource={log.data?.items ?? []}
              columns={columns}
              pagination={false}
              data-testid="audit-table"
              rowClassName={(e) => (result && !result.ok && result.brokenAt === e.id ? 'row-broken' : '')}
              expandable={{ expandedRowRender: (e) => <ChangesView changes={e.changes} reason={e.reason} />, rowExpandable: () => true }}
              locale={{ emptyText: <Empty description={Object.values(query).some(Boolean) ? t('common.noMatch') : t('auditLog.empty')} /> }}
            />
            <CursorPager paging={paging} nextCursor={log.data?.nextCursor} shown={log.data?.items.length ?? 0} loading={log.isFetching} />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
