/**
 * 共驻共建单位: organizations located in or serving the area (government offices, enterprises,
 * schools, hospitals…) that sign up with a community, send their members to report in, serve
 * and donate. Their contacts act through accounts with the `partner_contact` role.
 */
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';

export const partnerUnit = pgTable(
  'partner_unit',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['government', 'public_institution', 'enterprise', 'school', 'hospital', 'social_org', 'other'] }).notNull(),
    /** The unit's own party organization (e.g. 市疾控中心党总支). */
    partyOrgName: text('party_org_name'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('partner_unit_name_key').on(t.communityId, t.name), index('partner_unit_community_idx').on(t.communityId)],
);

/** Which accounts speak for a partner unit (role partner_contact at the community). */
export const partnerContact = pgTable(
  'partner_contact',
  {
    partnerUnitId: uuid('partner_unit_id').notNull().references(() => partnerUnit.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerUnitId, t.accountId] }), index('partner_contact_account_idx').on(t.accountId)],
);
