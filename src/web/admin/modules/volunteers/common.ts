/**
 * Shared by the volunteer pages of both apps: view types from the contracts, the rotating QR as an
 * image, and how star levels and statuses are drawn.
 */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { volunteers } from '../../../../contracts';
import type { Wire } from '../../../shared/types';

export type Volunteer = Wire<z.infer<typeof volunteers.VolunteerView>>;
export type MyVolunteer = Wire<z.infer<typeof volunteers.MyVolunteerView>>;
export type Team = Wire<z.infer<typeof volunteers.TeamView>>;
export type TeamMember = Wire<z.infer<typeof volunteers.TeamMemberView>>;
export type Activity = Wire<z.infer<typeof volunteers.ActivityView>>;
export type Signup = Wire<z.infer<typeof volunteers.SignupView>>;
export type SignupResult = Wire<z.infer<typeof volunteers.SignupResult>>;
export type QrCode = Wire<z.infer<typeof volunteers.QrView>>;
export type RankingItem = Wire<z.infer<typeof volunteers.RankingItem>>;
export type VolunteerStats = Wire<z.infer<typeof volunteers.VolunteerStats>>;
export type Certificate = Wire<z.infer<typeof volunteers.CertificateView>>;
export type VolunteerStatus = Volunteer['status'];
export type ReviewAction = Volunteer['actions'][number];
export type Category = Activity['category'];
export type SignupStatus = Signup['status'];

export { activityCategories, availabilitySlots, careKinds, themeColors, volunteerSkills } from '../../../../server/modules/volunteers/volunteer-values.schemas';

export const statusColor: Record<VolunteerStatus, string> = { pending: 'gold', approved: 'green', rejected: 'default', suspended: 'red' };
export const signupColor: Record<SignupStatus, string> = { signed_up: 'green', waitlisted: 'gold', cancelled: 'default' };

/** "Today" where the communities are (Asia/Shanghai), whatever the browser's zone. */
export const communityToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The URL a phone camera opens when it scans the organizer's code: the resident app's scan page. */
export const scanUrl = (token: string): string => `${window.location.origin}/m/volunteers/scan?code=${encodeURIComponent(token)}`;

/** A QR image (data URL) of a text, redrawn when the text changes. */
export function useQrImage(text: string | undefined, width = 320): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    if (!text) {
      setUrl(undefined);
      return;
    }
    void QRCode.toDataURL(text, { width, margin: 1, errorCorrectionLevel: 'M' }).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [text, width]);
  return url;
}

/** Seconds left until an ISO time, ticking every second. */
export function useSecondsLeft(until: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return until ? Math.max(0, Math.round((Date.parse(until) - now) / 1000)) : 0;
}

export const stars = (level: number): string => '★'.repeat(level);
