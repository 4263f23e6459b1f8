/** The dashboard's chart options, built from /waste/stats; texts come in already translated. */
import type { ChartOption } from './EChart';
import type { WasteStats } from './data';

const green = '#389e0d';
const blue = '#5b8ff9';
const gold = '#d4a106';
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

interface TrendTexts {
  records: string;
  correctRate: string;
}

/** Records per day (or month) as bars, the correct-sorting rate as a line on a 0–100 % axis. */
export function trendOption(points: { label: string; records: number; correct: number }[], texts: TrendTexts): ChartOption {
  return {
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [texts.records, texts.correctRate] },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: texts.records, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: '%', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: texts.records, data: points.map((p) => p.records), itemStyle: { color: blue, borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 },
      {
        type: 'line',
        name: texts.correctRate,
        yAxisIndex: 1,
        smooth: true,
        symbolSize: 7,
        data: points.map((p) => pct(p.records ? p.correct / p.records : null)),
        itemStyle: { color: green },
        lineStyle: { width: 3 },
        label: { show: points.length <= 16, position: 'top', formatter: '{c}%', color: green, fontWeight: 600, fontSize: 11 },
      },
    ],
  };
}

/** One horizontal bar per drop point (names stay readable): its correct-sorting rate. */
export function pointsOption(rows: WasteStats['byDropPoint'], texts: { correctRate: string }): ChartOption {
  // Top to bottom in natural order (1号, 2号 … 12号): the category axis draws its first item at the bottom.
  const sorted = [...rows].sort((a, b) => b.name.localeCompare(a.name, 'zh-CN', { numeric: true }));
  const rates = sorted.map((r) => pct(r.correctRate)).filter((v): v is number => v !== null);
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    xAxis: { type: 'value', max: 100, min: rates.length ? Math.max(0, Math.floor(Math.min(...rates) / 10) * 10 - 10) : 0, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: texts.correctRate,
        data: sorted.map((r) => pct(r.correctRate)),
        itemStyle: { color: green, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}

/** Communities side by side: participation and correct-sorting rates. */
export function communitiesOption(rows: WasteStats['byCommunity'], texts: { participationRate: string; correctRate: string }): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { top: 0, data: [texts.participationRate, texts.correctRate] },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [
      { type: 'bar', name: texts.participationRate, data: rows.map((r) => pct(r.participationRate)), itemStyle: { color: gold }, barMaxWidth: 32 },
      { type: 'bar', name: texts.correctRate, data: rows.map((r) => pct(r.correctRate)), itemStyle: { color: green }, barMaxWidth: 32 },
    ],
  };
}
