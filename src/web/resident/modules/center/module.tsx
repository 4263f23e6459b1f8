/** 邻里中心 on the phone: enroll in courses, sign up for events, order a meal, my center and ratings. */
import { CalendarOutlined, CoffeeOutlined, ReadOutlined, SmileOutlined } from '@ant-design/icons';
import type { ResidentModule } from '../../module-types';

export const residentModule: ResidentModule = {
  tiles: [
    { key: 'centerCourses', path: '/center/courses', icon: <ReadOutlined />, ns: 'center', color: 'blue', permission: ['enrollment.create'], order: 40 },
    { key: 'centerEvents', path: '/center/events', icon: <CalendarOutlined />, ns: 'center', color: 'orange', permission: ['event_signup.create'], order: 41 },
    { key: 'centerMeals', path: '/center/meals', icon: <CoffeeOutlined />, ns: 'center', color: 'green', permission: ['meal_order.create'], order: 42 },
    { key: 'centerMine', path: '/center/mine', icon: <SmileOutlined />, ns: 'center', color: 'purple', permission: ['enrollment.create', 'event_signup.create', 'meal_order.create'], order: 43 },
  ],
  pages: [
    { path: 'center/courses', load: () => import('./CoursesPage') },
    { path: 'center/events', load: () => import('./EventsPage') },
    { path: 'center/meals', load: () => import('./MealsPage') },
    { path: 'center/mine', load: () => import('./MinePage') },
  ],
};
