/**
 * 民主测评: a round with a questionnaire (ratings 1–5 and comments) on a lecture, or the annual
 * grading of members (优秀 / 合格 / 基本合格 / 不合格). Each member on the roster when the round was
 * opened submits once. Anonymous by construction: the ballot is counted into the round's counters
 * and comment pool, and only a participation row (who, when) is kept — no row holds both.
 * Results are shown only once the round is closed, and only as counts and rates.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { maskName } from '../../platform/crypto';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import type { PartyAccess } from './party-access';
import { evaluationsRepository as repo, type Answer, type RoundFull } from './evaluations.repository';
import type { EvaluationResults, EvaluationRoundView } from './evaluations.schemas';
import type { EvaluationQuestion } from './party.tables';

export const grades = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
const ratingValues = ['1', '2', '3', '4', '5'] as const;
const readAccess = ['evaluation.read', 'evaluation.submit'] as const;

type Grade = (typeof grades)[number];

export interface CreateRoundInput {
  communityId?: string;
  title: string;
  kind: 'lecture' | 'member';
  lectureId?: string;
  questions: EvaluationQuestion[];
  subjectMemberIds?: string[];
  opensAt: string;
  closesAt: string;
}

export interface BallotInput {
  ratings: Record<string, number>;
  grades: Record<string, Grade>;
  comments: Record<string, string>;
}

export function stateOf(r: { opensAt: Date; closesAt: Date; closedAt: Date | null }, now = Date.now()): EvaluationRoundView['state'] {
  if (r.closedAt || now >= r.closesAt.getTime()) return 'closed';
  return now < r.opensAt.getTime() ? 'upcoming' : 'open';
}

/** Every answer a ballot could give, as zeroed counters. */
function countersFor(questions: EvaluationQuestion[], subjects: string[]): Answer[] {
  const out: Answer[] = [];
  for (const q of questions) if (q.kind === 'rating') for (const v of ratingValues) out.push({ s: '', k: q.key, v });
  for (const s of subjects) for (const v of grades) out.push({ s, k: 'grade', v });
  return out;
}

/** Checks a ballot against the round and turns it into counted answers; field errors otherwise. */
function answersOf(round: RoundFull, subjects: string[], voterId: string, b: BallotInput): { answers: Answer[]; comments: string[] } {
  const issues: { field: string; code: string }[] = [];
  const ratingKeys = round.questions.filter((q) => q.kind === 'rating').map((q) => q.key);
  const commentKeys = new Set(round.questions.filter((q) => q.kind === 'comment').map((q) => q.key));
  for (const k of ratingKeys) if (b.ratings[k] === undefined) issues.push({ field: `ratings.${k}`, code: 'required' });
  for (const k of Object.keys(b.ratings)) if (!ratingKeys.includes(k)) issues.push({ field: `ratings.${k}`, code: 'unknown_question' });
  for (const k of Object.keys(b.comments)) if (!commentKeys.has(k)) issues.push({ field: `comments.${k}`, code: 'unknown_question' });
  const graded = subjects.filter((s) => s !== voterId);
  for (const s of graded) if (!b.grades[s]) issues.push({ field: `grades.${s}`, code: 'required' });
  for (const s of Object.keys(b.grades)) if (!graded.includes(s)) issues.push({ field: `grades.${s}`, code: s === voterId ? 'cannot_grade_self' : 'unknown_subject' });
  if (issues.length) throw new AppError('validation_failed', issues);
  return {
    answers: [...ratingKeys.map((k) => ({ s: '', k, v: String(b.ratings[k]) })), ...graded.map((s) => ({ s, k: 'grade', v: b.grades[s]! }))],
    comments: Object.values(b.comments).filter((c) => c.trim() !== ''),
  };
}

