/** 民意诉求 in the admin web: the queue and ticket detail, statistics, categories and 领办督办 projects. */
import { AreaChartOutlined, FlagOutlined, InboxOutlined, TagsOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

export const adminModule: AdminModule = {
  nav: [
    { key: 'ticketQueue', path: '/tickets', icon: <InboxOutlined />, permission: ['ticket.read', 'ticket.work'], group: 'tickets', ns: 'tickets', order: 10 },
    { key: 'projects', path: '/projects', icon: <FlagOutlined />, permission: ['project.manage', 'project.progress', 'ticket.read'], group: 'tickets', ns: 'tickets', order: 20 },
    { key: 'ticketStats', path: '/tickets/stats', icon: <AreaChartOutlined />, permission: ['ticket.stats'], group: 'tickets', ns: 'tickets', order: 30 },
    { key: 'ticketCategories', path: '/tickets/categories', icon: <TagsOutlined />, permission: ['ticket.configure', 'ticket.handle'], group: 'tickets', ns: 'tickets', order: 40 },
  ],
  pages: [
    { path: 'tickets', nav: 'ticketQueue', load: () => import('./pages/QueuePage') },
    { path: 'tickets/stats', nav: 'ticketStats', load: () => import('./pages/StatsPage') },
    { path: 'tickets/categories', nav: 'ticketCategories', load: () => import('./pages/CategoriesPage') },
    { path: 'tickets/:id', nav: 'ticketQueue', load: () => import('./pages/TicketDetailPage') },
    { path: 'projects', nav: 'projects', load: () => import('./pages/ProjectsPage') },
  ],
};
