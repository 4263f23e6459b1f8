/** Words for the ticket identifiers the API returns, from the `tickets` locale namespace. */
import type { TFunction } from 'i18next';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

export const label = (t: TFunction<'tickets'>, prefix: string, key: string, fallback?: string): string =>
  (t as unknown as LooseT)(`${prefix}.${key}`, { defaultValue: fallback ?? key });

export const statusTone: Record<string, 'primary' | 'success' | 'warning' | 'default' | 'danger'> = {
  submitted: 'warning',
  accepted: 'primary',
  reopened: 'danger',
  resolved: 'success',
  returned: 'default',
  closed: 'default',
  merged: 'default',
};
