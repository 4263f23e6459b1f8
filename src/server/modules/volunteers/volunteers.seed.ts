/**
 * Demo volunteers (seeds 001 and 004), after the places seed so that volunteers can be residents
 * it created: 滨湖世纪社区's 67 teams and 6,327 volunteers with their service history, and
 * 雁鸣湖镇镇区社区's care campaign of 500+ confirmed hours. Demo accounts (password Demo2026!):
 * `bh_volunteer1` (a volunteer of 滨湖世纪社区) and `ymh_social_worker` (organizer in 雁鸣湖).
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { account } from '../../platform/db/tables/auth';
import type { Seeder } from '../../seed/runner';
import { createDemoAccounts, orgIdByCode } from '../../seed/demo-district';
import { createServiceVisitsService } from '../service-visits/service-visits.service';
import { binhuSizes, seedBinhu } from './volunteers.seed-binhu';
import { seedYanminghu, yanminghuSizes } from './volunteers.seed-yanminghu';

export const volunteersSeeder: Seeder = {
  name: 'volunteers.demo',
  async run(tx, ctx) {
    const small = !!ctx.options.small;
    const bh = await orgIdByCode(tx, 'BH01');
    const ymh = await orgIdByCode(tx, 'YMH01');
    const [secretary] = await tx.select({ id: account.id }).from(account).where(eq(account.username, 'bh_secretary'));
    const organizers = await createDemoAccounts(tx, [['ymh_social_worker', '镇区社区社工 尹佳佳', 'social_worker', 'YMH01']]);

    const binhu = await seedBinhu(
      tx,
      ctx,
      {
        communityId: bh,
        staffId: secretary?.id ?? null,
        demoAccount: async (residentId, name) => {
          const spec = (role: 'resident' | 'volunteer') => ['bh_volunteer1', `滨湖世纪社区志愿者 ${name}`, role, 'BH01'] as const;
          const made = await createDemoAccounts(tx, [spec('resident'), spec('volunteer')], () => ({ residentId }));
          return made.get('bh_volunteer1')!;
        },
      },
      binhuSizes(small),
    );

    // Care visits go through the service-visits module's own entry point (one per care activity).
    const visits = createServiceVisitsService({ db: tx } as unknown as AppContext);
    const yanminghu = await seedYanminghu(tx, ctx, { communityId: ymh, staffId: organizers.get('ymh_social_worker') ?? null }, yanminghuSizes(small), (v) =>
      visits.record(tx, { communityId: v.communityId, residentId: v.residentId, source: 'volunteer_care', sourceId: v.sourceId, occurredAt: v.occurredAt, ...(v.residentId ? {} : { targetGroup: 'elderly' }) }),
    );
    return { binhu, yanminghu };
  },
};
