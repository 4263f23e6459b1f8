/**
 * Filing and reading tickets. A ticket about a building goes to the building's level-3 grid: its
 * primary worker, or the backup while the primary is on leave (places.duty); a category may send
 * it to a department contact instead. Transitions, escalation and closing live in
 * tickets.workflow.ts; statistics in tickets.stats.ts.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import { can, type Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { explicitCommunityIds, pathInScope } from '../../platform/scope';
import type { NotificationsService } from '../notifications/notifications.service';
import { buildingInfo, dutyWorkerForGrid, residentBasic, type BuildingInfo } from '../places/places.duty';
import type { UploadsService } from '../uploads/uploads.service';
import { createCategoryService, categoryReadAccess } from './tickets.categories';
import { createTicketNotifier } from './tickets.notify';
import { ticketsRepository as repo, type CategoryRow, type TicketDetailRow } from './tickets.repository';
import { selfChannels, type CreateTicketBody, type TicketListQuery, type TicketView } from './tickets.schemas';
import { ticketTransitions } from './tickets.states';
import { canSee, relationsOf, scopePathOf, toListItem, toTicketView } from './tickets.views';

export interface TicketsDeps {
  notifications: Pick<NotificationsService, 'notify'>;
  uploads: Pick<UploadsService, 'assertUsable' | 'openChecked'>;
}

const HOUR_MS = 3_600_000;
const field = (name: string, code: string) => new AppError('validation_failed', [{ field: name, code, message: code }]);

/** 'YYYY-MM-DD' of an instant in a time zone (the statistics' day). */
export const localDay = (at: Date, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export interface Routing {
  assigneeAccountId: string | null;
  standIn: boolean;
  via: 'department' | 'grid' | 'none';
}

/** Department contact of the category first, else the grid's duty worker (AB岗), else nobody (the secretary dispatches). */
export async function routeTicket(q: Queryable, category: Pick<CategoryRow, 'routeAccountId'>, gridId: string | null, at = new Date()): Promise<Routing> {
  if (category.routeAccountId) return { assigneeAccountId: category.routeAccountId, standIn: false, via: 'department' };
  if (gridId) {
    const duty = await dutyWorkerForGrid(q, gridId, at);
    if (duty) return { assigneeAccountId: duty.accountId, standIn: duty.standIn, via: 'grid' };
  }
  return { assigneeAccountId: null, standIn: false, via: 'none' };
}

export function createTicketsService(ctx: AppContext, deps: TicketsDeps) {
  const { db, audit, crypto } = ctx;
  const categories = createCategoryService(ctx);
  const notice = createTicketNotifier(deps.notifications);

  /** The building, community and scope path a new ticket is filed under, checked against the caller's grants. */
  async function placeOf(actor: Actor, body: CreateTicketBody, permission: string): Promise<{ building: BuildingInfo | undefined; communityId: string; timezone: string; path: string }> {
    let building: BuildingInfo | undefined;
    if (body.buildingId) {
      building = await buildingInfo(db, body.buildingId);
      if (!building) throw new AppError('not_found', [{ field: 'body.buildingId', code: 'building_not_found', message: 'building_not_found' }]);
    } else if (actor.residentId && permission === 'ticket.create') {
      // A resident who names no building: their own home's building.
      const home = await residentBasic(db, actor.residentId);
      if (home?.buildingId) building = await buildingInfo(db, home.buildingId);
    }
    let communityId = building?.communityId ?? body.communityId;
    if (!communityId) {
      const ids = explicitCommunityIds(actor, permission);
      if (!ids || ids.length !== 1) throw field('body.communityId', 'community_required');
      communityId = ids[0]!;
    }
    if (body.communityId && body.communityId !== communityId) throw new AppError('not_found');
    const community = await repo.org(db, communityId);
    const grid = building?.gridId ? await repo.org(db, building.gridId) : undefined;
    if (!community || community.kind !== 'community') throw new AppError('not_found');
    const path = grid?.path ?? community.path;
    if (!pathInScope(actor, permission, path)) throw new AppError('not_found');
    return { building, communityId, timezone: community.timezone, path };
  }

  /** Who the ticket is from: the caller, or (staff entering a call or visit) the resident named. */
  async function submitterOf(actor: Actor, body: CreateTicketBody, forOther: boolean, communityId: string) {
    if (!forOther) {
      const me = actor.residentId ? await residentBasic(db, actor.residentId) : undefined;
      return { accountId: actor.accountId, residentId: actor.residentId, name: me?.name ?? actor.displayName };
    }
    if (body.submitterResidentId) {
      const person = await residentBasic(db, body.submitterResidentId);
      if (!person || person.communityId !== communityId) throw new AppError('not_found', [{ field: 'body.submitterResidentId', code: 'resident_not_found', message: 'resident_not_found' }]);
      return { accountId: await repo.accountOfResident(db, person.id), residentId: person.id, name: body.contactName ?? person.name };
    }
    if (!body.contactName && !body.contactPhone) throw field('body.contactName', 'contact_required');
    return { accountId: null, residentId: null, name: body.contactName ?? null };
  }

  async function view(q: Queryable, actor: Actor, d: TicketDetailRow): Promise<TicketView> {
    const relations = relationsOf(actor, d);
    const events = await repo.events(q, d.t.id);
    const mergedCount = await repo.mergedCount(q, d.t.id);
    let master: { d: TicketDetailRow; events: Awaited<ReturnType<typeof repo.events>> } | null = null;
    if (d.t.mergedIntoId) {
      const md = await repo.findDetail(q, d.t.mergedIntoId);
      if (md) master = { d: md, events: await repo.events(q, md.t.id) };
    }
    const staff = relations.has('handler') || pathInScope(actor, 'ticket.read', scopePathOf(d));
    const open = ['submitted', 'accepted', 'reopened'].includes(d.t.status);
    const duplicates =
      staff && open && !d.t.mergedIntoId
        ? (await repo.duplicates(q, d.t)).map((r) => ({ id: r.id, description: r.description, status: r.status, createdAt: new Date(r.created_at), similarity: Number(r.similarity) }))
        : [];
    return toTicketView(actor, d, relations, { events, mergedCount, master, duplicates });
  }

  async function visible(q: Queryable, actor: Actor, id: string): Promise<TicketDetailRow> {
    const d = await repo.findDetail(q, id);
    if (!d || !canSee(actor, d, relationsOf(actor, d))) throw new AppError('not_found');
    return d;
  }

  return {
    categories,
    view,
    visible,

    async create(actor: Actor, body: CreateTicketBody): Promise<TicketView> {
      const channel = body.channel ?? (can(actor, 'ticket.create') ? 'resident_app' : 'walk_in');
      const forOther = !(selfChannels as readonly string[]).includes(channel);
      const permission = forOther ? 'ticket.create_for' : 'ticket.create';
      if (!can(actor, permission)) throw new AppError('forbidden');
      if (channel === 'snap' && !body.photoIds?.length) throw field('body.photoIds', 'snap_needs_photo');
      const place = await placeOf(actor, body, permission);
      const submitter = await submitterOf(actor, body, forOther, place.communityId);
      const now = new Date();

      const created = await db.transaction(async (tx) => {
        await categories.ensureDefaults(tx, place.communityId);
        const category = await repo.category(tx, place.communityId, body.category);
        if (!category?.active) throw field('body.category', 'category_unknown');
        await deps.uploads.assertUsable(tx, actor, body.photoIds ?? [], place.communityId);
        const routing = await routeTicket(tx, category, place.building?.gridId ?? null, now);
        const t = await repo.insert(tx, {
          communityId: place.communityId,
          gridId: place.building?.gridId ?? null,
          buildingId: place.building?.id ?? null,
          buildingLabel: place.building ? `${place.building.estateName} ${place.building.name}` : null,
          location: body.location ?? null,
          categoryId: category.id,
          categoryKey: category.key,
          kind: body.kind,
          channel,
          description: body.description,
          photoIds: [...new Set(body.photoIds ?? [])],
          submitterAccountId: submitter.accountId,
          submitterResidentId: submitter.residentId,
          contactName: submitter.name,
          contactPhoneEnc: body.contactPhone ? crypto.encrypt(body.contactPhone) : null,
          contactPhoneIdx: body.contactPhone ? crypto.blindIndex('phone', body.contactPhone) : null,
          contactPhoneLast4: body.contactPhone ? body.contactPhone.slice(-4) : null,
          createdBy: actor.accountId,
          assigneeAccountId: routing.assigneeAccountId,
          assigneeStandIn: routing.standIn,
          assignedAt: routing.assigneeAccountId ? now : null,
          createdAt: now,
          createdOn: localDay(now, place.timezone),
          dueAt: new Date(now.getTime() + category.deadlineHours * HOUR_MS),
        });
        const names = await repo.displayNames(tx, routing.assigneeAccountId ? [routing.assigneeAccountId] : []);
        const assigneeName = routing.assigneeAccountId ? (names.get(routing.assigneeAccountId) ?? '') : null;
        await repo.insertEvents(tx, [
          { communityId: t.communityId, ticketId: t.id, at: now, actorAccountId: actor.accountId, actorName: forOther ? actor.displayName : (submitter.name ?? actor.displayName), actorKind: forOther ? 'staff' : 'submitter', action: 'create', toStatus: 'submitted', details: { channel } },
          ...(routing.assigneeAccountId
            ? [{ communityId: t.communityId, ticketId: t.id, at: now, actorName: 'system', actorKind: 'system' as const, action: 'assign', toStatus: 'submitted', note: assigneeName, details: { to: routing.assigneeAccountId, via: routing.via, standIn: routing.standIn } }]
            : []),
        ]);
        const supervisors = routing.assigneeAccountId ? [] : await repo.holdersAt(tx, t.communityId, 'ticket.supervise');
        await notice(tx, 'new', t, category.name, { staff: routing.assigneeAccountId ? [routing.assigneeAccountId] : supervisors });
        await audit.record(tx, actor, {
          action: 'ticket.create',
          entity: 'ticket',
          entityId: t.id,
          communityId: t.communityId,
          changes: { kind: t.kind, category: t.categoryKey, channel, assignee: routing.assigneeAccountId, via: routing.via, photos: t.photoIds.length, contactPhone: t.contactPhoneLast4 ? `*******${t.contactPhoneLast4}` : null },
        });
        return t;
      });
      const d = await repo.findDetail(db, created.id);
      return view(db, actor, d!);
    },

    async get(actor: Actor, id: string): Promise<TicketView> {
      return view(db, actor, await visible(db, actor, id));
    },

    async list(actor: Actor, query: TicketListQuery) {
      const staff = can(actor, 'ticket.read');
      const fallback = staff ? 'scope' : can(actor, 'ticket.create') ? 'mine' : 'assigned';
      const v = query.view ?? fallback;
      if (v === 'scope' && !staff) throw new AppError('forbidden');
      if (!actor.accountId) throw new AppError('forbidden');
      const after = decodeCursor(query.cursor, z.tuple([z.string(), z.string()]));
      const found = await repo.list(db, actor, {
        view: v,
        accountId: actor.accountId,
        residentId: can(actor, 'ticket.create') ? actor.residentId : null,
        status: query.status,
        category: query.category,
        communityId: query.communityId,
        gridId: query.gridId,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        sort: query.sort,
        after: after ?? undefined,
        limit: query.limit,
      });
      return pageFrom(found, query.limit, (d) => [(query.sort === 'due' ? d.t.dueAt : d.t.createdAt).toISOString(), d.t.id], (d) => toListItem(actor, d));
    },

    /** The caller's phone number in clear, for the assignee only, audited. */
    async revealContact(actor: Actor, id: string): Promise<{ name: string | null; phone: string | null }> {
      const d = await visible(db, actor, id);
      if (!relationsOf(actor, d).has('assignee')) throw new AppError('forbidden');
      await audit.recordNow(actor, { action: 'ticket.reveal_contact', entity: 'ticket', entityId: id, communityId: d.t.communityId, changes: { field: 'contactPhone' } });
      return { name: d.t.contactName, phone: d.t.contactPhoneEnc ? crypto.decrypt(d.t.contactPhoneEnc) : null };
    },

    /** A photo of a ticket, for anyone who may see the ticket (including a department contact it was routed to). */
    async photo(actor: Actor, id: string, photoId: string) {
      const d = await visible(db, actor, id);
      if (!d.t.photoIds.includes(photoId)) throw new AppError('not_found');
      return deps.uploads.openChecked(photoId, d.t.communityId);
    },

    async buildings(actor: Actor, query: { communityId?: string; q?: string }) {
      let communityId = query.communityId;
      if (!communityId) {
        const ids = explicitCommunityIds(actor, categoryReadAccess);
        if (!ids || ids.length !== 1) throw field('querystring.communityId', 'community_required');
        communityId = ids[0]!;
      }
      const node = await repo.org(db, communityId);
      const explicit = explicitCommunityIds(actor, categoryReadAccess);
      if (!node || node.kind !== 'community' || !(explicit?.includes(node.id) || pathInScope(actor, categoryReadAccess, node.path))) throw new AppError('not_found');
      const found = await repo.buildings(db, node.id, query.q);
      return found.map((b) => ({ id: b.id, communityId: b.community_id, estateName: b.estate_name, name: b.name, label: `${b.estate_name} ${b.name}`, gridId: b.grid_id, gridName: b.grid_name }));
    },

    /** Accounts to choose from in a community: staff who handle tickets, or (projects) party members and supervisors. */
    async people(actor: Actor, query: { communityId: string; kind: 'workers' | 'party_members' | 'supervisors' }) {
      const node = await repo.org(db, query.communityId);
      const access = ['ticket.handle', 'ticket.work', 'ticket.configure', 'project.manage'] as const;
      const explicit = explicitCommunityIds(actor, access);
      if (!node || node.kind !== 'community' || !(explicit?.includes(node.id) || pathInScope(actor, access, node.path))) throw new AppError('not_found');
      return (await repo.people(db, node.path, query.kind)).map((p) => ({ accountId: p.id, name: p.name, roles: p.roles }));
    },

    transitions: () => ticketTransitions.map((t) => ({ from: t.from, action: t.action, to: t.to, by: [...t.by], needs: [...(t.needs ?? [])], when: t.when ?? null })),
  };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
