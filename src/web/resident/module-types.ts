/**
 * How a domain module plugs into the resident app without touching shared files: it adds
 * `resident/modules/<module>/module.tsx` exporting `residentModule` (home tiles and pages), with
 * its texts in `shared/locales/<module>/{zh-CN,en-US}.json`.
 */
import type { ComponentType, ReactNode } from 'react';

export interface ResidentTile {
  key: string;
  /** Path inside the app (basename /m), e.g. '/tickets/new'. */
  path: string;
  icon: ReactNode;
  /** i18n namespace holding `tiles.<key>.title` and `tiles.<key>.desc`. */
  ns: string;
  color?: 'red' | 'blue' | 'green' | 'orange' | 'purple';
  /** Shown only to callers holding any of these permissions (default: everyone signed in). */
  permission?: readonly string[];
  order?: number;
}

export interface ResidentPage {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

export interface ResidentModule {
  tiles: ResidentTile[];
  pages: ResidentPage[];
}
