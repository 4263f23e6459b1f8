/**
 * The signed-in caller: `useMe()` (GET /me), sign-in, sign-out and the caller's preferences.
 *
 * Preferences rule: a choice made on this device before signing in (language, elderly mode) is
 * carried into the account at sign-in; on later page loads the account's stored preferences win
 * (they may have been changed on another device).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, notSignedIn, sessionHint } from './api';
import { applyElderlyMode, storedElderlyMode } from './elderly';
import { applyLanguage, currentLanguage, storedLanguage, type Language } from './i18n';
import type { MeView, Preferences } from './types';

export const meKey = ['me'] as const;

/** Which preferences this app acts on (the admin web has no elderly mode). */
const handles = { elderlyMode: false };
export function configurePreferences(options: { elderlyMode: boolean }): void {
  handles.elderlyMode = options.elderlyMode;
}

function adoptAccountPreferences(prefs: Preferences): void {
  if (prefs.language && prefs.language !== currentLanguage()) void applyLanguage(prefs.language);
  if (handles.elderlyMode && prefs.elderlyMode !== undefined) applyElderlyMode(prefs.elderlyMode);
}

async function fetchMe(): Promise<MeView> {
  if (!sessionHint.get()) throw notSignedIn();
  const me = await api.get<MeView>('/me');
  adoptAccountPreferences(me.preferences);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export const savePreferences = (patch: Preferences) => api.patch<Preferences>('/me/preferences', patch);

/** At sign-in: device choices the account does not share yet are saved to the account. */
async function carryDevicePreferences(me: MeView): Promise<MeView> {
  const patch: Preferences = {};
  const language = storedLanguage();
  if (language && language !== me.preferences.language) patch.language = language;
  const elderly = handles.elderlyMode ? storedElderlyMode() : undefined;
  if (elderly !== undefined && elderly !== (me.preferences.elderlyMode ?? false)) patch.elderlyMode = elderly;
  if (Object.keys(patch).length === 0) {
    adoptAccountPreferences(me.preferences);
    return me;
  }
  try {
    return { ...me, preferences: await savePreferences(patch) };
  } catch {
    return me; // The sign-in succeeded; a preference that did not save is not worth failing it.
  }
}

/** The first sign-in step's answer for an account with a second factor: no session yet. */
export interface MfaChallenge {
  mfaRequired: true;
  challenge: string;
  expiresAt: string;
}

export const isMfaChallenge = (result: MeView | MfaChallenge): result is MfaChallenge => 'mfaRequired' in result && result.mfaRequired === true;

/** Password step: either signed in (MeView) or asked for a second factor (MfaChallenge). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }): Promise<MeView | MfaChallenge> => {
      const result = await api.post<MeView | MfaChallenge>('/auth/login', body, { allowUnauthenticated: true });
      if (isMfaChallenge(result)) return result;
      sessionHint.set(true);
      return carryDevicePreferences(result);
    },
    onSuccess: (result) => {
      if (isMfaChallenge(result)) return;
      queryClient.clear();
      queryClient.setQueryData(meKey, result);
    },
  });
}

/** Second step: the challenge and a TOTP code or a recovery code. */
export function useMfaSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { challenge: string; code: string }) => {
      const me = await api.post<MeView>('/auth/login/mfa', body, { allowUnauthenticated: true });
      sessionHint.set(true);
      return carryDevicePreferences(me);
    },
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('/auth/logout', undefined, { allowUnauthenticated: true });
  } finally {
    sessionHint.set(false);
    queryClient.clear();
  }
}

/** After "sign out everywhere": this browser's session is gone too. */
export function forgetSession(queryClient: QueryClient): void {
  sessionHint.set(false);
  queryClient.clear();
}

/** Updates one preference locally at once and, when signed in, in the account. */
export function useSetPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (patch: Preferences) => {
      if (patch.language) await applyLanguage(patch.language as Language);
      if (patch.elderlyMode !== undefined) applyElderlyMode(patch.elderlyMode);
      const me = queryClient.getQueryData<MeView>(meKey);
      if (!me) return undefined;
      const preferences = await savePreferences(patch);
      queryClient.setQueryData<MeView>(meKey, { ...me, preferences });
      return preferences;
    },
  });
}

/** Whether the caller holds any of the given permissions. */
export function can(me: MeView | undefined, permission: string | readonly string[]): boolean {
  if (!me) return false;
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return wanted.some((p) => me.permissions.includes(p));
}

export function hasRole(me: MeView | undefined, role: string): boolean {
  return !!me?.roles.some((r) => r.role === role);
}
