/** 困难帮扶 in the admin web: overview, care files, applications with their step bar, the notice board, consolations, wishes, birthdays. */
import { BarChartOutlined, CoffeeOutlined, FileTextOutlined, FolderOpenOutlined, GiftOutlined, HeartOutlined, NotificationOutlined, SmileOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

const applications = ['assistance.read', 'assistance.create', 'assistance.community_review', 'assistance.street_review'];

export const adminModule: AdminModule = {
  nav: [
    { key: 'careOverview', path: '/care', icon: <BarChartOutlined />, permission: ['care_stats.read'], group: 'care', ns: 'care', order: 10 },
    { key: 'careFiles', path: '/care/files', icon: <FolderOpenOutlined />, permission: ['care_file.read'], group: 'care', ns: 'care', order: 20 },
    { key: 'careApplications', path: '/care/applications', icon: <FileTextOutlined />, permission: applications, group: 'care', ns: 'care', order: 30 },
    { key: 'careNotices', path: '/care/notices', icon: <NotificationOutlined />, permission: applications, group: 'care', ns: 'care', order: 40 },
    { key: 'careServices', path: '/care/services', icon: <CoffeeOutlined />, permission: ['care_service.read'], group: 'care', ns: 'care', order: 45 },
    { key: 'careConsolations', path: '/care/consolations', icon: <GiftOutlined />, permission: ['consolation.read', 'consolation.handover'], group: 'care', ns: 'care', order: 50 },
    { key: 'careWishes', path: '/care/wishes', icon: <HeartOutlined />, permission: ['wish.manage'], group: 'care', ns: 'care', order: 60 },
    { key: 'careBirthdays', path: '/care/birthdays', icon: <SmileOutlined />, permission: ['care_birthday.read'], group: 'care', ns: 'care', order: 70 },
  ],
  pages: [
    { path: 'care', nav: 'careOverview', load: () => import('./pages/OverviewPage') },
    { path: 'care/files', nav: 'careFiles', load: () => import('./pages/CareFilesPage') },
    { path: 'care/files/:id', nav: 'careFiles', load: () => import('./pages/CareFilePage') },
    { path: 'care/applications', nav: 'careApplications', load: () => import('./pages/ApplicationsPage') },
    { path: 'care/applications/:id', nav: 'careApplications', load: () => import('./pages/ApplicationPage') },
    { path: 'care/notices', nav: 'careNotices', load: () => import('./pages/NoticeBoardPage') },
    { path: 'care/services', nav: 'careServices', load: () => import('./pages/CareServicesPage') },
    { path: 'care/consolations', nav: 'careConsolations', load: () => import('./pages/ConsolationsPage') },
    { path: 'care/wishes', nav: 'careWishes', load: () => import('./pages/WishesPage') },
    { path: 'care/birthdays', nav: 'careBirthdays', load: () => import('./pages/BirthdaysPage') },
  ],
};
