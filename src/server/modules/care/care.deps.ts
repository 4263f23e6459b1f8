/** What care needs from other modules (their services, wired in modules/index.ts). */
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PartnersService } from '../partners/partners.service';
import type { ServiceVisitsService } from '../service-visits/service-visits.service';

/** The uploads module's check that stored files exist, belong to the caller's community and may be attached. */
export interface UploadsPort {
  assertUsable(tx: Queryable, actor: Actor, ids: readonly string[], communityId: string): Promise<unknown>;
}

export interface CareDeps {
  serviceVisits: Pick<ServiceVisitsService, 'record'>;
  notifications: Pick<NotificationsService, 'notify'>;
  partners: Pick<PartnersService, 'unitsOfAccount'>;
  uploads: UploadsPort;
}

/** Photos, signatures and document scans are upload ids, checked by the uploads module in the caller's transaction. */
export async function assertUploads(deps: CareDeps, tx: Queryable, actor: Actor, ids: readonly (string | null | undefined)[], communityId: string): Promise<void> {
  const present = ids.filter((id): id is string => typeof id === 'string');
  if (present.length === 0) return;
  if (new Set(present).size !== present.length) throw new AppError('validation_failed', [{ field: 'body', code: 'duplicate_upload' }]);
  await deps.uploads.assertUsable(tx, actor, present, communityId);
}
