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
