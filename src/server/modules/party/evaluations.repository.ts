/**
 * SQL for democratic evaluation. Answers live only as counters (evaluation_tally) and a shuffled
 * comment pool; participation is a separate row. See party.tables.ts for why no ballot row exists.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { evaluationCommentPool, evaluationParticipation, evaluationRound, evaluationSubject, evaluationTally, microLecture, partyMember } from './party.tables';

export type RoundRow = typeof evaluationRound.$inferSelect;
export type RoundFull = RoundRow & { lectureTitle: string | null; participants: number; submittedByMe: boolean };

/** One answer as counted: subject ('' or a member id), question key, value. */
export interface Answer {
  s: string;
  k: string;
  v: string;
}

function select(q: Queryable, memberId: string | null) {
  return q
    .select({
      round: evaluationRound,
      lectureTitle: microLecture.title,
      participants: sql<number>`(SELECT count(*)::int FROM evaluation_participation p WHERE p.round_id = evaluation_round.id)`,
      submittedByMe: memberId
        ? sql<boolean>`EXISTS (SELECT 1 FROM evaluation_participation p WHERE p.round_id = evaluation_round.id AND p.member_id = ${memberId})`
        : sql<boolean>`false`,
    })
    .from(evaluationRound)
    .leftJoin(microLecture, eq(microLecture.id, evaluationRound.lectureId));
}
const flatten = (r: { round: RoundRow; lectureTitle: string | null; participants: number; submittedByMe: boolean }): RoundFull => ({
  ...r.round,
  lectureTitle: r.lectureTitle,
  participants: Number(r.participants),
  submittedByMe: !!r.submittedByMe,
});

export const evaluationsRepository = {
  /** The round with its counters (every possible answer at zero) and its empty comment pool. */
  async insertRound(q: Queryable, values: typeof evaluationRound.$inferInsert, subjects: string[], counters: Answer[]): Promise<RoundRow> {
    const [row] = await q.insert(evaluationRound).values(values).returning();
    const r = row!;
    if (subjects.length) await q.insert(evaluationSubject).values(subjects.map((memberId) => ({ roundId: r.id, memberId, communityId: r.communityId })));
    for (let i = 0; i < counters.length; i += 2000) {
      await q.insert(evaluationTally).values(counters.slice(i, i + 2000).map((a) => ({ roundId: r.id, communityId: r.communityId, subjectKey: a.s, questionKey: a.k, value: a.v })));
    }
    await q.insert(evaluationCommentPool).values({ roundId: r.id, communityId: r.communityId });
    return r;
  },

  async list(q: Queryable, actor: Actor, permission: PermissionRef, f: { communityId: string; memberId: string | null; before?: readonly [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [scopeWhere(actor, permission, { community: evaluationRound.communityId }), eq(evaluationRound.communityId, f.communityId)];
    if (f.before) conds.push(sql`(${evaluationRound.opensAt}, ${evaluationRound.id}) < (${f.before[0]}::timestamptz, ${f.before[1]})`);
    const list = await select(q, f.memberId).where(and(...conds)).orderBy(desc(evaluationRound.opensAt), desc(evaluationRound.id)).limit(f.limit + 1);
    return list.map(flatten);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string, memberId: string | null = null): Promise<RoundFull | undefined> {
    const [row] = await select(q, memberId).where(and(eq(evaluationRound.id, id), scopeWhere(actor, permission, { community: evaluationRound.communityId })));
    return row && flatten(row);
  },

  subjects(q: Queryable, roundId: string) {
    return q
      .select({ memberId: evaluationSubject.memberId, name: partyMember.name })
      .from(evaluationSubject)
      .innerJoin(partyMember, eq(partyMember.id, evaluationSubject.memberId))
      .where(eq(evaluationSubject.roundId, roundId))
      .orderBy(partyMember.name)
      .limit(5000);
  },

  async lectureExists(q: Queryable, communityId: string, lectureId: string): Promise<boolean> {
    const [row] = await q.select({ id: microLecture.id }).from(microLecture).where(and(eq(microLecture.id, lectureId), eq(microLecture.communityId, communityId)));
    return !!row;
  },

  async activeMemberIds(q: Queryable, communityId: string): Promise<string[]> {
    const list = await rows<{ id: string }>(q, sql`SELECT id FROM party_member WHERE community_id = ${communityId} AND left_at IS NULL ORDER BY name LIMIT 5000`);
    return list.map((r) => r.id);
  },

  async participate(q: Queryable, round: RoundRow, memberId: string): Promise<boolean> {
    const inserted = await q.insert(evaluationParticipation).values({ communityId: round.communityId, roundId: round.id, memberId }).onConflictDoNothing().returning({ id: evaluationParticipation.id });
    return inserted.length === 1;
  },

  /**
   * Counts a ballot: every counter of the round is rewritten (+1 where it matches an answer, +0
   * elsewhere), and the comment pool is reshuffled, so all rows carry this transaction alike.
   */
  async count(q: Queryable, roundId: string, answers: Answer[], comments: string[]): Promise<void> {
    await q.execute(sql`
      UPDATE evaluation_tally t
         SET count = t.count + CASE WHEN EXISTS (
               SELECT 1 FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a(s text, k text, v text)
                WHERE a.s = t.subject_key AND a.k = t.question_key AND a.v = t.value) THEN 1 ELSE 0 END
       WHERE t.round_id = ${roundId}`);
    await q.execute(sql`
      UPDATE evaluation_comment_pool p
         SET comments = (SELECT COALESCE(array_agg(c ORDER BY random()), '{}') FROM (
               SELECT unnest(p.comments) AS c UNION ALL SELECT jsonb_array_elements_text(${JSON.stringify(comments)}::jsonb)) x)
       WHERE p.round_id = ${roundId}`);
  },

  tallies(q: Queryable, roundId: string) {
    return q
      .select({ subjectKey: evaluationTally.subjectKey, questionKey: evaluationTally.questionKey, value: evaluationTally.value, count: evaluationTally.count })
      .from(evaluationTally)
      .where(eq(evaluationTally.roundId, roundId))
      .limit(50_000);
  },

  async comments(q: Queryable, roundId: string): Promise<string[]> {
    const [row] = await q.select({ comments: evaluationCommentPool.comments }).from(evaluationCommentPool).where(eq(evaluationCommentPool.roundId, roundId));
    return row?.comments ?? [];
  },

  async close(q: Queryable, roundId: string, at: Date): Promise<boolean> {
    const updated = await q
      .update(evaluationRound)
      .set({ closedAt: at, version: sql`${evaluationRound.version} + 1`, updatedAt: at })
      .where(and(eq(evaluationRound.id, roundId), sql`${evaluationRound.closedAt} IS NULL`))
      .returning({ id: evaluationRound.id });
    return updated.length === 1;
  },
};
