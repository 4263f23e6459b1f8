import { z } from 'zod';
import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { AlertsService } from './alerts.service';
import type { RetentionService } from './retention.service';
import { AcknowledgeAlertBody, AlertScanView, RetentionKindParams, RetentionPolicyView, RetentionRunView, SecurityAlertListQuery, SecurityAlertView, UpdateRetentionPolicyBody } from './security.schemas';

/** The security admin's desk: alerts on bulk reveals / exports, and the retention policy. */
export function monitoringRoutes(app: App, alerts: AlertsService, retention: RetentionService): void {
  const tags = ['security'];
  app.get('/security/alerts', { schema: { tags, querystring: SecurityAlertListQuery, response: { 200: pageOf(SecurityAlertView) } }, config: { permission: 'security_alert.read' } },
    (req) => alerts.list(actorOf(req), req.query));
  app.post('/security/alerts/scan', { schema: { tags, response: { 200: AlertScanView } }, config: { permission: 'security_alert.read', idempotency: false } },
    (req) => alerts.scan(actorOf(req)));
  app.post('/security/alerts/:id/acknowledge', { schema: { tags, params: IdParams, body: AcknowledgeAlertBody, response: { 200: SecurityAlertView } }, config: { permission: 'security_alert.manage' } },
    (req) => alerts.acknowledge(actorOf(req), req.params.id, req.body));

  app.get('/security/retention-policies', { schema: { tags, response: { 200: z.array(RetentionPolicyView) } }, config: { permission: 'retention.manage' } },
    () => retention.policies());
  app.patch('/security/retention-policies/:kind', { schema: { tags, params: RetentionKindParams, body: UpdateRetentionPolicyBody, response: { 200: RetentionPolicyView } }, config: { permission: 'retention.manage' } },
    (req) => retention.update(actorOf(req), req.params.kind, req.body));
  app.get('/security/retention-runs', { schema: { tags, response: { 200: z.array(RetentionRunView) } }, config: { permission: 'retention.manage' } },
    () => retention.runs());
  app.post('/security/retention-runs', { schema: { tags, response: { 201: RetentionRunView } }, config: { permission: 'retention.manage', idempotency: false } },
    async (req, reply) => reply.status(201).send(await retention.run(actorOf(req))));
}
