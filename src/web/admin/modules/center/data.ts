/** The center API as react-query hooks for the admin pages; every write refreshes the center's queries. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { CenterView, Page } from '../../../shared/types';
import type {
  Booking,
  BookingCreated,
  CalendarView,
  Canteen,
  CenterEvent,
  CenterStats,
  Course,
  CourseSession,
  Enrollment,
  EventSignup,
  MealOrder,
  Menu,
  Roster,
  SatisfactionStats,
  SubsidyRule,
  SubsidyStatement,
  Venue,
} from './common';

export const centerKey = ['center'] as const;
type Query = Record<string, string | number | undefined>;

const useGet = <T>(key: string, path: string, query?: Query, enabled = true) =>
  useQuery({
    queryKey: [...centerKey, key, path, query],
    queryFn: ({ signal }) => api.get<T>(path, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The centers the caller may see (one for community staff, several for street staff). */
export const useCenters = () => useQuery({ queryKey: ['centers'], queryFn: ({ signal }) => api.get<CenterView[]>('/centers', { signal }), staleTime: 5 * 60_000 });

export const useVenues = (query: Query, enabled = true) => useGet<Page<Venue>>('venues', '/venues', query, enabled);
export const useCalendar = (query: { centerId?: string; from: string; to: string }) => useGet<CalendarView>('calendar', '/venue-calendar', query, !!query.centerId);
export const useBookings = (query: Query) => useGet<Page<Booking>>('bookings', '/venue-bookings', query);

export const useCourses = (query: Query) => useGet<Page<Course>>('courses', '/courses', query);
export const useCourse = (id: string | undefined) => useGet<Course>('course', `/courses/${id}`, undefined, !!id);
export const useEnrollments = (courseId: string | undefined, query: Query) => useGet<Page<Enrollment>>('enrollments', `/courses/${courseId}/enrollments`, query, !!courseId);
export const useSessions = (courseId: string | undefined) => useGet<CourseSession[]>('sessions', `/courses/${courseId}/sessions`, undefined, !!courseId);
export const useRoster = (sessionId: string | undefined) => useGet<Roster>('roster', `/course-sessions/${sessionId}/attendance`, undefined, !!sessionId);

export const useEvents = (query: Query) => useGet<Page<CenterEvent>>('events', '/events', query);
export const useEvent = (id: string | undefined) => useGet<CenterEvent>('event', `/events/${id}`, undefined, !!id);
export const useEventSignups = (eventId: string | undefined, query: Query) => useGet<Page<EventSignup>>('signups', `/events/${eventId}/signups`, query, !!eventId);

export const useCanteens = (centerId?: string) => useGet<Canteen[]>('canteens', '/canteens', { centerId });
export const useMenus = (canteenId: string | undefined, from: string, to: string) => useGet<Menu[]>('menus', `/canteens/${canteenId}/menus`, { from, to }, !!canteenId);
export const useSubsidyRules = (canteenId: string | undefined) => useGet<SubsidyRule[]>('rules', `/canteens/${canteenId}/subsidy-rules`, undefined, !!canteenId);
export const useStatement = (canteenId: string | undefined, month: string) => useGet<SubsidyStatement>('statement', `/canteens/${canteenId}/subsidy-statement`, { month }, !!canteenId);
export const useMealOrders = (query: Query, enabled = true) => useGet<Page<MealOrder>>('orders', '/meal-orders', query, enabled);

export const useCenterStats = (query: { centerId?: string; from: string; to: string }) => useGet<CenterStats>('stats', '/center-stats', query);
export const useSatisfaction = (query: { centerId?: string; from: string; to: string }) => useGet<SatisfactionStats>('satisfaction', '/center-satisfaction/stats', query);

