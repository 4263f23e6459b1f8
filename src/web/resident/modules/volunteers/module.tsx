/** 志愿服务 on the phone: register, sign up, scan in and out, hours, stars and certificate; organizers show the code. */
import { HeartOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [
    { key: 'volunteers', path: '/volunteers', icon: <HeartOutlined />, ns: 'volunteers', color: 'red', permission: ['volunteer.register', 'volunteer.self'], order: 30 },
    { key: 'volunteerOrganize', path: '/volunteers/organize', icon: <QrcodeOutlined />, ns: 'volunteers', color: 'orange', permission: ['volunteer_attendance.manage'], order: 31 },
  ],
  pages: [
    { path: 'volunteers', load: () => import('./VolunteerHomePage') },
    { path: 'volunteers/register', load: () => import('./RegisterPage') },
    { path: 'volunteers/activities', load: () => import('./ActivitiesPage') },
    { path: 'volunteers/activities/:id', load: () => import('./ActivityPage') },
    { path: 'volunteers/scan', load: () => import('./ScanPage') },
    { path: 'volunteers/me', load: () => import('./MyHoursPage') },
    { path: 'volunteers/organize', load: () => import('./OrganizePage') },
    { path: 'volunteers/organize/:id', load: () => import('./OrganizeQrPage') },
  ],
};
