/**
 * 党建联席会 / 四方联动: the monthly meeting of the community, the property company, the owners'
 * committee and the social workers. Decisions become action items with an owner and a due date;
 * an item still open when the next meeting is held appears on that meeting's carried-over agenda.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import type { PartyAccess } from './party-access';
import { jointMeeting, meetingActionItem, type jointMeetingParties } from './party.tables';
import { localDate } from './party.time';
import { jointMeetingsRepository as repo, type ActionRow, type MeetingRow } from './joint-meetings.repository';
import type { ActionItemView, JointMeetingListItem, JointMeetingView } from './joint-meetings.schemas';

type Party = (typeof jointMeetingParties)[number];
type Attendee = { party: Party; name: string; organization?: string | null };

export interface MeetingInput {
  title?: string;
  heldAt?: string;
  location?: string | null;
  agenda?: string | null;
  minutes?: string | null;
  attendees?: Attendee[];
}

const actionView = (a: ActionRow, today: string): ActionItemView => ({
  id: a.id,
  meetingId: a.meetingId,
  meetingTitle: a.meetingTitle,
  meetingHeldAt: a.meetingHeldAt,
  decision: a.decision,
  ownerParty: a.ownerParty,
  ownerName: a.ownerName,
  dueOn: a.dueOn,
  status: a.status,
  doneAt: a.doneAt,
  doneNote: a.doneNote,
  overdue: a.status === 'open' && a.dueOn < today,
  version: a.version,
});

export function createJointMeetingsService(ctx: AppContext, access: PartyAccess) {
  const { db, audit } = ctx;

  async function view(q: Queryable, m: MeetingRow): Promise<JointMeetingView> {
    const today = localDate(new Date(), await access.zoneOf(q, m.communityId));
    // Sequential: `q` may be a transaction, which runs one query at a time.
    const attendees = await repo.attendees(q, m.id);
    const actions = await repo.actionsOf(q, m.id);
    const carried = await repo.carriedOver(q, m.communityId, m.heldAt);
    return {
      id: m.id,
      communityId: m.communityId,
      title: m.title,
      heldAt: m.heldAt,
      location: m.location,
      agenda: m.agenda,
      minutes: m.minutes,
      attendees: attendees.map((a) => ({ id: a.id, party: a.party, name: a.name, organization: a.organization })),
      partiesPresent: [...new Set(attendees.map((a) => a.party))],
      actions: actions.map((a) => actionView(a, today)),
      carriedOver: carried.map((a) => actionView(a, today)),
      version: m.version,
    };
  }

  return {
    async list(actor: Actor, q: { communityId?: string; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, 'joint_meeting.read', q.communityId);
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.list(db, actor, 'joint_meeting.read', { communityId: c.id, before: before ?? undefined, limit: q.limit });
      return pageFrom(list, q.limit, (r) => [r.meeting.heldAt.toISOString(), r.meeting.id], (r): JointMeetingListItem => ({
        id: r.meeting.id,
        title: r.meeting.title,
        heldAt: r.meeting.heldAt,
        location: r.meeting.location,
        attendees: Number(r.attendees),
        partiesPresent: r.parties as Party[],
        decisions: Number(r.decisions),
        openActions: Number(r.openActions),
      }));
    },

    async get(actor: Actor, id: string): Promise<JointMeetingView> {
      const m = await repo.findInScope(db, actor, 'joint_meeting.read', id);
      if (!m) throw new AppError('not_found');
      return view(db, m);
    },

    async create(actor: Actor, input: MeetingInput & { communityId?: string; title: string; heldAt: string }): Promise<JointMeetingView> {
      return db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'joint_meeting.manage', input.communityId);
        const row = await repo.insert(tx, { communityId: c.id, title: input.title, heldAt: new Date(input.heldAt), location: input.location ?? null, agenda: input.agenda ?? null, minutes: input.minutes ?? null, createdBy: actor.accountId });
        if (input.attendees) await repo.setAttendees(tx, row, input.attendees);
        await audit.record(tx, actor, { action: 'joint_meeting.create', entity: 'joint_meeting', entityId: row.id, communityId: c.id, changes: diffForAudit(null, row, { fields: ['title', 'heldAt', 'location'] }) });
        return view(tx, row);
      });
    },

    async update(actor: Actor, id: string, input: MeetingInput & { version: number }): Promise<JointMeetingView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'joint_meeting.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, attendees, heldAt, ...rest } = input;
        const values = { ...rest, ...(heldAt ? { heldAt: new Date(heldAt) } : {}) };
        const after = await updateVersioned(tx, jointMeeting, { id, version, values, scope: scopeWhere(actor, 'joint_meeting.manage', { community: jointMeeting.communityId }) });
        if (attendees) await repo.setAttendees(tx, after, attendees);
        await audit.record(tx, actor, { action: 'joint_meeting.update', entity: 'joint_meeting', entityId: id, communityId: before.communityId, changes: { ...diffForAudit(before, after, { fields: ['title', 'heldAt', 'location', 'agenda', 'minutes'] }), ...(attendees ? { attendees: { after: attendees.length } } : {}) } });
        return view(tx, after);
      });
    },

    async addAction(actor: Actor, meetingId: string, input: { decision: string; ownerParty: Party; ownerName: string; dueOn: string }): Promise<ActionItemView> {
      return db.transaction(async (tx) => {
        const m = await repo.findInScope(tx, actor, 'joint_meeting.manage', meetingId);
        if (!m) throw new AppError('not_found');
        const row = await repo.insertAction(tx, { communityId: m.communityId, meetingId, ...input });
        await audit.record(tx, actor, { action: 'joint_meeting.action.add', entity: 'joint_meeting', entityId: meetingId, communityId: m.communityId, changes: { decision: { after: input.decision }, owner: { after: `${input.ownerParty}:${input.ownerName}` }, dueOn: { after: input.dueOn } } });
        return actionView({ ...row, meetingTitle: m.title, meetingHeldAt: m.heldAt }, localDate(new Date(), await access.zoneOf(tx, m.communityId)));
      });
    },

    async updateAction(actor: Actor, id: string, input: { version: number; status: 'open' | 'done'; doneNote?: string | null }): Promise<ActionItemView> {
      return db.transaction(async (tx) => {
        const before = await repo.findActionInScope(tx, actor, 'joint_meeting.manage', id);
        if (!before) throw new AppError('not_found');
        const values = input.status === 'done' ? { status: 'done' as const, doneAt: before.doneAt ?? new Date(), doneNote: input.doneNote ?? null } : { status: 'open' as const, doneAt: null, doneNote: input.doneNote ?? null };
        const after = await updateVersioned(tx, meetingActionItem, { id, version: input.version, values, scope: scopeWhere(actor, 'joint_meeting.manage', { community: meetingActionItem.communityId }) });
        await audit.record(tx, actor, { action: 'joint_meeting.action.update', entity: 'meeting_action_item', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: ['status', 'doneNote'] }) });
        return actionView({ ...after, meetingTitle: before.meetingTitle, meetingHeldAt: before.meetingHeldAt }, localDate(new Date(), await access.zoneOf(tx, before.communityId)));
      });
    },

    async openItems(actor: Actor, q: { communityId?: string }): Promise<ActionItemView[]> {
      const c = await access.community(db, actor, 'joint_meeting.read', q.communityId);
      const today = localDate(new Date(), c.timezone);
      return (await repo.openItems(db, actor, 'joint_meeting.read', c.id)).map((a) => actionView(a, today));
    },
  };
}
