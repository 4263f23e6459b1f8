/**
 * The resident side of tickets: categories, buildings, filing (with an Idempotency-Key so a phone
 * retrying on a bad network files once), photo uploads, my tickets, rating, public projects.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { projects, tickets, uploads } from '../../../../contracts';
import { ApiError, api } from '../../../shared/api';
import i18n from '../../../shared/i18n';
import type { Page, Wire } from '../../../shared/types';

export type Ticket = Wire<z.infer<typeof tickets.TicketView>>;
export type TicketItem = Wire<z.infer<typeof tickets.TicketListItem>>;
export type Category = Wire<z.infer<typeof tickets.CategoryView>>;
export type BuildingOption = Wire<z.infer<typeof tickets.BuildingOption>>;
export type Upload = Wire<z.infer<typeof uploads.UploadView>>;
export type Project = Wire<z.infer<typeof projects.ProjectView>>;
export type ProjectItem = Wire<z.infer<typeof projects.ProjectListItem>>;

const key = ['my-tickets'] as const;

/** A key for one filing: random where the browser allows (secure contexts), else time + random. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { ...init, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN', ...init.headers } });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? i18n.t('errors.network'), body?.error?.details);
  return body as T;
}

export function uploadPhoto(file: File): Promise<Upload> {
  const form = new FormData();
  form.append('file', file);
  return send<Upload>('/uploads', { method: 'POST', body: form });
}

export function useCategories() {
  return useQuery({ queryKey: ['ticket-categories', 'mine'], queryFn: () => api.get<Category[]>('/ticket-categories'), staleTime: 10 * 60_000 });
}

export function useBuildings(q: string) {
  return useQuery({ queryKey: ['ticket-buildings', q], queryFn: ({ signal }) => api.get<BuildingOption[]>('/ticket-buildings', { query: { q: q || undefined }, signal }), staleTime: 5 * 60_000 });
}

export function useFileTicket(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      send<Ticket>('/tickets', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useMyTickets() {
  return useInfiniteQuery({
    queryKey: [...key, 'list'],
    queryFn: ({ pageParam, signal }) => api.get<Page<TicketItem>>('/tickets', { query: { view: 'mine', limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTicket(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: ({ signal }) => api.get<Ticket>(`/tickets/${id}`, { signal }), enabled: !!id });
}

export function useRate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: number; comment?: string }) => api.post<Ticket>(`/tickets/${id}/rate`, body),
    onSuccess: (t) => {
      queryClient.setQueryData([...key, 'one', id], t);
      void queryClient.invalidateQueries({ queryKey: [...key, 'list'] });
    },
  });
}

export function usePublicProjects() {
  return useQuery({ queryKey: ['projects', 'public'], queryFn: () => api.get<Page<ProjectItem>>('/projects', { query: { limit: 50 } }) });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: ['projects', 'one', id], queryFn: () => api.get<Project>(`/projects/${id}`), enabled: !!id });
}
