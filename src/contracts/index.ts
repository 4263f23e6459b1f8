/**
 * The API's shapes, shared by the server (validation, OpenAPI) and the web apps (types, forms).
 * Each module's schemas live next to its routes and are re-exported here; everything here is pure
 * zod and TypeScript, safe to bundle into the browser.
 */
export * from './common';
export * as auth from '../server/modules/auth/auth.schemas';
export * as orgs from '../server/modules/orgs/orgs.schemas';
export * as accounts from '../server/modules/accounts/accounts.schemas';
export * as audit from '../server/modules/audit/audit.schemas';
export * as notifications from '../server/modules/notifications/notifications.schemas';
export { builtinRoles, roleKeys, type RoleKey } from '../server/platform/auth/roles';
export * as serviceVisits from '../server/modules/service-visits/service-visits.schemas';
export * as partners from '../server/modules/partners/partners.schemas';
export * as uploads from '../server/modules/uploads/uploads.schemas';
export * as waste from '../server/modules/waste/waste.schemas';
export * as places from '../server/modules/places/places.schemas';
export * as volunteers from '../server/modules/volunteers/volunteers.schemas';
export * as party from '../server/modules/party/party.schemas';
export * as care from '../server/modules/care/care.schemas';
export * as stats from '../server/modules/stats/stats.schemas';
export * as tickets from '../server/modules/tickets/tickets.schemas';
export * as projects from '../server/modules/tickets/projects.schemas';
export * as center from '../server/modules/center/center.schemas';
export * as security from '../server/modules/security/security.schemas';
