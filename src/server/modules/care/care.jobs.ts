/**
 * The daily care run (08:00 Asia/Shanghai): annual re-review reminders for approved dibao/tekun
 * falling due within 30 days, and festival reminders two weeks before each lunar festival for
 * communities that have no consolation campaign for it yet. Both are idempotent — a retried or
 * repeated run sends nothing twice (reminded_for_due_on; care_reminder's unique key).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import type { JobDefinition } from '../../platform/jobs';
import { careLabel } from './care.labels';
import { careReminder } from './care.tables';
import { careFilesRepository } from './care-files.repository';
import { assistanceRepository } from './assistance.repository';
import { festivalsOf } from './care.festivals';
import type { CareDeps } from './care.deps';

export const REVIEW_LEAD_DAYS = 30;
export const FESTIVAL_LEAD_DAYS = 14;
const recipientRoles = ['care_officer', 'community_secretary'] as const;

export interface CareRunResult {
  reviewReminders: number;
  festivalReminders: number;
}

async function reviewReminders(tx: Queryable, deps: CareDeps): Promise<number> {
  let sent = 0;
  for (const due of await assistanceRepository.dueForReview(tx, REVIEW_LEAD_DAYS)) {
    const to = await careFilesRepository.staffOf(tx, due.community_id, recipientRoles);
    if (to.length > 0) {
      await deps.notifications.notify(tx, {
        accountIds: to,
        communityId: due.community_id,
        kind: 'care.review_due',
        title: careLabel('zh-CN', 'reviewReminderTitle'),
        body: careLabel('zh-CN', 'reviewReminderBody', { count: due.count, due: due.earliest }),
        link: '/care/applications?status=approved',
        entity: 'assistance_application',
      });
      sent += to.length;
    }
    await assistanceRepository.markReminded(tx, due.ids);
  }
  return sent;
}

async function festivalReminders(tx: Queryable, deps: CareDeps, now: Date): Promise<number> {
  const communities = await rows<{ id: string; today: string }>(tx, sql`SELECT id, (${now.toISOString()}::timestamptz AT TIME ZONE timezone)::date::text AS today FROM org_node WHERE kind = 'community'`);
  let sent = 0;
  for (const c of communities) {
    const year = Number(c.today.slice(0, 4));
    const horizon = new Date(Date.parse(`${c.today}T00:00:00Z`) + FESTIVAL_LEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
    const upcoming = [...festivalsOf(year), ...festivalsOf(year + 1)].filter((f) => f.date >= c.today && f.date <= horizon);
    for (const f of upcoming) {
      const festivalYear = Number(f.date.slice(0, 4));
      const [exists] = await rows<{ id: string }>(tx, sql`SELECT id FROM consolation WHERE community_id = ${c.id} AND occasion = ${f.occasion} AND year = ${festivalYear} LIMIT 1`);
      if (exists) continue;
      const [claimed] = await tx.insert(careReminder).values({ id: newId(), communityId: c.id, key: `festival:${f.occasion}:${festivalYear}` }).onConflictDoNothing().returning();
      if (!claimed) continue;
      const to = await careFilesRepository.staffOf(tx, c.id, recipientRoles);
      if (to.length === 0) continue;
      const festival = careLabel('zh-CN', f.occasion);
      await deps.notifications.notify(tx, {
        accountIds: to,
        communityId: c.id,
        kind: 'care.festival_due',
        title: careLabel('zh-CN', 'festivalReminderTitle', { festival }),
        body: careLabel('zh-CN', 'festivalReminderBody', { festival, date: f.date }),
        link: '/care/consolations',
        entity: 'consolation',
      });
      sent += to.length;
    }
  }
  return sent;
}

/** One run of the daily care reminders (called by the job and by tests). */
export async function runCareReminders(ctx: AppContext, deps: CareDeps, now = new Date()): Promise<CareRunResult> {
  return ctx.db.transaction(async (tx) => ({
    reviewReminders: await reviewReminders(tx, deps),
    festivalReminders: await festivalReminders(tx, deps, now),
  }));
}

export function createCareJobs(care: { runReminders(now?: Date): Promise<CareRunResult> }): JobDefinition[] {
  return [
    {
      name: 'care.daily-reminders',
      cron: '0 8 * * *',
      async handler() {
        await care.runReminders();
      },
    },
  ];
}
