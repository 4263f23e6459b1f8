/**
 * 出勤热力图: one row per member, one column per lecture; a cell is on time, late or missed (blank
 * before the member joined the roster). Drawn with ECharts; the slider pans through the issues.
 */
import { Empty, Segmented, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttendance } from '../data';
import { EChart, type ChartOption } from '../EChart';

const ranges = { quarter: 13, half: 26, year: 52, all: 0 } as const;
type Range = keyof typeof ranges;

export function AttendanceHeatmap({ communityId }: { communityId: string | undefined }) {
  const { t } = useTranslation('party');
  const [range, setRange] = useState<Range>('half');
  const from = ranges[range] ? dayjs().subtract(ranges[range], 'week').format('YYYY-MM-DD') : undefined;
  const matrix = useAttendance({ communityId, from });

  const option = useMemo<ChartOption | null>(() => {
    const m = matrix.data;
    if (!m || m.lectures.length === 0 || m.members.length === 0) return null;
    const seen = new Map(m.cells.map(([mi, li, v]) => [`${mi}:${li}`, v]));
    const data: [number, number, number][] = [];
    m.members.forEach((member, mi) => {
      const enrolled = new Date(member.enrolledAt).getTime();
      m.lectures.forEach((l, li) => {
        if (new Date(l.scheduledAt).getTime() < enrolled) return;
        data.push([li, mi, seen.get(`${mi}:${li}`) ?? 0]);
      });
    });
    const labels = [t('lectures.missed'), t('lectures.onTime'), t('lectures.late')];
    return {
      tooltip: {
        formatter: (p) => {
          const [li, mi, v] = (p as unknown as { value: [number, number, number] }).value;
          const l = m.lectures[li]!;
          return `${m.members[mi]!.name}<br/>${t('lectures.issue', { no: l.issueNo })} ${dayjs(l.scheduledAt).format('YYYY-MM-DD')}<br/>${labels[v]}`;
        },
      },
      grid: { left: 8, right: 16, top: 8, bottom: 72, containLabel: true },
      xAxis: { type: 'category', data: m.lectures.map((l) => String(l.issueNo)), splitArea: { show: false }, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', data: m.members.map((x) => x.name), inverse: true, axisLabel: { fontSize: 11 } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: [
          { value: 1, label: labels[1], color: '#c8161d' },
          { value: 2, label: labels[2], color: '#fa8c16' },
          { value: 0, label: labels[0], color: '#e8e8e8' },
        ],
      },
      dataZoom: m.lectures.length > 60 ? [{ type: 'slider', xAxisIndex: 0, bottom: 32, height: 16, start: 100 - (60 / m.lectures.length) * 100, end: 100 }] : [],
      series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 }, emphasis: { itemStyle: { borderColor: '#000' } } }],
    };
  }, [matrix.data, t]);

  const rows = matrix.data?.members.length ?? 0;
  return (
    <div data-testid="heatmap">
      <div className="table-toolbar">
        <Segmented<Range> value={range} onChange={setRange} options={(Object.keys(ranges) as Range[]).map((k) => ({ value: k, label: t(`lectures.ranges.${k}`) }))} />
        <Typography.Text type="secondary">{t('lectures.heatmapHint', { members: rows, lectures: matrix.data?.lectures.length ?? 0 })}</Typography.Text>
      </div>
      <Spin spinning={matrix.isFetching}>
        {option ? <EChart option={option} height={Math.min(1600, Math.max(320, rows * 16 + 120))} testId="heatmap-chart" /> : <Empty description={t('lectures.noAttendance')} />}
      </Spin>
    </div>
  );
}
