/** Aggregates for street staff (no names), and the resident app's "me" page of a member. */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { pathInScope } from '../../platform/scope';
import type { OrgsService } from '../orgs/orgs.service';
import { partyMembersRepository as members } from './party-members.repository';
import type { PartyPointsService } from './party-points.service';
import { partyStatsRepository as repo } from './party-stats.repository';
import type { MyMembership, MyPartyView, PartyOverviewRow } from './party-stats.schemas';
import { checkInView, lectureView } from './micro-lectures.service';
import { microLecturesRepository as lectures } from './micro-lectures.repository';

export function createPartyStatsService(ctx: AppContext, deps: { orgs: OrgsService; points: PartyPointsService }) {
  const { db } = ctx;
  return {
    async overview(actor: Actor, q: { orgId?: string }): Promise<PartyOverviewRow[]> {
      let under: string | null = null;
      if (q.orgId) {
        const org = await deps.orgs.findById(q.orgId);
        if (!org || !pathInScope(actor, 'party_stats.read', org.path)) throw new AppError('not_found');
        under = org.path;
      }
      const list = await repo.overview(db, actor, under);
      return list.map((r) => ({
        communityId: r.community_id,
        communityName: r.community_name,
        members: r.members,
        registered: r.registered,
        reporting: r.reporting,
        mobile: r.mobile,
        probationary: r.probationary,
        groups: r.groups,
        groupsWithBuildings: r.groups_with_buildings,
        pendingReportIns: r.pending_report_ins,
        servicePosts: r.service_posts,
        claims: r.claims,
        claimsDone: r.claims_done,
        lecturesHeld: r.lectures_held,
        attendanceRate: r.eligible ? Math.round((r.check_ins / r.eligible) * 10_000) / 10_000 : 0,
        jointMeetings: r.joint_meetings,
      }));
    },

    /** Every community where the caller is a member, with what the phone's home shows. */
    async me(actor: Actor): Promise<MyPartyView> {
      if (!actor.accountId) return { memberships: [] };
      const list = await members.membershipsOfAccount(db, actor.accountId, actor.residentId);
      const memberships: MyMembership[] = [];
      for (const { member, orgName, communityName } of list) {
        // Only communities where the caller's role grants member actions.
        if (!actor.grants.some((g) => g.permissions.has('party_self.read') && g.communityId === member.communityId)) continue;
        const [next] = await lectures.aroundNow(db, member.communityId, 1, 0);
        const mine = next ? (await lectures.checkInsOf(db, member.id, [next.id]))[0] : undefined;
        const [points, rank, counts, openEvaluations] = await Promise.all([
          deps.points.total(db, member.id),
          deps.points.rankOf(db, member.id),
          members.recordCounts(db, member.id),
          repo.openEvaluationsFor(db, member.communityId, member.id, member.enrolledAt),
        ]);
        memberships.push({
          communityId: member.communityId,
          communityName,
          member: { id: member.id, name: member.name, orgId: member.orgId, orgName, status: member.status, membership: member.membership, workplace: member.workplace, tags: member.tags },
          points,
          rankInGroup: rank.rank,
          groupSize: rank.size,
          nextLecture: next ? { ...lectureView(next), myCheckIn: mine ? checkInView(mine, member.name) : null } : null,
          openClaims: counts.claimsOpen,
          openEvaluations,
        });
      }
      return { memberships };
    },
  };
}
