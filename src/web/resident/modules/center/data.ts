/** The center API for the resident app, as react-query hooks; writes refresh the center's queries. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import type { Canteen, CenterEvent, Course, EnrollmentResult, EventSignup, MealOrder, Menu, MyCenter, Quote } from '../../../admin/modules/center/common';

export const key = ['center'] as const;

export const useMyCenter = () => useQuery({ queryKey: [...key, 'mine'], queryFn: ({ signal }) => api.get<MyCenter>('/my-center', { signal }) });

/** Who the caller acts for: themself first, or a household member they pick. */
export function useWho() {
  const mine = useMyCenter();
  const [who, setWho] = useState<string>();
  useEffect(() => {
    if (!who && mine.data?.residents.length) setWho((mine.data.residents.find((r) => r.self) ?? mine.data.residents[0])!.id);
  }, [mine.data, who]);
  return { mine, who, setWho, residents: mine.data?.residents ?? [] };
}

export const useCourses = () =>
  useQuery({ queryKey: [...key, 'courses', 'open'], queryFn: ({ signal }) => api.get<Page<Course>>('/courses', { query: { status: 'active', limit: 100 }, signal }) });

export const useEvents = (from: string) =>
  useQuery({ queryKey: [...key, 'events', from], queryFn: ({ signal }) => api.get<Page<CenterEvent>>('/events', { query: { status: 'published', from, limit: 100 }, signal }) });

export const useCanteens = () => useQuery({ queryKey: [...key, 'canteens'], queryFn: ({ signal }) => api.get<Canteen[]>('/canteens', { signal }) });

export const useMenus = (canteenId: string | undefined, from: string, to: string) =>
  useQuery({ queryKey: [...key, 'menus', canteenId, from, to], queryFn: ({ signal }) => api.get<Menu[]>(`/canteens/${canteenId}/menus`, { query: { from, to }, signal }), enabled: !!canteenId });

export const useQuote = (menuId: string | undefined, residentId: string | undefined) =>
  useQuery({ queryKey: [...key, 'quote', menuId, residentId], queryFn: ({ signal }) => api.get<Quote>(`/canteen-menus/${menuId}/quote`, { query: { residentId }, signal }), enabled: !!menuId && !!residentId });

function useCenterMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useEnroll = () => useCenterMutation(({ courseId, residentId }: { courseId: string; residentId?: string }) => api.post<EnrollmentResult>(`/courses/${courseId}/enrollments`, { residentId }));
export const useCancelEnrollment = () => useCenterMutation((id: string) => api.post<{ promoted: number }>(`/course-enrollments/${id}/cancel`));
export const useSignUp = () => useCenterMutation(({ eventId, residentId }: { eventId: string; residentId?: string }) => api.post<EventSignup>(`/events/${eventId}/signups`, { residentId }));
export const useCancelSignup = () => useCenterMutation((id: string) => api.post<EventSignup>(`/event-signups/${id}/cancel`));
export const useOrder = () =>
  useCenterMutation(({ menuId, ...body }: { menuId: string; residentId?: string; mode: 'dine_in' | 'pickup'; quantity: number; claimSubsidy: boolean }) => api.post<MealOrder>(`/canteen-menus/${menuId}/orders`, body));
export const useCancelOrder = () => useCenterMutation((id: string) => api.post<MealOrder>(`/meal-orders/${id}/cancel`));
export const useCancelBooking = () => useCenterMutation((id: string) => api.post(`/venue-bookings/${id}/cancel`, {}));
export const useRate = () =>
  useCenterMutation((body: { subjectKind: 'event' | 'course'; subjectId: string; score: number; residentId?: string }) => api.post('/center-satisfaction', body));
