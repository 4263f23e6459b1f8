/** The tickets and projects API as react-query hooks; every write refreshes what it changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { projects, tickets } from '../../../../contracts';
import { api } from '../../../shared/api';
import type { Page, Wire } from '../../../shared/types';

export type Ticket = Wire<z.infer<typeof tickets.TicketView>>;
export type TicketItem = Wire<z.infer<typeof tickets.TicketListItem>>;
export type TicketEvent = Ticket['timeline'][number];
export type Category = Wire<z.infer<typeof tickets.CategoryView>>;
export type Transition = Wire<z.infer<typeof tickets.TransitionView>>;
export type BuildingOption = Wire<z.infer<typeof tickets.BuildingOption>>;
export type PersonOption = Wire<z.infer<typeof tickets.PersonOption>>;
export type Stats = Wire<z.infer<typeof tickets.StatsView>>;
export type Figures = Wire<z.infer<typeof tickets.StatsFigures>>;
export type Project = Wire<z.infer<typeof projects.ProjectView>>;
export type ProjectItem = Wire<z.infer<typeof projects.ProjectListItem>>;
export type TicketStatus = Ticket['status'];
export type TicketAction = Ticket['actions'][number];

export const ticketsKey = ['tickets'] as const;
export const projectsKey = ['projects'] as const;

export interface TicketQuery {
  view: 'assigned' | 'scope';
  status?: string;
  category?: string;
  overdue?: 'true';
  sort: 'due' | 'created';
  cursor?: string;
  limit: number;
}

export function useTickets(query: TicketQuery) {
  return useQuery({
    queryKey: [...ticketsKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<TicketItem>>('/tickets', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: string | undefined) {
  return useQuery({ queryKey: [...ticketsKey, 'one', id], queryFn: ({ signal }) => api.get<Ticket>(`/tickets/${id}`, { signal }), enabled: !!id });
}

export function useTransitions() {
  return useQuery({ queryKey: ['ticket-transitions'], queryFn: () => api.get<Transition[]>('/ticket-transitions'), staleTime: Infinity });
}

export function useCategories(communityId: string | undefined, includeInactive = false) {
  return useQuery({
    queryKey: ['ticket-categories', communityId ?? 'mine', includeInactive],
    queryFn: ({ signal }) => api.get<Category[]>('/ticket-categories', { query: { communityId, includeInactive: includeInactive ? 'true' : undefined }, signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useBuildingOptions(communityId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['ticket-buildings', communityId ?? 'mine', q],
    queryFn: ({ signal }) => api.get<BuildingOption[]>('/ticket-buildings', { query: { communityId, q: q || undefined }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePeople(communityId: string | undefined, kind: 'workers' | 'party_members' | 'supervisors') {
  return useQuery({
    queryKey: ['ticket-people', communityId, kind],
    queryFn: ({ signal }) => api.get<PersonOption[]>('/ticket-people', { query: { communityId, kind }, signal }),
    enabled: !!communityId,
    staleTime: 60_000,
  });
}

export function useStats(query: { orgId: string | undefined; from?: string; to?: string }) {
  return useQuery({
    queryKey: [...ticketsKey, 'stats', query],
    queryFn: ({ signal }) => api.get<Stats>('/tickets/stats', { query: { ...query }, signal }),
    enabled: !!query.orgId,
    placeholderData: keepPreviousData,
  });
}

export function useTicketAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: TicketAction; body: Record<string, unknown> }) => api.post<Ticket>(`/tickets/${id}/${action}`, body),
    onSuccess: (ticket) => {
      queryClient.setQueryData([...ticketsKey, 'one', id], ticket);
      void queryClient.invalidateQueries({ queryKey: ticketsKey });
    },
  });
}

export function useRevealContact(id: string) {
  return useMutation({ mutationFn: () => api.post<{ name: string | null; phone: string | null }>(`/tickets/${id}/reveal-contact`) });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Ticket>('/tickets', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) => api.patch<Category>(`/ticket-categories/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ticket-categories'] }),
  });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Category>('/ticket-categories', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ticket-categories'] }),
  });
}

export function useProjects(query: { status?: string; cursor?: string; limit: number }) {
  return useQuery({
    queryKey: [...projectsKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<ProjectItem>>('/projects', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: [...projectsKey, 'one', id], queryFn: ({ signal }) => api.get<Project>(`/projects/${id}`, { signal }), enabled: !!id });
}

function useProjectMutation<T>(fn: (input: T) => Promise<Project>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      queryClient.setQueryData([...projectsKey, 'one', p.id], p);
      void queryClient.invalidateQueries({ queryKey: projectsKey });
      void queryClient.invalidateQueries({ queryKey: ticketsKey });
    },
  });
}

export const useCreateProject = () => useProjectMutation((body: Record<string, unknown>) => api.post<Project>('/projects', body));
export const usePostProgress = (id: string) => useProjectMutation((body: Record<string, unknown>) => api.post<Project>(`/projects/${id}/updates`, body));
export const useUpdateProject = (id: string) => useProjectMutation((body: Record<string, unknown>) => api.patch<Project>(`/projects/${id}`, body));
