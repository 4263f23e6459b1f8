/**
 * Deployment settings of the volunteer module, read from the environment once when the service
 * is built (so one deployment applies one rule everywhere):
 *   VOLUNTEER_STAR_HOURS        comma-separated hours for 1–5 stars (default 100,300,600,1000,1500)
 *   VOLUNTEER_OVERLAP           'warn' (default) or 'refuse' for overlapping signups of one volunteer
 *   VOLUNTEER_CANCEL_CUTOFF_MIN default cancel cutoff of new activities, minutes before start (default 120)
 */
export interface VolunteerConfig {
  /** Ascending confirmed-hour thresholds; star level n is reached at starHours[n-1]. */
  starHours: readonly number[];
  overlap: 'warn' | 'refuse';
  defaultCancelCutoffMinutes: number;
}

export const defaultStarHours = [100, 300, 600, 1000, 1500] as const;

function parseStars(value: string | undefined): number[] {
  if (!value) return [...defaultStarHours];
  const hours = value.split(',').map((s) => Number(s.trim()));
  const ascending = hours.every((h, i) => Number.isFinite(h) && h > 0 && (i === 0 || h > hours[i - 1]!));
  if (!ascending || hours.length === 0 || hours.length > 10) {
    throw new Error(`VOLUNTEER_STAR_HOURS must be ascending positive hours, e.g. "100,300,600,1000,1500"; got "${value}"`);
  }
  return hours;
}

export function volunteerConfigFrom(env: NodeJS.ProcessEnv = process.env): VolunteerConfig {
  const overlap = env.VOLUNTEER_OVERLAP || 'warn';
  if (overlap !== 'warn' && overlap !== 'refuse') throw new Error(`VOLUNTEER_OVERLAP must be "warn" or "refuse"; got "${overlap}"`);
  const cutoff = Number(env.VOLUNTEER_CANCEL_CUTOFF_MIN ?? 120);
  if (!Number.isInteger(cutoff) || cutoff < 0) throw new Error('VOLUNTEER_CANCEL_CUTOFF_MIN must be a non-negative integer');
  return { starHours: parseStars(env.VOLUNTEER_STAR_HOURS), overlap, defaultCancelCutoffMinutes: cutoff };
}

/** Star level for confirmed minutes: how many thresholds are reached. */
export function starLevelOf(minutes: number, starHours: readonly number[]): number {
  let level = 0;
  for (const h of starHours) if (minutes >= h * 60) level++;
  return level;
}

/** Hours still missing to the next level, or null at the top. */
export function hoursToNextLevel(minutes: number, starHours: readonly number[]): number | null {
  const next = starHours.find((h) => minutes < h * 60);
  return next === undefined ? null : Math.round((next * 60 - minutes) / 6) / 10;
}

/** Minutes → hours with one decimal, as shown and as exchanged in the API. */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;
