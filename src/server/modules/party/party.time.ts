/**
 * Wall-clock time in a community's zone: "Thursday 20:00 in Asia/Shanghai" as an instant, and
 * the next such slot after a moment. Pure functions (Intl only), so DST zones work as well.
 */

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function wallParts(at: Date, timeZone: string): WallParts & { second: number } {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: weekdays[get('weekday')] ?? 1,
  };
}

function offsetMs(at: Date, timeZone: string): number {
  const p = wallParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock of `timeZone` shows the given local date and time. */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(second);
}

/** The first `weekday` at `time` ("HH:MM") strictly after `after`, in `timeZone`. */
export function nextWeeklySlot(after: Date, weekday: number, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const now = wallParts(after, timeZone);
  const ahead = (weekday - now.weekday + 7) % 7;
  for (const extra of [0, 7]) {
    const base = new Date(Date.UTC(now.year, now.month - 1, now.day + ahead + extra));
    const slot = zonedTime(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), hour, minute, timeZone);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error('unreachable: a weekly slot always exists within 14 days');
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  const p = wallParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Midnight at the start of a local date ("YYYY-MM-DD") in a zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedTime(y, m, d, 0, 0, timeZone);
}

/** Midnight at the end of a local date (the start of the next day) in a zone. */
export function endOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return zonedTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, timeZone);
}

export const addMinutes = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);
