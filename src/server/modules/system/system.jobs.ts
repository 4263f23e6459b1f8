import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { idempotencyKey } from '../../platform/db/tables/platform';
import { session } from '../../platform/db/tables/auth';
import type { JobDefinition } from '../../platform/jobs';

/** Housekeeping: expired idempotency records and sessions ended more than 30 days ago. */
export function createMaintenanceJobs(ctx: AppContext): JobDefinition[] {
  return [
    {
      name: 'system.cleanup',
      cron: '17 3 * * *',
      async handler() {
        await ctx.db.delete(idempotencyKey).where(lt(idempotencyKey.expiresAt, new Date()));
        await ctx.db
          .delete(session)
          .where(or(lt(session.expiresAt, sql`now() - interval '30 days'`), and(isNotNull(session.revokedAt), lt(session.revokedAt, sql`now() - interval '30 days'`))));
      },
    },
  ];
}
