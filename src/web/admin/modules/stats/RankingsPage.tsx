/**
 * 社区排名: the communities of a street (or the caller's whole scope) side by side on every
 * indicator, each ranked on its own, with an overall place by mean rank, and a chart of one
 * indicator across communities.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { stats } from '../../../../contracts';
import { api } from '../../../shared/api';
import { Chart, type ChartOption } from '../../../shared/Chart';
import { downloadCsv } from '../../../shared/csv';
import { PageContainer } from '../../components/PageContainer';
import { useOrgs } from '../../data/orgs';

type Rankings = z.infer<typeof stats.Rankings>;
type Row = Rankings['communities'][number];
type Unit = Rankings['indicators'][number]['unit'];

const rankColor = (rank: number | null) => (rank === 1 ? 'gold' : rank === 2 ? 'geekblue' : rank === 3 ? 'green' : 'default');

export default function RankingsPage() {
  const { t } = useTranslation('stats');
  const lt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [focus, setFocus] = useState<string | undefined>();
  const orgs = useOrgs();
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const rankings = useQuery({
    queryKey: ['stats', 'rankings', orgId, from, to],
    queryFn: () => api.get<Rankings>(`/stats/rankings?from=${from}&to=${to}${orgId ? `&orgId=${orgId}` : ''}`),
  });

  const format = (value: number | null, unit: Unit): string => {
    if (value === null || value === undefined) return '—';
    if (unit === 'rate') return `${(value * 100).toFixed(1)}%`;
    if (unit === 'fen') return `¥${(value / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return value.toLocaleString();
  };
  const label = (key: string) => lt(`indicators.${key}`, { defaultValue: key });

  const indicators = rankings.data?.indicators ?? [];
  const focused = indicators.find((i) => i.key === focus) ?? indicators[0];
  const rows = rankings.data?.communities ?? [];

  const columns: TableColumnsType<Row> = [
    { title: t('place'), dataIndex: 'place', width: 90, fixed: 'left', sorter: (a, b) => (a.place ?? 1e9) - (b.place ?? 1e9), render: (p: number | null) => (p ? <Tag color={rankColor(p)}>{p}</Tag> : '—') },
    { title: t('community'), dataIndex: 'communityName', width: 160, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('street'), dataIndex: 'streetName', width: 120 },
    ...indicators.map((i) => ({
      title: label(i.key),
      key: i.key,
      align: 'right' as const,
      width: 150,
      sorter: (a: Row, b: Row) => (a.ranks[i.key] ?? 1e9) - (b.ranks[i.key] ?? 1e9),
      render: (_: unknown, row: Row) => (
        <Space size={6}>
          <span>{format(row.values[i.key] ?? null, i.unit)}</span>
          {row.ranks[i.key] ? <Tag color={rankColor(row.ranks[i.key]!)}>{row.ranks[i.key]}</Tag> : null}
        </Space>
      ),
    })),
    { title: t('meanRank'), dataIndex: 'meanRank', width: 110, align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
  ];

  const option = useMemo<ChartOption>(() => {
    if (!focused) return {};
    const sorted = [...rows].sort((a, b) => (a.ranks[focused.key] ?? 1e9) - (b.ranks[focused.key] ?? 1e9));
    const scale = (v: number | null) => (v === null ? null : focused.unit === 'rate' ? Math.round(v * 1000) / 10 : focused.unit === 'fen' ? v / 100 : v);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 72 },
      xAxis: { type: 'category', data: sorted.map((r) => r.communityName), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: lt(`units.${focused.unit}`) },
      series: [{ type: 'bar', name: label(focused.key), data: sorted.map((r) => scale(r.values[focused.key] ?? null)), itemStyle: { color: '#c8102e' }, barMaxWidth: 36 }],
    };
  }, [focused, rows]); // eslint-disable-line react-hooks/exhaustive-deps

  const orgOptions = (orgs.data ?? []).filter((o) => o.kind === 'district' || o.kind === 'street').map((o) => ({ value: o.id, label: o.name }));

  const exportCsv = () =>
    downloadCsv(
      `${t('title')}-${from}-${to}.csv`,
      [t('place'), t('community'), t('street'), ...indicators.flatMap((i) => [label(i.key), `${label(i.key)} ${t('place')}`]), t('meanRank')],
      rows.map((r) => [r.place, r.communityName, r.streetName, ...indicators.flatMap((i) => [format(r.values[i.key] ?? null, i.unit), r.ranks[i.key]]), r.meanRank]),
    );

  return (
    <PageContainer title={t('title')} description={t('description')} extra={<a onClick={exportCsv} data-testid="rankings-export"><DownloadOutlined /> {t('export')}</a>}>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap size={16}>
          <Space>
            <Typography.Text type="secondary">{t('range')}</Typography.Text>
            <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          </Space>
          <Space>
            <Typography.Text type="secondary">{t('org')}</Typography.Text>
            <Select style={{ minWidth: 200 }} allowClear placeholder={t('allInScope')} value={orgId} onChange={setOrgId} options={orgOptions} data-testid="rankings-org" />
          </Space>
        </Space>
      </Card>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Table<Row>
          rowKey="communityId"
          size="middle"
          loading={rankings.isLoading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('noData')} /> }}
          data-testid="rankings-table"
        />
      </Card>
      <Card
        variant="borderless"
        title={t('chartTitle')}
        extra={<Select style={{ minWidth: 200 }} value={focused?.key} onChange={setFocus} options={indicators.map((i) => ({ value: i.key, label: label(i.key) }))} />}
      >
        {rows.length ? <Chart option={option} height={340} testId="rankings-chart" /> : <Empty description={t('noData')} />}
      </Card>
    </PageContainer>
  );
}
