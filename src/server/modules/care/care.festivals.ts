/**
 * Traditional festivals move with the lunar calendar: 春节 (1/1), 元宵 (1/15), 端午 (5/5), 中秋
 * (8/15), 重阳 (9/9), 腊八 (12/8). Their solar dates come from lunar-javascript, so campaigns and
 * reminders land on the right day every year. 腊八 of solar year Y is the 12th lunar month of
 * lunar year Y-1 (it falls in January).
 */
import { Lunar } from 'lunar-javascript';
import type { ConsolationOccasion } from './care.model';

const lunarDates: Partial<Record<ConsolationOccasion, readonly [yearOffset: number, month: number, day: number]>> = {
  laba: [-1, 12, 8],
  spring_festival: [0, 1, 1],
  lantern: [0, 1, 15],
  dragon_boat: [0, 5, 5],
  mid_autumn: [0, 8, 15],
  double_ninth: [0, 9, 9],
};

export const festivalOccasions = Object.keys(lunarDates) as ConsolationOccasion[];

/** The solar date (YYYY-MM-DD) of a festival in a solar year, or null for occasions without a fixed day. */
export function festivalDate(occasion: ConsolationOccasion, year: number): string | null {
  const spec = lunarDates[occasion];
  if (!spec) return null;
  const [offset, month, day] = spec;
  return Lunar.fromYmd(year + offset, month, day).getSolar().toYmd();
}

/** Festivals of a solar year in date order. */
export function festivalsOf(year: number): { occasion: ConsolationOccasion; date: string }[] {
  return festivalOccasions.map((occasion) => ({ occasion, date: festivalDate(occasion, year)! })).sort((a, b) => a.date.localeCompare(b.date));
}
