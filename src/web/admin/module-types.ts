/**
 * How a domain module plugs into the admin web without touching shared files: it adds
 * `admin/modules/<module>/module.tsx` exporting `adminModule`, and its texts in
 * `shared/locales/<module>/{zh-CN,en-US}.json` (i18n namespace <module>).
 */
import type { ComponentType, ReactNode } from 'react';

export type NavGroup = 'work' | 'people' | 'party' | 'tickets' | 'care' | 'volunteers' | 'center' | 'partners' | 'waste' | 'stats' | 'admin' | 'mine';

export interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
  /** Any of these permissions opens the entry; none means every signed-in user. */
  permission?: readonly string[];
  group: NavGroup;
  /** i18n namespace holding `nav.<key>` and `navDescriptions.<key>` (default: the shared translation). */
  ns?: string;
  /** Position inside the group (lower first). */
  order?: number;
}

export interface AdminPage {
  /** Route path under the admin root, e.g. 'residents' or 'residents/:id'. */
  path: string;
  /** The nav entry whose permission guards the page. */
  nav: string;
  load: () => Promise<{ default: ComponentType }>;
}

export interface AdminModule {
  nav: NavItem[];
  pages: AdminPage[];
}
