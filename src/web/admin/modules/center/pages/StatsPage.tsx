/**
 * 中心统计: service visits (服务人次) per month, colour theme and target group, satisfaction rate
 * per month and theme, and the center's activity (events, courses, canteen, rooms) for a period.
 */
import { Card, DatePicker, Empty, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../../shared/Chart';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { percent, themeHex, themes, yuan, type Theme } from '../common';
import { CenterSelect, useCenterChoice } from '../components';
import { useCenterStats, useSatisfaction, useServiceVisits } from '../data';
import '../center.css';

const isTheme = (k: string): k is Theme => k in themeHex;

export default function StatsPage() {
  const { t } = useTranslation('center');
  const me = useMe();
  const choice = useCenterChoice();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month').startOf('month'), dayjs().endOf('month')]);
  const query = { centerId: choice.centerId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const ready = choice.settled;
  const visits = useServiceVisits(query, ready && can(me.data, 'service_visit.read'));
  const satisfaction = useSatisfaction(query);
  const stats = useCenterStats(query);
  const label = (group: 'visitSources' | 'visitGroups', key: string) => (key ? t(`${group}.${key}` as 'visitGroups.elderly', { defaultValue: key }) : t('stats.unknown'));

  const monthOption = useMemo<ChartOption>(() => {
    const v = visits.data?.byMonth ?? [];
    const s = satisfaction.data?.byMonth ?? [];
    const months = [...new Set([...v.map((b) => b.key), ...s.map((b) => b.key)])].sort();
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('stats.visits'), t('stats.satisfactionRate')] },
      grid: { left: 50, right: 50, top: 56, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: [{ type: 'value', name: t('stats.visits') }, { type: 'value', name: '%', min: 0, max: 100 }],
      series: [
        { name: t('stats.visits'), type: 'bar', data: months.map((m) => v.find((b) => b.key === m)?.visits ?? 0), itemStyle: { color: '#cf1322' } },
        { name: t('stats.satisfactionRate'), type: 'line', yAxisIndex: 1, data: months.map((m) => { const r = s.find((b) => b.key === m)?.rate; return r == null ? null : Math.round(r * 1000) / 10; }), itemStyle: { color: '#1677ff' } },
      ],
    };
  }, [visits.data, satisfaction.data, t]);

  const themeOption = useMemo<ChartOption>(() => {
    // Service visits by theme when the caller may read them, else the events' check-ins; red → purple.
    const visitsByTheme = new Map((visits.data?.byTheme ?? []).filter((b) => isTheme(b.key)).map((b) => [b.key, b.visits]));
    const checkIns = new Map((stats.data?.events.byTheme ?? []).map((b) => [b.theme, b.checkIns]));
    const source = visits.data ? visitsByTheme : checkIns;
    const data = themes.map((key) => ({ key, visits: source.get(key) ?? 0 }));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: data.map((d) => t(`themes.${d.key}`)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: data.map((d) => ({ value: d.visits, itemStyle: { color: themeHex[d.key] } })) }],
    };
  }, [visits.data, stats.data, t]);

  const groupOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: (visits.data?.byTargetGroup ?? []).map((b) => ({ name: label('visitGroups', b.key), value: b.visits })) }],
    }),
    [visits.data, t],
  );

  const satisfactionThemeOption = useMemo<ChartOption>(() => {
    const rows = themes.flatMap((key) => (satisfaction.data?.byTheme ?? []).filter((b) => b.key === key));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: rows.map((r) => t(`themes.${r.key as Theme}`)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: rows.map((r) => ({ value: r.rate == null ? 0 : Math.round(r.rate * 1000) / 10, itemStyle: { color: themeHex[r.key as Theme] } })) }],
    };
  }, [satisfaction.data, t]);

  const s = stats.data;
  return (
    <PageContainer title={t('nav.centerStats')} description={t('navDescriptions.centerStats')}>
      <Card variant="borderless" className="center-subtoolbar">
        <Space wrap>
          <CenterSelect choice={choice} />
          <DatePicker.RangePicker picker="month" value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0].startOf('month'), v[1].endOf('month')])} allowClear={false} data-testid="stats-range" />
        </Space>
      </Card>
      <div className="center-kpis" data-testid="center-kpis">
        <Card>
          <Statistic title={t('stats.visits')} value={visits.data?.total ?? '—'} loading={visits.isPending && visits.fetchStatus !== 'idle'} />
        </Card>
        <Card>
          <Statistic title={t('stats.people')} value={visits.data?.people ?? '—'} />
        </Card>
        <Card>
          <Statistic title={t('stats.satisfactionRate')} value={percent(satisfaction.data?.rate)} />
          <span className="center-muted">{t('stats.responses', { count: satisfaction.data?.responses ?? 0, average: satisfaction.data?.averageScore?.toFixed(2) ?? '—' })}</span>
        </Card>
        <Card>
          <Statistic title={t('stats.events')} value={s?.events.total ?? '—'} />
        </Card>
        <Card>
          <Statistic title={t('stats.meals')} value={s?.canteen.meals ?? '—'} />
          <span className="center-muted">{t('stats.subsidy', { amount: yuan(s?.canteen.subsidyFen), count: s?.canteen.subsidizedMeals ?? 0 })}</span>
        </Card>
      </div>
      <div className="center-charts">
        <Card title={t('stats.byMonth')}>
          <Chart option={monthOption} testId="chart-month" />
        </Card>
        <Card title={t('stats.byTheme')}>
          <Chart option={themeOption} testId="chart-theme" />
        </Card>
        <Card title={t('stats.byTargetGroup')}>{(visits.data?.byTargetGroup.length ?? 0) > 0 ? <Chart option={groupOption} testId="chart-group" /> : <Empty description={t('empty.figures')} />}</Card>
        <Card title={t('stats.satisfactionByTheme')}>{(satisfaction.data?.byTheme.length ?? 0) > 0 ? <Chart option={satisfactionThemeOption} /> : <Empty description={t('empty.figures')} />}</Card>
        <Card title={t('stats.courses')}>
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={s?.courses ?? []}
            locale={{ emptyText: t('empty.figures') }}
            columns={[
              { title: t('course.kind'), dataIndex: 'kind', render: (k: string) => t(`courseKinds.${k}` as 'courseKinds.senior_college', { defaultValue: k }) },
              { title: t('stats.courseCount'), dataIndex: 'courses' },
              { title: t('enrollmentStatus.enrolled'), dataIndex: 'enrolled' },
              { title: t('enrollmentStatus.waitlisted'), dataIndex: 'waitlisted' },
              { title: t('stats.attendances'), dataIndex: 'attendances' },
            ]}
          />
        </Card>
        <Card title={t('stats.venues')}>
          <Table
            rowKey="venueId"
            size="small"
            pagination={{ pageSize: 6, showSizeChanger: false }}
            dataSource={s?.venues ?? []}
            locale={{ emptyText: t('empty.figures') }}
            columns={[
              { title: t('venue.name'), dataIndex: 'name' },
              { title: t('stats.bookings'), dataIndex: 'bookings', sorter: (a, b) => a.bookings - b.bookings },
              { title: t('stats.hours'), dataIndex: 'hours', sorter: (a, b) => a.hours - b.hours, defaultSortOrder: 'descend' },
            ]}
          />
        </Card>
        <Card title={t('stats.bySource')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={visits.data?.bySource ?? []}
            locale={{ emptyText: t('empty.figures') }}
            columns={[
              { title: t('stats.source'), dataIndex: 'key', render: (k: string) => label('visitSources', k) },
              { title: t('stats.visits'), dataIndex: 'visits' },
              { title: t('stats.people'), dataIndex: 'people' },
            ]}
          />
        </Card>
      </div>
    </PageContainer>
  );
}
