/**
 * Labels for values that come from the API as identifiers (role keys, org kinds, audit actions,
 * error codes): looked up in the locale files, with a fallback when the server knows a value this
 * build does not yet.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type LooseT = (key: string, options?: { defaultValue?: string }) => string;

export function lookup(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as LooseT)(key, { defaultValue: fallback });
}

export function useLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      role: (key: string) => lookup(t, `roles.${key}`, key),
      orgKind: (kind: string) => lookup(t, `orgKinds.${kind}`, kind),
      auditAction: (action: string) => lookup(t, `auditActions.${action}`, action),
      entity: (entity: string) => lookup(t, `entities.${entity}`, entity),
    }),
    [t],
  );
}

/** A field issue from the server or from the shared zod schema, in the UI's words where we have them. */
export function fieldMessage(t: TFunction, code: string, serverMessage?: string): string {
  const own = lookup(t, `fieldErrors.${code}`, '');
  return own || serverMessage || lookup(t, 'fieldErrors.invalid', code);
}
