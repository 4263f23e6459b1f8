/** 民意诉求 on the phone: report in three taps (also by photo), follow and rate my tickets, see 领办督办 projects. */
import { CameraOutlined, FileTextOutlined, FlagOutlined, FormOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

const filing = ['ticket.create'] as const;

export const residentModule: ResidentModule = {
  tiles: [
    { key: 'report', path: '/report', icon: <FormOutlined />, ns: 'tickets', color: 'red', permission: filing, order: 10 },
    { key: 'snap', path: '/report?snap=1', icon: <CameraOutlined />, ns: 'tickets', color: 'orange', permission: filing, order: 11 },
    { key: 'myTickets', path: '/tickets', icon: <FileTextOutlined />, ns: 'tickets', color: 'blue', permission: filing, order: 12 },
    { key: 'projects', path: '/projects', icon: <FlagOutlined />, ns: 'tickets', color: 'purple', permission: ['project.read'], order: 13 },
  ],
  pages: [
    { path: 'report', load: () => import('./ReportPage') },
    { path: 'tickets', load: () => import('./MyTicketsPage') },
    { path: 'tickets/:id', load: () => import('./TicketPage') },
    { path: 'projects', load: () => import('./ProjectsPage') },
    { path: 'projects/:id', load: () => import('./ProjectPage') },
  ],
};
