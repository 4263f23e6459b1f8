/** The shared chart with the party pages' box and click-through (heat-map cells, bars). */
import { Chart, type ChartClick, type ChartOption } from '../../../shared/Chart';

export type { ChartOption };

export function EChart({ option, height = 320, testId, onClick }: { option: ChartOption; height?: number; testId?: string; onClick?: (params: ChartClick) => void }) {
  return <Chart option={option} height={height} className="party-chart" testId={testId} onClick={onClick} />;
}
