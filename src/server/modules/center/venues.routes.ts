import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import {
  BookingCreated,
  BookingListQuery,
  BookingView,
  CalendarQuery,
  CalendarView,
  CancelBookingBody,
  CreateBookingBody,
  CreateVenueBody,
  DecideBookingBody,
  UpdateVenueBody,
  VenueListQuery,
  VenueView,
} from './venues.schemas';
import type { VenuesService } from './venues.service';

export function venuesRoutes(app: App, venues: VenuesService): void {
  const tags = ['center: venues'];
  app.get('/venues', { schema: { tags, querystring: VenueListQuery, response: { 200: pageOf(VenueView) } }, config: { permission: 'venue.read' } },
    (req) => venues.list(actorOf(req), req.query));
  app.get('/venues/:id', { schema: { tags, params: IdParams, response: { 200: VenueView } }, config: { permission: 'venue.read' } },
    (req) => venues.get(actorOf(req), req.params.id));
  app.post('/venues', { schema: { tags, body: CreateVenueBody, response: { 201: VenueView } }, config: { permission: 'venue.manage' } },
    async (req, reply) => reply.status(201).send(await venues.create(actorOf(req), req.body)));
  app.patch('/venues/:id', { schema: { tags, params: IdParams, body: UpdateVenueBody, response: { 200: VenueView } }, config: { permission: 'venue.manage' } },
    (req) => venues.update(actorOf(req), req.params.id, req.body));
  app.get('/venue-calendar', { schema: { tags, querystring: CalendarQuery, response: { 200: CalendarView } }, config: { permission: 'venue.read' } },
    (req) => venues.calendar(actorOf(req), req.query));

  app.post('/venues/:id/bookings', { schema: { tags, params: IdParams, body: CreateBookingBody, response: { 201: BookingCreated } }, config: { permission: 'booking.create' } },
    async (req, reply) => reply.status(201).send(await venues.book(actorOf(req), req.params.id, req.body)));
  app.get('/venue-bookings', { schema: { tags, querystring: BookingListQuery, response: { 200: pageOf(BookingView) } }, config: { permission: ['booking.read', 'booking.create'] } },
    (req) => venues.listBookings(actorOf(req), req.query));
  app.post('/venue-bookings/:id/approve', { schema: { tags, params: IdParams, body: DecideBookingBody, response: { 200: BookingView } }, config: { permission: 'booking.approve' } },
    (req) => venues.transition(actorOf(req), req.params.id, 'approve', req.body));
  app.post('/venue-bookings/:id/reject', { schema: { tags, params: IdParams, body: DecideBookingBody, response: { 200: BookingView } }, config: { permission: 'booking.approve' } },
    (req) => venues.transition(actorOf(req), req.params.id, 'reject', req.body));
  app.post('/venue-bookings/:id/cancel', { schema: { tags, params: IdParams, body: CancelBookingBody, response: { 200: BookingView } }, config: { permission: ['booking.create', 'booking.approve'] } },
    (req) => venues.transition(actorOf(req), req.params.id, 'cancel', req.body));
}
