/**
 * Shapes of volunteers and teams (registration, review, team membership). Activities, signups,
 * hours and certificates are in volunteer-activities.schemas.ts and re-exported here, so the
 * contracts carry one `volunteers` namespace.
 */
import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { normalizePhone } from '../places/places.checks';
import { activityCategories, availabilitySlots, reviewActions, teamOwnerKinds, volunteerOrigins, volunteerSkills, volunteerStatuses } from './volunteer-values.schemas';

export * from './volunteer-values.schemas';
export * from './volunteer-activities.schemas';

export const VolunteerStatus = z.enum(volunteerStatuses);
export const VolunteerOrigin = z.enum(volunteerOrigins);
export const Skill = z.enum(volunteerSkills);
export const Availability = z.enum(availabilitySlots);
export const ServiceArea = z.enum(activityCategories);
export const Gender = z.enum(['male', 'female']);

const list = <T extends z.ZodType>(item: T, max = 20) => z.array(item).max(max).transform((v) => [...new Set(v)] as z.infer<T>[]);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A mainland mobile or landline, normalized. */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'phone_format' });
      return z.NEVER;
    }
    return n;
  });

export const TeamRef = z.object({ id: z.string(), name: z.string(), role: z.enum(['leader', 'member']) });

export const VolunteerView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  residentId: z.string().nullable(),
  hasAccount: z.boolean(),
  partnerUnitId: z.string().nullable(),
  partnerUnitName: z.string().nullable(),
  origin: VolunteerOrigin,
  name: z.string(),
  gender: Gender.nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  /** Masked (138****1234). */
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.array(z.string()),
  areas: z.array(z.string()),
  note: z.string().nullable(),
  status: VolunteerStatus,
  reviewNote: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  teams: z.array(TeamRef),
  confirmedHours: z.number(),
  activityCount: z.number().int(),
  starLevel: z.number().int(),
  /** Review actions allowed from the current status (drawn as buttons). */
  actions: z.array(z.enum(reviewActions)),
  createdAt: z.date(),
  version: z.number().int(),
});
export type VolunteerView = z.infer<typeof VolunteerView>;

export const VolunteerListQuery = z.strictObject({
  ...pageQuery,
  communityId: Uuid.optional(),
  status: VolunteerStatus.optional(),
  teamId: Uuid.optional(),
  skill: Skill.optional(),
  q: z.string().trim().max(30).optional(),
});

const profileFields = {
  skills: list(Skill).default([]),
  availability: list(Availability).default([]),
  areas: list(ServiceArea).default([]),
  note: optionalText(500),
};

const personFields = {
  name: z.string().trim().min(1).max(50).optional(),
  phone: Phone.optional(),
  gender: Gender.optional(),
  birthDate: z.iso.date().optional(),
  partnerUnitId: Uuid.optional(),
};

/** Staff register someone (approved at once): a resident of the community, or a person by name and phone. */
export const RegisterVolunteerBody = z
  .strictObject({ communityId: Uuid, residentId: Uuid.optional(), origin: VolunteerOrigin.optional(), teamId: Uuid.optional(), ...personFields, ...profileFields })
  .refine((b) => b.residentId || (b.name && b.phone), { message: 'required', path: ['name'] });

/** Self-service from the resident app; name and phone are needed only without a resident record. */
export const SelfRegisterBody = z.strictObject({ communityId: Uuid, ...personFields, ...profileFields });

export const UpdateVolunteerBody = z.strictObject({
  version: z.number().int().min(1),
  skills: list(Skill).optional(),
  availability: list(Availability).optional(),
  areas: list(ServiceArea).optional(),
  note: optionalText(500),
  phone: Phone.optional(),
  partnerUnitId: Uuid.nullable().optional(),
});

export const ReviewVolunteerBody = z.strictObject({
  version: z.number().int().min(1),
  action: z.enum(reviewActions),
  note: optionalText(200),
});

/** The caller's own registrations (one per community), with hours and stars. */
export const MyVolunteerView = z.object({
  registrations: z.array(
    VolunteerView.extend({
      hoursToNextLevel: z.number().nullable(),
      starThresholds: z.array(z.number()),
    }),
  ),
  /** Communities the caller may register in (where they hold a resident, party member or partner role). */
  communities: z.array(z.object({ id: z.string(), name: z.string() })),
});

// ---- teams ---------------------------------------------------------------------------------

export const TeamOwnerKind = z.enum(teamOwnerKinds);

export const TeamView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  name: z.string(),
  ownerKind: TeamOwnerKind,
  partnerUnitId: z.string().nullable(),
  partnerUnitName: z.string().nullable(),
  partyOrgId: z.string().nullable(),
  description: z.string().nullable(),
  foundedOn: z.string().nullable(),
  status: z.enum(['active', 'dissolved']),
  memberCount: z.number().int(),
  leaders: z.array(z.object({ volunteerId: z.string(), name: z.string() })),
  confirmedHours: z.number(),
  version: z.number().int(),
});
export type TeamView = z.infer<typeof TeamView>;

export const TeamListQuery = z.strictObject({
  ...pageQuery,
  communityId: Uuid.optional(),
  ownerKind: TeamOwnerKind.optional(),
  q: z.string().trim().max(50).optional(),
});

export const CreateTeamBody = z
  .strictObject({
    communityId: Uuid,
    name: z.string().trim().min(1).max(60),
    ownerKind: TeamOwnerKind.default('community'),
    partnerUnitId: Uuid.optional(),
    partyOrgId: Uuid.optional(),
    description: optionalText(500),
    foundedOn: z.iso.date().optional(),
  })
  .refine((b) => b.ownerKind !== 'partner_unit' || b.partnerUnitId, { message: 'required', path: ['partnerUnitId'] })
  .refine((b) => b.ownerKind !== 'party_org' || b.partyOrgId, { message: 'required', path: ['partyOrgId'] });

export const UpdateTeamBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(60).optional(),
  description: optionalText(500),
  foundedOn: z.iso.date().nullable().optional(),
  status: z.enum(['active', 'dissolved']).optional(),
});

export const TeamMemberView = z.object({
  volunteerId: z.string(),
  name: z.string(),
  role: z.enum(['leader', 'member']),
  joinedAt: z.date(),
  confirmedHours: z.number(),
  starLevel: z.number().int(),
});

export const TeamMemberListQuery = z.strictObject({ ...pageQuery });

export const AddTeamMemberBody = z.strictObject({ volunteerId: Uuid, role: z.enum(['leader', 'member']).default('member') });
export const TeamMemberParams = z.strictObject({ id: Uuid, volunteerId: Uuid });
