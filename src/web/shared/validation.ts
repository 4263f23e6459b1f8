/**
 * Form validation with the server's own zod schemas (from src/contracts), worded by the locale
 * files. Returns the first problem's message, or null when the value passes.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from './api';
import { fieldMessage } from './labels';

export function zodProblem(schema: z.ZodType, value: unknown, t: TFunction): string | null {
  const result = schema.safeParse(value === '' ? undefined : value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return null;
  if (issue.code === 'invalid_type' && (value === undefined || value === '' || value === null)) return fieldMessage(t, 'required');
  if (issue.code === 'too_small' && 'minimum' in issue && Number(issue.minimum) <= 1 && issue.origin === 'string') return fieldMessage(t, 'required');
  if (issue.code === 'too_big' && 'maximum' in issue) return (t as unknown as (k: string, o: object) => string)('fieldErrors.too_big', { maximum: Number(issue.maximum) });
  // Our own refinements carry a message key (e.g. 'username_format'); zod's built-ins a code.
  const key = issue.message && /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code;
  return fieldMessage(t, key);
}

/** Per-field messages of a 400/409 answer, for `form.setFields`. */
export function fieldErrorsOf(error: ApiError, t: TFunction): Array<{ name: string; errors: string[] }> {
  const byField = new Map<string, string[]>();
  for (const issue of error.fieldIssues) {
    const list = byField.get(issue.field) ?? [];
    list.push(fieldMessage(t, issue.code, issue.message && issue.message !== issue.code ? issue.message : undefined));
    byField.set(issue.field, list);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
