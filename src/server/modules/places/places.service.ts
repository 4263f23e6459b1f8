/** Places and people: the sub-services of the module, composed once and handed to routes and other modules. */
import type { AppContext } from '../../context';
import type { NotificationsService } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { UploadsService } from '../uploads/uploads.service';
import { createBuildingsService } from './buildings.service';
import { createCardsService } from './cards.service';
import { createGridsService } from './grids.service';
import { createHouseholdsService } from './households.service';
import { createExportService } from './residents.export';
import { createImportService } from './residents.import';
import { createResidentsService } from './residents.service';
import { createResidentAccountsService, type VerificationChannel } from './resident-accounts.service';
import { createRevealsService } from './reveals.service';
import { createVisitsService } from './visits.service';

export interface PlacesDeps {
  orgs: OrgsService;
  notifications: NotificationsService;
  uploads: UploadsService;
  /** SMS gateway for verification codes; without one, demo mode logs the code. */
  verificationChannel?: VerificationChannel;
}

export function createPlacesService(ctx: AppContext, deps: PlacesDeps) {
  const residents = createResidentsService(ctx);
  const accounts = createResidentAccountsService(ctx, { channel: deps.verificationChannel });
  return {
    grids: createGridsService(ctx, deps),
    buildings: createBuildingsService(ctx, deps),
    households: createHouseholdsService(ctx),
    residents,
    reveals: createRevealsService(ctx, deps),
    imports: createImportService(ctx, deps),
    exports: createExportService(ctx, { residents }),
    accounts,
    cards: createCardsService(ctx, { accounts }),
    visits: createVisitsService(ctx, deps),
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
