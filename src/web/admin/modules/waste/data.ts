/** The waste-sorting API as react-query hooks; every write refreshes the lists it changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { places, waste } from '../../../../contracts';
import { api } from '../../../shared/api';
import type { Wire } from '../../../shared/types';
import { useOrgs } from '../../data/orgs';

export type DropPoint = Wire<z.infer<typeof waste.DropPointView>>;
export type Supervisor = Wire<z.infer<typeof waste.SupervisorView>>;
export type PointHousehold = Wire<z.infer<typeof waste.PointHouseholdView>>;
export type SortingRecord = Wire<z.infer<typeof waste.SortingRecordView>>;
export type WasteStats = Wire<z.infer<typeof waste.WasteStats>>;
export type Building = Wire<z.infer<typeof places.BuildingView>>;
export type SortingIssue = z.infer<typeof waste.SortingIssue>;
export type SupervisorStatus = Supervisor['status'];

export const wasteKey = ['waste'] as const;

/** "Today" where the communities are (Asia/Shanghai), whatever the browser's zone. */
export const communityToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The communities the caller works in (from the org tree in scope). */
export function useCommunities() {
  const orgs = useOrgs();
  return { ...orgs, data: orgs.data?.filter((o) => o.kind === 'community') };
}

export function useDropPoints(communityId?: string) {
  return useQuery({
    queryKey: [...wasteKey, 'points', communityId ?? 'all'],
    queryFn: ({ signal }) => api.get<DropPoint[]>('/waste/drop-points', { query: { communityId }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBuildings(communityId: string | undefined) {
  return useQuery({
    queryKey: ['buildings', communityId],
    queryFn: ({ signal }) => api.get<Building[]>('/buildings', { query: { communityId }, signal }),
    enabled: !!communityId,
    staleTime: 5 * 60_000,
  });
}

export function useSupervisors(query: { communityId?: string; status?: SupervisorStatus }) {
  return useQuery({
    queryKey: [...wasteKey, 'supervisors', query],
    queryFn: ({ signal }) => api.get<Supervisor[]>('/waste/supervisors', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePointHouseholds(pointId: string | undefined, day: string) {
  return useQuery({
    queryKey: [...wasteKey, 'households', pointId, day],
    queryFn: ({ signal }) => api.get<PointHousehold[]>(`/waste/drop-points/${pointId}/households`, { query: { day }, signal }),
    enabled: !!pointId,
    placeholderData: keepPreviousData,
  });
}

export function useWasteStats(query: { orgId?: string; from: string; to: string }) {
  return useQuery({
    queryKey: [...wasteKey, 'stats', query],
    queryFn: ({ signal }) => api.get<WasteStats>('/waste/stats', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useWasteMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: wasteKey }) });
}

export interface BinCounts {
  hazardous: number;
  recyclable: number;
  kitchen: number;
  residual: number;
}

export interface DropPointFields {
  name: string;
  location?: string | null;
  hours?: string | null;
  buildingIds: string[];
}

export const useCreateDropPoint = () =>
  useWasteMutation((body: DropPointFields & { communityId: string; bins: BinCounts }) => api.post<DropPoint>('/waste/drop-points', body));

export const useUpdateDropPoint = () =>
  useWasteMutation(({ id, ...body }: Partial<DropPointFields> & { id: string; version: number; status?: 'active' | 'closed' }) => api.patch<DropPoint>(`/waste/drop-points/${id}`, body));

export const useDecideSupervisor = () =>
  useWasteMutation(({ id, ...body }: { id: string; version: number; status: 'selected' | 'retired'; dropPointId?: string | null }) =>
    api.patch<{ id: string; status: string; version: number }>(`/waste/supervisors/${id}`, body),
  );

export interface RecordInput {
  dropPointId: string;
  householdId: string;
  day?: string;
  result: 'correct' | 'incorrect';
  issue?: SortingIssue | null;
  note?: string | null;
}

export const useCreateRecord = () => useWasteMutation((body: RecordInput) => api.post<SortingRecord>('/waste/sorting-records', body));

export const useCorrectRecord = () =>
  useWasteMutation(({ id, ...body }: { id: string; version: number; result: 'correct' | 'incorrect'; issue?: SortingIssue | null; note?: string | null }) =>
    api.patch<SortingRecord>(`/waste/sorting-records/${id}`, body),
  );

export const useRunRewards = () => useWasteMutation((body: { communityId: string; day: string }) => api.post<{ rewarded: number }>('/waste/rewards/run', body));
