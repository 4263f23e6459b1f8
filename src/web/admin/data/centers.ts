/** Party–resident service centers (党群服务中心) in the caller's scope. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { CenterView } from '../../shared/types';

export const centersKey = ['centers'] as const;

export interface CenterFields {
  name: string;
  address?: string | null;
  areaM2?: number | null;
  phone?: string | null;
  openingHours?: string | null;
}

export function useCenters(enabled = true) {
  return useQuery({ queryKey: centersKey, queryFn: ({ signal }) => api.get<CenterView[]>('/centers', { signal }), staleTime: 5 * 60_000, enabled });
}

type SaveCenter = { id: string; version: number; fields: Partial<CenterFields> } | { communityId: string; fields: CenterFields };

export function useSaveCenter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveCenter) =>
      'id' in input
        ? api.patch<CenterView>(`/centers/${input.id}`, { version: input.version, ...input.fields })
        : api.post<CenterView>('/centers', { communityId: input.communityId, ...input.fields }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: centersKey }),
  });
}
