import { z } from 'zod';
import { pageOf, pageQuery } from '../../../contracts/common';
import { communityField, DateOnly, MeetingParty, optionalText, text, Timestamp } from './party-common.schemas';

export const AttendeeInput = z.strictObject({ party: MeetingParty, name: text(50), organization: optionalText(100) });

export const ActionItemView = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingHeldAt: z.date(),
  decision: z.string(),
  ownerParty: MeetingParty,
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: z.date().nullable(),
  doneNote: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type ActionItemView = z.infer<typeof ActionItemView>;

export const JointMeetingView = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  heldAt: z.date(),
  location: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  attendees: z.array(z.object({ id: z.string(), party: MeetingParty, name: z.string(), organization: z.string().nullable() })),
  partiesPresent: z.array(MeetingParty),
  actions: z.array(ActionItemView),
  /** Items decided at earlier meetings and still open at this one: the carried-over agenda. */
  carriedOver: z.array(ActionItemView),
  version: z.number().int(),
});
export type JointMeetingView = z.infer<typeof JointMeetingView>;

export const JointMeetingListItem = z.object({
  id: z.string(),
  title: z.string(),
  heldAt: z.date(),
  location: z.string().nullable(),
  attendees: z.number().int(),
  partiesPresent: z.array(MeetingParty),
  decisions: z.number().int(),
  openActions: z.number().int(),
});
export type JointMeetingListItem = z.infer<typeof JointMeetingListItem>;

export const JointMeetingListQuery = z.strictObject({ ...communityField, ...pageQuery });
export const JointMeetingPage = pageOf(JointMeetingListItem);

export const CreateJointMeetingBody = z.strictObject({
  ...communityField,
  title: text(200),
  heldAt: Timestamp,
  location: optionalText(200),
  agenda: optionalText(5000),
  minutes: optionalText(20_000),
  attendees: z.array(AttendeeInput).max(100).optional(),
});

export const UpdateJointMeetingBody = z.strictObject({
  version: z.number().int().min(1),
  title: text(200).optional(),
  heldAt: Timestamp.optional(),
  location: optionalText(200),
  agenda: optionalText(5000),
  minutes: optionalText(20_000),
  /** Replaces the attendance list. */
  attendees: z.array(AttendeeInput).max(100).optional(),
});

export const AddActionItemBody = z.strictObject({ decision: text(500), ownerParty: MeetingParty, ownerName: text(50), dueOn: DateOnly });
export const UpdateActionItemBody = z.strictObject({ version: z.number().int().min(1), status: z.enum(['open', 'done']), doneNote: optionalText(500) });
export const OpenActionItemsQuery = z.strictObject({ ...communityField });
