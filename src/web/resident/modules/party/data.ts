/** The party API for the resident app: my membership, lectures, posts, points, report-in, evaluations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { party } from '../../../../contracts';
import { api } from '../../../shared/api';
import type { Page, Wire } from '../../../shared/types';

type V<S extends z.ZodType> = Wire<z.infer<S>>;
export type MyParty = V<typeof party.MyPartyView>;
export type Membership = MyParty['memberships'][number];
export type MyLecture = V<typeof party.MyLectureView>;
export type ServicePost = V<typeof party.ServicePostView>;
export type MyClaim = V<typeof party.MemberClaimView>;
export type PointsPage = V<typeof party.PointsPage>;
export type ReportInOptions = V<typeof party.ReportInOptions>;
export type ReportIn = V<typeof party.ReportInView>;
export type Round = V<typeof party.EvaluationRoundView>;

export const partyKey = ['party'] as const;

export const useMyParty = () => useQuery({ queryKey: [...partyKey, 'me'], queryFn: () => api.get<MyParty>('/party/me') });

/** The first community where the caller is a member (almost everyone has one). */
export function useMembership(): { membership: Membership | undefined; isPending: boolean; error: Error | null } {
  const me = useMyParty();
  return { membership: me.data?.memberships[0], isPending: me.isPending, error: me.error };
}

export const useMyLectures = (communityId?: string) =>
  useQuery({ queryKey: [...partyKey, 'lectures', communityId], queryFn: () => api.get<MyLecture[]>('/party/me/lectures', { query: { communityId } }), enabled: !!communityId, refetchInterval: 60_000 });

export const useOpenPosts = (communityId?: string) =>
  useQuery({ queryKey: [...partyKey, 'posts', communityId], queryFn: () => api.get<Page<ServicePost>>('/service-posts', { query: { communityId, when: 'upcoming', limit: 50 } }), enabled: !!communityId });

export const useMyClaims = (communityId?: string) =>
  useQuery({ queryKey: [...partyKey, 'claims', communityId], queryFn: () => api.get<MyClaim[]>('/party/me/claims', { query: { communityId } }), enabled: !!communityId });

export const useMyPoints = (communityId?: string) =>
  useQuery({ queryKey: [...partyKey, 'points', communityId], queryFn: () => api.get<PointsPage>('/party/me/points', { query: { communityId, limit: 50 } }), enabled: !!communityId });

export const useReportInOptions = () => useQuery({ queryKey: [...partyKey, 'report-in'], queryFn: () => api.get<ReportInOptions>('/report-ins/options') });

export const useRounds = (communityId?: string) =>
  useQuery({ queryKey: [...partyKey, 'rounds', communityId], queryFn: () => api.get<Page<Round>>('/evaluation-rounds', { query: { communityId, limit: 20 } }), enabled: !!communityId });

/** A write that refreshes everything party on success. */
export function usePartyWrite<TInput, TOutput = unknown>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: partyKey }) });
}
