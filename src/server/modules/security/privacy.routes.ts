import { z } from 'zod';
import { Created, IdParams, Ok, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { ConsentService } from './consent.service';
import type { PrivacyService } from './privacy.service';
import {
  ConsentListQuery,
  ConsentPurposeParams,
  ConsentView,
  CreateGuardianLinkBody,
  CreatePrivacyRequestBody,
  GrantConsentBody,
  GuardianCandidateQuery,
  GuardianCandidateView,
  GuardianLinkListQuery,
  GuardianLinkView,
  HandlePrivacyRequestBody,
  MyDataView,
  PrivacyRequestListQuery,
  PrivacyRequestView,
  WardView,
  WithdrawConsentBody,
} from './security.schemas';

export function privacyRoutes(app: App, privacy: PrivacyService, consent: ConsentService): void {
  const tags = ['privacy'];
  const own = { permission: 'authenticated' } as const;

  // The resident's own data and requests.
  app.get('/me/privacy/data', { schema: { tags, response: { 200: MyDataView } }, config: own }, (req) => privacy.myData(actorOf(req), false));
  app.get('/me/privacy/data/download', { schema: { tags, response: { 200: MyDataView } }, config: own }, async (req, reply) => {
    const data = await privacy.myData(actorOf(req), true);
    reply.header('Content-Disposition', `attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`);
    return data;
  });
  app.get('/me/privacy/correction-requests', { schema: { tags, response: { 200: z.array(PrivacyRequestView) } }, config: own }, (req) => privacy.myRequests(actorOf(req)));
  app.post('/me/privacy/correction-requests', { schema: { tags, body: CreatePrivacyRequestBody, response: { 201: PrivacyRequestView } }, config: own },
    async (req, reply) => reply.status(201).send(await privacy.createRequest(actorOf(req), req.body)));

  app.get('/me/consents', { schema: { tags, querystring: ConsentListQuery, response: { 200: z.array(ConsentView) } }, config: own }, (req) => consent.list(actorOf(req), req.query.residentId));
  app.post('/me/consents', { schema: { tags, body: GrantConsentBody, response: { 200: z.array(ConsentView) } }, config: { ...own, idempotency: false } }, (req) => consent.grant(actorOf(req), req.body));
  app.post('/me/consents/:purpose/withdraw', { schema: { tags, params: ConsentPurposeParams, body: WithdrawConsentBody, response: { 200: z.array(ConsentView) } }, config: { ...own, idempotency: false } },
    (req) => consent.withdraw(actorOf(req), req.params.purpose, req.body.residentId));
  app.get('/me/wards', { schema: { tags, response: { 200: z.array(WardView) } }, config: own }, (req) => consent.wards(actorOf(req)));

  // Staff: correction requests and guardians.
  app.get('/privacy/correction-requests', { schema: { tags, querystring: PrivacyRequestListQuery, response: { 200: pageOf(PrivacyRequestView) } }, config: { permission: 'privacy_request.read' } },
    (req) => privacy.list(actorOf(req), req.query));
  app.get('/privacy/correction-requests/:id', { schema: { tags, params: IdParams, response: { 200: PrivacyRequestView } }, config: { permission: 'privacy_request.read' } },
    (req) => privacy.get(actorOf(req), req.params.id));
  app.post('/privacy/correction-requests/:id/resolve', { schema: { tags, params: IdParams, body: HandlePrivacyRequestBody, response: { 200: PrivacyRequestView } }, config: { permission: 'privacy_request.handle' } },
    (req) => privacy.resolve(actorOf(req), req.params.id, req.body));
  app.post('/privacy/correction-requests/:id/reject', { schema: { tags, params: IdParams, body: HandlePrivacyRequestBody, response: { 200: PrivacyRequestView } }, config: { permission: 'privacy_request.handle' } },
    (req) => privacy.reject(actorOf(req), req.params.id, req.body));

  app.get('/privacy/guardian-links', { schema: { tags, querystring: GuardianLinkListQuery, response: { 200: z.array(GuardianLinkView) } }, config: { permission: 'guardian_link.manage' } },
    (req) => consent.listGuardianLinks(actorOf(req), req.query));
  app.get('/privacy/guardian-candidates', { schema: { tags, querystring: GuardianCandidateQuery, response: { 200: z.array(GuardianCandidateView) } }, config: { permission: 'guardian_link.manage' } },
    (req) => consent.guardianCandidates(actorOf(req), req.query));
  app.post('/privacy/guardian-links', { schema: { tags, body: CreateGuardianLinkBody, response: { 201: Created } }, config: { permission: 'guardian_link.manage' } },
    async (req, reply) => reply.status(201).send(await consent.createGuardianLink(actorOf(req), req.body)));
  app.post('/privacy/guardian-links/:id/revoke', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { permission: 'guardian_link.manage', idempotency: false } }, async (req) => {
    await consent.revokeGuardianLink(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
