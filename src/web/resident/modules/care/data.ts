/**
 * 困难帮扶 on the phone: micro-wishes (open list, claim, fulfil, confirm, post, the wall), my
 * assistance applications with their steps, and the public notice board with its objection form.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { care } from '../../../../contracts';
import { ApiError, api } from '../../../shared/api';
import i18n from '../../../shared/i18n';
import { useMe } from '../../../shared/me';
import type { Page, Wire } from '../../../shared/types';

export type Wish = Wire<z.infer<typeof care.WishView>>;
export type WallItem = Wire<z.infer<typeof care.WishWallItem>>;
export type MyApplication = Wire<z.infer<typeof care.MyApplicationView>>;
export type NoticeBoard = Wire<z.infer<typeof care.NoticeBoard>>;
export type WishCategory = z.infer<typeof care.WishCategory>;

const wishKey = ['resident-wishes'] as const;

/** The community the caller belongs to (resident, donor or staff role), for the public boards. */
export function useMyCommunityId(): string | undefined {
  const me = useMe();
  return me.data?.roles.find((r) => r.orgKind === 'community')?.orgId;
}

/** Fen → "1,234" or "12.50" yuan (money is integer fen everywhere; only the UI formats it). */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });

export function useWishes(query: { status?: string; mine?: boolean }) {
  return useInfiniteQuery({
    queryKey: [...wishKey, 'list', query],
    queryFn: ({ pageParam, signal }) => api.get<Page<Wish>>('/wishes', { query: { status: query.status, mine: query.mine ? 'true' : undefined, limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useWish(id: string | undefined) {
  return useQuery({ queryKey: [...wishKey, 'one', id], queryFn: ({ signal }) => api.get<Wish>(`/wishes/${id}`, { signal }), enabled: !!id, retry: false });
}

export function useWall(communityId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...wishKey, 'wall', communityId],
    queryFn: ({ pageParam, signal }) => api.get<Page<WallItem>>('/wish-wall', { query: { communityId, limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!communityId,
  });
}

/** A step on one wish (claim / fulfil / confirm); the answer replaces the cached wish. */
export function useWishAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'claim' | 'fulfil' | 'confirm'; body?: Record<string, unknown> }) => api.post<Wish>(`/wishes/${id}/${action}`, body ?? (action === 'claim' ? undefined : {})),
    onSuccess: (w) => {
      client.setQueryData([...wishKey, 'one', id], w);
      void client.invalidateQueries({ queryKey: [...wishKey, 'list'] });
    },
    onError: () => void client.invalidateQueries({ queryKey: wishKey }),
  });
}

export function usePostWish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ id: string }>('/wishes', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: wishKey }),
  });
}

export function useMyApplications() {
  return useQuery({ queryKey: ['my-assistance'], queryFn: ({ signal }) => api.get<MyApplication[]>('/assistance-applications/mine', { signal }) });
}

export function useNoticeBoard(communityId: string | undefined) {
  return useQuery({ queryKey: ['assistance-notices', communityId], queryFn: ({ signal }) => api.get<NoticeBoard>('/assistance-notices', { query: { communityId }, signal }), enabled: !!communityId });
}

export function useObjection(id: string) {
  return useMutation({ mutationFn: (content: string) => api.post<{ id: string }>(`/assistance-notices/${id}/objections`, { content }) });
}

/** A photo for a handover (multipart, so not through the JSON client). */
export async function uploadPhoto(file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch('/api/v1/uploads', { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' } });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const body = (await res.json().catch(() => null)) as { id?: string; error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok || !body?.id) throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? i18n.t('errors.network'), body?.error?.details);
  return { id: body.id };
}
