/**
 * 帮扶概况: the figures of care in the caller's area — files, applications by step, monthly care
 * services by kind, consolations and wishes — every one a count or sum of records. Street staff
 * see only this page of care; the restricted figure appears only for the care officer.
 */
import { Card, Col, Result, Row, Spin, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { can, useMe } from '../../../../shared/me';
import { PageContainer } from '../../../components/PageContainer';
import { EChart, type ChartOption } from '../EChart';
import { useCareT } from '../components';
import { useServiceStats, useStats } from '../data';
import { yuan } from '../types';
import '../care.css';

const kindColors = { daily_care: '#c8102e', emotional_support: '#fa8c16', health_care: '#1677ff' } as const;

export default function OverviewPage() {
  const t = useCareT();
  const { data: me } = useMe();
  const stats = useStats();
  const to = dayjs().format('YYYY-MM');
  const from = dayjs().subtract(11, 'month').format('YYYY-MM');
  const services = useServiceStats(from, to, can(me, ['care_service.read', 'care_stats.read']));
  const serviceChart = useMemo<ChartOption>(() => {
    const months = services.data?.months ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value' },
      series: (Object.keys(kindColors) as Array<keyof typeof kindColors>).map((k) => ({ type: 'bar', stack: 'services', name: t(`serviceKinds.${k}`), itemStyle: { color: kindColors[k] }, data: months.map((m) => m[k]) })),
    };
  }, [services.data, t]);
  const statusChart = useMemo<ChartOption>(() => {
    const rows = stats.data?.applications.byStatus ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => t(`statuses.${r.key}`)) },
      series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#c8102e' }, label: { show: true, position: 'right' } }],
    };
  }, [stats.data, t]);

  if (stats.isPending) return <Spin className="care-spin" />;
  if (stats.isError) return <Result status="error" title={t('common.loadFailed')} subTitle={stats.error.message} />;
  const s = stats.data;
  const cards = [
    { key: 'careFiles', value: s.careFiles.total, sub: t('overview.activeFiles', { count: s.careFiles.active }) },
    { key: 'applications', value: s.applications.total, sub: t('overview.approvedMonthly', { amount: yuan(s.applications.approvedMonthlyFen) }) },
    { key: 'services', value: s.services.total, sub: s.services.byKind.map((k) => `${t(`serviceKinds.${k.key}`)} ${k.count}`).join(' · ') },
    { key: 'consolations', value: s.consolations.campaigns, sub: t('overview.consolationsValue', { households: s.consolations.households, amount: yuan(s.consolations.amountFen) }) },
    { key: 'wishes', value: s.wishes.total, sub: t('overview.wishesValue', { fulfilled: s.wishes.fulfilled, total: s.wishes.total }) },
    ...(s.restricted ? [{ key: 'restricted', value: s.restricted.severeMentalDisorder, sub: t('file.restricted') }] : []),
  ];
  return (
    <PageContainer title={t('nav.careOverview')} description={t('navDescriptions.careOverview')}>
      <Row gutter={[16, 16]} data-testid="care-overview">
        {cards.map((c) => (
          <Col key={c.key} xs={24} sm={12} xl={8} xxl={4}>
            <Card variant="borderless" className="care-card">
              <Statistic title={t(`overview.${c.key}`)} value={c.value} data-testid={`overview-${c.key}`} />
              <div className="care-small care-muted">{c.sub}</div>
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={14}>
          <Card variant="borderless" className="care-card" title={t('overview.servicesByMonth')}>
            <EChart option={serviceChart} testId="services-chart" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" className="care-card" title={t('overview.byStatus')}>
            <EChart option={statusChart} testId="status-chart" />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
