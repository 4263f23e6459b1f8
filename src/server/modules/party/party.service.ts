/**
 * The party module's service, as other modules and the routes see it. `recordPoints` is the stable
 * entry point for other modules (volunteers: confirmed hours); everything else is grouped by area.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { NotificationsService } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { createEvaluationsService } from './evaluations.service';
import { createJointMeetingsService } from './joint-meetings.service';
import { createLectureStatsService } from './lecture-stats.service';
import { createMicroLecturesService } from './micro-lectures.service';
import { createPartyAccess } from './party-access';
import { partyMembersRepository } from './party-members.repository';
import { createPartyMembersService } from './party-members.service';
import { createPartyOrgsService } from './party-orgs.service';
import { createPartyPointsService } from './party-points.service';
import { createPartyStatsService } from './party-stats.service';
import { createReportInsService } from './report-ins.service';
import { createServicePostsService } from './service-posts.service';

export type { RecordPointsInput } from './party-points.service';

export function createPartyService(ctx: AppContext, deps: { orgs: OrgsService; notifications: NotificationsService }) {
  const access = createPartyAccess(deps.orgs);
  const points = createPartyPointsService(ctx, access);
  return {
    /**
     * Adds points for a resident's recorded activity in the caller's transaction:
     * `recordPoints(tx, { communityId, residentId, source, sourceId, quantity, occurredAt })`.
     * Idempotent on (source, sourceId); a no-op when the resident is not a member of that community.
     */
    recordPoints: points.recordPoints,
    orgs: createPartyOrgsService(ctx, access),
    members: createPartyMembersService(ctx, access),
    reportIns: createReportInsService(ctx, access, deps),
    posts: createServicePostsService(ctx, access, points),
    lectures: createMicroLecturesService(ctx, access, points),
    lectureStats: createLectureStatsService(ctx, access, { notifications: deps.notifications, points }),
    evaluations: createEvaluationsService(ctx, access),
    meetings: createJointMeetingsService(ctx, access),
    points,
    stats: createPartyStatsService(ctx, { orgs: deps.orgs, points }),
    async myClaims(actor: Actor, q: { communityId?: string }) {
      const c = await access.community(ctx.db, actor, 'party_self.read', q.communityId);
      const me = await access.requireMember(ctx.db, actor, c.id);
      return partyMembersRepository.claims(ctx.db, me.id);
    },
  };
}

export type PartyService = ReturnType<typeof createPartyService>;
