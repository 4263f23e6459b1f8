/**
 * The retention job's statements, one per record kind. Each deletes or anonymizes what is older
 * than its policy's days and returns how many rows it touched; each is idempotent (a second run
 * finds nothing), so a retried or doubled job does no harm.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client';
import { retentionPolicy, retentionRun } from './security.tables';

/** What replaces a name that may not be kept (the column is NOT NULL). */
export const ANONYMIZED_NAME = '（已匿名）';

const cutoff = (days: number) => sql`now() - make_interval(days => ${days})`;

async function count(q: Queryable, statement: SQL): Promise<number> {
  const result = await rows<{ n: number }>(q, sql`WITH done AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM done`);
  return Number(result[0]?.n ?? 0);
}

/**
 * Anonymizes residents who moved out more than `days` ago: every personal column of the places
 * module's `resident` row is cleared (ID number and phone with their indexes, birth date, ethnicity,
 * political status, notes, tags) and the name replaced by a marker. The row itself stays, so
 * statistics and foreign keys (service visits, tickets…) keep working. Agreed with the places
 * module: this is the only write the security module makes on places tables.
 */
export function anonymizeMovedOutResidents(q: Queryable, days: number): Promise<number> {
  return count(
    q,
    sql`UPDATE resident r
           SET name = ${ANONYMIZED_NAME}, name_pinyin = '', name_initials = '', birth_date = NULL,
               id_number_enc = NULL, id_number_idx = NULL, id_number_last4 = NULL,
               phone_enc = NULL, phone_idx = NULL, phone_last4 = NULL,
               ethnicity = NULL, political_status = NULL, notes = NULL, tags = '{}',
               version = r.version + 1, updated_at = now()
         WHERE r.status = 'moved_out' AND r.name <> ${ANONYMIZED_NAME}
           AND COALESCE((SELECT max(m.left_at) FROM household_membership m WHERE m.resident_id = r.id), r.updated_at) < ${cutoff(days)}`,
  );
}

export type RecordKind = keyof typeof retentionKinds;

/** Every record kind with a retention rule: default days, what happens, and the statement. */
export const retentionKinds = {
  session: { days: 30, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM session WHERE COALESCE(revoked_at, expires_at) < ${cutoff(d)}`) },
  mfa_challenge: { days: 1, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM mfa_challenge WHERE expires_at < ${cutoff(d)}`) },
  idempotency_key: { days: 1, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM idempotency_key WHERE expires_at < ${cutoff(d)}`) },
  notification: { days: 180, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM notification WHERE created_at < ${cutoff(d)}`) },
  moved_out_resident: { days: 1095, action: 'anonymize', run: anonymizeMovedOutResidents },
  privacy_request: {
    days: 1095,
    action: 'anonymize',
    run: (q: Queryable, d: number) =>
      count(q, sql`UPDATE privacy_request SET requested_value_enc = NULL, reason = '', response_note = NULL, version = version + 1, updated_at = now()
                    WHERE status <> 'pending' AND handled_at < ${cutoff(d)} AND (requested_value_enc IS NOT NULL OR reason <> '' OR response_note IS NOT NULL)`),
  },
  consent_record: { days: 1095, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM consent_record WHERE withdrawn_at < ${cutoff(d)}`) },
  security_alert: { days: 365, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM security_alert WHERE status = 'acknowledged' AND window_start < ${cutoff(d)}`) },
  retention_run: { days: 365, action: 'delete', run: (q: Queryable, d: number) => count(q, sql`DELETE FROM retention_run WHERE started_at < ${cutoff(d)}`) },
} as const satisfies Record<string, { days: number; action: 'delete' | 'anonymize'; run: (q: Queryable, days: number) => Promise<number> }>;

export const retentionRepository = {
  /** Writes the default policy of kinds that have none yet (a new kind in a later version gets its row). */
  async ensureDefaults(q: Queryable): Promise<void> {
    await q
      .insert(retentionPolicy)
      .values(Object.entries(retentionKinds).map(([recordKind, k]) => ({ recordKind, retainDays: k.days })))
      .onConflictDoNothing();
  },

  policies(q: Queryable) {
    return q.select().from(retentionPolicy).orderBy(asc(retentionPolicy.recordKind));
  },

  async update(q: Queryable, kind: string, version: number, values: { retainDays?: number; enabled?: boolean; updatedBy: string | null }) {
    const [row] = await q
      .update(retentionPolicy)
      .set({ ...values, version: sql`${retentionPolicy.version} + 1`, updatedAt: new Date() })
      .where(and(eq(retentionPolicy.recordKind, kind), eq(retentionPolicy.version, version)))
      .returning();
    return row;
  },

  async exists(q: Queryable, kind: string): Promise<boolean> {
    const [row] = await q.select({ k: retentionPolicy.recordKind }).from(retentionPolicy).where(eq(retentionPolicy.recordKind, kind));
    return !!row;
  },

  async insertRun(q: Queryable, values: typeof retentionRun.$inferInsert) {
    const [row] = await q.insert(retentionRun).values(values).returning();
    return row!;
  },

  runs(q: Queryable, limit: number) {
    return q.select().from(retentionRun).orderBy(desc(retentionRun.startedAt)).limit(limit);
  },
};
