import type { App } from '../../platform/http/types';
import { partyActivityRoutes } from './party-activity.routes';
import { partyPeopleRoutes } from './party-people.routes';
import type { PartyService } from './party.service';

export function partyRoutes(app: App, party: PartyService): void {
  partyPeopleRoutes(app, party);
  partyActivityRoutes(app, party);
}
