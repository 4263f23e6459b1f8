import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { projectStatuses } from './tickets.tables';

export const ProjectStatus = z.enum(projectStatuses);
const Person = z.object({ accountId: z.string(), name: z.string() });

export const MilestoneView = z.object({ id: z.string(), title: z.string(), dueOn: z.string().nullable(), doneAt: z.date().nullable(), sort: z.number().int() });
export const ProjectUpdateView = z.object({
  id: z.string(),
  at: z.date(),
  authorName: z.string(),
  note: z.string(),
  progress: z.number().int().nullable(),
  milestoneId: z.string().nullable(),
  photoIds: z.array(z.string()),
});

export const ProjectListItem = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  source: z.enum(['ticket', 'joint_meeting', 'other']),
  status: ProjectStatus,
  progress: z.number().int(),
  isPublic: z.boolean(),
  dueOn: z.string().nullable(),
  leader: Person,
  supervisor: Person,
  milestones: z.number().int(),
  milestonesDone: z.number().int(),
  createdAt: z.date(),
});
export type ProjectListItem = z.infer<typeof ProjectListItem>;

export const ProjectView = ProjectListItem.extend({
  description: z.string(),
  sourceTicketId: z.string().nullable(),
  jointMeetingId: z.string().nullable(),
  decisionNote: z.string().nullable(),
  completedAt: z.date().nullable(),
  version: z.number().int(),
  milestoneList: z.array(MilestoneView),
  updates: z.array(ProjectUpdateView),
  /** What the caller may do: post progress (leader, supervisor, managers), edit (managers). */
  canProgress: z.boolean(),
  canManage: z.boolean(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const ProjectListQuery = z.strictObject({
  ...pageQuery,
  communityId: Uuid.optional(),
  status: ProjectStatus.optional(),
  /** Only projects I lead or supervise. */
  mine: z.enum(['true', 'false']).optional(),
});

const title = z.string().trim().min(2).max(100);

export const CreateProjectBody = z.strictObject({
  communityId: Uuid.optional(),
  title,
  description: z.string().trim().max(2000).optional(),
  /** A ticket too big for one worker … */
  sourceTicketId: Uuid.optional(),
  /** … or a decision of a 党建联席会 (party module), referenced by id with a short note. */
  jointMeetingId: Uuid.optional(),
  decisionNote: z.string().trim().max(500).optional(),
  /** The party member who leads it (their account), and optionally their resident record. */
  leaderAccountId: Uuid,
  leaderResidentId: Uuid.optional(),
  supervisorAccountId: Uuid,
  dueOn: z.iso.date().optional(),
  isPublic: z.boolean().default(true),
  milestones: z.array(z.strictObject({ title, dueOn: z.iso.date().optional() })).max(20).default([]),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  description: z.string().trim().max(2000).optional(),
  status: ProjectStatus.optional(),
  dueOn: z.iso.date().nullable().optional(),
  isPublic: z.boolean().optional(),
  supervisorAccountId: Uuid.optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const ProjectProgressBody = z.strictObject({
  note: z.string().trim().min(2).max(1000),
  progress: z.number().int().min(0).max(100).optional(),
  /** Marks this milestone done. */
  milestoneId: Uuid.optional(),
  photoIds: z.array(Uuid).max(9).optional(),
});
export type ProjectProgressBody = z.infer<typeof ProjectProgressBody>;
