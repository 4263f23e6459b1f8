/**
 * An ECharts canvas that follows its container's size, with only the chart types the party pages
 * use registered (bar, pie, heat map), so the bundle stays small.
 */
import { BarChart, HeatmapChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, PieSeriesOption } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, HeatmapChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, DataZoomComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption | DataZoomComponentOption
>;

export function EChart({ option, height = 320, testId, onClick }: { option: ChartOption; height?: number; testId?: string; onClick?: (params: { dataIndex: number; value: unknown }) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (p: unknown) => onClick(p as { dataIndex: number; value: unknown });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} style={{ height }} className="party-chart" data-testid={testId} />;
}
