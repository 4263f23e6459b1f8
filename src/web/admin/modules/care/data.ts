/** The care API as react-query hooks; every write refreshes what it changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import { useOrgs } from '../../data/orgs';
import type {
  ApplicationListItem,
  ApplicationView,
  BirthdayList,
  CareFileListItem,
  CareFileSuggestion,
  CareFileVersion,
  CareFileView,
  CareStats,
  ConsolationView,
  NoticeBoard,
  Recipient,
  CareServiceView,
  ServiceStats,
  TargetView,
  WishView,
} from './types';

export const careKey = ['care'] as const;
type Query = Record<string, string | number | boolean | undefined>;

export function useCommunities() {
  const orgs = useOrgs();
  return { ...orgs, data: orgs.data?.filter((o) => o.kind === 'community') };
}

const useList = <T,>(path: string, key: string, query: Query, enabled = true) =>
  useQuery({ queryKey: [...careKey, key, query], queryFn: ({ signal }) => api.get<Page<T>>(path, { query, signal }), placeholderData: keepPreviousData, enabled });

export const useCareFiles = (query: Query) => useList<CareFileListItem>('/care-files', 'files', query);
export const useCareFile = (id: string | undefined) =>
  useQuery({ queryKey: [...careKey, 'file', id], queryFn: ({ signal }) => api.get<CareFileView>(`/care-files/${id}`, { signal }), enabled: !!id, retry: false });
export const useVersions = (id: string | undefined, enabled: boolean) =>
  useQuery({ queryKey: [...careKey, 'versions', id], queryFn: ({ signal }) => api.get<CareFileVersion[]>(`/care-files/${id}/versions`, { signal }), enabled: !!id && enabled });
export const useSuggestions = (enabled: boolean) =>
  useQuery({ queryKey: [...careKey, 'suggestions'], queryFn: ({ signal }) => api.get<CareFileSuggestion[]>('/care-files/suggestions', { query: { limit: 100 }, signal }), enabled });
export const useApplications = (query: Query) => useList<ApplicationListItem>('/assistance-applications', 'applications', query);
export const useApplication = (id: string | undefined) =>
  useQuery({ queryKey: [...careKey, 'application', id], queryFn: ({ signal }) => api.get<ApplicationView>(`/assistance-applications/${id}`, { signal }), enabled: !!id, retry: false });
export const useNotices = (communityId: string | undefined) =>
  useQuery({ queryKey: [...careKey, 'notices', communityId], queryFn: ({ signal }) => api.get<NoticeBoard>('/assistance-notices', { query: { communityId }, signal }), enabled: !!communityId });
export const useConsolations = () => useQuery({ queryKey: [...careKey, 'consolations'], queryFn: ({ signal }) => api.get<ConsolationView[]>('/consolations', { signal }) });
export const useTargets = (id: string | undefined, query: Query) =>
  useQuery({ queryKey: [...careKey, 'targets', id, query], queryFn: ({ signal }) => api.get<Page<TargetView>>(`/consolations/${id}/households`, { query, signal }), enabled: !!id, placeholderData: keepPreviousData });
export const useFestivals = (year: number) =>
  useQuery({ queryKey: [...careKey, 'festivals', year], queryFn: ({ signal }) => api.get<Array<{ occasion: string; date: string }>>('/consolations/festivals', { query: { year }, signal }), staleTime: Infinity });
export const useWishes = (query: Query) => useList<WishView>('/wishes', 'wishes', query);
export const useStats = () => useQuery({ queryKey: [...careKey, 'stats'], queryFn: ({ signal }) => api.get<CareStats>('/care/stats', { signal }) });
export const useServiceStats = (from: string, to: string, enabled: boolean) =>
  useQuery({ queryKey: [...careKey, 'service-stats', from, to], queryFn: ({ signal }) => api.get<ServiceStats>('/care-services/stats', { query: { from, to }, signal }), enabled });
export const useCareServices = (query: Query, enabled = true) => useList<CareServiceView>('/care-services', 'services', query, enabled);
export const useBirthdays = (query: Query) =>
  useQuery({ queryKey: [...careKey, 'birthdays', query], queryFn: ({ signal }) => api.get<BirthdayList>('/care/birthdays', { query, signal }), placeholderData: keepPreviousData });

/** A write that refreshes every care query afterwards. */
export function useCareMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: careKey }) });
}

export const careApi = {
  openFile: (householdId: string) => api.post<{ id: string }>('/care-files', { householdId }),
  updateFile: (id: string, body: Record<string, unknown>) => api.patch<CareFileView>(`/care-files/${id}`, body),
  addCondition: (id: string, body: Record<string, unknown>) => api.post(`/care-files/${id}/conditions`, body),
  updateCondition: (id: string, conditionId: string, body: Record<string, unknown>) => api.patch(`/care-files/${id}/conditions/${conditionId}`, body),
  createApplication: (body: Record<string, unknown>) => api.post<{ id: string }>('/assistance-applications', body),
  transition: (id: string, action: string, body: Record<string, unknown>) => api.post<ApplicationView>(`/assistance-applications/${id}/${action}`, body),
  objection: (id: string, body: Record<string, unknown>) => api.post<ApplicationView>(`/assistance-applications/${id}/objections`, body),
  createConsolation: (body: Record<string, unknown>) => api.post<ConsolationView>('/consolations', body),
  refreshTargets: (id: string) => api.post<ConsolationView>(`/consolations/${id}/refresh-targets`),
  reviewWish: (id: string, body: Record<string, unknown>) => api.post<WishView>(`/wishes/${id}/review`, body),
  postWish: (body: Record<string, unknown>) => api.post<{ id: string }>('/wishes', body),
  fulfilWish: (id: string, body: Record<string, unknown>) => api.post<WishView>(`/wishes/${id}/fulfil`, body),
  confirmWish: (id: string, body: Record<string, unknown>) => api.post<WishView>(`/wishes/${id}/confirm`, body),
  handover: (id: string, body: Record<string, unknown>) => api.post<{ id: string }>(`/consolations/${id}/handovers`, body),
  recordService: (body: Record<string, unknown>) => api.post<{ id: string }>('/care-services', body),
  recipients: (q: string) => api.get<Recipient[]>('/care-services/recipients', { query: { q } }),
};

/** Same-origin download links (the session cookie goes along). */
export const exportUrl = (path: string, query: Query): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
};
