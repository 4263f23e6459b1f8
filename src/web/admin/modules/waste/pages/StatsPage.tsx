/**
 * 垃圾分类统计: the pilot's figures for a date range — points, bins, households, participation,
 * correct-sorting rate by day or month, rewards paid (yuan, from fen), each drop point, and for
 * street staff their communities side by side. Every figure is computed by the API from records.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Result, Row, Segmented, Select, Space, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { communitiesOption, pointsOption, trendOption } from '../charts';
import { fenToYuan, percent } from '../components';
import { communityToday, useCommunities, useWasteStats, type WasteStats } from '../data';
import { EChart } from '../EChart';
import '../waste.css';

type Grain = 'day' | 'month';
type CommunityRow = WasteStats['byCommunity'][number];

export default function StatsPage() {
  const { t } = useTranslation('waste');
  const todayText = communityToday();
  const today = useMemo(() => dayjs(todayText), [todayText]);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const communities = useCommunities();
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const stats = useWasteStats({ orgId, from, to });
  const long = range[1].diff(range[0], 'day') > 92;
  const [grainChoice, setGrain] = useState<Grain | null>(null);
  const grain: Grain = grainChoice ?? (long ? 'month' : 'day');
  const s = stats.data;
  // Daily participation over complete days (today is still being recorded).
  const dailyParticipation = useMemo(() => {
    if (!s?.households) return null;
    const done = s.byDay.filter((d) => d.day < todayText);
    return done.length ? done.reduce((n, d) => n + d.records, 0) / done.length / s.households : null;
  }, [s, todayText]);

  const trend = useMemo(() => {
    if (!s) return null;
    const points = grain === 'day' ? s.byDay.map((d) => ({ label: d.day.slice(5), records: d.records, correct: d.correct })) : s.byMonth.map((m) => ({ label: m.month, records: m.records, correct: m.correct }));
    return trendOption(points, { records: t('stats.records'), correctRate: t('stats.correctRate') });
  }, [s, grain, t]);
  const byPoint = useMemo(() => (s ? pointsOption(s.byDropPoint, { correctRate: t('stats.correctRate') }) : null), [s, t]);
  const byCommunity = useMemo(() => (s ? communitiesOption(s.byCommunity, { participationRate: t('stats.participationRate'), correctRate: t('stats.correctRate') }) : null), [s, t]);

  const presets = [
    { label: t('stats.presets.week'), value: [today.subtract(6, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('stats.presets.month'), value: [today.subtract(29, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('stats.presets.thisMonth'), value: [today.startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('stats.presets.quarter'), value: [today.subtract(89, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('stats.presets.year'), value: [today.subtract(364, 'day'), today] as [Dayjs, Dayjs] },
  ];

  const communityColumns: TableColumnsType<CommunityRow> = [
    { title: t('points.fields.community'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('stats.kpi.dropPoints'), dataIndex: 'dropPoints', align: 'right', sorter: (a, b) => a.dropPoints - b.dropPoints },
    { title: t('stats.kpi.households'), dataIndex: 'households', align: 'right', sorter: (a, b) => a.households - b.households, render: (v: number) => v.toLocaleString() },
    { title: t('stats.participationRate'), dataIndex: 'participationRate', align: 'right', sorter: (a, b) => (a.participationRate ?? -1) - (b.participationRate ?? -1), render: percent },
    { title: t('stats.records'), dataIndex: 'records', align: 'right', render: (v: number) => v.toLocaleString() },
    { title: t('stats.correctRate'), dataIndex: 'correctRate', align: 'right', sorter: (a, b) => (a.correctRate ?? -1) - (b.correctRate ?? -1), render: percent },
    { title: t('stats.kpi.rewards'), dataIndex: 'rewardFen', align: 'right', sorter: (a, b) => a.rewardFen - b.rewardFen, render: (v: number) => t('stats.yuan', { value: fenToYuan(v) }) },
  ];

  return (
    <PageContainer
      title={t('nav.wasteStats')}
      description={t('stats.description')}
      extra={
        <Space wrap>
          {(communities.data?.length ?? 0) > 1 && (
            <Select allowClear className="toolbar-select wide" placeholder={t('common.allCommunities')} value={orgId} onChange={setOrgId} options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="stats-community" />
          )}
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            presets={presets}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            suffixIcon={<CalendarOutlined />}
            data-testid="stats-range"
          />
        </Space>
      }
    >
      {stats.isError ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={stats.error.message} />
      ) : !s ? (
        <div className="waste-loading">
          <Spin size="large" />
        </div>
      ) : (
        <Spin spinning={stats.isFetching} delay={300}>
          <div className="waste-kpis" data-testid="stats-kpis">
            <Card variant="borderless" className="waste-kpi waste-kpi-scale">
              <Kpi id="dropPoints" title={t('stats.kpi.dropPoints')} value={s.dropPoints.toLocaleString()} note={t('stats.kpi.pointsNote')} />
              <Kpi id="bins" title={t('stats.kpi.bins')} value={s.bins.toLocaleString()} note={t('stats.kpi.binsPerPoint', { count: s.dropPoints ? Math.round(s.bins / s.dropPoints) : 0 })} />
              <Kpi id="households" title={t('stats.kpi.households')} value={s.households.toLocaleString()} note={t('stats.kpi.participating', { count: s.participatingHouseholds.toLocaleString() })} />
              <Kpi id="supervisors" title={t('stats.kpi.supervisors')} value={s.supervisors.toLocaleString()} note={t('stats.kpi.applicants', { count: s.applicants })} />
            </Card>
            <Card variant="borderless" className="waste-kpi">
              <Kpi id="participationRate" title={t('stats.participationRate')} value={percent(s.participationRate)} note={t('stats.kpi.participationNote', { daily: percent(dailyParticipation) })} />
            </Card>
            <Card variant="borderless" className="waste-kpi waste-kpi-accent">
              <Kpi id="correctRate" title={t('stats.correctRate')} value={percent(s.correctRate)} note={t('stats.kpi.correctNote', { correct: s.correct.toLocaleString(), records: s.records.toLocaleString() })} />
            </Card>
            <Card variant="borderless" className="waste-kpi">
              <Kpi id="rewards" title={t('stats.kpi.rewards')} value={t('stats.yuan', { value: fenToYuan(s.rewardFen) })} note={t('stats.kpi.rewardsNote')} />
            </Card>
          </div>

          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card
                variant="borderless"
                title={t('stats.trendTitle')}
                extra={<Segmented<Grain> size="small" value={grain} onChange={setGrain} options={(['day', 'month'] as const).map((g) => ({ value: g, label: t(`stats.grain.${g}`) }))} />}
              >
                {s.records === 0 ? <Empty description={t('stats.noRecords')} /> : trend && <EChart option={trend} testId="chart-trend" />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card variant="borderless" title={t('stats.byPointTitle')}>
                {s.byDropPoint.length === 0 ? <Empty description={t('points.empty')} /> : byPoint && <EChart option={byPoint} className={s.byDropPoint.length > 14 ? 'tall' : undefined} testId="chart-points" />}
              </Card>
            </Col>
            {s.byCommunity.length > 1 && (
              <Col span={24}>
                <Card variant="borderless" title={t('stats.byCommunityTitle')} data-testid="stats-communities">
                  <Row gutter={16}>
                    <Col xs={24} xl={10}>{byCommunity && <EChart option={byCommunity} className="short" testId="chart-communities" />}</Col>
                    <Col xs={24} xl={14}>
                      <Table<CommunityRow> rowKey="communityId" size="small" pagination={false} dataSource={s.byCommunity} columns={communityColumns} />
                    </Col>
                  </Row>
                </Card>
              </Col>
            )}
            <Col span={24}>
              <MonthTable rows={s.byMonth} />
            </Col>
          </Row>
        </Spin>
      )}
    </PageContainer>
  );
}

function Kpi({ id, title, value, note }: { id: string; title: string; value: string; note: string }) {
  return (
    <div className="waste-kpi-item" data-testid={`kpi-${id}`}>
      <Statistic title={title} value={value} />
      <Typography.Text type="secondary" className="small">
        {note}
      </Typography.Text>
    </div>
  );
}

function MonthTable({ rows }: { rows: WasteStats['byMonth'] }) {
  const { t } = useTranslation('waste');
  const columns: TableColumnsType<WasteStats['byMonth'][number]> = [
    { title: t('stats.month'), dataIndex: 'month' },
    { title: t('stats.records'), dataIndex: 'records', align: 'right', render: (v: number) => v.toLocaleString() },
    { title: t('stats.correct'), dataIndex: 'correct', align: 'right', render: (v: number) => v.toLocaleString() },
    { title: t('stats.correctRate'), key: 'rate', align: 'right', render: (_, m) => percent(m.records ? m.correct / m.records : null) },
    { title: t('stats.kpi.rewards'), dataIndex: 'rewardFen', align: 'right', render: (v: number) => t('stats.yuan', { value: fenToYuan(v) }) },
  ];
  return (
    <Card variant="borderless" title={t('stats.byMonthTitle')}>
      <Table rowKey="month" size="small" pagination={false} dataSource={rows} columns={columns} locale={{ emptyText: <Empty description={t('stats.noRecords')} /> }} data-testid="stats-months" />
    </Card>
  );
}
