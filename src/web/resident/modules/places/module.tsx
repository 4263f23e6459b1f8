/** 走访 on the grid worker's phone: who is due or overdue (1 tap), a person (2), kind and 提交 (3). */
import { SolutionOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [{ key: 'visits', path: '/visits', icon: <SolutionOutlined />, ns: 'places', color: 'green', permission: ['visit.create'], order: 5 }],
  pages: [
    { path: 'visits', load: () => import('./DueVisitsPage') },
    { path: 'visits/new', load: () => import('./VisitFormPage') },
  ],
};
