/** Every care route, registered under /api/v1 (the parts read as a table of contents each). */
import type { App } from '../../platform/http/types';
import { assistanceRoutes } from './assistance.routes';
import { careFilesRoutes } from './care-files.routes';
import { careServicesRoutes } from './care-services.routes';
import type { CareService } from './care.service';
import { consolationsRoutes } from './consolations.routes';
import { wishesRoutes } from './wishes.routes';

export function careRoutes(app: App, care: CareService): void {
  careFilesRoutes(app, care);
  assistanceRoutes(app, care);
  careServicesRoutes(app, care);
  consolationsRoutes(app, care);
  wishesRoutes(app, care);
}
