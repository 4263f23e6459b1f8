import { z } from 'zod';
import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import {
  CanteenListQuery,
  CanteenView,
  CreateCanteenBody,
  CreateMealOrderBody,
  CreateMenuBody,
  CreateSubsidyRuleBody,
  MealOrderListQuery,
  MealOrderView,
  MenuListQuery,
  MenuView,
  QuoteQuery,
  QuoteView,
  StatementQuery,
  SubsidyRuleView,
  SubsidyStatement,
  UpdateCanteenBody,
  UpdateMenuBody,
  UpdateSubsidyRuleBody,
} from './canteen.schemas';
import type { CanteenService } from './canteen.service';
import type { MealOrdersService } from './meal-orders.service';

export function canteenRoutes(app: App, canteens: CanteenService, orders: MealOrdersService): void {
  const tags = ['center: canteen'];
  app.get('/canteens', { schema: { tags, querystring: CanteenListQuery, response: { 200: z.array(CanteenView) } }, config: { permission: 'canteen.read' } },
    (req) => canteens.list(actorOf(req), req.query));
  app.get('/canteens/:id', { schema: { tags, params: IdParams, response: { 200: CanteenView } }, config: { permission: 'canteen.read' } },
    (req) => canteens.get(actorOf(req), req.params.id));
  app.post('/canteens', { schema: { tags, body: CreateCanteenBody, response: { 201: CanteenView } }, config: { permission: 'canteen.manage' } },
    async (req, reply) => reply.status(201).send(await canteens.create(actorOf(req), req.body)));
  app.patch('/canteens/:id', { schema: { tags, params: IdParams, body: UpdateCanteenBody, response: { 200: CanteenView } }, config: { permission: 'canteen.manage' } },
    (req) => canteens.update(actorOf(req), req.params.id, req.body));

  app.get('/canteens/:id/menus', { schema: { tags, params: IdParams, querystring: MenuListQuery, response: { 200: z.array(MenuView) } }, config: { permission: 'canteen.read' } },
    (req) => canteens.menus(actorOf(req), req.params.id, req.query));
  app.post('/canteens/:id/menus', { schema: { tags, params: IdParams, body: CreateMenuBody, response: { 201: MenuView } }, config: { permission: 'canteen.manage' } },
    async (req, reply) => reply.status(201).send(await canteens.createMenu(actorOf(req), req.params.id, req.body)));
  app.patch('/canteen-menus/:id', { schema: { tags, params: IdParams, body: UpdateMenuBody, response: { 200: MenuView } }, config: { permission: 'canteen.manage' } },
    (req) => canteens.updateMenu(actorOf(req), req.params.id, req.body));

  app.get('/canteens/:id/subsidy-rules', { schema: { tags, params: IdParams, response: { 200: z.array(SubsidyRuleView) } }, config: { permission: 'canteen.read' } },
    (req) => canteens.rules(actorOf(req), req.params.id));
  app.post('/canteens/:id/subsidy-rules', { schema: { tags, params: IdParams, body: CreateSubsidyRuleBody, response: { 201: SubsidyRuleView } }, config: { permission: 'canteen.manage' } },
    async (req, reply) => reply.status(201).send(await canteens.createRule(actorOf(req), req.params.id, req.body)));
  app.patch('/meal-subsidy-rules/:id', { schema: { tags, params: IdParams, body: UpdateSubsidyRuleBody, response: { 200: SubsidyRuleView } }, config: { permission: 'canteen.manage' } },
    (req) => canteens.updateRule(actorOf(req), req.params.id, req.body));
  app.get('/canteens/:id/subsidy-statement', { schema: { tags, params: IdParams, querystring: StatementQuery, response: { 200: SubsidyStatement } }, config: { permission: 'meal_subsidy.read' } },
    (req) => canteens.statement(actorOf(req), req.params.id, req.query.month));

  app.get('/canteen-menus/:id/quote', { schema: { tags, params: IdParams, querystring: QuoteQuery, response: { 200: QuoteView } }, config: { permission: 'meal_order.create' } },
    (req) => orders.quote(actorOf(req), req.params.id, req.query));
  app.post('/canteen-menus/:id/orders', { schema: { tags, params: IdParams, body: CreateMealOrderBody, response: { 201: MealOrderView } }, config: { permission: 'meal_order.create' } },
    async (req, reply) => reply.status(201).send(await orders.order(actorOf(req), req.params.id, req.body)));
  app.get('/meal-orders', { schema: { tags, querystring: MealOrderListQuery, response: { 200: pageOf(MealOrderView) } }, config: { permission: ['meal_order.read', 'meal_order.create'] } },
    (req) => orders.list(actorOf(req), req.query));
  app.post('/meal-orders/:id/serve', { schema: { tags, params: IdParams, response: { 200: MealOrderView } }, config: { permission: 'meal_order.serve' } },
    (req) => orders.serve(actorOf(req), req.params.id));
  app.post('/meal-orders/:id/cancel', { schema: { tags, params: IdParams, response: { 200: MealOrderView } }, config: { permission: ['meal_order.create', 'meal_order.serve'] } },
    (req) => orders.cancel(actorOf(req), req.params.id));
}
