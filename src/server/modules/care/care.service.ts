/** The care module's services, composed from its parts; other modules reach care only through this. */
import type { AppContext } from '../../context';
import type { CareDeps } from './care.deps';
import { createAssistanceService } from './assistance.service';
import { createCareFilesService } from './care-files.service';
import { createCareReportsService } from './care-reports.service';
import { createCareServicesService } from './care-services.service';
import { createConsolationsService } from './consolations.service';
import { runCareReminders } from './care.jobs';
import { createWishesService } from './wishes.service';

export function createCareService(ctx: AppContext, deps: CareDeps) {
  return {
    files: createCareFilesService(ctx),
    reports: createCareReportsService(ctx),
    assistance: createAssistanceService(ctx, deps),
    services: createCareServicesService(ctx, deps),
    consolations: createConsolationsService(ctx, deps),
    wishes: createWishesService(ctx, deps),
    runReminders: (now?: Date) => runCareReminders(ctx, deps, now),
  };
}

export type CareService = ReturnType<typeof createCareService>;
