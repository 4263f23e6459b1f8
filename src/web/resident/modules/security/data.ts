/** The resident's privacy and second-factor API as react-query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { security } from '../../../../contracts';
import { api } from '../../../shared/api';
import { meKey } from '../../../shared/me';
import type { Wire } from '../../../shared/types';

export type MyData = Wire<z.infer<typeof security.MyDataView>>;
export type Consent = Wire<z.infer<typeof security.ConsentView>>;
export type PrivacyRequest = Wire<z.infer<typeof security.PrivacyRequestView>>;
export type Ward = Wire<z.infer<typeof security.WardView>>;
export type ConsentPurpose = Consent['purpose'];
export type RequestField = PrivacyRequest['field'];
export type MfaStatus = Wire<z.infer<typeof security.MfaStatusView>>;
export type MfaEnrollment = Wire<z.infer<typeof security.MfaEnrollmentView>>;

const privacyKey = ['my-privacy'] as const;

export function useMyData() {
  return useQuery({ queryKey: [...privacyKey, 'data'], queryFn: ({ signal }) => api.get<MyData>('/me/privacy/data', { signal }) });
}

/** The full copy (unmasked, audited as a download), saved as a JSON file. */
export function useDownloadMyData() {
  return useMutation({
    mutationFn: async () => {
      const data = await api.get<MyData>('/me/privacy/data/download');
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `my-data-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return data;
    },
  });
}

export function useWards() {
  return useQuery({ queryKey: [...privacyKey, 'wards'], queryFn: ({ signal }) => api.get<Ward[]>('/me/wards', { signal }) });
}

export function useMyRequests() {
  return useQuery({ queryKey: [...privacyKey, 'requests'], queryFn: ({ signal }) => api.get<PrivacyRequest[]>('/me/privacy/correction-requests', { signal }) });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: 'correction' | 'deletion'; field: RequestField; value?: string; reason: string }) => api.post<PrivacyRequest>('/me/privacy/correction-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyKey }),
  });
}

export function useConsents(residentId: string | undefined) {
  return useQuery({ queryKey: [...privacyKey, 'consents', residentId ?? 'me'], queryFn: ({ signal }) => api.get<Consent[]>('/me/consents', { query: { residentId }, signal }) });
}

export function useConsentActions(residentId: string | undefined) {
  const queryClient = useQueryClient();
  const put = (list: Consent[]) => {
    queryClient.setQueryData([...privacyKey, 'consents', residentId ?? 'me'], list);
    void queryClient.invalidateQueries({ queryKey: [...privacyKey, 'data'] });
  };
  return {
    grant: useMutation({ mutationFn: (c: Consent) => api.post<Consent[]>('/me/consents', { purpose: c.purpose, noticeVersion: c.noticeVersion, residentId }), onSuccess: put }),
    withdraw: useMutation({ mutationFn: (c: Consent) => api.post<Consent[]>(`/me/consents/${c.purpose}/withdraw`, { residentId }), onSuccess: put }),
  };
}

const mfaKey = ['my-mfa'] as const;

export function useMfaStatus() {
  return useQuery({ queryKey: mfaKey, queryFn: ({ signal }) => api.get<MfaStatus>('/me/mfa', { signal }) });
}

export function useMfaActions() {
  const queryClient = useQueryClient();
  // Not awaited: the caller must see the answer (the recovery codes) before the status flips to "enabled".
  const refresh = () => void Promise.all([queryClient.invalidateQueries({ queryKey: mfaKey }), queryClient.invalidateQueries({ queryKey: meKey })]);
  return {
    start: useMutation({ mutationFn: () => api.post<MfaEnrollment>('/me/mfa/enrollment'), onSuccess: refresh }),
    confirm: useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/me/mfa/enrollment/confirm', { code }), onSuccess: refresh }),
    disable: useMutation({ mutationFn: (code: string) => api.post('/me/mfa/disable', { code }), onSuccess: refresh }),
  };
}
