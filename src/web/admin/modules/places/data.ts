/** The places-and-people API as react-query hooks; every write refreshes the places queries. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { places } from '../../../../contracts';
import { ApiError, api, request } from '../../../shared/api';
import i18n from '../../../shared/i18n';
import type { Page, Wire } from '../../../shared/types';
import { useOrgs } from '../../data/orgs';

export type Grid = Wire<z.infer<typeof places.GridView>>;
export type DutyKind = z.infer<typeof places.DutyKind>;
export type DutyCandidate = Wire<z.infer<typeof places.DutyCandidateView>>;
export type Leave = Wire<z.infer<typeof places.LeaveView>>;
export type Estate = Wire<z.infer<typeof places.EstateView>>;
export type Building = Wire<z.infer<typeof places.BuildingView>>;
export type Household = Wire<z.infer<typeof places.HouseholdView>>;
export type HouseholdDetail = Wire<z.infer<typeof places.HouseholdDetailView>>;
export type ResidentItem = Wire<z.infer<typeof places.ResidentListItem>>;
export type Resident = Wire<z.infer<typeof places.ResidentView>>;
export type ImportReport = Wire<z.infer<typeof places.ImportReportView>>;
export type IssuedAccount = Wire<z.infer<typeof places.IssuedAccountView>>;
export type Visit = Wire<z.infer<typeof places.VisitView>>;
export type VisitRule = Wire<z.infer<typeof places.VisitRuleView>>;
export type DueVisit = Wire<z.infer<typeof places.DueVisitView>>;

export const placesKey = ['places'] as const;
export type Query = Record<string, string | number | boolean | undefined>;

/** Communities in the caller's scope (street staff choose one; community staff have one). */
export function useCommunities() {
  const orgs = useOrgs();
  return { ...orgs, data: orgs.data?.filter((o) => o.kind === 'community') };
}

const get = <T,>(path: string, query?: Query) => ({ signal }: { signal: AbortSignal }) => api.get<T>(path, { query, signal });

export const useGrids = (communityId?: string) =>
  useQuery({ queryKey: [...placesKey, 'grids', communityId], queryFn: get<Grid[]>('/grids', { communityId }) });
export const useDutyCandidates = (gridId: string | undefined) =>
  useQuery({ queryKey: [...placesKey, 'candidates', gridId], queryFn: get<DutyCandidate[]>(`/grids/${gridId}/duty-candidates`), enabled: !!gridId });
export const useLeaves = (communityId?: string) =>
  useQuery({ queryKey: [...placesKey, 'leaves', communityId], queryFn: get<Leave[]>('/duty-leaves', { communityId }) });
export const useEstates = (communityId?: string) =>
  useQuery({ queryKey: [...placesKey, 'estates', communityId], queryFn: get<Estate[]>('/estates', { communityId }) });
export const useBuildings = (query: Query, enabled = true) =>
  useQuery({ queryKey: [...placesKey, 'buildings', query], queryFn: get<Building[]>('/buildings', query), enabled });
export const useHouseholds = (query: Query, enabled = true) =>
  useQuery({ queryKey: [...placesKey, 'households', query], queryFn: get<Page<Household>>('/households', query), enabled, placeholderData: keepPreviousData });
export const useHousehold = (id: string | undefined) =>
  useQuery({ queryKey: [...placesKey, 'household', id], queryFn: get<HouseholdDetail>(`/households/${id}`), enabled: !!id, retry: false });
export const useResident = (id: string | undefined) =>
  useQuery({ queryKey: [...placesKey, 'resident', id], queryFn: get<Resident>(`/residents/${id}`), enabled: !!id, retry: false });

/** The resident search: keyset pages appended by "load more". */
export function useResidentSearch(query: Query) {
  return useInfiniteQuery({
    queryKey: [...placesKey, 'residents', query],
    queryFn: ({ pageParam, signal }) => api.get<Page<ResidentItem>>('/residents', { query: { ...query, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useVisits = (query: Query) =>
  useQuery({ queryKey: [...placesKey, 'visits', query], queryFn: get<Page<Visit>>('/visits', query), placeholderData: keepPreviousData });
export const useDueVisits = (query: Query, enabled = true) =>
  useQuery({ queryKey: [...placesKey, 'due', query], queryFn: get<DueVisit[]>('/visits/due', query), enabled });
export const useVisitRules = (communityId: string | undefined) =>
  useQuery({ queryKey: [...placesKey, 'rules', communityId], queryFn: get<VisitRule[]>('/visit-rules', { communityId }), enabled: !!communityId });

/** A write that refreshes every places query afterwards. */
export function usePlacesMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: placesKey }) });
}

type Body = Record<string, unknown>;
export const placesApi = {
  createGrid: (body: Body) => api.post<Grid>('/grids', body),
  updateGrid: ({ id, ...body }: Body & { id: string }) => api.patch<Grid>(`/grids/${id}`, body),
  removeGrid: (id: string) => api.delete(`/grids/${id}`),
  setDuty: ({ gridId, duty, ...body }: { gridId: string; duty: DutyKind; accountId: string | null; servicePhone?: string | null }) => request<Grid>('PUT', `/grids/${gridId}/duty/${duty}`, { body }),
  createLeave: (body: Body) => api.post<Leave>('/duty-leaves', body),
  deleteLeave: (id: string) => api.delete(`/duty-leaves/${id}`),
  createEstate: (body: Body) => api.post<Estate>('/estates', body),
  createBuilding: (body: Body) => api.post<Building>('/buildings', body),
  updateBuilding: ({ id, ...body }: Body & { id: string }) => api.patch<Building>(`/buildings/${id}`, body),
  createHousehold: (body: Body) => api.post<Household>('/households', body),
  updateHousehold: ({ id, ...body }: Body & { id: string }) => api.patch<Household>(`/households/${id}`, body),
  createResident: (body: Body) => api.post<Resident>('/residents', body),
  updateResident: ({ id, ...body }: Body & { id: string }) => api.patch<Resident>(`/residents/${id}`, body),
  moveResident: ({ id, ...body }: Body & { id: string }) => api.post<Resident>(`/residents/${id}/move`, body),
  reveal: ({ id, ...body }: { id: string; field: 'idNumber' | 'phone'; reason: string }) => api.post<{ field: string; value: string | null }>(`/residents/${id}/reveal`, body),
  issueAccount: ({ id, ...body }: { id: string; username?: string }) => api.post<IssuedAccount>(`/residents/${id}/account`, body),
  createVisit: (body: Body) => api.post<Visit>('/visits', body),
  setRule: ({ tag, ...body }: { tag: string; communityId: string; intervalDays: number | null }) => request<VisitRule[]>('PUT', `/visit-rules/${tag}`, { body }),
};

/** Same-origin links (the session cookie goes along): downloads and printable cards. */
export const apiUrl = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
};

/**
 * The Excel import: multipart upload (the shared client speaks JSON only). A 422 (some rows bad,
 * nothing written) carries the same report as a dry run; it is returned, not thrown.
 */
export async function uploadImport(communityId: string, file: File, dryRun: boolean): Promise<{ report: ImportReport; applied: boolean }> {
  const form = new FormData();
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(apiUrl('/residents/import', { communityId, dryRun }), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' },
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const body = (await res.json().catch(() => null)) as (ImportReport & { error?: { code: string; message: string; details?: unknown } }) | null;
  if (res.ok && body) return { report: body, applied: !dryRun };
  const details = body?.error?.details as ImportReport | undefined;
  if (res.status === 422 && details && Array.isArray(details.errors)) return { report: details, applied: false };
  throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? i18n.t('errors.network'), body?.error?.details);
}
