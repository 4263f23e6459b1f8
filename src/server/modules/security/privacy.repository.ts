/**
 * SQL for privacy: correction requests, consents, guardian links, and read-only joins on the
 * places tables (a resident's own record for "my data", and a minor's age in the community's zone).
 */
import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { auditLog } from '../../platform/db/tables/audit';
import { account } from '../../platform/db/tables/auth';
import { scopeWhere } from '../../platform/scope';
import { resident } from '../places/places.tables';
import { consentRecord, guardianLink, privacyRequest } from './security.tables';

export type PrivacyRequestRow = typeof privacyRequest.$inferSelect & { residentName: string };
export type ConsentRow = typeof consentRecord.$inferSelect;

export interface OwnRecord {
  id: string;
  community_id: string;
  name: string;
  gender: string;
  birth_date: string | null;
  id_number_enc: string | null;
  phone_enc: string | null;
  ethnicity: string | null;
  political_status: string | null;
  residency: string;
  tags: string[];
  status: string;
  relation_to_head: string | null;
  community: string;
  address: string | null;
}

const requestColumns = {
  id: privacyRequest.id,
  communityId: privacyRequest.communityId,
  residentId: privacyRequest.residentId,
  accountId: privacyRequest.accountId,
  kind: privacyRequest.kind,
  field: privacyRequest.field,
  requestedValueEnc: privacyRequest.requestedValueEnc,
  reason: privacyRequest.reason,
  status: privacyRequest.status,
  responseNote: privacyRequest.responseNote,
  handledBy: privacyRequest.handledBy,
  handledAt: privacyRequest.handledAt,
  version: privacyRequest.version,
  createdAt: privacyRequest.createdAt,
  updatedAt: privacyRequest.updatedAt,
  residentName: resident.name,
};

