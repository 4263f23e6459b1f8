import { TrophyOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';
import '../../../shared/locales/stats';

export const adminModule: AdminModule = {
  nav: [{ key: 'rankings', path: '/rankings', icon: <TrophyOutlined />, permission: ['stats.rankings.read'], group: 'stats', ns: 'stats' }],
  pages: [{ path: 'rankings', nav: 'rankings', load: () => import('./RankingsPage') }],
};
