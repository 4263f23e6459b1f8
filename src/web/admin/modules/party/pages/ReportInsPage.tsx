/**
 * 双报到审核: the queue of in-service members reporting in (approve into the suggested group, or
 * return with a reason), and how many have reported in, by workplace and by group.
 */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, Row, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { can, useMe } from '../../../../shared/me';
import { CursorPager, useCursorPaging } from '../../../components/CursorPager';
import { PageContainer } from '../../../components/PageContainer';
import { CommunitySelect, Figure, useCommunity } from '../components';
import { EChart, type ChartOption } from '../EChart';
import { FormModal } from '../FormModal';
import { post, usePartyMutation, usePartyOrgs, useReportIns, useReportInSummary, type ReportIn } from '../data';

type Status = ReportIn['status'];

export default function ReportInsPage() {
  const { t } = useTranslation('party');
  const { data: me } = useMe();
  const [communityId, setCommunityId] = useCommunity();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const paging = useCursorPaging(20);
  const list = useReportIns({ communityId, status: status === 'all' ? undefined : status, cursor: paging.cursor, limit: paging.size });
  const summary = useReportInSummary(communityId);
  const [deciding, setDeciding] = useState<{ report: ReportIn; action: 'approve' | 'return' } | null>(null);
  const decide = can(me, 'report_in.decide');

  const columns: TableColumnsType<ReportIn> = [
    { title: t('reportIns.name'), dataIndex: 'name', width: 90 },
    { title: t('reportIns.workplace'), dataIndex: 'workplace', ellipsis: true },
    { title: t('reportIns.building'), dataIndex: 'buildingName', render: (v: string | null) => v ?? '—' },
    { title: t('reportIns.suggestedGroup'), dataIndex: 'suggestedOrgName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('reportIns.noGroup')}</Typography.Text> },
    { title: t('reportIns.partyStatus'), dataIndex: 'partyStatus', width: 90, render: (v: ReportIn['partyStatus']) => t(`status.${v}`) },
    { title: t('reportIns.submittedAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('reportIns.status'),
      dataIndex: 'status',
      width: 160,
      render: (v: Status, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={v === 'approved' ? 'green' : v === 'returned' ? 'orange' : 'blue'} bordered={false}>{t(`reportInStatus.${v}`)}</Tag>
          {r.reason && <Typography.Text type="secondary" className="small">{r.reason}</Typography.Text>}
        </Space>
      ),
    },
    ...(decide
      ? [{
          title: t('common.actions'),
          key: 'actions',
          width: 170,
          render: (_: unknown, r: ReportIn) =>
            r.status === 'pending' && (
              <Space size={0}>
                <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => setDeciding({ report: r, action: 'approve' })} data-testid={`approve-${r.id}`}>{t('reportIns.approve')}</Button>
                <Button type="link" size="small" danger icon={<RollbackOutlined />} onClick={() => setDeciding({ report: r, action: 'return' })}>{t('reportIns.return')}</Button>
              </Space>
            ),
        }]
      : []),
  ];

  const chart = useMemo<ChartOption>(() => {
    const rows = (summary.data?.byWorkplace ?? []).slice(0, 15).reverse();
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.workplace) },
      series: [{ type: 'bar', data: rows.map((r) => r.members), itemStyle: { color: '#c8161d' }, label: { show: true, position: 'right' } }],
    };
  }, [summary.data]);

  return (
    <PageContainer title={t('nav.partyReportIns')} description={t('reportIns.description')} extra={<CommunitySelect value={communityId} onChange={setCommunityId} />}>
      <Row gutter={16}>
        <Col xs={12} lg={6}><Figure title={t('reportIns.reporting')} value={summary.data?.reporting ?? '—'} testId="figure-reporting" /></Col>
        <Col xs={12} lg={6}><Figure title={t('reportIns.pending')} value={summary.data?.pending ?? '—'} testId="figure-pending" /></Col>
        <Col xs={12} lg={6}><Figure title={t('reportIns.units')} value={summary.data?.byWorkplace.length ?? '—'} /></Col>
        <Col xs={12} lg={6}><Figure title={t('reportIns.groups')} value={summary.data?.byGroup.length ?? '—'} /></Col>
      </Row>
      <Card variant="borderless" className="party-section">
        <div className="table-toolbar">
          <Segmented<Status | 'all'>
            value={status}
            onChange={(v) => { setStatus(v); paging.reset(); }}
            options={(['pending', 'approved', 'returned', 'all'] as const).map((k) => ({ value: k, label: t(`reportInStatus.${k}`) }))}
          />
        </div>
        <Table<ReportIn> rowKey="id" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} pagination={false} data-testid="report-ins-table"
          locale={{ emptyText: <Empty description={t('reportIns.empty')} /> }} />
        <CursorPager paging={paging} nextCursor={list.data?.nextCursor} shown={list.data?.items.length ?? 0} loading={list.isFetching} />
      </Card>
      <Row gutter={16} className="party-section">
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('reportIns.byWorkplace')}>
            {summary.data?.byWorkplace.length ? <EChart option={chart} height={Math.max(240, Math.min(15, summary.data.byWorkplace.length) * 26)} testId="chart-workplaces" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('reportIns.byGroup')}>
            <Table size="small" rowKey="orgId" dataSource={summary.data?.byGroup ?? []} pagination={{ pageSize: 10, size: 'small' }}
              columns={[{ title: t('reportIns.group'), dataIndex: 'orgName' }, { title: t('reportIns.members'), dataIndex: 'members', width: 90, align: 'right', sorter: (a, b) => a.members - b.members }]} />
          </Card>
        </Col>
      </Row>
      {deciding && <DecideModal communityId={communityId} {...deciding} onClose={() => setDeciding(null)} />}
    </PageContainer>
  );
}

function DecideModal({ communityId, report, action, onClose }: { communityId: string | undefined; report: ReportIn; action: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useTranslation('party');
  const orgs = usePartyOrgs(communityId);
  const mutation = usePartyMutation(post(`/report-ins/${report.id}/${action}`));
  return (
    <FormModal<{ orgId?: string; reason?: string }>
      title={t(action === 'approve' ? 'reportIns.approveTitle' : 'reportIns.returnTitle', { name: report.name })}
      onClose={onClose}
      testId="decide-form"
      okText={t(action === 'approve' ? 'reportIns.approve' : 'reportIns.return')}
      successText={t(action === 'approve' ? 'reportIns.approved' : 'reportIns.returned')}
      initialValues={{ orgId: report.suggestedOrgId ?? undefined }}
      onSubmit={(v) => mutation.mutateAsync({ version: report.version, ...(action === 'approve' ? { orgId: v.orgId } : { reason: v.reason }) })}
    >
      <Typography.Paragraph type="secondary">{t('reportIns.decideHint', { workplace: report.workplace, building: report.buildingName ?? '—' })}</Typography.Paragraph>
      {action === 'approve' ? (
        <Form.Item name="orgId" label={t('reportIns.intoGroup')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).filter((o) => o.kind === 'group').map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="reason" label={t('reportIns.reason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}
