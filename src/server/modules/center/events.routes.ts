import { z } from 'zod';
import { IdParams, pageOf, Uuid } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { CheckInBody, CreatedEvents, CreateEventBody, EventListQuery, EventView, SignupBody, SignupListQuery, SignupView, UpdateEventBody } from './events.schemas';
import type { EventsService } from './events.service';

const PhotoParams = z.strictObject({ id: Uuid, uploadId: Uuid });

export function eventsRoutes(app: App, events: EventsService): void {
  const tags = ['center: events'];
  app.get('/events', { schema: { tags, querystring: EventListQuery, response: { 200: pageOf(EventView) } }, config: { permission: 'event.read' } },
    (req) => events.list(actorOf(req), req.query));
  app.get('/events/:id', { schema: { tags, params: IdParams, response: { 200: EventView } }, config: { permission: 'event.read' } },
    (req) => events.get(actorOf(req), req.params.id));
  app.post('/events', { schema: { tags, body: CreateEventBody, response: { 201: CreatedEvents } }, config: { permission: 'event.manage' } },
    async (req, reply) => reply.status(201).send(await events.create(actorOf(req), req.body)));
  app.patch('/events/:id', { schema: { tags, params: IdParams, body: UpdateEventBody, response: { 200: EventView } }, config: { permission: 'event.manage' } },
    (req) => events.update(actorOf(req), req.params.id, req.body));
  app.post('/events/:id/cancel', { schema: { tags, params: IdParams, response: { 200: EventView } }, config: { permission: 'event.manage' } },
    (req) => events.cancel(actorOf(req), req.params.id));
  app.get('/events/:id/photos/:uploadId', { schema: { tags, params: PhotoParams }, config: { permission: 'event.read' } }, async (req, reply) => {
    const { upload, object } = await events.photo(actorOf(req), req.params.id, req.params.uploadId);
    return reply.type(upload.mime).header('Content-Length', String(object.bytes)).header('Content-Disposition', 'inline').send(object.stream);
  });

  app.get('/events/:id/signups', { schema: { tags, params: IdParams, querystring: SignupListQuery, response: { 200: pageOf(SignupView) } }, config: { permission: 'event_signup.read' } },
    (req) => events.signups(actorOf(req), req.params.id, req.query));
  app.post('/events/:id/signups', { schema: { tags, params: IdParams, body: SignupBody, response: { 201: SignupView } }, config: { permission: 'event_signup.create' } },
    async (req, reply) => reply.status(201).send(await events.signUp(actorOf(req), req.params.id, req.body)));
  app.post('/event-signups/:id/cancel', { schema: { tags, params: IdParams, response: { 200: SignupView } }, config: { permission: ['event_signup.create', 'event.manage'] } },
    (req) => events.cancelSignup(actorOf(req), req.params.id));
  app.post('/events/:id/check-ins', { schema: { tags, params: IdParams, body: CheckInBody, response: { 201: SignupView } }, config: { permission: 'event.check_in' } },
    async (req, reply) => reply.status(201).send(await events.checkIn(actorOf(req), req.params.id, req.body)));
}
