/**
 * 诉求统计: for a community, a street or a grid in your scope and a period — received, resolved,
 * resolution and on-time rates, average time to resolve, satisfaction, reopened and escalated;
 * the monthly trend, and the breakdown by category and by grid. Every figure comes from
 * /tickets/stats, computed from the ticket records.
 */
import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Result, Row, Select, Space, Spin, Statistic, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../../../shared/csv';
import { useOrgs } from '../../../data/orgs';
import { PageContainer } from '../../../components/PageContainer';
import { breakdownOption, trendOption } from '../charts';
import { percent, useTicketLabels } from '../components';
import { useStats, type Figures, type Stats } from '../data';
import { EChart } from '../EChart';
import '../tickets.css';

type Range = [Dayjs, Dayjs] | null;
type CategoryRow = Stats['byCategory'][number];

export default function StatsPage() {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const orgs = useOrgs();
  const choices = useMemo(() => (orgs.data ?? []).filter((o) => o.kind !== 'district' || (orgs.data ?? []).length < 40), [orgs.data]);
  const [picked, setOrg] = useState<string | undefined>();
  const orgId = picked ?? choices.find((o) => o.kind === 'community')?.id ?? choices[0]?.id;
  const [range, setRange] = useState<Range>(null);
  const stats = useStats({ orgId, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') });
  const s = stats.data;
  const today = dayjs();
  const charts = useMemo(() => {
    if (!s) return null;
    const texts = { received: t('stats.received'), resolved: t('stats.resolved'), satisfaction: t('stats.satisfaction'), onTimeRate: t('stats.onTimeRate') };
    return {
      trend: trendOption(s.byMonth, texts),
      byCategory: breakdownOption(s.byCategory.map((c) => ({ ...c, label: labels.category(c.key, c.name) })), texts),
      byGrid: breakdownOption(s.byGrid.map((g) => ({ ...g, label: g.gridName ?? t('stats.noGrid') })), texts),
    };
  }, [s, t, labels]);

  const presets = [
    { label: t('stats.presets.year'), value: [today.subtract(12, 'month').add(1, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('stats.presets.thisYear'), value: [today.startOf('year'), today] as [Dayjs, Dayjs] },
    { label: t('stats.presets.quarter'), value: [today.subtract(3, 'month').add(1, 'day'), today] as [Dayjs, Dayjs] },
  ];

  const figureColumns: TableColumnsType<Figures> = [
    { title: t('stats.received'), dataIndex: 'received', align: 'right', sorter: (a, b) => a.received - b.received },
    { title: t('stats.resolved'), dataIndex: 'resolved', align: 'right', sorter: (a, b) => a.resolved - b.resolved },
    { title: t('stats.resolutionRate'), dataIndex: 'resolutionRate', align: 'right', render: percent },
    { title: t('stats.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: percent },
    { title: t('stats.avgResolveHours'), dataIndex: 'avgResolveHours', align: 'right', render: (v: number | null) => (v === null ? '—' : t('stats.hoursValue', { value: v })) },
    { title: t('stats.satisfaction'), dataIndex: 'satisfaction', align: 'right', render: percent },
    { title: t('stats.reopened'), dataIndex: 'reopened', align: 'right' },
    { title: t('stats.escalated'), dataIndex: 'escalated', align: 'right' },
  ];
  const categoryColumns = [{ title: t('fields.category'), key: 'name', render: (_: unknown, r: CategoryRow) => labels.category(r.key, r.name) }, ...figureColumns] as TableColumnsType<CategoryRow>;

  const exportCsv = () =>
    s &&
    downloadCsv(
      t('stats.exportFile'),
      [t('fields.category'), t('stats.received'), t('stats.resolved'), t('stats.resolutionRate'), t('stats.onTimeRate'), t('stats.avgResolveHours'), t('stats.satisfaction'), t('stats.reopened'), t('stats.escalated')],
      [...s.byCategory.map((c) => ({ ...c, label: labels.category(c.key, c.name) })), { ...s.totals, label: s.orgName }].map((r) => [r.label, r.received, r.resolved, percent(r.resolutionRate), percent(r.onTimeRate), r.avgResolveHours, percent(r.satisfaction), r.reopened, r.escalated]),
    );

  return (
    <PageContainer
      title={t('nav.ticketStats')}
      description={t('stats.description')}
      extra={
        <Space wrap>
          <Select className="toolbar-select wide" value={orgId} onChange={setOrg} placeholder={t('stats.org')} options={choices.map((o) => ({ value: o.id, label: o.name }))} showSearch optionFilterProp="label" data-testid="stats-org" />
          <DatePicker.RangePicker value={range} presets={presets} allowClear placeholder={[t('stats.presets.all'), t('stats.presets.all')]} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} suffixIcon={<CalendarOutlined />} data-testid="stats-range" />
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!s}>
            {t('stats.export')}
          </Button>
        </Space>
      }
    >
      {stats.isError ? (
        <Result status="error" title={t('common.load')} subTitle={stats.error.message} />
      ) : !s ? (
        <div className="ticket-loading">
          <Spin size="large" />
        </div>
      ) : (
        <Spin spinning={stats.isFetching} delay={300}>
          <div className="ticket-kpis" data-testid="stats-kpis">
            <Kpi id="received" title={t('stats.received')} value={s.totals.received.toLocaleString()} />
            <Kpi id="resolved" title={t('stats.resolved')} value={s.totals.resolved.toLocaleString()} />
            <Kpi id="resolutionRate" title={t('stats.resolutionRate')} value={percent(s.totals.resolutionRate)} />
            <Kpi id="onTimeRate" title={t('stats.onTimeRate')} value={percent(s.totals.onTimeRate)} />
            <Kpi id="avgResolveHours" title={t('stats.avgResolveHours')} value={s.totals.avgResolveHours === null ? '—' : t('stats.hoursValue', { value: s.totals.avgResolveHours })} />
            <Kpi id="satisfaction" title={t('stats.satisfaction')} value={percent(s.totals.satisfaction)} accent />
            <Kpi id="reopened" title={t('stats.reopened')} value={s.totals.reopened.toLocaleString()} />
            <Kpi id="escalated" title={t('stats.escalated')} value={s.totals.escalated.toLocaleString()} />
          </div>
          {s.totals.received === 0 ? (
            <Card variant="borderless">
              <Empty description={t('stats.empty')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <Card variant="borderless" title={t('stats.trend')}>
                  {charts && <EChart option={charts.trend} testId="chart-trend" />}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card variant="borderless" title={t('stats.byCategory')}>
                  {charts && <EChart option={charts.byCategory} testId="chart-category" />}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card variant="borderless" title={t('stats.byGrid')}>
                  {charts && <EChart option={charts.byGrid} testId="chart-grid" />}
                </Card>
              </Col>
              <Col span={24}>
                <Card variant="borderless" title={t('stats.table')}>
                  <Table<CategoryRow> rowKey="key" size="small" pagination={false} dataSource={s.byCategory} columns={categoryColumns} data-testid="stats-categories" />
                </Card>
              </Col>
            </Row>
          )}
        </Spin>
      )}
    </PageContainer>
  );
}

function Kpi({ id, title, value, accent }: { id: string; title: string; value: string; accent?: boolean }) {
  return (
    <Card variant="borderless" className={accent ? 'ticket-kpi ticket-kpi-accent' : 'ticket-kpi'} data-testid={`kpi-${id}`}>
      <Statistic title={title} value={value} />
    </Card>
  );
}
