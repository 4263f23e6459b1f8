/**
 * What the admin web offers, as data: the side menu and the home page's cards are both drawn from
 * this list, filtered by the caller's permissions — nobody sees an entry they cannot use.
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
import type { ReactNode } from 'react';
import { can } from '../shared/me';
import type { MeView } from '../shared/types';

export type NavKey = 'home' | 'orgs' | 'centers' | 'accounts' | 'auditLog' | 'inbox' | 'sessions';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Any of these permissions opens the entry; none means every signed-in user. */
  permission?: readonly string[];
  group: 'work' | 'admin' | 'mine';
}

export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, group: 'work' },
  { key: 'orgs', path: '/orgs', icon: <ApartmentOutlined />, permission: ['org.read'], group: 'work' },
  { key: 'centers', path: '/centers', icon: <BankOutlined />, permission: ['center.read'], group: 'work' },
  { key: 'accounts', path: '/accounts', icon: <TeamOutlined />, permission: ['account.read', 'role_assignment.manage'], group: 'admin' },
  { key: 'auditLog', path: '/audit-log', icon: <AuditOutlined />, permission: ['audit.read'], group: 'admin' },
  { key: 'inbox', path: '/inbox', icon: <BellOutlined />, group: 'mine' },
  { key: 'sessions', path: '/sessions', icon: <DesktopOutlined />, group: 'mine' },
];

export const navItem = (key: NavKey): NavItem => navItems.find((item) => item.key === key)!;

export const allowed = (me: MeView | undefined, item: NavItem): boolean => !item.permission || can(me, item.permission);

export function visibleNav(me: MeView | undefined): NavItem[] {
  return navItems.filter((item) => allowed(me, item));
}
