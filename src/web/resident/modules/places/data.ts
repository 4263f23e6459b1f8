/** The grid worker's side of home visits: the due list and recording a visit (one Idempotency-Key per visit). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { places } from '../../../../contracts';
import { ApiError, api } from '../../../shared/api';
import i18n from '../../../shared/i18n';
import type { Wire } from '../../../shared/types';

export type DueVisit = Wire<z.infer<typeof places.DueVisitView>>;
export type Visit = Wire<z.infer<typeof places.VisitView>>;
export type VisitKind = z.infer<typeof places.VisitKind>;

const key = ['staff-visits'] as const;

export const useDue = (days: number) => useQuery({ queryKey: [...key, 'due', days], queryFn: ({ signal }) => api.get<DueVisit[]>('/visits/due', { query: { days }, signal }) });

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** POST /visits with an Idempotency-Key, so a retry on a bad network records the visit once. */
export function useRecordVisit(idempotencyKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { householdId: string; residentId: string | null; kind: VisitKind; findings: string; followUpNeeded: boolean }): Promise<Visit> => {
      let res: Response;
      try {
        res = await fetch('/api/v1/visits', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Language': i18n.language || 'zh-CN', 'Idempotency-Key': idempotencyKey },
          body: JSON.stringify(body),
        });
      } catch {
        throw new ApiError(0, 'network_error', i18n.t('errors.network'));
      }
      const json = (await res.json().catch(() => null)) as (Visit & { error?: { code: string; message: string; details?: unknown } }) | null;
      if (!res.ok) throw new ApiError(res.status, json?.error?.code ?? 'http_error', json?.error?.message ?? i18n.t('errors.network'), json?.error?.details);
      return json as Visit;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
