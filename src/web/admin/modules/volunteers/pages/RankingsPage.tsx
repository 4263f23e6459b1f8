/**
 * 时长排行: a community's (or street's) volunteering in figures — volunteers, teams, activities,
 * participations, confirmed hours, care services — the top volunteers or teams by confirmed
 * hours, hours per month, and how many volunteers hold each star level.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Tag, Button, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../../shared/Chart';
import { downloadCsv } from '../../../../shared/csv';
import { PageContainer } from '../../../components/PageContainer';
import type { RankingItem } from '../common';
import { CommunitySelect, Stars } from '../components';
import { useCommunities, useRankings, useStats } from '../data';
import '../volunteers.css';

export default function RankingsPage() {
  const { t } = useTranslation('volunteers');
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string>();
  const [by, setBy] = useState<'volunteer' | 'team'>('volunteer');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = { from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') };
  const stats = useStats({ communityId, ...period });
  const ranking = useRankings({ communityId, by, limit: 20, ...period });
  const s = stats.data;
  const rows = ranking.data ?? [];

  const barOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 110, right: 30, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: t('rankings.hoursAxis') },
      yAxis: { type: 'category', inverse: true, data: rows.slice(0, 10).map((r) => r.name) },
      series: [{ type: 'bar', data: rows.slice(0, 10).map((r) => r.hours), itemStyle: { color: '#c41d1d' }, label: { show: true, position: 'right' } }],
    }),
    [rows, t],
  );
  const monthOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 50, right: 50, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('rankings.hoursSeries'), t('rankings.participationsSeries')] },
      xAxis: { type: 'category', data: (s?.byMonth ?? []).map((m) => m.month) },
      yAxis: [{ type: 'value', name: t('rankings.hoursAxis') }, { type: 'value', name: t('rankings.peopleAxis') }],
      series: [
        { name: t('rankings.hoursSeries'), type: 'bar', data: (s?.byMonth ?? []).map((m) => m.hours), itemStyle: { color: '#fa8c16' } },
        { name: t('rankings.participationsSeries'), type: 'line', yAxisIndex: 1, smooth: true, data: (s?.byMonth ?? []).map((m) => m.participations), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [s, t],
  );
  const starOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: (s?.byStarLevel ?? []).map((l) => ({ name: l.level ? t('common.starLevel', { level: l.level }) : t('rankings.noStar'), value: l.volunteers })) }],
    }),
    [s, t],
  );

  const columns: TableColumnsType<RankingItem> = [
    { title: t('rankings.rank'), dataIndex: 'rank', width: 70, render: (r: number) => <Tag color={r === 1 ? 'gold' : r === 2 ? 'geekblue' : r === 3 ? 'green' : 'default'}>{r}</Tag> },
    { title: by === 'team' ? t('teams.fields.name') : t('fields.name'), dataIndex: 'name' },
    { title: t('fields.community'), dataIndex: 'communityName' },
    { title: t('fields.hours'), dataIndex: 'hours', align: 'right', width: 110 },
    { title: t('rankings.participations'), dataIndex: 'participations', align: 'right', width: 110 },
    by === 'team' ? { title: t('teams.fields.members'), dataIndex: 'memberCount', align: 'right', width: 90 } : { title: t('fields.stars'), dataIndex: 'starLevel', width: 120, render: (l: number | null) => <Stars level={l ?? 0} /> },
  ];
  const exportCsv = () => downloadCsv(`${t('nav.volunteerRankings')}.csv`, [t('rankings.rank'), t('fields.name'), t('fields.community'), t('fields.hours'), t('rankings.participations')], rows.map((r) => [r.rank, r.name, r.communityName, r.hours, r.participations]));

  const figure = (key: string, value: number | undefined, suffix?: string) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card variant="borderless" className="vol-figure" data-testid={`figure-${key}`}>
        <Statistic title={t(`rankings.figures.${key}` as 'rankings.figures.volunteers')} value={value ?? 0} suffix={suffix} loading={stats.isPending} />
      </Card>
    </Col>
  );

  return (
    <PageContainer title={t('nav.volunteerRankings')} description={t('navDescriptions.volunteerRankings')}>
      <div className="table-toolbar">
        <Space wrap>
          <CommunitySelect communities={communities.data ?? []} value={communityId} onChange={setCommunityId} allowAll />
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} placeholder={[t('rankings.allTime'), t('rankings.allTime')]} />
        </Space>
      </div>
      <Row gutter={[12, 12]} className="vol-figures">
        {figure('volunteers', s?.approved)}
        {figure('teams', s?.teams)}
        {figure('activities', s?.activities)}
        {figure('participations', s?.participations)}
        {figure('hours', s?.confirmedHours, t('rankings.hourUnit'))}
        {figure('careServices', s?.careServices)}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('rankings.byMonth')}>
            {s?.byMonth.length ? <Chart option={monthOption} height={300} testId="chart-months" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title={t('rankings.starLevels', { thresholds: (s?.starThresholds ?? []).join(' / ') })}>
            {s?.byStarLevel.length ? <Chart option={starOption} height={300} testId="chart-stars" /> : <Empty />}
          </Card>
        </Col>
      </Row>
      <Card
        variant="borderless"
        className="vol-ranking-card"
        title={<Segmented value={by} onChange={setBy} options={[{ value: 'volunteer', label: t('rankings.byVolunteer') }, { value: 'team', label: t('rankings.byTeam') }]} data-testid="ranking-by" />}
        extra={<Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!rows.length}>{t('common.export')}</Button>}
      >
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>{rows.length ? <Chart option={barOption} height={360} testId="chart-ranking" /> : <Empty />}</Col>
          <Col xs={24} xl={12}>
            <Table<RankingItem> rowKey="id" size="small" loading={ranking.isFetching} dataSource={rows} columns={columns} pagination={false} data-testid="ranking-table" />
          </Col>
        </Row>
      </Card>
    </PageContainer>
  );
}
