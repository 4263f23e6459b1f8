/** antd glue for the shared validation: zod rules, server field errors, empty inputs as null. */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from '../../shared/api';
import { fieldErrorsOf, zodProblem } from '../../shared/validation';

/** A form rule that checks the value with the server's own schema. */
export function zodRule(schema: z.ZodType, t: TFunction): Rule {
  return {
    validator: async (_rule, value) => {
      const problem = zodProblem(schema, value, t);
      if (problem) throw new Error(problem);
    },
  };
}

/**
 * Puts the server's per-field messages on the form's fields; returns true when it did (the caller
 * then shows no other message), false when the error is not about fields.
 */
export function showFieldErrors(form: FormInstance, error: unknown, t: TFunction): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = fieldErrorsOf(error, t).filter((f) => known.has(f.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/** Optional text inputs: '' means "no value" (null), as the API expects. */
export function blankToNull<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = typeof value === 'string' && value.trim() === '' ? null : value;
  return out as T;
}
