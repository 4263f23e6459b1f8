/** The volunteer API as react-query hooks; every write refreshes what it changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import { useOrgs } from '../../data/orgs';
import type { Activity, Certificate, QrCode, RankingItem, ReviewAction, Signup, Team, TeamMember, Volunteer, VolunteerStats } from './common';

export const volunteersKey = ['volunteers'] as const;

/** The communities the caller works in (from the org tree in scope). */
export function useCommunities() {
  const orgs = useOrgs();
  return { ...orgs, data: orgs.data?.filter((o) => o.kind === 'community') };
}

export interface VolunteerQuery {
  communityId?: string;
  status?: string;
  teamId?: string;
  skill?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const useVolunteers = (query: VolunteerQuery) =>
  useQuery({
    queryKey: [...volunteersKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<Volunteer>>('/volunteers', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });

export const useVolunteer = (id: string | undefined) =>
  useQuery({ queryKey: [...volunteersKey, 'one', id], queryFn: ({ signal }) => api.get<Volunteer>(`/volunteers/${id}`, { signal }), enabled: !!id });

export const useTeams = (query: { communityId?: string; q?: string; cursor?: string; limit?: number }) =>
  useQuery({
    queryKey: [...volunteersKey, 'teams', query],
    queryFn: ({ signal }) => api.get<Page<Team>>('/volunteer-teams', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });

export const useTeamMembers = (teamId: string | undefined, cursor?: string) =>
  useQuery({
    queryKey: [...volunteersKey, 'members', teamId, cursor],
    queryFn: ({ signal }) => api.get<Page<TeamMember>>(`/volunteer-teams/${teamId}/members`, { query: { cursor, limit: 50 }, signal }),
    enabled: !!teamId,
    placeholderData: keepPreviousData,
  });

/** Every activity of a period (pages through the keyset list; a month holds a few hundred at most). */
export const useActivitiesBetween = (query: { communityId?: string; from: string; to: string; awaiting?: boolean }) =>
  useQuery({
    queryKey: [...volunteersKey, 'activities', query],
    queryFn: async ({ signal }) => {
      const items: Activity[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await api.get<Page<Activity>>('/volunteer-activities', { query: { communityId: query.communityId, from: query.from, to: query.to, awaiting: query.awaiting ? 'true' : undefined, cursor, limit: 200 }, signal });
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    },
    placeholderData: keepPreviousData,
  });

export const useActivity = (id: string | undefined) =>
  useQuery({ queryKey: [...volunteersKey, 'activity', id], queryFn: ({ signal }) => api.get<Activity>(`/volunteer-activities/${id}`, { signal }), enabled: !!id });

export const useSignups = (activityId: string | undefined) =>
  useQuery({
    queryKey: [...volunteersKey, 'signups', activityId],
    queryFn: async ({ signal }) => {
      const items: Signup[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await api.get<Page<Signup>>(`/volunteer-activities/${activityId}/signups`, { query: { cursor, limit: 200 }, signal });
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    },
    enabled: !!activityId,
  });

/** The rotating code: fetched again every 20 s, well inside its 60 s life. */
export const useAttendanceCode = (activityId: string | undefined, purpose: 'check_in' | 'check_out', enabled = true) =>
  useQuery({
    queryKey: [...volunteersKey, 'code', activityId, purpose],
    queryFn: ({ signal }) => api.get<QrCode>(`/volunteer-activities/${activityId}/attendance-code`, { query: { purpose }, signal }),
    enabled: !!activityId && enabled,
    refetchInterval: 20_000,
    refetchIntervalInBackground: true,
    gcTime: 0,
  });

export const useRankings = (query: { communityId?: string; by: 'volunteer' | 'team'; from?: string; to?: string; limit?: number }) =>
  useQuery({ queryKey: [...volunteersKey, 'rankings', query], queryFn: ({ signal }) => api.get<RankingItem[]>('/volunteer-rankings', { query: { ...query }, signal }), placeholderData: keepPreviousData });

export const useStats = (query: { communityId?: string; from?: string; to?: string }) =>
  useQuery({ queryKey: [...volunteersKey, 'stats', query], queryFn: ({ signal }) => api.get<VolunteerStats>('/volunteer-stats', { query: { ...query }, signal }), placeholderData: keepPreviousData });

export const useCertificates = (volunteerId: string | undefined) =>
  useQuery({ queryKey: [...volunteersKey, 'certificates', volunteerId], queryFn: ({ signal }) => api.get<Certificate[]>(`/volunteers/${volunteerId}/certificates`, { signal }), enabled: !!volunteerId });

function useVolunteerMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: volunteersKey }) });
}

export const useReview = () => useVolunteerMutation(({ id, ...body }: { id: string; version: number; action: ReviewAction; note?: string | null }) => api.post<Volunteer>(`/volunteers/${id}/review`, body));
export const useRegisterVolunteer = () => useVolunteerMutation((body: Record<string, unknown>) => api.post<Volunteer>('/volunteers', body));
export const useCreateTeam = () => useVolunteerMutation((body: Record<string, unknown>) => api.post<Team>('/volunteer-teams', body));
export const useAddMember = () => useVolunteerMutation(({ teamId, ...body }: { teamId: string; volunteerId: string; role: 'leader' | 'member' }) => api.post<Team>(`/volunteer-teams/${teamId}/members`, body));
export const useRemoveMember = () => useVolunteerMutation(({ teamId, volunteerId }: { teamId: string; volunteerId: string }) => api.delete<Team>(`/volunteer-teams/${teamId}/members/${volunteerId}`));
export const useCreateActivity = () => useVolunteerMutation((body: Record<string, unknown>) => api.post<Activity>('/volunteer-activities', body));
export const useActivityAction = () => useVolunteerMutation(({ id, action, version }: { id: string; action: 'publish' | 'cancel'; version: number }) => api.post<Activity>(`/volunteer-activities/${id}/${action}`, { version }));
export const useAttendance = () =>
  useVolunteerMutation(({ signupId, action, at }: { signupId: string; action: 'check-in' | 'check-out' | 'cancel'; at?: string }) => api.post<Signup>(`/volunteer-signups/${signupId}/${action}`, action === 'cancel' ? undefined : at ? { at } : {}));
export const useConfirmHours = () => useVolunteerMutation(({ signupId, ...body }: { signupId: string; hours?: number; reason?: string }) => api.post<Signup>(`/volunteer-signups/${signupId}/confirm-hours`, body));
export const useConfirmAll = () => useVolunteerMutation((activityId: string) => api.post<{ confirmed: number; skipped: number }>(`/volunteer-activities/${activityId}/confirm-hours`));
export const useIssueCertificate = () => useVolunteerMutation((volunteerId: string) => api.post<Certificate>(`/volunteers/${volunteerId}/certificates`));
