/** The neighborhood center's services, composed: venues first (courses and events hold rooms through it). */
import type { AppContext } from '../../context';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PartnersService } from '../partners/partners.service';
import type { ServiceVisitsService } from '../service-visits/service-visits.service';
import type { UploadsService } from '../uploads/uploads.service';
import { createAttendanceService } from './attendance.service';
import { createCanteenService } from './canteen.service';
import { createCoursesService } from './courses.service';
import { createEventsService } from './events.service';
import { createMealOrdersService } from './meal-orders.service';
import { createReportsService } from './reports.service';
import { createVenuesService } from './venues.service';

export interface CenterDeps {
  notifications: NotificationsService;
  partners: PartnersService;
  serviceVisits: ServiceVisitsService;
  uploads: UploadsService;
}

export function createCenterService(ctx: AppContext, deps: CenterDeps) {
  const venues = createVenuesService(ctx, deps);
  const courses = createCoursesService(ctx, { ...deps, venues });
  const attendance = createAttendanceService(ctx, deps);
  const events = createEventsService(ctx, { ...deps, venues });
  const canteens = createCanteenService(ctx);
  const mealOrders = createMealOrdersService(ctx, deps);
  const reports = createReportsService(ctx, { venues, mealOrders });
  return { venues, courses, attendance, events, canteens, mealOrders, reports };
}

export type CenterService = ReturnType<typeof createCenterService>;
