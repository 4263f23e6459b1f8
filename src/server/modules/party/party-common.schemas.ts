/** Shapes shared by the party module's schemas. Pure zod (bundled into the web apps). */
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const Timestamp = z.iso.datetime({ offset: true });
export const DateOnly = z.iso.date();
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' });

/** Optional on every create/list: callers whose scope is one community may leave it out. */
export const communityField = { communityId: Uuid.optional() };

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const PartyStatus = z.enum(['full', 'probationary']);
export const Membership = z.enum(['registered', 'reporting', 'mobile']);
export const PartyOrgKind = z.enum(['committee', 'general_branch', 'branch', 'group']);
export const OfficerRole = z.enum(['secretary', 'deputy_secretary', 'committee_member', 'group_leader']);
export const Grade = z.enum(['excellent', 'qualified', 'basically_qualified', 'unqualified']);
export const MeetingParty = z.enum(['community', 'property_company', 'owners_committee', 'social_worker']);

/** A period filter ("from" inclusive, "to" inclusive) in the community's calendar. */
export const periodQuery = { from: DateOnly.optional(), to: DateOnly.optional() };

export const MemberRef = z.object({ id: z.string(), name: z.string() });
