/**
 * The table of contents of the server: which modules exist, their policies, how their services
 * are composed (explicitly, in dependency order) and where their routes and jobs are registered.
 */
import type { AppContext } from '../context';
import type { ModulePolicy } from '../platform/auth/roles';
import type { App } from '../platform/http/types';
import type { JobDefinition } from '../platform/jobs';
import { accountsPolicy } from './accounts/accounts.policy';
import { createCareJobs } from './care/care.jobs';
import { carePolicy } from './care/care.policy';
import { careRoutes } from './care/care.routes';
import { createCareService } from './care/care.service';
import { accountsRoutes } from './accounts/accounts.routes';
import { createAccountsService } from './accounts/accounts.service';
import { auditPolicy } from './audit/audit.policy';
import { auditRoutes } from './audit/audit.routes';
import { createAuditService } from './audit/audit.service';
import { authPolicy } from './auth/auth.policy';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { notificationsPolicy } from './notifications/notifications.policy';
import { notificationsRoutes } from './notifications/notifications.routes';
import { createNotificationsService } from './notifications/notifications.service';
import { orgsPolicy } from './orgs/orgs.policy';
import { createPartyJobs } from './party/party.jobs';
import { partyPolicy } from './party/party.policy';
import { partyRoutes } from './party/party.routes';
import { createPartyService } from './party/party.service';
import { placesPolicy } from './places/places.policy';
import { placesRoutes } from './places/places.routes';
import { createPlacesService } from './places/places.service';
import { orgsRoutes } from './orgs/orgs.routes';
import { createOrgsService } from './orgs/orgs.service';
import { partnersPolicy } from './partners/partners.policy';
import { partnersRoutes } from './partners/partners.routes';
import { createPartnersService } from './partners/partners.service';
import { serviceVisitsPolicy } from './service-visits/service-visits.policy';
import { serviceVisitsRoutes } from './service-visits/service-visits.routes';
import { createServiceVisitsService } from './service-visits/service-visits.service';
import { coreIndicators } from './stats/stats.indicators';
import { moduleIndicators } from './stats/stats.module-indicators';
import { statsPolicy } from './stats/stats.policy';
import { statsRoutes } from './stats/stats.routes';
import { createStatsService } from './stats/stats.service';
import { createMaintenanceJobs } from './system/system.jobs';
import { wastePolicy } from './waste/waste.policy';
import { wasteJobs, wasteRoutes } from './waste/waste.routes';
import { createWasteService } from './waste/waste.service';
import { projectsRoutes } from './tickets/projects.routes';
import { createTicketsModule } from './tickets/tickets.module';
import { ticketsPolicy } from './tickets/tickets.policy';
import { ticketsRoutes } from './tickets/tickets.routes';
import { uploadsPolicy } from './uploads/uploads.policy';
import { uploadsRoutes } from './uploads/uploads.routes';
import { createUploadsService } from './uploads/uploads.service';
import { systemRoutes } from './system/system.routes';
import { securityPolicy } from './security/security.policy';
import { securityJobs, securityRoutes } from './security/security.routes';
import { createSecurityService } from './security/security.service';
import { centerPolicy } from './center/center.policy';
import { centerRoutes } from './center/center.routes';
import { createCenterService } from './center/center.service';
import { volunteerActivitiesRoutes } from './volunteers/volunteer-activities.routes';
import { volunteersPolicy } from './volunteers/volunteers.policy';
import { volunteersRoutes } from './volunteers/volunteers.routes';
import { createVolunteersService } from './volunteers/volunteers.service';

export const policies: readonly ModulePolicy[] = [
  authPolicy,
  orgsPolicy,
  accountsPolicy,
  auditPolicy,
  notificationsPolicy,
  partyPolicy,
  placesPolicy,
  serviceVisitsPolicy,
  partnersPolicy,
  securityPolicy,
  wastePolicy,
  statsPolicy,
  uploadsPolicy,
  ticketsPolicy,
  centerPolicy,
  volunteersPolicy,
  carePolicy,
];

export function createServices(ctx: AppContext) {
  const notifications = createNotificationsService(ctx);
  const auth = createAuthService(ctx);
  const orgs = createOrgsService(ctx);
  const accounts = createAccountsService(ctx, { orgs });
  const party = createPartyService(ctx, { orgs, notifications });
  const audit = createAuditService(ctx);
  const serviceVisits = createServiceVisitsService(ctx);
  const partners = createPartnersService(ctx);
  const waste = createWasteService(ctx);
  const stats = createStatsService(ctx, [...coreIndicators, ...moduleIndicators]);
  const uploads = createUploadsService(ctx);
  const tickets = createTicketsModule(ctx, { notifications, uploads });
  const places = createPlacesService(ctx, { orgs, notifications, uploads });
  const center = createCenterService(ctx, { notifications, partners, serviceVisits, uploads });
  const security = createSecurityService(ctx, { accounts, notifications, auth });
  const volunteers = createVolunteersService(ctx, { notifications, partners, serviceVisits, party });
  const care = createCareService(ctx, { notifications, partners, serviceVisits, uploads });
  return {
    party,
    security,
    notifications,
    auth,
    orgs,
    accounts,
    audit,
    serviceVisits,
    partners,
    waste,
    stats,
    uploads,
    tickets,
    places,
    center,
    volunteers,
    care,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Registered under /api/v1. */
export function registerRoutes(app: App, ctx: AppContext, services: Services): void {
  systemRoutes(app, ctx);
  authRoutes(app, services.auth, { loginRateLimit: ctx.config.loginRateLimit });
  orgsRoutes(app, services.orgs);
  accountsRoutes(app, services.accounts);
  auditRoutes(app, services.audit);
  notificationsRoutes(app, services.notifications);
  partyRoutes(app, services.party);
  serviceVisitsRoutes(app, services.serviceVisits);
  partnersRoutes(app, services.partners);
  securityRoutes(app, services.security);
  wasteRoutes(app, services.waste);
  statsRoutes(app, services.stats);
  uploadsRoutes(app, services.uploads);
  ticketsRoutes(app, services.tickets);
  projectsRoutes(app, services.tickets);
  placesRoutes(app, services.places);
  centerRoutes(app, services.center);
  volunteersRoutes(app, services.volunteers);
  volunteerActivitiesRoutes(app, services.volunteers);
  careRoutes(app, services.care);
}

export function jobDefinitions(ctx: AppContext, services: Services): JobDefinition<never>[] {
  return [...createMaintenanceJobs(ctx), ...services.places.visits.jobs(), ...createPartyJobs(services.party), ...wasteJobs(services.waste), ...securityJobs(services.security), ...createCareJobs(services.care), ...services.tickets.jobs.definitions()] as JobDefinition<never>[];
}
