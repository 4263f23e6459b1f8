import { Created, IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { ConfirmWishBody, FulfilWishBody, PostWishBody, ReviewWishBody, WishListQuery, WishView, WishWallItem, WishWallQuery } from './wishes.schemas';
import type { CareService } from './care.service';

const access = ['wish.read', 'wish.manage', 'wish.post', 'wish.claim'] as const;

export function wishesRoutes(app: App, care: CareService): void {
  const tags = ['care'];
  const { wishes } = care;
  app.get('/wishes', { schema: { tags, querystring: WishListQuery, response: { 200: pageOf(WishView) } }, config: { permission: access } },
    (req) => wishes.list(actorOf(req), req.query));
  app.post('/wishes', { schema: { tags, body: PostWishBody, response: { 201: Created } }, config: { permission: ['wish.post', 'wish.manage'] } },
    async (req, reply) => reply.status(201).send(await wishes.post(actorOf(req), req.body)));
  app.get('/wishes/:id', { schema: { tags, params: IdParams, response: { 200: WishView } }, config: { permission: access } },
    (req) => wishes.get(actorOf(req), req.params.id));
  app.post('/wishes/:id/review', { schema: { tags, params: IdParams, body: ReviewWishBody, response: { 200: WishView } }, config: { permission: 'wish.manage', idempotency: false } },
    (req) => wishes.review(actorOf(req), req.params.id, req.body));
  app.post('/wishes/:id/claim', { schema: { tags, params: IdParams, response: { 200: WishView } }, config: { permission: 'wish.claim' } },
    (req) => wishes.claim(actorOf(req), req.params.id));
  app.post('/wishes/:id/fulfil', { schema: { tags, params: IdParams, body: FulfilWishBody, response: { 200: WishView } }, config: { permission: access } },
    (req) => wishes.fulfil(actorOf(req), req.params.id, req.body));
  app.post('/wishes/:id/confirm', { schema: { tags, params: IdParams, body: ConfirmWishBody, response: { 200: WishView } }, config: { permission: access } },
    (req) => wishes.confirm(actorOf(req), req.params.id, req.body));
  app.get('/wish-wall', { schema: { tags, querystring: WishWallQuery, response: { 200: pageOf(WishWallItem) } }, config: { permission: 'public' } },
    (req) => wishes.wall(req.query));
}
