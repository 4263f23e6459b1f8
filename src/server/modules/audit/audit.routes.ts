import { pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { AuditEntryView, AuditListQuery, AuditVerifyView } from './audit.schemas';
import type { AuditService } from './audit.service';

export function auditRoutes(app: App, audit: AuditService): void {
  const tags = ['audit'];
  app.get('/audit-log', { schema: { tags, querystring: AuditListQuery, response: { 200: pageOf(AuditEntryView) } }, config: { permission: 'audit.read' } },
    (req) => audit.list(actorOf(req), req.query));
  app.get('/audit-log/verify', { schema: { tags, response: { 200: AuditVerifyView } }, config: { permission: 'audit.read' } },
    () => audit.verify());
}
