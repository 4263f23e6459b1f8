import { z } from 'zod';
import { pageOf, pageQuery, Uuid } from '../../../contracts/common';
import { communityField, Grade, text, Timestamp } from './party-common.schemas';

export const EvaluationQuestionInput = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, { message: 'question_key_format' }),
  text: text(200),
  kind: z.enum(['rating', 'comment']),
});

export const CreateEvaluationRoundBody = z
  .strictObject({
    ...communityField,
    title: text(200),
    kind: z.enum(['lecture', 'member']),
    lectureId: Uuid.optional(),
    questions: z.array(EvaluationQuestionInput).max(20).default([]),
    /** Member rounds: who is graded (default: every member on the roster). */
    subjectMemberIds: z.array(Uuid).max(2000).optional(),
    opensAt: Timestamp,
    closesAt: Timestamp,
  })
  .refine((b) => new Date(b.closesAt) > new Date(b.opensAt), { message: 'time_range', path: ['closesAt'] })
  .refine((b) => b.kind !== 'lecture' || !!b.lectureId, { message: 'required', path: ['lectureId'] })
  .refine((b) => new Set(b.questions.map((q) => q.key)).size === b.questions.length, { message: 'duplicate_key', path: ['questions'] })
  .refine((b) => b.kind === 'member' || b.questions.length > 0, { message: 'required', path: ['questions'] });

export const EvaluationRoundView = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  kind: z.enum(['lecture', 'member']),
  lectureId: z.string().nullable(),
  lectureTitle: z.string().nullable(),
  questions: z.array(z.object({ key: z.string(), text: z.string(), kind: z.enum(['rating', 'comment']) })),
  subjects: z.array(z.object({ memberId: z.string(), name: z.string() })),
  opensAt: z.date(),
  closesAt: z.date(),
  closedAt: z.date().nullable(),
  state: z.enum(['upcoming', 'open', 'closed']),
  eligibleCount: z.number().int(),
  participants: z.number().int(),
  /** Whether the caller (a member) has already taken part. */
  submittedByMe: z.boolean(),
  version: z.number().int(),
});
export type EvaluationRoundView = z.infer<typeof EvaluationRoundView>;

export const EvaluationRoundListQuery = z.strictObject({ ...communityField, ...pageQuery });
export const EvaluationRoundPage = pageOf(EvaluationRoundView);

export const SubmitBallotBody = z.strictObject({
  ratings: z.record(z.string().max(30), z.number().int().min(1).max(5)).default({}),
  grades: z.record(Uuid, Grade).default({}),
  comments: z.record(z.string().max(30), z.string().trim().max(2000)).default({}),
});

export const EvaluationResults = z.object({
  roundId: z.string(),
  title: z.string(),
  kind: z.enum(['lecture', 'member']),
  participants: z.number().int(),
  eligibleCount: z.number().int(),
  participationRate: z.number(),
  questions: z.array(
    z.object({ key: z.string(), text: z.string(), responses: z.number().int(), average: z.number().nullable(), counts: z.record(z.string(), z.number().int()) }),
  ),
  subjects: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      responses: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
      rates: z.record(z.string(), z.number()),
    }),
  ),
  /** Free-text answers in random order, with no author. */
  comments: z.array(z.string()),
});
export type EvaluationResults = z.infer<typeof EvaluationResults>;
