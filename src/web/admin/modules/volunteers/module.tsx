/** 志愿服务 in the admin web: the register, teams, the activity calendar, attendance and hours, rankings. */
import { CalendarOutlined, ClockCircleOutlined, TeamOutlined, TrophyOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

export const adminModule: AdminModule = {
  nav: [
    { key: 'volunteers', path: '/volunteers', icon: <UsergroupAddOutlined />, permission: ['volunteer.read'], group: 'volunteers', ns: 'volunteers', order: 10 },
    { key: 'volunteerTeams', path: '/volunteers/teams', icon: <TeamOutlined />, permission: ['volunteer.read'], group: 'volunteers', ns: 'volunteers', order: 20 },
    { key: 'volunteerActivities', path: '/volunteers/activities', icon: <CalendarOutlined />, permission: ['volunteer_activity.manage', 'volunteer.read'], group: 'volunteers', ns: 'volunteers', order: 30 },
    { key: 'volunteerHours', path: '/volunteers/hours', icon: <ClockCircleOutlined />, permission: ['volunteer_attendance.manage'], group: 'volunteers', ns: 'volunteers', order: 40 },
    { key: 'volunteerRankings', path: '/volunteers/rankings', icon: <TrophyOutlined />, permission: ['volunteer_hours.read'], group: 'volunteers', ns: 'volunteers', order: 50 },
  ],
  pages: [
    { path: 'volunteers', nav: 'volunteers', load: () => import('./pages/VolunteersPage') },
    { path: 'volunteers/teams', nav: 'volunteerTeams', load: () => import('./pages/TeamsPage') },
    { path: 'volunteers/activities', nav: 'volunteerActivities', load: () => import('./pages/ActivitiesPage') },
    { path: 'volunteers/activities/:id', nav: 'volunteerActivities', load: () => import('./pages/ActivityDetailPage') },
    { path: 'volunteers/hours', nav: 'volunteerHours', load: () => import('./pages/HoursPage') },
    { path: 'volunteers/rankings', nav: 'volunteerRankings', load: () => import('./pages/RankingsPage') },
  ],
};
