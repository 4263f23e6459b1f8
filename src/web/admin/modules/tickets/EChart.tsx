/** The shared chart with this module's chart box (height and spacing in tickets.css). */
import { Chart, type ChartOption } from '../../../shared/Chart';

export type { ChartOption };

export function EChart({ option, className, testId }: { option: ChartOption; className?: string; testId?: string }) {
  return <Chart option={option} className={`ticket-chart ${className ?? ''}`} testId={testId} />;
}
