import type { App } from '../../platform/http/types';
import type { JobDefinition } from '../../platform/jobs';
import { mfaRoutes } from './mfa.routes';
import { monitoringRoutes } from './monitoring.routes';
import { privacyRoutes } from './privacy.routes';
import type { SecurityService } from './security.service';

export function securityRoutes(app: App, security: SecurityService): void {
  mfaRoutes(app, security.mfa);
  privacyRoutes(app, security.privacy, security.consent);
  monitoringRoutes(app, security.alerts, security.retention);
}

/** Both jobs are idempotent (deletes / anonymizes by condition; alerts upserted per hour), so a retry or a doubled tick does no harm. */
export function securityJobs(security: SecurityService): JobDefinition[] {
  return [
    { name: 'security.retention', cron: '37 3 * * *', handler: async () => void (await security.retention.run()) },
    { name: 'security.alert_scan', cron: '*/5 * * * *', handler: async () => void (await security.alerts.scan()) },
  ];
}
