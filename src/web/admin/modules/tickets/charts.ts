/** The ticket dashboard's chart options, built from /tickets/stats; texts arrive translated. */
import type { ChartOption } from './EChart';
import type { Figures } from './data';

const blue = '#5b8ff9';
const green = '#389e0d';
const red = '#c8102e';
const gold = '#d4a106';
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

interface Texts {
  received: string;
  resolved: string;
  satisfaction: string;
  onTimeRate: string;
}

const percentAxis = { type: 'value' as const, name: '%', min: 0, max: 100, splitLine: { show: false } };

/** Months: received and resolved as bars, satisfaction and on-time rate as lines on a 0–100 % axis. */
export function trendOption(rows: Array<Figures & { month: string }>, texts: Texts): ChartOption {
  return {
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [texts.received, texts.resolved, texts.satisfaction, texts.onTimeRate] },
    xAxis: { type: 'category', data: rows.map((r) => r.month), axisTick: { alignWithLabel: true } },
    yAxis: [{ type: 'value', splitLine: { lineStyle: { type: 'dashed' } } }, percentAxis],
    series: [
      { type: 'bar', name: texts.received, data: rows.map((r) => r.received), itemStyle: { color: blue }, barMaxWidth: 18 },
      { type: 'bar', name: texts.resolved, data: rows.map((r) => r.resolved), itemStyle: { color: green }, barMaxWidth: 18 },
      {
        type: 'line',
        name: texts.satisfaction,
        yAxisIndex: 1,
        smooth: true,
        connectNulls: false,
        data: rows.map((r) => pct(r.satisfaction)),
        itemStyle: { color: red },
        lineStyle: { width: 3 },
        label: { show: rows.length <= 14, position: 'top', formatter: '{c}%', color: red, fontSize: 11 },
      },
      { type: 'line', name: texts.onTimeRate, yAxisIndex: 1, smooth: true, data: rows.map((r) => pct(r.onTimeRate)), itemStyle: { color: gold }, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** One horizontal pair of bars per category or grid: received and resolved. */
export function breakdownOption(rows: Array<Figures & { label: string }>, texts: Pick<Texts, 'received' | 'resolved'>): ChartOption {
  const sorted = [...rows].sort((a, b) => a.received - b.received);
  return {
    grid: { left: 8, right: 40, top: 32, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [texts.received, texts.resolved] },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: sorted.map((r) => r.label), axisTick: { show: false } },
    series: [
      { type: 'bar', name: texts.received, data: sorted.map((r) => r.received), itemStyle: { color: blue }, barMaxWidth: 14, label: { show: true, position: 'right' } },
      { type: 'bar', name: texts.resolved, data: sorted.map((r) => r.resolved), itemStyle: { color: green }, barMaxWidth: 14 },
    ],
  };
}
