/** The resident app's domain modules, collected from `resident/modules/<module>/module.tsx`. */
import type { ResidentModule, ResidentPage, ResidentTile } from './module-types';

const modules = Object.values(import.meta.glob<{ residentModule: ResidentModule }>('./modules/*/module.tsx', { eager: true })).map((m) => m.residentModule);

export const moduleTiles: readonly ResidentTile[] = modules.flatMap((m) => m.tiles).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
export const modulePages: readonly ResidentPage[] = modules.flatMap((m) => m.pages);
