/** The security and privacy API as react-query hooks; every write refreshes what it changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { security } from '../../../../contracts';
import { api } from '../../../shared/api';
import { meKey } from '../../../shared/me';
import type { AccountView, Page, Wire } from '../../../shared/types';

export type MfaStatus = Wire<z.infer<typeof security.MfaStatusView>>;
export type MfaEnrollment = Wire<z.infer<typeof security.MfaEnrollmentView>>;
export type SecurityAlert = Wire<z.infer<typeof security.SecurityAlertView>>;
export type RetentionPolicy = Wire<z.infer<typeof security.RetentionPolicyView>>;
export type RetentionRun = Wire<z.infer<typeof security.RetentionRunView>>;
export type PrivacyRequest = Wire<z.infer<typeof security.PrivacyRequestView>>;
export type GuardianLink = Wire<z.infer<typeof security.GuardianLinkView>>;
export type GuardianCandidate = Wire<z.infer<typeof security.GuardianCandidateView>>;

const mfaKey = ['security', 'mfa'] as const;

// ---- my second factor -------------------------------------------------------------------------

export function useMfaStatus() {
  return useQuery({ queryKey: mfaKey, queryFn: ({ signal }) => api.get<MfaStatus>('/me/mfa', { signal }) });
}

export function useMfaActions() {
  const queryClient = useQueryClient();
  // Not awaited: the caller must see the answer (the recovery codes) before the status flips to "enabled".
  const refresh = () => void Promise.all([queryClient.invalidateQueries({ queryKey: mfaKey }), queryClient.invalidateQueries({ queryKey: meKey })]);
  return {
    start: useMutation({ mutationFn: () => api.post<MfaEnrollment>('/me/mfa/enrollment'), onSuccess: refresh }),
    confirm: useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/me/mfa/enrollment/confirm', { code }), onSuccess: refresh }),
    regenerate: useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/me/mfa/recovery-codes', { code }), onSuccess: refresh }),
    disable: useMutation({ mutationFn: (code: string) => api.post('/me/mfa/disable', { code }), onSuccess: refresh }),
  };
}

// ---- alerts -----------------------------------------------------------------------------------

export interface AlertQuery {
  status?: 'open' | 'acknowledged';
  kind?: 'bulk_reveal' | 'bulk_export';
  cursor?: string;
  limit: number;
}

const alertsKey = ['security', 'alerts'] as const;

export function useAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: [...alertsKey, query],
    queryFn: ({ signal }) => api.get<Page<SecurityAlert>>('/security/alerts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAlertActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertsKey });
  return {
    scan: useMutation({ mutationFn: () => api.post<{ created: number; updated: number }>('/security/alerts/scan'), onSuccess: refresh }),
    acknowledge: useMutation({
      mutationFn: (input: { id: string; version: number; note: string }) => api.post<SecurityAlert>(`/security/alerts/${input.id}/acknowledge`, { version: input.version, note: input.note }),
      onSuccess: refresh,
    }),
  };
}

// ---- MFA reset (accounts) ---------------------------------------------------------------------

export function useAccounts(query: { q?: string; cursor?: string; limit: number }) {
  return useQuery({
    queryKey: ['security', 'accounts', query],
    queryFn: ({ signal }) => api.get<Page<AccountView>>('/accounts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMfaReset() {
  return useMutation({ mutationFn: (accountId: string) => api.post(`/security/accounts/${accountId}/mfa/reset`) });
}

// ---- retention --------------------------------------------------------------------------------

const retentionKey = ['security', 'retention'] as const;

export function useRetentionPolicies() {
  return useQuery({ queryKey: [...retentionKey, 'policies'], queryFn: ({ signal }) => api.get<RetentionPolicy[]>('/security/retention-policies', { signal }) });
}

export function useRetentionRuns() {
  return useQuery({ queryKey: [...retentionKey, 'runs'], queryFn: ({ signal }) => api.get<RetentionRun[]>('/security/retention-runs', { signal }) });
}

export function useRetentionActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: retentionKey });
  return {
    update: useMutation({
      mutationFn: (input: { kind: string; version: number; retainDays?: number; enabled?: boolean }) => {
        const { kind, ...body } = input;
        return api.patch<RetentionPolicy>(`/security/retention-policies/${kind}`, body);
      },
      onSuccess: refresh,
    }),
    run: useMutation({ mutationFn: () => api.post<RetentionRun>('/security/retention-runs'), onSuccess: refresh }),
  };
}

// ---- correction requests ----------------------------------------------------------------------

const requestsKey = ['privacy', 'requests'] as const;

export function usePrivacyRequests(query: { status?: string; communityId?: string; cursor?: string; limit: number }) {
  return useQuery({
    queryKey: [...requestsKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<PrivacyRequest>>('/privacy/correction-requests', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The detail view shows the requested value unmasked, and the server audits that read. */
export function usePrivacyRequest(id: string | undefined) {
  return useQuery({ queryKey: [...requestsKey, 'one', id], queryFn: ({ signal }) => api.get<PrivacyRequest>(`/privacy/correction-requests/${id}`, { signal }), enabled: !!id });
}

export function usePrivacyRequestActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: requestsKey });
  const post = (action: 'resolve' | 'reject') => (input: { id: string; version: number; note: string }) =>
    api.post<PrivacyRequest>(`/privacy/correction-requests/${input.id}/${action}`, { version: input.version, note: input.note });
  return {
    resolve: useMutation({ mutationFn: post('resolve'), onSuccess: refresh }),
    reject: useMutation({ mutationFn: post('reject'), onSuccess: refresh }),
  };
}

// ---- guardians --------------------------------------------------------------------------------

const guardiansKey = ['privacy', 'guardians'] as const;

export function useGuardianLinks() {
  return useQuery({ queryKey: guardiansKey, queryFn: ({ signal }) => api.get<GuardianLink[]>('/privacy/guardian-links', { signal }) });
}

export function useGuardianCandidates(minorResidentId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['privacy', 'guardian-candidates', minorResidentId, q],
    queryFn: ({ signal }) => api.get<GuardianCandidate[]>('/privacy/guardian-candidates', { query: { minorResidentId, q: q || undefined }, signal }),
    enabled: !!minorResidentId,
    placeholderData: keepPreviousData,
  });
}

export function useGuardianActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: guardiansKey });
  return {
    create: useMutation({
      mutationFn: (body: { minorResidentId: string; guardianAccountId: string; relation: string }) => api.post<{ id: string }>('/privacy/guardian-links', body),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: (id: string) => api.post(`/privacy/guardian-links/${id}/revoke`), onSuccess: refresh }),
  };
}
