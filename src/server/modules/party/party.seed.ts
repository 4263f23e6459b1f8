/**
 * The party module's demo data (after the places seeder, whose residents it links to): see
 * party-seed.yangwen.ts and party-seed.others.ts for what each community reproduces. Demo accounts
 * (password Demo2026!): yw_member1 — a member of 杨文社区 living there, who checks in, claims and has
 * reported in from the resident app; yw_reporter1 — a resident of 杨文社区 and in-service member who
 * has not reported in yet; ymh_secretary — the secretary of 雁鸣湖镇镇区社区 (joint meetings).
 */
import { eq } from 'drizzle-orm';
import { account } from '../../platform/db/tables/auth';
import { createDemoAccounts } from '../../seed/demo-district';
import type { Seeder } from '../../seed/runner';
import { communityByCode } from './party-seed.common';
import { seedBinhu, seedYanminghu, seedYongxinlu } from './party-seed.others';
import { demoResident } from './party-seed.people';
import { seedYangwen } from './party-seed.yangwen';
import { reportIn } from './party.tables';

export const partySeeder: Seeder = {
  name: 'party.demo',
  async run(tx, ctx) {
    const details: Record<string, unknown> = {};
    const yw = await communityByCode(tx, 'YW01');
    if (yw) {
      const me = await demoResident(tx, yw.id, 0, { name: '杨志刚', gender: 'male', birthDate: '1978-05-12' });
      const newcomer = await demoResident(tx, yw.id, 1, { name: '周文静', gender: 'female', birthDate: '1986-09-03' });
      const ids = await createDemoAccounts(
        tx,
        [
          ['yw_member1', me.name, 'party_member', 'YW01'],
          ['yw_member1', me.name, 'resident', 'YW01'],
          ['yw_reporter1', newcomer.name, 'resident', 'YW01'],
        ],
        () => ({}),
      );
      await tx.update(account).set({ residentId: me.residentId }).where(eq(account.id, ids.get('yw_member1')!));
      await tx.update(account).set({ residentId: newcomer.residentId }).where(eq(account.id, ids.get('yw_reporter1')!));
      const result = await seedYangwen(tx, ctx, yw.id, { accountId: ids.get('yw_member1')!, residentId: me.residentId, name: me.name });
      // yw_member1 works at 洛阳玻璃集团 and reported in here through the app; the secretary approved it.
      const demo = result.members.find((m) => m.accountId === ids.get('yw_member1'))!;
      await tx.insert(reportIn).values({
        communityId: yw.id,
        accountId: ids.get('yw_member1')!,
        residentId: me.residentId,
        name: me.name,
        workplace: demo.workplace ?? '洛阳玻璃集团',
        buildingId: me.buildingId,
        partyStatus: 'full',
        joinedOn: demo.joinedOn,
        status: 'approved',
        suggestedOrgId: demo.orgId,
        decidedAt: demo.enrolledAt as Date,
        memberId: demo.id,
        createdAt: new Date((demo.enrolledAt as Date).getTime() - 2 * 86_400_000),
      });
      details.yangwen = { members: result.members.length, lectures: result.lectures, checkIns: result.checkIns };
    }
    const bh = await communityByCode(tx, 'BH01');
    if (bh) details.binhu = await seedBinhu(tx, ctx, bh.id);
    const yx = (await communityByCode(tx, 'ZJL04')) ?? (await communityByCode(tx, 'ZJL01'));
    if (yx) details.yongxinlu = await seedYongxinlu(tx, ctx, yx.id);
    const ymh = await communityByCode(tx, 'YMH01');
    if (ymh) {
      await createDemoAccounts(tx, [['ymh_secretary', '雁鸣湖镇镇区社区书记 刘海玲', 'community_secretary', 'YMH01']]);
      details.yanminghu = await seedYanminghu(tx, ctx, ymh.id);
    }
    return details;
  },
};
