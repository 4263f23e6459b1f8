/** 党建 in the admin web: org tree and members, report-ins, service posts, micro-lectures, evaluations, joint meetings. */
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, DashboardOutlined, FlagOutlined, LikeOutlined, TeamOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';
import './party.css';

export const adminModule: AdminModule = {
  nav: [
    { key: 'partyOrgs', path: '/party/orgs', icon: <ApartmentOutlined />, permission: ['party_org.read'], group: 'party', ns: 'party', order: 10 },
    { key: 'partyReportIns', path: '/party/report-ins', icon: <AuditOutlined />, permission: ['report_in.read'], group: 'party', ns: 'party', order: 20 },
    { key: 'partyPosts', path: '/party/posts', icon: <FlagOutlined />, permission: ['service_post.read'], group: 'party', ns: 'party', order: 30 },
    { key: 'partyLectures', path: '/party/lectures', icon: <CalendarOutlined />, permission: ['micro_lecture.read'], group: 'party', ns: 'party', order: 40 },
    { key: 'partyEvaluations', path: '/party/evaluations', icon: <LikeOutlined />, permission: ['evaluation.read'], group: 'party', ns: 'party', order: 50 },
    { key: 'partyMeetings', path: '/party/meetings', icon: <TeamOutlined />, permission: ['joint_meeting.read'], group: 'party', ns: 'party', order: 60 },
    { key: 'partyOverview', path: '/party/overview', icon: <DashboardOutlined />, permission: ['party_stats.read'], group: 'party', ns: 'party', order: 70 },
  ],
  pages: [
    { path: 'party/orgs', nav: 'partyOrgs', load: () => import('./pages/OrgsPage') },
    { path: 'party/report-ins', nav: 'partyReportIns', load: () => import('./pages/ReportInsPage') },
    { path: 'party/posts', nav: 'partyPosts', load: () => import('./pages/PostsPage') },
    { path: 'party/lectures', nav: 'partyLectures', load: () => import('./pages/LecturesPage') },
    { path: 'party/evaluations', nav: 'partyEvaluations', load: () => import('./pages/EvaluationsPage') },
    { path: 'party/meetings', nav: 'partyMeetings', load: () => import('./pages/MeetingsPage') },
    { path: 'party/overview', nav: 'partyOverview', load: () => import('./pages/OverviewPage') },
  ],
};
