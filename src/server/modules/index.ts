/**
 * The table of contents of the server: which modules exist, their policies, how their services
 * are composed (explicitly, in dependency order) and where their routes and jobs are registered.
 */
import type { AppContext } from '../context';
import type { ModulePolicy } from '../platform/auth/roles';
import type { App } from '../platform/http/types';
import type { JobDefinition } from '../platform/jobs';
import { accountsPolicy } from './accounts/accounts.policy';
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
import { orgsRoutes } from './orgs/orgs.routes';
import { createOrgsService } from './orgs/orgs.service';
import { partnersPolicy } from './partners/partners.policy';
import { partnersRoutes } from './partners/partners.routes';
import { createPartnersService } from './partners/partners.service';
import { serviceVisitsPolicy } from './service-visits/service-visits.policy';
import { serviceVisitsRoutes } from './service-visits/service-visits.routes';
import { createServiceVisitsService } from './service-visits/service-visits.service';
import { createMaintenanceJobs } from './system/system.jobs';
import { systemRoutes } from './system/system.routes';

export const policies: readonly ModulePolicy[] = [
  authPolicy,
  orgsPolicy,
  accountsPolicy,
  auditPolicy,
  notificationsPolicy,
  serviceVisitsPolicy,
  partnersPolicy,
];

export function createServices(ctx: AppContext) {
  const notifications = createNotificationsService(ctx);
  const auth = createAuthService(ctx);
  const orgs = createOrgsService(ctx);
  const accounts = createAccountsService(ctx, { orgs });
  const audit = createAuditService(ctx);
  const serviceVisits = createServiceVisitsService(ctx);
  const partners = createPartnersService(ctx);
  return {
    notifications,
    auth,
    orgs,
    accounts,
    audit,
    serviceVisits,
    partners,
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
  serviceVisitsRoutes(app, services.serviceVisits);
  partnersRoutes(app, services.partners);
}

export function jobDefinitions(ctx: AppContext, _services: Services): JobDefinition<never>[] {
  return [...createMaintenanceJobs(ctx)] as JobDefinition<never>[];
}
