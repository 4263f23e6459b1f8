/**
 * What the admin web offers, as data: the side menu and the home page's cards are both drawn from
 * this list, filtered by the caller's permissions — nobody sees an entry they cannot use. Domain
 * modules add their entries through `admin/modules/<module>/module.tsx` (see module-types.ts).
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  DesktopOutlined,
  HomeOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { can } from '../shared/me';
import type { MeView } from '../shared/types';
import type { AdminModule, AdminPage, NavGroup, NavItem } from './module-types';

export type { NavGroup, NavItem } from './module-types';
export type NavKey = string;

const coreNav: readonly NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, group: 'work' },
  { key: 'orgs', path: '/orgs', icon: <ApartmentOutlined />, permission: ['org.read'], group: 'work' },
  { key: 'centers', path: '/centers', icon: <BankOutlined />, permission: ['center.read'], group: 'center' },
  { key: 'accounts', path: '/accounts', icon: <TeamOutlined />, permission: ['account.read', 'role_assignment.manage'], group: 'admin' },
  { key: 'auditLog', path: '/audit-log', icon: <AuditOutlined />, permission: ['audit.read'], group: 'admin' },
  { key: 'inbox', path: '/inbox', icon: <BellOutlined />, group: 'mine' },
  { key: 'sessions', path: '/sessions', icon: <DesktopOutlined />, group: 'mine' },
];

const modules = Object.values(import.meta.glob<{ adminModule: AdminModule }>('./modules/*/module.tsx', { eager: true })).map((m) => m.adminModule);

export const navGroups: readonly NavGroup[] = ['work', 'people', 'party', 'tickets', 'care', 'volunteers', 'center', 'partners', 'waste', 'stats', 'admin', 'mine'];

export const navItems: readonly NavItem[] = [...coreNav, ...modules.flatMap((m) => m.nav)].sort(
  (a, b) => navGroups.indexOf(a.group) - navGroups.indexOf(b.group) || (a.order ?? 50) - (b.order ?? 50),
);

export const modulePages: readonly AdminPage[] = modules.flatMap((m) => m.pages);

export const navItem = (key: NavKey): NavItem => {
  const item = navItems.find((i) => i.key === key);
  if (!item) throw new Error(`unknown nav entry ${key}`);
  return item;
};

export const allowed = (me: MeView | undefined, item: NavItem): boolean => !item.permission || can(me, item.permission);

export function visibleNav(me: MeView | undefined): NavItem[] {
  return navItems.filter((item) => allowed(me, item));
}

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The menu label of an entry, from its module's namespace. */
export const navLabel = (t: TFunction, item: NavItem): string => (t as unknown as LooseT)(`nav.${item.key}`, { ns: item.ns ?? 'translation' });
export const navDescription = (t: TFunction, item: NavItem): string => (t as unknown as LooseT)(`navDescriptions.${item.key}`, { ns: item.ns ?? 'translation' });
