/** The phone's waste-sorting calls: my household, my supervision, the point's tap list, recording. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { waste } from '../../../../contracts';
import { api } from '../../../shared/api';
import type { Wire } from '../../../shared/types';

export type MyWaste = Wire<z.infer<typeof waste.MyWasteView>>;
export type MySupervision = Wire<z.infer<typeof waste.MySupervisionView>>;
export type PointHousehold = Wire<z.infer<typeof waste.PointHouseholdView>>;
export type SortingRecord = Wire<z.infer<typeof waste.SortingRecordView>>;
export type DropPoint = Wire<z.infer<typeof waste.DropPointView>>;
export type SortingIssue = z.infer<typeof waste.SortingIssue>;

const key = ['waste'] as const;

export const useMyWaste = () => useQuery({ queryKey: [...key, 'mine'], queryFn: ({ signal }) => api.get<MyWaste>('/waste/mine', { signal }) });
export const useMySupervision = () => useQuery({ queryKey: [...key, 'supervision'], queryFn: ({ signal }) => api.get<MySupervision>('/waste/supervisors/mine', { signal }) });

/** Staff (waste.read) may record at any point of their communities. */
export const useAllPoints = (enabled: boolean) =>
  useQuery({ queryKey: [...key, 'points'], queryFn: ({ signal }) => api.get<DropPoint[]>('/waste/drop-points', { signal }), enabled });

export const householdsKey = (pointId: string | undefined) => [...key, 'households', pointId] as const;

/** Today's list (the server decides "today" in the community's zone). */
export const usePointHouseholds = (pointId: string | undefined) =>
  useQuery({ queryKey: householdsKey(pointId), queryFn: ({ signal }) => api.get<PointHousehold[]>(`/waste/drop-points/${pointId}/households`, { signal }), enabled: !!pointId });

export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (communityId: string) => api.post<{ id: string }>('/waste/supervisors', { communityId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'supervision'] }),
  });
}

/** Puts a saved record on its row at once, without reloading 300 households. */
function useRowUpdate(pointId: string | undefined) {
  const queryClient = useQueryClient();
  return (record: SortingRecord) =>
    queryClient.setQueryData<PointHousehold[]>(householdsKey(pointId), (rows) => rows?.map((r) => (r.householdId === record.householdId ? { ...r, record } : r)));
}

export function useRecord(pointId: string | undefined) {
  const update = useRowUpdate(pointId);
  return useMutation({
    mutationFn: (body: { householdId: string; result: 'correct' | 'incorrect'; issue?: SortingIssue | null }) => api.post<SortingRecord>('/waste/sorting-records', { dropPointId: pointId, ...body }),
    onSuccess: update,
  });
}

export function useCorrect(pointId: string | undefined) {
  const update = useRowUpdate(pointId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; result: 'correct' | 'incorrect'; issue?: SortingIssue | null }) => api.patch<SortingRecord>(`/waste/sorting-records/${id}`, body),
    onSuccess: update,
  });
}
