/**
 * What the center reports and what a resident sees of it: the satisfaction survey after events and
 * courses (rates per center, theme and month), the dashboard figures, and "my center" — a
 * resident's (and their household's) courses, signups, bookings, meals and open surveys on one page.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { beneficiary, mapViolation } from './center.access';
import { centerRepository } from './center.repository';
import { reportsRepository as repo } from './reports.repository';
import type { MyCenterView } from './reports.schemas';
import type { MealOrdersService } from './meal-orders.service';
import type { VenuesService } from './venues.service';
import { toBookingView } from './venues.views';
import type { Theme } from './center.tables';
import { localParts } from './center.time';

const rateOf = (satisfied: number, responses: number) => (responses ? Math.round((satisfied / responses) * 10_000) / 10_000 : null);
const withRate = <T extends { responses: number; satisfied: number }>(b: T) => ({ ...b, rate: rateOf(b.satisfied, b.responses) });

export function createReportsService(ctx: AppContext, deps: { venues: VenuesService; mealOrders: MealOrdersService }) {
  const { db, audit } = ctx;

  return {
    async answer(actor: Actor, input: { subjectKind: 'event' | 'course'; subjectId: string; score: number; comment?: string | null; residentId?: string }) {
      const own = actor.residentId ? await centerRepository.activeResident(db, actor.residentId) : undefined;
      if (!own) throw new AppError('resident_link_required');
      const community = (await centerRepository.community(db, own.communityId))!;
      // Answers come from residents only (no operator acts for them here): themselves or a household member.
      const who = await beneficiary(db, actor, community, [], input.residentId);
      const subject = await repo.surveySubject(db, actor, input.subjectKind, input.subjectId, who.resident.id);
      if (!subject) throw new AppError('not_found');
      if (!subject.tookPart) throw new AppError('survey_not_allowed');
      return mapViolation(
        () =>
          db.transaction(async (tx) => {
            const row = await repo.insertSatisfaction(tx, {
              communityId: subject.communityId,
              centerId: subject.centerId,
              subjectKind: input.subjectKind,
              subjectId: input.subjectId,
              residentId: who.resident.id,
              theme: subject.theme as Theme | null,
              score: input.score,
              comment: input.comment ?? null,
            });
            await audit.record(tx, actor, { action: 'center_satisfaction.answer', entity: 'center_satisfaction', entityId: row.id, communityId: row.communityId, changes: { subjectKind: row.subjectKind, score: row.score } });
            return row;
          }),
        { '23505': () => new AppError('already_exists') },
      );
    },

    async satisfaction(actor: Actor, q: { centerId?: string; from: string; to: string }) {
      const s = await repo.satisfaction(db, actor, q);
      return {
        responses: s.totals.responses,
        satisfied: s.totals.satisfied,
        rate: rateOf(s.totals.satisfied, s.totals.responses),
        averageScore: s.totals.average,
        byMonth: s.byMonth.map(withRate),
        byTheme: s.byTheme.map(withRate),
        byKind: s.byKind.map(withRate),
        byCenter: s.byCenter.map(withRate),
      };
    },

    async stats(actor: Actor, q: { centerId?: string; from: string; to: string }) {
      const s = await repo.centerStats(db, actor, q);
      return {
        events: { total: s.byTheme.reduce((n, t) => n + t.events, 0), byTheme: s.byTheme.map((t) => ({ ...t, theme: t.theme as Theme })) },
        courses: s.courses,
        canteen: s.canteen,
        venues: s.venues,
      };
    },

    async mine(actor: Actor): Promise<MyCenterView> {
      if (!actor.residentId) throw new AppError('resident_link_required');
      const household = await repo.householdResidents(db, actor.residentId);
      const ids = household.map((r) => r.id);
      const since = new Date(Date.now() - 86_400_000);
      const [enrollments, signups, bookings, meals, surveys] = await Promise.all([
        repo.myEnrollments(db, ids),
        repo.mySignups(db, ids),
        actor.accountId ? deps.venues.recentForBooker(actor.accountId, since) : Promise.resolve([]),
        deps.mealOrders.upcoming(actor, ids, localParts(new Date(), 'Asia/Shanghai').date),
        repo.pendingSurveys(db, ids),
      ]);
      return {
        residents: household.map((r) => ({ ...r, self: r.id === actor.residentId })).sort((a, b) => Number(b.self) - Number(a.self)),
        enrollments: enrollments.map((e) => ({ ...e, nextSessionAt: e.nextSessionAt ? new Date(e.nextSessionAt) : null })),
        signups: signups.map((s) => ({ ...s, theme: s.theme as Theme, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
        bookings: bookings.map((b) => toBookingView(b, { accountId: actor.accountId, seesNames: false })),
        mealOrders: meals,
        surveys,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