export interface VisitBucket {
  key: string;
  visits: number;
  people: number;
}
export interface ServiceVisitStats {
  total: number;
  people: number;
  byMonth: VisitBucket[];
  bySource: VisitBucket[];
  byTargetGroup: VisitBucket[];
  byTheme: VisitBucket[];
  byCenter: VisitBucket[];
}
export const useServiceVisits = (query: { centerId?: string; from: string; to: string }, enabled: boolean) =>
  useGet<ServiceVisitStats>('visits', '/service-visits/stats', query, enabled);

function useCenterMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: centerKey }) });
}

export const useBook = () => useCenterMutation(({ venueId, ...body }: { venueId: string } & Record<string, unknown>) => api.post<BookingCreated>(`/venues/${venueId}/bookings`, body));
export const useDecideBooking = () =>
  useCenterMutation(({ id, action, ...body }: { id: string; action: 'approve' | 'reject'; version: number; note?: string | null }) => api.post<Booking>(`/venue-bookings/${id}/${action}`, body));
export const useCancelBooking = () =>
  useCenterMutation(({ id, ...body }: { id: string; reason?: string | null; wholeSeries?: boolean }) => api.post<Booking>(`/venue-bookings/${id}/cancel`, body));

export const useSaveCourse = () =>
  useCenterMutation(({ id, ...body }: { id?: string } & Record<string, unknown>) => (id ? api.patch<Course>(`/courses/${id}`, body) : api.post<Course>('/courses', body)));
export const useEnrollFor = () => useCenterMutation(({ courseId, residentId }: { courseId: string; residentId: string }) => api.post<{ status: string; position?: number }>(`/courses/${courseId}/enrollments`, { residentId }));
export const useCancelEnrollment = () => useCenterMutation((id: string) => api.post<{ promoted: number }>(`/course-enrollments/${id}/cancel`));
export const useRecordAttendance = () =>
  useCenterMutation(({ sessionId, records }: { sessionId: string; records: Array<{ residentId: string; status: string; pickedUpBy?: string | null; pickedUpAt?: string | null }> }) =>
    api.post<Roster>(`/course-sessions/${sessionId}/attendance`, { records }),
  );

export const useCreateEvent = () => useCenterMutation((body: Record<string, unknown>) => api.post<{ items: CenterEvent[] }>('/events', body));
export const useCancelEvent = () => useCenterMutation((id: string) => api.post<CenterEvent>(`/events/${id}/cancel`));
export const useSignUpFor = () => useCenterMutation(({ eventId, residentId }: { eventId: string; residentId: string }) => api.post<EventSignup>(`/events/${eventId}/signups`, { residentId }));
export const useCheckIn = () => useCenterMutation(({ eventId, residentId }: { eventId: string; residentId: string }) => api.post<EventSignup>(`/events/${eventId}/check-ins`, { residentId }));
export const useCancelSignup = () => useCenterMutation((id: string) => api.post<EventSignup>(`/event-signups/${id}/cancel`));

export const useServeOrder = () => useCenterMutation((id: string) => api.post<MealOrder>(`/meal-orders/${id}/serve`));
export const useCancelOrder = () => useCenterMutation((id: string) => api.post<MealOrder>(`/meal-orders/${id}/cancel`));
export const useCounterOrder = () =>
  useCenterMutation(({ menuId, ...body }: { menuId: string; residentId?: string; mode: 'dine_in' | 'pickup'; quantity: number; claimSubsidy: boolean }) => api.post<MealOrder>(`/canteen-menus/${menuId}/orders`, body));
export const useCreateMenu = () => useCenterMutation(({ canteenId, ...body }: { canteenId: string } & Record<string, unknown>) => api.post<Menu>(`/canteens/${canteenId}/menus`, body));
export const useCreateRule = () => useCenterMutation(({ canteenId, ...body }: { canteenId: string } & Record<string, unknown>) => api.post<SubsidyRule>(`/canteens/${canteenId}/subsidy-rules`, body));
export const useToggleRule = () => useCenterMutation(({ id, version, active }: { id: string; version: number; active: boolean }) => api.patch<SubsidyRule>(`/meal-subsidy-rules/${id}`, { version, active }));
