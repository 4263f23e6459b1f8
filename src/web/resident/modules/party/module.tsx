/** 党员之家 on the phone: this week's lecture with one big check-in button, service posts, points, report-in. */
import { FlagOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [{ key: 'party', path: '/party', icon: <FlagOutlined />, ns: 'party', color: 'red', permission: ['party_self.read', 'report_in.submit'], order: 10 }],
  pages: [
    { path: 'party', load: () => import('./PartyHomePage') },
    { path: 'party/lectures', load: () => import('./MyLecturesPage') },
    { path: 'party/posts', load: () => import('./PostsPage') },
    { path: 'party/points', load: () => import('./PointsPage') },
    { path: 'party/report-in', load: () => import('./ReportInPage') },
    { path: 'party/evaluations', load: () => import('./EvaluationsPage') },
  ],
};
