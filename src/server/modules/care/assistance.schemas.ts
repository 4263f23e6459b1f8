import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { assistanceActions, assistanceKinds, assistanceStatuses } from './care.model';

export const AssistanceKind = z.enum(assistanceKinds);
export const AssistanceStatus = z.enum(assistanceStatuses);
export const AssistanceAction = z.enum(assistanceActions);

const PositiveFen = z.number().int().positive({ message: 'amount_positive' });
const DocumentIds = z.array(Uuid).max(20);

export const CreateApplicationBody = z.strictObject({
  householdId: Uuid,
  applicantResidentId: Uuid,
  kind: AssistanceKind,
  reason: z.string().trim().min(1).max(2000),
  requestedAmountFen: PositiveFen.optional(),
  documentIds: DocumentIds.default([]),
});
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>;

export const UpdateApplicationBody = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(2000).optional(),
  requestedAmountFen: PositiveFen.nullable().optional(),
  documentIds: DocumentIds.optional(),
});

export const TransitionParams = z.strictObject({ id: Uuid, action: AssistanceAction.exclude(['record_objection']) });

/** One body for every step; which fields a step needs is checked by the service against the table. */
export const TransitionBody = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().trim().max(1000).optional(),
  /** publish_notice: the amount to publish; approve: the approved amount. */
  amountFen: PositiveFen.optional(),
  /** approve: first month paid (YYYY-MM). */
  startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' }).optional(),
  /** reject: why. */
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ObjectionBody = z.strictObject({
  content: z.string().trim().min(1).max(2000),
  raisedBy: z.string().trim().max(50).optional(),
});

export const ApplicationListQuery = z.strictObject({
  ...pageQuery,
  status: AssistanceStatus.optional(),
  kind: AssistanceKind.optional(),
  q: z.string().trim().max(50).optional(),
  householdId: Uuid.optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const ApplicationListItem = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  kind: AssistanceKind,
  status: AssistanceStatus,
  applicantName: z.string(),
  address: z.string(),
  amountFen: z.number().int().nullable(),
  submittedAt: z.date().nullable(),
  noticeEndsAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type ApplicationListItem = z.infer<typeof ApplicationListItem>;

export const StepView = z.object({
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.date(),
});

export const ObjectionView = z.object({
  id: z.string(),
  content: z.string(),
  raisedBy: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.date(),
});

export const ApplicationView = ApplicationListItem.extend({
  householdId: z.string(),
  careFileId: z.string().nullable(),
  applicantResidentId: z.string(),
  reason: z.string(),
  requestedAmountFen: z.number().int().nullable(),
  startMonth: z.string().nullable(),
  documentIds: z.array(z.string()),
  noticeStartsAt: z.date().nullable(),
  rejectReason: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  submittedByMe: z.boolean(),
  /** Actions the caller may take now (the buttons). */
  allowedActions: z.array(AssistanceAction),
  steps: z.array(StepView),
  objections: z.array(ObjectionView),
  version: z.number().int(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const NoticeQuery = z.strictObject({ communityId: Uuid });

/** What a public notice may show: masked name, kind, amount, dates — never an ID number or address. */
export const NoticeItem = z.object({
  id: z.string(),
  maskedName: z.string(),
  kind: AssistanceKind,
  amountFen: z.number().int().nullable(),
  noticeStartsAt: z.date(),
  noticeEndsAt: z.date(),
});
export const NoticeBoard = z.object({ communityName: z.string(), items: z.array(NoticeItem) });

/** A resident's own application as the resident app shows it: where it stands and each step's date (no staff notes). */
export const MyApplicationView = z.object({
  id: z.string(),
  communityName: z.string(),
  kind: AssistanceKind,
  status: AssistanceStatus,
  applicantName: z.string(),
  requestedAmountFen: z.number().int().nullable(),
  amountFen: z.number().int().nullable(),
  startMonth: z.string().nullable(),
  submittedAt: z.date().nullable(),
  noticeStartsAt: z.date().nullable(),
  noticeEndsAt: z.date().nullable(),
  rejectReason: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  steps: z.array(z.object({ action: z.string(), toStatus: z.string(), at: z.date() })),
});
export type MyApplicationView = z.infer<typeof MyApplicationView>;

/** An objection raised by a signed-in person on the public notice board (公示异议). */
export const NoticeObjectionBody = z.strictObject({
  content: z.string().trim().min(5).max(1000),
});
