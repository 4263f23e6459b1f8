/** Accounts, roles and role assignments (三员分立: the system admin creates and edits accounts, the security admin assigns roles and unlocks). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { AccountView, Page, RoleView } from '../../../shared/types';

export const accountsKey = ['accounts'] as const;

export interface AccountQuery {
  q?: string;
  role?: string;
  cursor?: string;
  limit: number;
}

export function useAccountsPage(query: AccountQuery) {
  return useQuery({
    queryKey: [...accountsKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<AccountView>>('/accounts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => api.get<RoleView[]>('/roles'), staleTime: 10 * 60_000 });
}

function useAccountMutation<TInput, TOutput = unknown>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }) });
}

export const useCreateAccount = () =>
  useAccountMutation((body: { username: string; displayName: string; password: string }) => api.post<{ id: string }>('/accounts', body));

export const useUpdateAccount = () =>
  useAccountMutation(({ id, ...body }: { id: string; version: number; displayName?: string; status?: 'active' | 'disabled' }) =>
    api.patch<AccountView>(`/accounts/${id}`, body),
  );

export const useAssignRole = () =>
  useAccountMutation(({ accountId, ...body }: { accountId: string; role: string; orgId: string }) =>
    api.post<{ id: string }>(`/accounts/${accountId}/role-assignments`, body),
  );

export const useRemoveRole = () =>
  useAccountMutation(({ accountId, assignmentId }: { accountId: string; assignmentId: string }) =>
    api.delete(`/accounts/${accountId}/role-assignments/${assignmentId}`),
  );

export const useUnlockAccount = () => useAccountMutation((accountId: string) => api.post(`/accounts/${accountId}/unlock`));
