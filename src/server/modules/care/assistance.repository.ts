/** Assistance applications, their steps and objections; households and residents are read only. */
import { and, asc, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { addressOf, qualified } from './care-files.repository';
import { assistanceApplication, assistanceObjection, assistanceStep } from './care.tables';

export type ApplicationRow = typeof assistanceApplication.$inferSelect;

/** Anyone who takes part in applications sees them (within their scope). */
export const assistanceAccess = ['assistance.read', 'assistance.create', 'assistance.community_review', 'assistance.street_review'] as const;

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const columns = {
  app: assistanceApplication,
  applicantName: sql<string>`(SELECT r.name FROM resident r WHERE r.id = ${qualified(assistanceApplication.applicantResidentId)})`,
  communityName: sql<string>`(SELECT o.name FROM org_node o WHERE o.id = ${qualified(assistanceApplication.communityId)})`,
  address: addressOf(qualified(assistanceApplication.householdId)).mapWith(String),
};

export const assistanceRepository = {
  scope: (actor: Actor, permission: PermissionRef) => scopeWhere(actor, permission, { community: assistanceApplication.communityId, grid: assistanceApplication.gridId }),

  list(q: Queryable, actor: Actor, f: { status?: string; kind?: string; q?: string; householdId?: string; before?: string; limit: number }) {
    const conds: (SQL | undefined)[] = [this.scope(actor, assistanceAccess)];
    if (f.status) conds.push(sql`${assistanceApplication.status} = ${f.status}`);
    if (f.kind) conds.push(sql`${assistanceApplication.kind} = ${f.kind}`);
    if (f.householdId) conds.push(eq(assistanceApplication.householdId, f.householdId));
    if (f.q) conds.push(sql`EXISTS (SELECT 1 FROM resident r WHERE r.id = ${assistanceApplication.applicantResidentId} AND (r.name ILIKE ${likeOf(f.q)} OR r.name_pinyin ILIKE ${likeOf(f.q)} OR r.name_initials ILIKE ${likeOf(f.q)}))`);
    if (f.before) conds.push(lt(assistanceApplication.id, f.before));
    return q.select(columns).from(assistanceApplication).where(and(...conds)).orderBy(desc(assistanceApplication.id)).limit(f.limit + 1);
  },

  async find(q: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
    if (opts.lock) await q.execute(sql`SELECT id FROM assistance_application WHERE id = ${id} FOR UPDATE`);
    const [row] = await q.select(columns).from(assistanceApplication).where(and(eq(assistanceApplication.id, id), this.scope(actor, assistanceAccess)));
    return row;
  },

  /** Whether the caller holds `permission` over a record of this community and grid. */
  async permitted(q: Queryable, actor: Actor, permission: string, communityId: string, gridId: string | null): Promise<boolean> {
    const cond = scopeWhere(actor, permission, { community: sql`${communityId}::uuid`, grid: sql`${gridId}::uuid` });
    const [row] = await rows<{ ok: boolean }>(q, sql`SELECT ${cond} AS ok`);
    return row?.ok === true;
  },

  async household(q: Queryable, actor: Actor, householdId: string) {
    const [row] = await rows<{ id: string; community_id: string; grid_id: string | null; care_file_id: string | null }>(
      q,
      sql`SELECT h.id, h.community_id, h.grid_id, (SELECT f.id FROM care_file f WHERE f.community_id = h.community_id AND f.household_id = h.id) AS care_file_id
            FROM household h WHERE h.id = ${householdId} AND ${scopeWhere(actor, 'assistance.create', { community: sql`h.community_id`, grid: sql`h.grid_id` })}`,
    );
    return row;
  },

  async isMember(q: Queryable, residentId: string, householdId: string) {
    const [row] = await rows<{ id: string }>(q, sql`SELECT id FROM resident WHERE id = ${residentId} AND household_id = ${householdId}`);
    return !!row;
  },

  async insert(q: Queryable, values: typeof assistanceApplication.$inferInsert) {
    const [row] = await q.insert(assistanceApplication).values(values).returning();
    return row!;
  },

  async insertStep(q: Queryable, values: typeof assistanceStep.$inferInsert) {
    await q.insert(assistanceStep).values(values);
  },

  steps: (q: Queryable, applicationId: string) => q.select().from(assistanceStep).where(eq(assistanceStep.applicationId, applicationId)).orderBy(asc(assistanceStep.at)),

  objections: (q: Queryable, applicationId: string) => q.select().from(assistanceObjection).where(eq(assistanceObjection.applicationId, applicationId)).orderBy(asc(assistanceObjection.recordedAt)),

  async insertObjection(q: Queryable, values: typeof assistanceObjection.$inferInsert) {
    const [row] = await q.insert(assistanceObjection).values(values).returning();
    return row!;
  },

  /** The caller's own applications (as applicant or a member of the applying household), drafts excluded. */
  mine(q: Queryable, residentId: string) {
    return q
      .select(columns)
      .from(assistanceApplication)
      .where(
        and(
          sql`${assistanceApplication.status} <> 'draft'`,
          sql`(${assistanceApplication.applicantResidentId} = ${residentId} OR ${assistanceApplication.householdId} = (SELECT r.household_id FROM resident r WHERE r.id = ${residentId}))`,
        ),
      )
      .orderBy(desc(assistanceApplication.id))
      .limit(50);
  },

  /** An application on the public board, locked for an objection (no scope: the board is public). */
  async onNotice(q: Queryable, id: string) {
    const [row] = await rows<{ id: string; community_id: string; status: string; notice_ends_at: Date | null }>(q, sql`SELECT id, community_id, status, notice_ends_at FROM assistance_application WHERE id = ${id} FOR UPDATE`);
    return row;
  },

  async community(q: Queryable, communityId: string) {
    const [row] = await rows<{ name: string }>(q, sql`SELECT name FROM org_node WHERE id = ${communityId} AND kind = 'community'`);
    return row;
  },

  /** Public notice board: what is on notice now in one community, with the applicant's name only. */
  notices(q: Queryable, communityId: string) {
    return rows<{ id: string; name: string; kind: string; amount_fen: number | null; notice_starts_at: Date; notice_ends_at: Date }>(
      q,
      sql`SELECT a.id, r.name, a.kind, a.amount_fen, a.notice_starts_at, a.notice_ends_at
            FROM assistance_application a JOIN resident r ON r.id = a.applicant_resident_id
           WHERE a.community_id = ${communityId} AND a.status = 'public_notice'
           ORDER BY a.notice_starts_at DESC, a.id LIMIT 500`,
    );
  },

  /** Approved dibao/tekun whose re-review falls due within `days` and has not been reminded for that due date. */
  dueForReview(q: Queryable, days: number) {
    return rows<{ community_id: string; ids: string[]; earliest: string; count: number }>(
      q,
      sql`SELECT a.community_id, array_agg(a.id) AS ids, min(a.review_due_on)::text AS earliest, count(*)::int AS count
            FROM assistance_application a JOIN org_node o ON o.id = a.community_id
           WHERE a.status = 'approved' AND a.kind IN ('dibao', 'tekun') AND a.review_due_on IS NOT NULL
             AND a.review_due_on <= (now() AT TIME ZONE o.timezone)::date + ${days}::int
             AND a.reminded_for_due_on IS DISTINCT FROM a.review_due_on
           GROUP BY a.community_id`,
    );
  },

  async markReminded(q: Queryable, ids: string[]) {
    if (ids.length === 0) return;
    await q.execute(sql`UPDATE assistance_application SET reminded_for_due_on = review_due_on WHERE id IN (SELECT unnest(${`{${ids.join(',')}}`}::uuid[]))`);
  },
};
