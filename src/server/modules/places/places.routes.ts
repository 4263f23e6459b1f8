/** Every route of places and people, by area. */
import type { App } from '../../platform/http/types';
import { accountsCardsRoutes } from './accounts-cards.routes';
import { gridsRoutes } from './grids.routes';
import type { PlacesService } from './places.service';
import { residentsIoRoutes } from './residents.io.routes';
import { residentsRoutes } from './residents.routes';
import { visitsRoutes } from './visits.routes';

export function placesRoutes(app: App, places: PlacesService): void {
  gridsRoutes(app, places);
  residentsIoRoutes(app, places);
  residentsRoutes(app, places);
  visitsRoutes(app, places);
  accountsCardsRoutes(app, places);
}
