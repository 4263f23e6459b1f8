/** The party API as react-query hooks for the admin web; every write refreshes what it changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { party } from '../../../../contracts';
import { api } from '../../../shared/api';
import type { Page, Wire } from '../../../shared/types';
import { useOrgs } from '../../data/orgs';

type V<S extends z.ZodType> = Wire<z.infer<S>>;
export type PartyOrg = V<typeof party.PartyOrgView>;
export type Officer = V<typeof party.OfficerView>;
export type Member = V<typeof party.PartyMemberView>;
export type MemberDetail = V<typeof party.PartyMemberDetail>;
export type ReportIn = V<typeof party.ReportInView>;
export type ReportInSummary = V<typeof party.ReportInSummary>;
export type BuildingOption = V<typeof party.BuildingOption>;
export type ServicePost = V<typeof party.ServicePostView>;
export type Claim = V<typeof party.ClaimView>;
export type Lecture = V<typeof party.MicroLectureView>;
export type LectureDetail = V<typeof party.MicroLectureDetail>;
export type LectureStats = V<typeof party.LectureStats>;
export type AttendanceMatrix = V<typeof party.AttendanceMatrix>;
export type Rotation = V<typeof party.RotationView>;
export type Settings = V<typeof party.PartySettingsView>;
export type EvaluationRound = V<typeof party.EvaluationRoundView>;
export type EvaluationResults = V<typeof party.EvaluationResults>;
export type Meeting = V<typeof party.JointMeetingView>;
export type MeetingListItem = V<typeof party.JointMeetingListItem>;
export type ActionItem = V<typeof party.ActionItemView>;
export type OverviewRow = V<typeof party.PartyOverviewRow>;
export type Ranking = V<typeof party.RankingView>;
export type PointsPage = V<typeof party.PointsPage>;
export type MeetingParty = z.infer<typeof party.MeetingParty>;

export const partyKey = ['party'] as const;
type Query = Record<string, string | number | boolean | undefined>;

/** The communities the caller works in (from the org tree in scope). */
export function useCommunities() {
  const orgs = useOrgs();
  return { ...orgs, data: orgs.data?.filter((o) => o.kind === 'community') };
}

function useGet<T>(path: string | null, query: Query = {}, keep = true) {
  return useQuery({
    queryKey: [...partyKey, path, query],
    queryFn: ({ signal }) => api.get<T>(path!, { query, signal }),
    enabled: path !== null,
    placeholderData: keep ? keepPreviousData : undefined,
  });
}

export const usePartyOrgs = (communityId?: string) => useGet<PartyOrg[]>('/party-orgs', { communityId });
export const useBuildings = (communityId?: string) => useGet<BuildingOption[]>('/party-buildings', { communityId });
export const useMembers = (q: Query) => useGet<Page<Member>>('/party-members', q);
export const useMember = (id: string | null) => useGet<MemberDetail>(id ? `/party-members/${id}` : null, {}, false);
export const useMemberPoints = (id: string | null) => useGet<PointsPage>(id ? `/party-members/${id}/points` : null, { limit: 20 }, false);
export const useRanking = (q: Query) => useGet<Ranking>('/party-points/rankings', q);
export const useReportIns = (q: Query) => useGet<Page<ReportIn>>('/report-ins', q);
export const useReportInSummary = (communityId?: string) => useGet<ReportInSummary>('/report-ins/summary', { communityId });
export const usePosts = (q: Query) => useGet<Page<ServicePost>>('/service-posts', q);
export const useClaims = (postId: string | null) => useGet<Claim[]>(postId ? `/service-posts/${postId}/claims` : null, {}, false);
export const useLectures = (q: Query) => useGet<Page<Lecture>>('/micro-lectures', q);
export const useLecture = (id: string | null) => useGet<LectureDetail>(id ? `/micro-lectures/${id}` : null, {}, false);
export const useLectureStats = (q: Query) => useGet<LectureStats>('/micro-lectures/stats', q);
export const useAttendance = (q: Query) => useGet<AttendanceMatrix>('/micro-lectures/attendance', q);
export const useRotation = (communityId?: string, enabled = true) => useGet<Rotation>(enabled ? '/micro-lectures/rotation' : null, { communityId, count: 6 });
export const useSettings = (communityId?: string) => useGet<Settings>('/party-settings', { communityId });
export const useRounds = (q: Query) => useGet<Page<EvaluationRound>>('/evaluation-rounds', q);
export const useResults = (id: string | null) => useGet<EvaluationResults>(id ? `/evaluation-rounds/${id}/results` : null, {}, false);
export const useMeetings = (q: Query) => useGet<Page<MeetingListItem>>('/joint-meetings', q);
export const useMeeting = (id: string | null) => useGet<Meeting>(id ? `/joint-meetings/${id}` : null, {}, false);
export const useOverview = () => useGet<OverviewRow[]>('/party/overview');

/** A write that refreshes every party query when it succeeds. */
export function usePartyMutation<TInput, TOutput = unknown>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: partyKey }) });
}

export const post = <T = unknown>(path: string) => (body: unknown) => api.post<T>(path, body);
export const patch = <T = unknown>(path: string) => (body: unknown) => api.patch<T>(path, body);
