/**
 * What the micro-lectures add up to: attendance rate and lectured share (computed in SQL), the
 * member × lecture heat map, the rotation planner (never-lectured first), the community's
 * schedule settings and point rules, and the scheduled sweep that sends reminders and credits
 * lecturers once a lecture is over.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { maskName } from '../../platform/crypto';
import type { Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { pathInScope } from '../../platform/scope';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PartyAccess } from './party-access';
import { partyOrgsRepository as orgs } from './party-orgs.repository';
import { partyPointsRepository as pointsRepo } from './party-points.repository';
import { defaultPointRules, type PartyPointsService } from './party-points.service';
import { partyMessages } from './party.messages';
import { endOfLocalDate, nextWeeklySlot, startOfLocalDate, wallParts } from './party.time';
import { lectureStatsRepository as repo, type StatsFilter } from './lecture-stats.repository';
import { microLecturesRepository as lectures } from './micro-lectures.repository';
import type { AttendanceMatrix, LectureStats, PartySettingsView, RotationView } from './micro-lectures.schemas';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);
const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

export interface UpdateSettingsInput {
  communityId?: string;
  version: number;
  lectureWeekday?: number;
  lectureTime?: string;
  checkinOpensMinutes?: number;
  checkinClosesMinutes?: number;
  reminderMinutes?: number;
  pointRules?: { source: string; pointsPerUnit: number }[];
}

export function createLectureStatsService(ctx: AppContext, access: PartyAccess, deps: { notifications: NotificationsService; points: PartyPointsService }) {
  const { db, audit } = ctx;

  async function filterFor(actor: Actor, q: { communityId?: string; from?: string; to?: string; orgId?: string }, permission: readonly string[]) {
    const c = await access.community(db, actor, permission, q.communityId);
    const org = q.orgId ? await orgs.findInCommunity(db, c.id, q.orgId) : undefined;
    if (q.orgId && !org) throw new AppError('not_found');
    const filter: StatsFilter = {
      communityId: c.id,
      from: q.from ? startOfLocalDate(q.from, c.timezone) : undefined,
      to: q.to ? endOfLocalDate(q.to, c.timezone) : undefined,
      orgPath: org?.path,
    };
    return { c, filter };
  }

  async function settingsView(tx: Tx | AppContext['db'], communityId: string, timezone: string): Promise<PartySettingsView> {
    const s = await lectures.settings(tx, communityId);
    const configured = new Map((await pointsRepo.rules(tx, communityId)).map((r) => [r.source, Number(r.pointsPerUnit)]));
    const sources = [...new Set([...Object.keys(defaultPointRules), ...configured.keys()])];
    return {
      communityId,
      timezone,
      lectureWeekday: s.lectureWeekday,
      lectureTime: s.lectureTime,
      checkinOpensMinutes: s.checkinOpensMinutes,
      checkinClosesMinutes: s.checkinClosesMinutes,
      reminderMinutes: s.reminderMinutes,
      pointRules: sources.map((source) => ({ source, pointsPerUnit: configured.get(source) ?? defaultPointRules[source] ?? 0, configured: configured.has(source) })),
      version: s.version,
    };
  }

  return {
    /** Street staff get the figures without names (perMember empty); community staff get everything. */
    async stats(actor: Actor, q: { communityId?: string; from?: string; to?: string; orgId?: string }): Promise<LectureStats> {
      const { c, filter } = await filterFor(actor, q, ['micro_lecture.read', 'party_stats.read']);
      const named = pathInScope(actor, 'micro_lecture.read', c.path);
      const [t, perLecture, perMember] = await Promise.all([repo.totals(db, filter), repo.perLecture(db, filter), named ? repo.perMember(db, filter) : Promise.resolve([])]);
      return {
        communityId: c.id,
        from: q.from ?? null,
        to: q.to ?? null,
        lectures: t.lectures,
        members: t.members,
        checkIns: t.check_ins,
        attendanceRate: rate(t.check_ins, t.eligible),
        lecturedMembers: t.lectured,
        lecturedShare: rate(t.lectured, t.members),
        lecturesAtLeast90: t.at_least_90,
        perMember: perMember.map((m) => ({ memberId: m.id, name: maskName(m.name)!, orgName: m.org_name, eligible: m.eligible, attended: m.attended, late: m.late, rate: rate(m.attended, m.eligible), lectured: m.lectured })),
        perLecture: perLecture.map((l) => ({ lectureId: l.id, issueNo: l.issue_no, title: l.title, scheduledAt: asDate(l.scheduled_at), eligible: l.eligible, attended: l.attended, late: l.late, rate: rate(l.attended, l.eligible) })),
      };
    },

    async attendance(actor: Actor, q: { communityId?: string; from?: string; to?: string; orgId?: string }): Promise<AttendanceMatrix> {
      const { filter } = await filterFor(actor, q, ['micro_lecture.read']);
      const [ls, ms] = await Promise.all([repo.lecturesOf(db, filter, 200), repo.membersOf(db, filter, 1000)]);
      const li = new Map(ls.map((l, i) => [l.id, i]));
      const mi = new Map(ms.map((m, i) => [m.id, i]));
      const cells = await repo.cells(db, [...li.keys()], [...mi.keys()]);
      return {
        lectures: ls.map((l) => ({ id: l.id, issueNo: l.issue_no, scheduledAt: asDate(l.scheduled_at) })),
        members: ms.map((m) => ({ id: m.id, name: maskName(m.name)!, orgName: m.org_name, enrolledAt: asDate(m.enrolled_at) })),
        cells: cells.map((c) => [mi.get(c.member_id)!, li.get(c.lecture_id)!, c.late ? 2 : 1] as [number, number, number]),
      };
    },

    /** The next `count` weekly slots after the last scheduled lecture, each with a proposed lecturer. */
    async rotation(actor: Actor, q: { communityId?: string; count: number }): Promise<RotationView> {
      const c = await access.community(db, actor, 'micro_lecture.manage', q.communityId);
      const s = await lectures.settings(db, c.id);
      const candidates = await repo.rotation(db, c.id, q.count);
      let after = new Date(Math.max(Date.now(), (await lectures.latestScheduledAt(db, c.id))?.getTime() ?? 0));
      const slots: RotationView['slots'] = [];
      for (const m of candidates) {
        after = nextWeeklySlot(after, s.lectureWeekday, s.lectureTime, c.timezone);
        slots.push({ scheduledAt: after, member: { id: m.id, name: maskName(m.name)!, orgName: m.org_name, lecturesGiven: m.given, lastLecturedAt: m.last_at ? asDate(m.last_at) : null } });
      }
      return { slots };
    },

    async settings(actor: Actor, q: { communityId?: string }): Promise<PartySettingsView> {
      const c = await access.community(db, actor, ['micro_lecture.read', 'party_settings.manage'], q.communityId);
      return db.transaction((tx) => settingsView(tx, c.id, c.timezone));
    },

    async updateSettings(actor: Actor, input: UpdateSettingsInput): Promise<PartySettingsView> {
      return db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'party_settings.manage', input.communityId);
        const before = await settingsView(tx, c.id, c.timezone);
        const { communityId: _c, version, pointRules, ...values } = input;
        if (!(await lectures.updateSettings(tx, c.id, version, values))) throw new AppError('version_conflict');
        if (pointRules) {
          const unique = new Map(pointRules.map((r) => [r.source, r.pointsPerUnit]));
          await pointsRepo.replaceRules(tx, c.id, [...unique].map(([source, pointsPerUnit]) => ({ source, pointsPerUnit })));
        }
        const after = await settingsView(tx, c.id, c.timezone);
        await audit.record(tx, actor, { action: 'party_settings.update', entity: 'party_settings', entityId: c.id, communityId: c.id, changes: { before: { ...before, version: undefined }, after: { ...after, version: undefined } } });
        return after;
      });
    },

    /** Scheduled sweep: reminders to members' inboxes before each lecture, points to lecturers after it. */
    async sweep(now = new Date()): Promise<{ reminded: number; credited: number }> {
      let reminded = 0;
      const due = await db.transaction((tx) => lectures.claimDueReminders(tx, now));
      for (const l of due) {
        await db.transaction(async (tx) => {
          const accounts = await lectures.memberAccounts(tx, l.community_id);
          if (accounts.length === 0) return;
          const p = wallParts(asDate(l.scheduled_at), l.timezone);
          const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
          await deps.notifications.notify(tx, { accountIds: accounts, communityId: l.community_id, kind: 'micro_lecture.reminder', ...partyMessages.lectureReminder(l.issue_no, l.title, p.month, p.day, hhmm), link: '/party/lectures', entity: 'micro_lecture', entityId: l.id });
          reminded += accounts.length;
        });
      }
      let credited = 0;
      for (const l of await lectures.lecturesToCredit(db, now)) {
        await db.transaction(async (tx) => {
          if (await deps.points.awardMember(tx, { communityId: l.community_id, memberId: l.lecturer_member_id, source: 'lecture_given', sourceId: l.id, quantity: 1, occurredAt: asDate(l.scheduled_at) })) credited++;
        });
      }
      return { reminded, credited };
    },
  };
}
