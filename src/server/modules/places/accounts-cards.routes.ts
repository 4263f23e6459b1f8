/** Resident app accounts (staff-issued and self-registered) and contact cards. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { PlacesService } from './places.service';
import { ActivateBody, IssueAccountBody, IssuedAccountView, MyHouseholdView, RegisterBody, RegisteredView, RequestCodeBody, RequestCodeView } from './resident-accounts.schemas';

const CardQuery = z.strictObject({ format: z.enum(['html', 'pdf']).default('html'), withCodes: z.enum(['true', 'false']).transform((v) => v === 'true').default(false) });
const BuildingCardQuery = z.strictObject({ format: z.enum(['html', 'pdf']).default('html') });
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;


export function accountsCardsRoutes(app: App, places: PlacesService): void {
  const tags = ['places'];
  const { accounts, cards } = places;

  app.post('/residents/:id/account', { schema: { tags, params: IdParams, body: IssueAccountBody, response: { 201: IssuedAccountView } }, config: { permission: 'resident_account.manage', idempotency: false } },
    async (req, reply) => reply.status(201).send(await accounts.issue(actorOf(req), req.params.id, req.body)));

  const limited = (max: number) => ({ permission: 'public' as const, idempotency: false, rateLimit: { max, timeWindow: 60_000 } });
  app.post('/resident-accounts/activate', { schema: { tags, body: ActivateBody, response: { 200: Ok } }, config: limited(10) }, async (req) => {
    await accounts.activate(req.body, req.ip);
    return { ok: true as const };
  });
  app.post('/registration/code', { schema: { tags, body: RequestCodeBody, response: { 200: RequestCodeView } }, config: limited(10) },
    (req) => accounts.requestCode(req.body.phone, req.ip));
  // Guessing is bounded per code (five tries) as well; this only slows a flood.
  app.post('/registration', { schema: { tags, body: RegisterBody, response: { 201: RegisteredView } }, config: limited(30) },
    async (req, reply) => reply.status(201).send(await accounts.register(req.body, req.ip)));

  app.get('/households/:id/contact-card', { schema: { tags, params: IdParams, querystring: CardQuery }, config: { permission: 'household.read' } }, async (req, reply) => {
    const out = await cards.household(actorOf(req), req.params.id, { format: req.query.format, withCodes: req.query.withCodes, origin: origin(req) });
    return reply.type(out.type).send(out.body);
  });
  app.get('/buildings/:id/contact-cards', { schema: { tags, params: IdParams, querystring: BuildingCardQuery }, config: { permission: 'household.read' } }, async (req, reply) => {
    const out = await cards.building(actorOf(req), req.params.id, { format: req.query.format, origin: origin(req) });
    return reply.type(out.type).send(out.body);
  });
  app.get('/me/household', { schema: { tags, response: { 200: MyHouseholdView } }, config: { permission: 'authenticated' } }, async (req) => {
    const { codes: _codes, ...card } = await cards.mine(actorOf(req), origin(req));
    return card;
  });
}
