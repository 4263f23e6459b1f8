/**
 * Bulk reveal / export alerts, computed from the audit log: per account and clock hour, actions
 * ending in `.reveal` or `.export` above the threshold. Upserted per (account, kind, hour), so the
 * scan can run any number of times, on any number of instances, and an alert only grows.
 */
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import { securityAlert } from './security.tables';

export interface AlertCandidate {
  account_id: string;
  account_name: string | null;
  kind: 'bulk_reveal' | 'bulk_export';
  window_start: Date | string;
  n: number;
}

export const alertsRepository = {
  /** Accounts over a threshold in the current or the previous clock hour. */
  candidates(q: Queryable, thresholds: { reveal: number; export: number }): Promise<AlertCandidate[]> {
    return rows<AlertCandidate>(
      q,
      sql`SELECT actor_id AS account_id, max(actor_name) AS account_name, kind, window_start, count(*)::int AS n
            FROM (SELECT actor_id, actor_name, date_trunc('hour', at) AS window_start,
                         CASE WHEN action LIKE '%.reveal' THEN 'bulk_reveal' ELSE 'bulk_export' END AS kind
                    FROM audit_log
                   WHERE at >= date_trunc('hour', now()) - interval '1 hour' AND actor_id IS NOT NULL
                     AND (action LIKE '%.reveal' OR action LIKE '%.export')) a
           GROUP BY actor_id, kind, window_start
          HAVING count(*) > CASE kind WHEN 'bulk_reveal' THEN ${thresholds.reveal}::int ELSE ${thresholds.export}::int END`,
    );
  },

  /** Inserts an alert or raises its count; `created` tells a new alert from a grown one (null: unchanged). */
  async upsert(q: Queryable, c: AlertCandidate, threshold: number): Promise<'created' | 'updated' | null> {
    const [row] = await rows<{ created: boolean }>(
      q,
      sql`INSERT INTO security_alert (id, account_id, account_name, kind, window_start, count, threshold)
          VALUES (${newId()}, ${c.account_id}, ${c.account_name}, ${c.kind}, ${new Date(c.window_start).toISOString()}::timestamptz, ${c.n}, ${threshold})
          ON CONFLICT (account_id, kind, window_start) DO UPDATE
             SET count = excluded.count, updated_at = now(), version = security_alert.version + 1
           WHERE security_alert.count < excluded.count
          RETURNING (xmax = 0) AS created`,
    );
    return row ? (row.created ? 'created' : 'updated') : null;
  },

  list(q: Queryable, f: { status?: 'open' | 'acknowledged'; kind?: 'bulk_reveal' | 'bulk_export'; before?: [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [
      f.status ? eq(securityAlert.status, f.status) : undefined,
      f.kind ? eq(securityAlert.kind, f.kind) : undefined,
      f.before ? or(lt(securityAlert.windowStart, new Date(f.before[0])), and(eq(securityAlert.windowStart, new Date(f.before[0])), lt(securityAlert.id, f.before[1]))) : undefined,
    ];
    return q.select().from(securityAlert).where(and(...conds)).orderBy(desc(securityAlert.windowStart), desc(securityAlert.id)).limit(f.limit + 1);
  },

  async find(q: Queryable, id: string) {
    const [row] = await q.select().from(securityAlert).where(eq(securityAlert.id, id));
    return row;
  },

  /** Accounts that hold the security admin role (they get the alert in their inbox). */
  async securityAdmins(q: Queryable): Promise<string[]> {
    const found = await rows<{ account_id: string }>(q, sql`SELECT DISTINCT ra.account_id FROM role_assignment ra JOIN account a ON a.id = ra.account_id WHERE ra.role_key = 'security_admin' AND a.status = 'active'`);
    return found.map((r) => r.account_id);
  },
};