export function createEvaluationsService(ctx: AppContext, access: PartyAccess) {
  const { db, audit } = ctx;

  async function view(q: Queryable, r: RoundFull): Promise<EvaluationRoundView> {
    const subjects = r.kind === 'member' ? await repo.subjects(q, r.id) : [];
    return {
      id: r.id,
      communityId: r.communityId,
      title: r.title,
      kind: r.kind,
      lectureId: r.lectureId,
      lectureTitle: r.lectureTitle,
      questions: r.questions,
      subjects: subjects.map((s) => ({ memberId: s.memberId, name: maskName(s.name)! })),
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      closedAt: r.closedAt,
      state: stateOf(r),
      eligibleCount: r.eligibleCount,
      participants: r.participants,
      submittedByMe: r.submittedByMe,
      version: r.version,
    };
  }

  return {
    async create(actor: Actor, input: CreateRoundInput): Promise<EvaluationRoundView> {
      const id = await db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'evaluation.manage', input.communityId);
        if (input.lectureId && !(await repo.lectureExists(tx, c.id, input.lectureId))) {
          throw new AppError('validation_failed', [{ field: 'lectureId', code: 'unknown_lecture' }]);
        }
        const roster = await repo.activeMemberIds(tx, c.id);
        let subjects: string[] = [];
        if (input.kind === 'member') {
          subjects = input.subjectMemberIds ? [...new Set(input.subjectMemberIds)] : roster;
          const known = new Set(roster);
          if (subjects.length === 0 || subjects.some((s) => !known.has(s))) throw new AppError('validation_failed', [{ field: 'subjectMemberIds', code: 'unknown_member' }]);
        }
        const row = await repo.insertRound(
          tx,
          { communityId: c.id, title: input.title, kind: input.kind, lectureId: input.kind === 'lecture' ? input.lectureId! : null, questions: input.questions, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), eligibleCount: roster.length, createdBy: actor.accountId },
          subjects,
          countersFor(input.questions, subjects),
        );
        await audit.record(tx, actor, { action: 'evaluation.create', entity: 'evaluation_round', entityId: row.id, communityId: c.id, changes: { title: { after: row.title }, kind: { after: row.kind }, subjects: { after: subjects.length } } });
        return row.id;
      });
      return view(db, (await repo.findInScope(db, actor, 'evaluation.manage', id))!);
    },

    async list(actor: Actor, q: { communityId?: string; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, readAccess, q.communityId);
      const me = await access.memberOf(db, actor, c.id);
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.list(db, actor, readAccess, { communityId: c.id, memberId: me?.id ?? null, before: before ?? undefined, limit: q.limit });
      const page = pageFrom(list, q.limit, (r) => [r.opensAt.toISOString(), r.id], (r) => r);
      return { items: await Promise.all(page.items.map((r) => view(db, r))), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string): Promise<EvaluationRoundView> {
      const bare = await repo.findInScope(db, actor, readAccess, id);
      if (!bare) throw new AppError('not_found');
      const me = await access.memberOf(db, actor, bare.communityId);
      return view(db, me ? (await repo.findInScope(db, actor, readAccess, id, me.id))! : bare);
    },

    /** Once per member: a second submission is 409 already_exists and counts nothing. */
    async submit(actor: Actor, id: string, ballot: BallotInput): Promise<void> {
      await db.transaction(async (tx) => {
        const round = await repo.findInScope(tx, actor, 'evaluation.submit', id);
        if (!round) throw new AppError('not_found');
        const me = await access.requireMember(tx, actor, round.communityId);
        if (me.enrolledAt > round.createdAt) throw new AppError('not_party_member', { reason: 'joined_after_round' });
        if (stateOf(round) !== 'open') throw new AppError('evaluation_closed', { state: stateOf(round) });
        const subjects = round.kind === 'member' ? (await repo.subjects(tx, id)).map((s) => s.memberId) : [];
        const { answers, comments } = answersOf(round, subjects, me.id, ballot);
        if (!(await repo.participate(tx, round, me.id))) throw new AppError('already_exists', [{ field: 'id', code: 'already_evaluated' }]);
        await repo.count(tx, id, answers, comments);
        await audit.record(tx, actor, { action: 'evaluation.submit', entity: 'evaluation_round', entityId: id, communityId: round.communityId });
      });
    },

    async close(actor: Actor, id: string): Promise<EvaluationRoundView> {
      await db.transaction(async (tx) => {
        const round = await repo.findInScope(tx, actor, 'evaluation.manage', id);
        if (!round) throw new AppError('not_found');
        if (!(await repo.close(tx, id, new Date()))) throw new AppError('invalid_transition', { state: 'closed' });
        await audit.record(tx, actor, { action: 'evaluation.close', entity: 'evaluation_round', entityId: id, communityId: round.communityId });
      });
      return view(db, (await repo.findInScope(db, actor, 'evaluation.manage', id))!);
    },

    /** Counts and rates only, and only after the round has closed. */
    async results(actor: Actor, id: string): Promise<EvaluationResults> {
      const round = await repo.findInScope(db, actor, 'evaluation.read', id);
      if (!round) throw new AppError('not_found');
      if (stateOf(round) !== 'closed') throw new AppError('evaluation_open');
      const [tallies, comments, subjects] = await Promise.all([repo.tallies(db, id), repo.comments(db, id), round.kind === 'member' ? repo.subjects(db, id) : Promise.resolve([])]);
      const countOf = (s: string, k: string) => Object.fromEntries(tallies.filter((t) => t.subjectKey === s && t.questionKey === k).map((t) => [t.value, t.count]));
      const questions = round.questions
        .filter((q) => q.kind === 'rating')
        .map((q) => {
          const counts = countOf('', q.key);
          const responses = Object.values(counts).reduce((a, b) => a + b, 0);
          const sum = Object.entries(counts).reduce((a, [v, n]) => a + Number(v) * n, 0);
          return { key: q.key, text: q.text, responses, average: responses ? Math.round((sum / responses) * 100) / 100 : null, counts };
        });
      return {
        roundId: id,
        title: round.title,
        kind: round.kind,
        participants: round.participants,
        eligibleCount: round.eligibleCount,
        participationRate: round.eligibleCount ? Math.round((round.participants / round.eligibleCount) * 10_000) / 10_000 : 0,
        questions,
        subjects: subjects.map((s) => {
          const counts = countOf(s.memberId, 'grade');
          const responses = Object.values(counts).reduce((a, b) => a + b, 0);
          const rates = Object.fromEntries(grades.map((g) => [g, responses ? Math.round(((counts[g] ?? 0) / responses) * 10_000) / 10_000 : 0]));
          return { memberId: s.memberId, name: maskName(s.name)!, responses, counts, rates };
        }),
        comments,
      };
    },
  };
}
