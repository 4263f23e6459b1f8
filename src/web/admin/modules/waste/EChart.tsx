/** The shared chart with this module's chart box (height and spacing in waste.css). */
import { Chart, type ChartOption } from '../../../shared/Chart';

export type { ChartOption };

export function EChart({ option, className, testId }: { option: ChartOption; className?: string; testId?: string }) {
  return <Chart option={option} className={`waste-chart ${className ?? ''}`} testId={testId} />;
}
