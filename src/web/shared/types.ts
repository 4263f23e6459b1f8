/**
 * The API's view types as the browser receives them: the contracts' zod schemas describe dates as
 * `Date` (server side), JSON carries them as ISO strings — `Wire<T>` says so.
 */
import type { z } from 'zod';
import type { accounts, audit, auth, notifications, orgs } from '../../contracts';

export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

type View<S extends z.ZodType> = Wire<z.infer<S>>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type MeView = View<typeof auth.MeView>;
export type Preferences = View<typeof auth.Preferences>;
export type SessionView = View<typeof auth.SessionView>;
export type OrgView = View<typeof orgs.OrgView>;
export type OrgKind = OrgView['kind'];
export type CenterView = View<typeof orgs.CenterView>;
export type AccountView = View<typeof accounts.AccountView>;
export type RoleAssignmentView = View<typeof accounts.RoleAssignmentView>;
export type RoleView = View<typeof accounts.RoleView>;
export type AuditEntryView = View<typeof audit.AuditEntryView>;
export type AuditVerifyView = View<typeof audit.AuditVerifyView>;
export type NotificationView = View<typeof notifications.NotificationView>;
export type NotificationPage = View<typeof notifications.NotificationPage>;
