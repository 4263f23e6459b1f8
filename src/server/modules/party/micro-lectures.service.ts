/**
 * 微党课: weekly lectures numbered 第N期 per community, scheduled on the community's weekly slot
 * (default Thursday 20:00) with a check-in window fixed at scheduling (default 19:50–20:10).
 * A member checks in with one tap inside the window (late after the start); a second tap returns
 * the first check-in; staff may record a missed one later, with a reason, in the audit log.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName } from '../../platform/crypto';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { pathInScope, scopeWhere } from '../../platform/scope';
import type { PartyAccess } from './party-access';
import { partyMembersRepository as members } from './party-members.repository';
import type { PartyPointsService } from './party-points.service';
import { microLecture, type LectureMaterial } from './party.tables';
import { addMinutes, endOfLocalDate, nextWeeklySlot, startOfLocalDate } from './party.time';
import { microLecturesRepository as repo, type CheckInRow, type LectureFull, type SettingsRow } from './micro-lectures.repository';
import type { CheckInView, MicroLectureView, MyLectureView } from './micro-lectures.schemas';

const readAccess = ['micro_lecture.read', 'micro_lecture.check_in'] as const;

export function windowOf(l: { checkinOpensAt: Date; checkinClosesAt: Date; status: string }, now = Date.now()): MicroLectureView['window'] {
  if (l.status === 'cancelled' || now > l.checkinClosesAt.getTime()) return 'closed';
  return now < l.checkinOpensAt.getTime() ? 'upcoming' : 'open';
}

export const lectureView = (l: LectureFull): MicroLectureView => ({
  id: l.id,
  communityId: l.communityId,
  issueNo: l.issueNo,
  title: l.title,
  lecturerMemberId: l.lecturerMemberId,
  lecturerName: l.lecturerName ? maskName(l.lecturerName) : null,
  scheduledAt: l.scheduledAt,
  checkinOpensAt: l.checkinOpensAt,
  checkinClosesAt: l.checkinClosesAt,
  materials: l.materials,
  status: l.status,
  window: windowOf(l),
  checkIns: l.checkIns,
  lateCount: l.lateCount,
  version: l.version,
});

export const checkInView = (c: CheckInRow, memberName: string): CheckInView => ({
  id: c.id,
  lectureId: c.lectureId,
  memberId: c.memberId,
  memberName,
  checkedInAt: c.checkedInAt,
  late: c.late,
  recordedBy: c.recordedBy,
  reason: c.reason,
});

const windowFor = (scheduledAt: Date, s: SettingsRow) => ({
  scheduledAt,
  checkinOpensAt: addMinutes(scheduledAt, -s.checkinOpensMinutes),
  checkinClosesAt: addMinutes(scheduledAt, s.checkinClosesMinutes),
});

export interface CreateLectureInput {
  communityId?: string;
  title: string;
  lecturerMemberId?: string | null;
  scheduledAt?: string;
  materials?: LectureMaterial[];
}

export function createMicroLecturesService(ctx: AppContext, access: PartyAccess, points: PartyPointsService) {
  const { db, audit } = ctx;

  async function checkLecturer(q: Queryable, communityId: string, memberId: string | null | undefined) {
    if (!memberId) return;
    const m = await members.findById(q, memberId);
    if (!m || m.communityId !== communityId || m.leftAt) throw new AppError('validation_failed', [{ field: 'lecturerMemberId', code: 'unknown_member' }]);
  }

  /** A member's own tap: inside the window, once (a repeat returns the first). */
  async function selfCheckIn(actor: Actor, lecture: LectureFull): Promise<{ created: boolean; checkIn: CheckInView }> {
    return db.transaction(async (tx) => {
      const me = await access.requireMember(tx, actor, lecture.communityId);
      const existing = await repo.findCheckIn(tx, lecture.id, me.id);
      if (existing) return { created: false, checkIn: checkInView(existing, me.name) };
      if (windowOf(lecture) !== 'open') throw new AppError('checkin_closed', { opensAt: lecture.checkinOpensAt, closesAt: lecture.checkinClosesAt });
      const now = new Date();
      const row = await repo.insertCheckIn(tx, { communityId: lecture.communityId, lectureId: lecture.id, memberId: me.id, checkedInAt: now, late: now > lecture.scheduledAt });
      // Two taps at once: the other one won; answer with it.
      if (!row) return { created: false, checkIn: checkInView((await repo.findCheckIn(tx, lecture.id, me.id))!, me.name) };
      await points.awardMember(tx, { communityId: lecture.communityId, memberId: me.id, source: 'lecture_check_in', sourceId: row.id, quantity: 1, occurredAt: now });
      return { created: true, checkIn: checkInView(row, me.name) };
    });
  }

  /** Staff record a check-in the member could not make (after the window opened), with a reason. */
  async function staffCheckIn(actor: Actor, lecture: LectureFull, memberId: string, reason: string): Promise<{ created: boolean; checkIn: CheckInView }> {
    return db.transaction(async (tx) => {
      const member = await members.findById(tx, memberId);
      if (!member || member.communityId !== lecture.communityId) throw new AppError('validation_failed', [{ field: 'memberId', code: 'unknown_member' }]);
      const existing = await repo.findCheckIn(tx, lecture.id, memberId);
      if (existing) return { created: false, checkIn: checkInView(existing, maskName(member.name)!) };
      if (lecture.status === 'cancelled' || Date.now() < lecture.checkinOpensAt.getTime()) throw new AppError('checkin_closed', { opensAt: lecture.checkinOpensAt });
      const row = await repo.insertCheckIn(tx, { communityId: lecture.communityId, lectureId: lecture.id, memberId, late: false, recordedBy: actor.accountId, reason });
      if (!row) return { created: false, checkIn: checkInView((await repo.findCheckIn(tx, lecture.id, memberId))!, maskName(member.name)!) };
      await points.awardMember(tx, { communityId: lecture.communityId, memberId, source: 'lecture_check_in', sourceId: row.id, quantity: 1, occurredAt: lecture.scheduledAt });
      await audit.record(tx, actor, { action: 'micro_lecture.check_in.record', entity: 'micro_lecture', entityId: lecture.id, communityId: lecture.communityId, changes: { member: { after: maskName(member.name) } }, reason });
      return { created: true, checkIn: checkInView(row, maskName(member.name)!) };
    });
  }

  return {
    async list(actor: Actor, q: { communityId?: string; from?: string; to?: string; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, 'micro_lecture.read', q.communityId);
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.list(db, actor, 'micro_lecture.read', {
        communityId: c.id,
        from: q.from ? startOfLocalDate(q.from, c.timezone) : undefined,
        to: q.to ? endOfLocalDate(q.to, c.timezone) : undefined,
        before: before ?? undefined,
        limit: q.limit,
      });
      return pageFrom(list, q.limit, (l) => [l.scheduledAt.toISOString(), l.id], lectureView);
    },

    async get(actor: Actor, id: string) {
      const l = await repo.findInScope(db, actor, readAccess, id);
      if (!l) throw new AppError('not_found');
      const staff = pathInScope(actor, 'micro_lecture.read', (await access.community(db, actor, readAccess, l.communityId)).path);
      const list = staff ? await repo.checkInList(db, id) : [];
      return { ...lectureView(l), eligible: await repo.eligibleCount(db, l), checkInList: list.map((r) => checkInView(r.checkIn, maskName(r.memberName)!)) };
    },

    async create(actor: Actor, input: CreateLectureInput): Promise<MicroLectureView> {
      const id = await db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'micro_lecture.manage', input.communityId);
        await checkLecturer(tx, c.id, input.lecturerMemberId);
        const settings = await repo.settings(tx, c.id);
        const after = new Date(Math.max(Date.now(), (await repo.latestScheduledAt(tx, c.id))?.getTime() ?? 0));
        const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : nextWeeklySlot(after, settings.lectureWeekday, settings.lectureTime, c.timezone);
        const issueNo = await repo.nextIssueNo(tx, c.id);
        const row = await repo.insert(tx, {
          communityId: c.id,
          issueNo,
          title: input.title,
          lecturerMemberId: input.lecturerMemberId ?? null,
          materials: input.materials ?? [],
          createdBy: actor.accountId,
          ...windowFor(scheduledAt, settings),
        });
        await audit.record(tx, actor, { action: 'micro_lecture.create', entity: 'micro_lecture', entityId: row.id, communityId: c.id, changes: diffForAudit(null, row, { fields: ['issueNo', 'title', 'lecturerMemberId', 'scheduledAt'] }) });
        return row.id;
      });
      return lectureView((await repo.findInScope(db, actor, 'micro_lecture.manage', id))!);
    },

    async update(actor: Actor, id: string, input: { version: number; title?: string; lecturerMemberId?: string | null; scheduledAt?: string; materials?: LectureMaterial[]; status?: 'scheduled' | 'cancelled' }) {
      await db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'micro_lecture.manage', id);
        if (!before) throw new AppError('not_found');
        await checkLecturer(tx, before.communityId, input.lecturerMemberId);
        const { version, scheduledAt, ...rest } = input;
        const values: Record<string, unknown> = { ...rest };
        if (scheduledAt) Object.assign(values, windowFor(new Date(scheduledAt), await repo.settings(tx, before.communityId)));
        const after = await updateVersioned(tx, microLecture, { id, version, values, scope: scopeWhere(actor, 'micro_lecture.manage', { community: microLecture.communityId }) });
        await audit.record(tx, actor, { action: 'micro_lecture.update', entity: 'micro_lecture', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: ['title', 'lecturerMemberId', 'scheduledAt', 'status'] }) });
      });
      return lectureView((await repo.findInScope(db, actor, 'micro_lecture.manage', id))!);
    },

    async checkIn(actor: Actor, id: string, input: { memberId?: string; reason?: string }) {
      const lecture = await repo.findInScope(db, actor, ['micro_lecture.check_in', 'micro_lecture.manage'], id);
      if (!lecture) throw new AppError('not_found');
      if (!input.memberId) return selfCheckIn(actor, lecture);
      const staff = await access.community(db, actor, 'micro_lecture.manage', lecture.communityId).catch(() => null);
      if (!staff) throw new AppError('forbidden');
      return staffCheckIn(actor, lecture, input.memberId, input.reason!);
    },

    /** The member's coming and recent lectures with their own check-in. */
    async mine(actor: Actor, q: { communityId?: string }): Promise<MyLectureView[]> {
      const c = await access.community(db, actor, 'party_self.read', q.communityId);
      const me = await access.requireMember(db, actor, c.id);
      const list = await repo.aroundNow(db, c.id, 3, 12);
      const mineByLecture = new Map((await repo.checkInsOf(db, me.id, list.map((l) => l.id))).map((r) => [r.lectureId, r]));
      return list.map((l) => {
        const ci = mineByLecture.get(l.id);
        return { ...lectureView(l), myCheckIn: ci ? checkInView(ci, me.name) : null };
      });
    },
  };
}

export type MicroLecturesService = ReturnType<typeof createMicroLecturesService>;
