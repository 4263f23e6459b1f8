/** Care's view types as the admin web receives them (dates as ISO strings). */
import type { z } from 'zod';
import type { care } from '../../../../contracts';
import type { Wire } from '../../../shared/types';

type View<S extends z.ZodType> = Wire<z.infer<S>>;

export type CareFileListItem = View<typeof care.CareFileListItem>;
export type CareFileView = View<typeof care.CareFileView>;
export type CareMember = CareFileView['members'][number];
export type ConditionView = View<typeof care.ConditionView>;
export type TimelineEntry = View<typeof care.TimelineEntry>;
export type CareFileVersion = View<typeof care.CareFileVersionView>;
export type CareFileSuggestion = View<typeof care.CareFileSuggestion>;
export type CareStats = View<typeof care.CareStats>;
export type BirthdayList = View<typeof care.BirthdayList>;
export type ApplicationListItem = View<typeof care.ApplicationListItem>;
export type ApplicationView = View<typeof care.ApplicationView>;
export type NoticeBoard = View<typeof care.NoticeBoard>;
export type ConsolationView = View<typeof care.ConsolationView>;
export type TargetView = View<typeof care.TargetView>;
export type WishView = View<typeof care.WishView>;
export type ServiceStats = View<typeof care.CareServiceStats>;
export type CareServiceView = View<typeof care.CareServiceView>;
export type Recipient = View<typeof care.Recipient>;
export type AssistanceStatus = z.infer<typeof care.AssistanceStatus>;
export type AssistanceAction = z.infer<typeof care.AssistanceAction>;
export type AssistanceKind = z.infer<typeof care.AssistanceKind>;

/** Fen → "1,234.50" (money is integer fen everywhere; only the UI formats it). */
export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });
