/**
 * 邻里中心 in the admin web: venues and bookings, courses, events by theme, the canteen, figures.
 * Entries need the staff side of a permission (bookings, enrollments, signups …): roles that may
 * only browse the center (grid workers, volunteers) use the resident app for that.
 */
import { BarChartOutlined, CalendarOutlined, CoffeeOutlined, FlagOutlined, ReadOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../module-types';

export const adminModule: AdminModule = {
  nav: [
    { key: 'centerVenues', path: '/center/venues', icon: <CalendarOutlined />, permission: ['booking.read', 'venue.manage'], group: 'center', ns: 'center', order: 10 },
    { key: 'centerCourses', path: '/center/courses', icon: <ReadOutlined />, permission: ['enrollment.read', 'course.manage'], group: 'center', ns: 'center', order: 20 },
    { key: 'centerEvents', path: '/center/events', icon: <FlagOutlined />, permission: ['event_signup.read', 'event.manage'], group: 'center', ns: 'center', order: 30 },
    { key: 'centerCanteen', path: '/center/canteen', icon: <CoffeeOutlined />, permission: ['meal_order.read'], group: 'center', ns: 'center', order: 40 },
    { key: 'centerStats', path: '/center/stats', icon: <BarChartOutlined />, permission: ['center_stats.read'], group: 'center', ns: 'center', order: 50 },
  ],
  pages: [
    { path: 'center/venues', nav: 'centerVenues', load: () => import('./pages/VenuesPage') },
    { path: 'center/courses', nav: 'centerCourses', load: () => import('./pages/CoursesPage') },
    { path: 'center/events', nav: 'centerEvents', load: () => import('./pages/EventsPage') },
    { path: 'center/canteen', nav: 'centerCanteen', load: () => import('./pages/CanteenPage') },
    { path: 'center/stats', nav: 'centerStats', load: () => import('./pages/StatsPage') },
  ],
};
