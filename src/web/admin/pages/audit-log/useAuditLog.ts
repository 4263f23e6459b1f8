/** The audit log (audit_admin only): filtered pages, newest first, and the hash-chain check. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { AuditEntryView, AuditVerifyView, Page } from '../../../shared/types';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

export function useAuditLog(filter: AuditFilter, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['audit-log', filter, cursor, limit],
    queryFn: ({ signal }) => api.get<Page<AuditEntryView>>('/audit-log', { query: { ...filter, cursor, limit }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyView>('/audit-log/verify') });
}

/** Actions the server records today; the filter offers these (unknown ones still display). */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'auth.login_refused_locked',
  'auth.logout',
  'auth.session_revoked',
  'auth.signed_out_everywhere',
  'account.create',
  'account.update',
  'account.unlock',
  'role_assignment.create',
  'role_assignment.delete',
  'org.create',
  'org.update',
  'center.create',
  'center.update',
] as const;

export const knownEntities = ['account', 'session', 'org_node', 'center'] as const;
