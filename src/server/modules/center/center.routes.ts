import type { App } from '../../platform/http/types';
import type { CenterService } from './center.service';
import { canteenRoutes } from './canteen.routes';
import { coursesRoutes } from './courses.routes';
import { eventsRoutes } from './events.routes';
import { reportsRoutes } from './reports.routes';
import { venuesRoutes } from './venues.routes';

export function centerRoutes(app: App, center: CenterService): void {
  venuesRoutes(app, center.venues);
  coursesRoutes(app, center.courses, center.attendance);
  eventsRoutes(app, center.events);
  canteenRoutes(app, center.canteens, center.mealOrders);
  reportsRoutes(app, center.reports);
}