export const privacyRepository = {
  /** A resident's own record with its community and address (read-only join on places tables). */
  async ownRecord(q: Queryable, residentId: string): Promise<OwnRecord | undefined> {
    const [row] = await rows<OwnRecord>(
      q,
      sql`SELECT r.id, r.community_id, r.name, r.gender, r.birth_date::text AS birth_date, r.id_number_enc, r.phone_enc, r.ethnicity,
                 r.political_status, r.residency, r.tags, r.status, r.relation_to_head, o.name AS community,
                 CASE WHEN h.id IS NULL THEN NULL ELSE concat_ws(' ', e.name, b.name, h.room) END AS address
            FROM resident r
            JOIN org_node o ON o.id = r.community_id
            LEFT JOIN household h ON h.id = r.household_id
            LEFT JOIN building b ON b.id = h.building_id
            LEFT JOIN estate e ON e.id = b.estate_id
           WHERE r.id = ${residentId}`,
    );
    return row;
  },

  /** Age in whole years today in the community's time zone (null without a birth date). */
  async ageOf(q: Queryable, residentId: string): Promise<{ age: number | null; communityId: string } | undefined> {
    const [row] = await rows<{ age: number | null; community_id: string }>(
      q,
      sql`SELECT r.community_id,
                 CASE WHEN r.birth_date IS NULL THEN NULL
                      ELSE date_part('year', age((now() AT TIME ZONE o.timezone)::date, r.birth_date))::int END AS age
            FROM resident r JOIN org_node o ON o.id = r.community_id WHERE r.id = ${residentId}`,
    );
    return row && { age: row.age === null ? null : Number(row.age), communityId: row.community_id };
  },

  /** A resident the caller may act on with `permission` (scope by community and grid). */
  async residentInScope(q: Queryable, actor: Actor, permission: PermissionRef, residentId: string) {
    const [row] = await q
      .select({ id: resident.id, communityId: resident.communityId, name: resident.name })
      .from(resident)
      .where(and(eq(resident.id, residentId), scopeWhere(actor, permission, { community: resident.communityId, grid: resident.gridId })));
    return row;
  },

  // ---- correction requests --------------------------------------------------------------------

  async insertRequest(q: Queryable, values: typeof privacyRequest.$inferInsert) {
    const [row] = await q.insert(privacyRequest).values(values).returning();
    return row!;
  },

  requestsOfResident(q: Queryable, residentId: string): Promise<PrivacyRequestRow[]> {
    return q.select(requestColumns).from(privacyRequest).innerJoin(resident, eq(resident.id, privacyRequest.residentId)).where(eq(privacyRequest.residentId, residentId)).orderBy(desc(privacyRequest.createdAt)).limit(200);
  },

  listRequests(q: Queryable, actor: Actor, f: { status?: string; communityId?: string; before?: [string, string]; limit: number }): Promise<PrivacyRequestRow[]> {
    const conds: (SQL | undefined)[] = [
      scopeWhere(actor, 'privacy_request.read', { community: privacyRequest.communityId }),
      f.status ? eq(privacyRequest.status, f.status as 'pending') : undefined,
      f.communityId ? eq(privacyRequest.communityId, f.communityId) : undefined,
      f.before ? or(lt(privacyRequest.createdAt, new Date(f.before[0])), and(eq(privacyRequest.createdAt, new Date(f.before[0])), lt(privacyRequest.id, f.before[1]))) : undefined,
    ];
    return q
      .select(requestColumns)
      .from(privacyRequest)
      .innerJoin(resident, eq(resident.id, privacyRequest.residentId))
      .where(and(...conds))
      .orderBy(desc(privacyRequest.createdAt), desc(privacyRequest.id))
      .limit(f.limit + 1);
  },

  async requestInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<PrivacyRequestRow | undefined> {
    const [row] = await q
      .select(requestColumns)
      .from(privacyRequest)
      .innerJoin(resident, eq(resident.id, privacyRequest.residentId))
      .where(and(eq(privacyRequest.id, id), scopeWhere(actor, permission, { community: privacyRequest.communityId })));
    return row;
  },

  // ---- consent --------------------------------------------------------------------------------

  consentsOf(q: Queryable, subjectKey: string): Promise<ConsentRow[]> {
    return q.select().from(consentRecord).where(eq(consentRecord.subjectKey, subjectKey)).orderBy(desc(consentRecord.grantedAt)).limit(500);
  },

  async activeConsent(q: Queryable, subjectKey: string, purpose: string): Promise<ConsentRow | undefined> {
    const [row] = await q.select().from(consentRecord).where(and(eq(consentRecord.subjectKey, subjectKey), eq(consentRecord.purpose, purpose), isNull(consentRecord.withdrawnAt)));
    return row;
  },

  /** Inserts an active consent; undefined when another request inserted one first. */
  async insertConsent(q: Queryable, values: typeof consentRecord.$inferInsert): Promise<ConsentRow | undefined> {
    const [row] = await q.insert(consentRecord).values(values).onConflictDoNothing().returning();
    return row;
  },

  async withdrawConsent(q: Queryable, subjectKey: string, purpose: string, by: string): Promise<ConsentRow | undefined> {
    const [row] = await q
      .update(consentRecord)
      .set({ withdrawnAt: new Date(), withdrawnBy: by })
      .where(and(eq(consentRecord.subjectKey, subjectKey), eq(consentRecord.purpose, purpose), isNull(consentRecord.withdrawnAt)))
      .returning();
    return row;
  },

  // ---- guardians ------------------------------------------------------------------------------

  async activeGuardianLink(q: Queryable, minorResidentId: string, guardianAccountId: string) {
    const [row] = await q
      .select()
      .from(guardianLink)
      .where(and(eq(guardianLink.minorResidentId, minorResidentId), eq(guardianLink.guardianAccountId, guardianAccountId), isNull(guardianLink.revokedAt)));
    return row;
  },

  async guardiansOf(q: Queryable, minorResidentId: string) {
    return q
      .select({ name: account.displayName, relation: guardianLink.relation })
      .from(guardianLink)
      .innerJoin(account, eq(account.id, guardianLink.guardianAccountId))
      .where(and(eq(guardianLink.minorResidentId, minorResidentId), isNull(guardianLink.revokedAt)));
  },

  wardsOf(q: Queryable, guardianAccountId: string) {
    return q
      .select({ residentId: resident.id, name: resident.name, relation: guardianLink.relation, birthDate: resident.birthDate })
      .from(guardianLink)
      .innerJoin(resident, eq(resident.id, guardianLink.minorResidentId))
      .where(and(eq(guardianLink.guardianAccountId, guardianAccountId), isNull(guardianLink.revokedAt)));
  },

  async insertGuardianLink(q: Queryable, values: typeof guardianLink.$inferInsert) {
    const [row] = await q.insert(guardianLink).values(values).onConflictDoNothing().returning();
    return row;
  },

  listGuardianLinks(q: Queryable, actor: Actor, f: { minorResidentId?: string }) {
    return q
      .select({
        id: guardianLink.id,
        communityId: guardianLink.communityId,
        minorResidentId: guardianLink.minorResidentId,
        minorName: resident.name,
        guardianAccountId: guardianLink.guardianAccountId,
        guardianName: account.displayName,
        relation: guardianLink.relation,
        createdAt: guardianLink.createdAt,
      })
      .from(guardianLink)
      .innerJoin(resident, eq(resident.id, guardianLink.minorResidentId))
      .innerJoin(account, eq(account.id, guardianLink.guardianAccountId))
      .where(
        and(
          isNull(guardianLink.revokedAt),
          scopeWhere(actor, 'guardian_link.manage', { community: guardianLink.communityId }),
          f.minorResidentId ? eq(guardianLink.minorResidentId, f.minorResidentId) : undefined,
        ),
      )
      .orderBy(desc(guardianLink.createdAt))
      .limit(500);
  },

  async revokeGuardianLink(q: Queryable, actor: Actor, id: string) {
    const [row] = await q
      .update(guardianLink)
      .set({ revokedAt: new Date(), revokedBy: actor.accountId })
      .where(and(eq(guardianLink.id, id), isNull(guardianLink.revokedAt), scopeWhere(actor, 'guardian_link.manage', { community: guardianLink.communityId })))
      .returning();
    return row;
  },

  /**
   * Resident app accounts of the minor's community that could be recorded as the guardian: active,
   * linked to a resident of that community, name matching; the minor's own household first.
   */
  guardianCandidates(q: Queryable, minor: { id: string; communityId: string }, text: string | undefined) {
    const like = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return rows<{ accountId: string; displayName: string; residentName: string; sameHousehold: boolean }>(
      q,
      sql`SELECT a.id AS "accountId", a.display_name AS "displayName", r.name AS "residentName",
                 (r.household_id IS NOT NULL AND r.household_id = m.household_id) AS "sameHousehold"
            FROM account a
            JOIN resident r ON r.id = a.resident_id AND r.community_id = ${minor.communityId}
            JOIN resident m ON m.id = ${minor.id}
           WHERE a.status = 'active' AND r.id <> m.id
             ${like ? sql`AND (r.name LIKE ${like} OR r.name_pinyin LIKE ${like.toLowerCase()} OR r.name_initials LIKE ${like.toLowerCase()} OR a.display_name LIKE ${like})` : sql``}
           ORDER BY "sameHousehold" DESC, r.name
           LIMIT 20`,
    );
  },

  async accountExists(q: Queryable, id: string): Promise<boolean> {
    const [row] = await q.select({ id: account.id }).from(account).where(and(eq(account.id, id), eq(account.status, 'active')));
    return !!row;
  },

  // ---- what was done with one's records -------------------------------------------------------

  accessLog(q: Queryable, entityIds: string[]) {
    return q
      .select({ at: auditLog.at, actor: auditLog.actorName, action: auditLog.action })
      .from(auditLog)
      .where(sql`${auditLog.entityId} IN ${entityIds}`)
      .orderBy(desc(auditLog.seq))
      .limit(100);
  },
};
