/**
 * Shared by the center's pages in both apps: view types from the contracts (as JSON carries them),
 * the seven theme colours of 多彩党建, money and time helpers.
 */
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { center } from '../../../../contracts';
import type { Wire } from '../../../shared/types';

type View<S extends z.ZodType> = Wire<z.infer<S>>;

export type Venue = View<typeof center.VenueView>;
export type Booking = View<typeof center.BookingView>;
export type BookingCreated = View<typeof center.BookingCreated>;
export type CalendarView = View<typeof center.CalendarView>;
export type Course = View<typeof center.CourseView>;
export type Enrollment = View<typeof center.EnrollmentView>;
export type EnrollmentResult = View<typeof center.EnrollmentResult>;
export type CourseSession = View<typeof center.SessionView>;
export type Roster = View<typeof center.RosterView>;
export type CenterEvent = View<typeof center.EventView>;
export type EventSignup = View<typeof center.SignupView>;
export type Canteen = View<typeof center.CanteenView>;
export type Menu = View<typeof center.MenuView>;
export type SubsidyRule = View<typeof center.SubsidyRuleView>;
export type Quote = View<typeof center.QuoteView>;
export type MealOrder = View<typeof center.MealOrderView>;
export type SubsidyStatement = View<typeof center.SubsidyStatement>;
export type SatisfactionStats = View<typeof center.SatisfactionStats>;
export type CenterStats = View<typeof center.CenterStats>;
export type MyCenter = View<typeof center.MyCenterView>;

export { meals, targetGroups, themes } from '../../../../server/modules/center/center.constants';
export type { Theme } from '../../../../server/modules/center/center.constants';
import type { Theme } from '../../../../server/modules/center/center.constants';

/** The seven colours of 多彩党建 as they are painted (blocks, tags, chart bars). */
export const themeHex: Record<Theme, string> = {
  red: '#cf1322',
  orange: '#fa8c16',
  yellow: '#d4b106',
  green: '#389e0d',
  cyan: '#08979c',
  blue: '#1d39c4',
  purple: '#722ed1',
};

export const bookingColor: Record<Booking['status'], string> = { pending: 'gold', confirmed: 'green', rejected: 'red', cancelled: 'default' };
export const enrollmentColor: Record<Enrollment['status'], string> = { enrolled: 'green', waitlisted: 'gold', cancelled: 'default' };
export const orderColor: Record<MealOrder['status'], string> = { ordered: 'blue', served: 'green', cancelled: 'default' };

/** ¥12.50 from 1250 fen. */
export const yuan = (fen: number | null | undefined): string => (fen == null ? '—' : `¥${(fen / 100).toFixed(2)}`);

/** "Today" where the communities are (Asia/Shanghai), whatever the browser's zone. */
export const communityToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
export const communityMonth = (): string => communityToday().slice(0, 7);

export const hhmm = (iso: string): string => dayjs(iso).format('HH:mm');
export const span = (startsAt: string, endsAt: string): string => `${dayjs(startsAt).format('YYYY-MM-DD HH:mm')}–${dayjs(endsAt).format('HH:mm')}`;
export const percent = (rate: number | null | undefined): string => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);
