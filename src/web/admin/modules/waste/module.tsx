/** 垃圾分类 in the admin web: drop points, supervisors, daily records and the dashboard. */
import { AreaChartOutlined, CheckSquareOutlined, EnvironmentOutlined, SolutionOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

const read = ['waste.read'] as const;

export const adminModule: AdminModule = {
  nav: [
    { key: 'wasteDropPoints', path: '/waste/drop-points', icon: <EnvironmentOutlined />, permission: read, group: 'waste', ns: 'waste', order: 10 },
    { key: 'wasteSupervisors', path: '/waste/supervisors', icon: <SolutionOutlined />, permission: ['waste.manage'], group: 'waste', ns: 'waste', order: 20 },
    { key: 'wasteRecords', path: '/waste/records', icon: <CheckSquareOutlined />, permission: read, group: 'waste', ns: 'waste', order: 30 },
    { key: 'wasteStats', path: '/waste/stats', icon: <AreaChartOutlined />, permission: read, group: 'waste', ns: 'waste', order: 40 },
  ],
  pages: [
    { path: 'waste/drop-points', nav: 'wasteDropPoints', load: () => import('./pages/DropPointsPage') },
    { path: 'waste/supervisors', nav: 'wasteSupervisors', load: () => import('./pages/SupervisorsPage') },
    { path: 'waste/records', nav: 'wasteRecords', load: () => import('./pages/RecordsPage') },
    { path: 'waste/stats', nav: 'wasteStats', load: () => import('./pages/StatsPage') },
  ],
};
