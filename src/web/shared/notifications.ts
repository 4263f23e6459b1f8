/** The caller's inbox, shared by both apps: unread count (polled), pages, mark read. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { NotificationPage } from './types';

export const notificationsKey = ['notifications'] as const;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: async () => (await api.get<NotificationPage>('/notifications', { query: { unread: 'true', limit: 1 } })).unreadCount,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useNotifications(unreadOnly: boolean, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list', unreadOnly, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<NotificationPage>('/notifications', { query: { unread: unreadOnly ? 'true' : undefined, cursor: pageParam, limit: pageSize }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
