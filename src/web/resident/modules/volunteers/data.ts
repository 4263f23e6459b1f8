/** The volunteer API for the resident app, as react-query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import type { Activity, Certificate, MyVolunteer, Signup, SignupResult } from '../../../admin/modules/volunteers/common';

export const volunteerKey = ['volunteers'] as const;

export const useMyVolunteer = () => useQuery({ queryKey: [...volunteerKey, 'me'], queryFn: ({ signal }) => api.get<MyVolunteer>('/me/volunteer', { signal }) });

export const useActivities = (query: { from?: string; to?: string; communityId?: string }, enabled = true) =>
  useQuery({
    queryKey: [...volunteerKey, 'activities', query],
    queryFn: ({ signal }) => api.get<Page<Activity>>('/volunteer-activities', { query: { ...query, status: 'published', limit: 100 }, signal }),
    enabled,
  });

export const useActivity = (id: string | undefined) =>
  useQuery({ queryKey: [...volunteerKey, 'activity', id], queryFn: ({ signal }) => api.get<Activity>(`/volunteer-activities/${id}`, { signal }), enabled: !!id });

export const useMySignups = (when: 'upcoming' | 'past', enabled = true) =>
  useQuery({ queryKey: [...volunteerKey, 'mine', when], queryFn: ({ signal }) => api.get<Page<Signup>>('/me/volunteer-signups', { query: { when, limit: 50 }, signal }), enabled });

export const useCertificates = (volunteerId: string | undefined) =>
  useQuery({ queryKey: [...volunteerKey, 'certificates', volunteerId], queryFn: ({ signal }) => api.get<Certificate[]>(`/volunteers/${volunteerId}/certificates`, { signal }), enabled: !!volunteerId });

function useVolunteerMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: volunteerKey }) });
}

export const useSelfRegister = () => useVolunteerMutation((body: Record<string, unknown>) => api.post('/me/volunteer', body));
export const useSignUp = () => useVolunteerMutation(({ activityId, slotId }: { activityId: string; slotId?: string }) => api.post<SignupResult>(`/volunteer-activities/${activityId}/signups`, slotId ? { slotId } : {}));
export const useCancelSignup = () => useVolunteerMutation((signupId: string) => api.post<Signup>(`/volunteer-signups/${signupId}/cancel`));
export const useScan = () =>
  useVolunteerMutation(({ activityId, purpose, code }: { activityId: string; purpose: 'check_in' | 'check_out'; code: string }) =>
    api.post<Signup>(`/volunteer-activities/${activityId}/${purpose === 'check_in' ? 'check-in' : 'check-out'}`, { code }),
  );
export const useIssueCertificate = () => useVolunteerMutation((volunteerId: string) => api.post<Certificate>(`/volunteers/${volunteerId}/certificates`));

/** What a scanned code says: `TXV1.<activity>.<i|o>.<second>.<mac>` (the server checks the rest). */
export function readToken(text: string): { activityId: string; purpose: 'check_in' | 'check_out'; token: string } | null {
  let token = text.trim();
  try {
    const url = new URL(token);
    token = url.searchParams.get('code') ?? token;
  } catch {
    // Not a URL: the token itself.
  }
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'TXV1' || (parts[2] !== 'i' && parts[2] !== 'o')) return null;
  return { activityId: parts[1]!, purpose: parts[2] === 'i' ? 'check_in' : 'check_out', token };
}

/** Decodes a QR code in a photo with the browser's BarcodeDetector, where the browser has one. */
export async function decodeQrPhoto(file: File): Promise<string | null> {
  const Detector = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => { detect(i: ImageBitmap): Promise<Array<{ rawValue: string }>> } }).BarcodeDetector;
  if (!Detector) return null;
  const bitmap = await createImageBitmap(file);
  const found = await new Detector({ formats: ['qr_code'] }).detect(bitmap);
  return found[0]?.rawValue ?? null;
}

export const canDecodePhotos = (): boolean => typeof window !== 'undefined' && 'BarcodeDetector' in window;
