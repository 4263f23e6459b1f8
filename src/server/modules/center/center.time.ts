/**
 * Local time of a community (org_node.timezone, default Asia/Shanghai): opening hours, order
 * cut-offs and course schedules are written in wall-clock time and turned into instants here.
 * Pure functions on Intl, so they follow the zone's rules (China has no DST, but the zone is data).
 */

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formatters.set(tz, f);
  }
  return f;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function parts(at: Date, tz: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(at)) out[p.type] = p.value;
  return out;
}

export function localParts(at: Date, tz: string): LocalParts {
  const p = parts(at, tz);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: weekdays[p.weekday!]! };
}

/** Offset of the zone from UTC at an instant, in minutes. */
function offsetMinutes(at: Date, tz: string): number {
  const p = parts(at, tz);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock date and time happen in a zone. */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetMinutes(new Date(wall), tz) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), tz) * 60_000;
  return new Date(guess);
}

/** YYYY-MM-DD plus n days (calendar arithmetic, zone-free). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The local dates from `from` to `to` inclusive that fall on the given ISO weekdays. */
export function datesOnWeekdays(from: string, to: string, days: readonly number[], max: number): string[] {
  const out: string[] = [];
  for (let day = from; day <= to && out.length <= max; day = addDays(day, 1)) if (days.includes(isoWeekday(day))) out.push(day);
  return out;
}
