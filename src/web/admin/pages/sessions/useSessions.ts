/** The caller's own sign-in sessions: list, end one, end all (this one included). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { SessionView } from '../../../shared/types';

const key = ['me', 'sessions'] as const;

export const useSessions = () => useQuery({ queryKey: key, queryFn: () => api.get<SessionView[]>('/me/sessions') });

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/me/sessions/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useSignOutEverywhere = () =>
  useMutation({ mutationFn: () => api.post<{ revoked: number }>('/me/sessions/sign-out-everywhere', undefined, { allowUnauthenticated: true }) });
