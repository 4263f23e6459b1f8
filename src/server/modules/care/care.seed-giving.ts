/**
 * Demo consolations and micro-wishes.
 * - 惠民社区 (seed 002): "慰问低保困难户140户，资助金额达12.2万元" — a Spring Festival campaign whose
 *   140 handovers add up to ¥122,000 (100 × ¥800 + 40 × ¥1,050), and the 17 needy students funded.
 * - 紫荆路社区 (seed 003): the city CDC's party branch collected 12 micro-wishes of lonely elderly,
 *   needy and single-parent households and delivered rice and oil to each — 12 wishes claimed by the
 *   partner unit's contact and fulfilled; a few open wishes wait for donors.
 */
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { festivalDate } from './care.festivals';
import { consolation, consolationHandover, consolationTarget, wish } from './care.tables';
import { DAY, daysAgo, insertChunked, type FiledHome, type SeedPerson } from './care.seed-files';

/** The latest Spring Festival on or before `now`. */
export function lastSpringFestival(now: Date): { year: number; date: string } {
  const today = now.toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const thisYear = festivalDate('spring_festival', year)!;
  return thisYear <= today ? { year, date: thisYear } : { year: year - 1, date: festivalDate('spring_festival', year - 1)! };
}

export async function seedConsolations(tx: Tx, ctx: SeedContext, communityId: string, homes: FiledHome[], people: { staff: SeedPerson; deliverers: SeedPerson[] }, sizes: { households: number; students: number }): Promise<Record<string, number>> {
  const { rng, now } = ctx;
  const sf = lastSpringFestival(now);
  const festivalId = newId();
  const studentsId = newId();
  const eventDay = new Date(`${sf.date}T02:00:00Z`);
  await tx.insert(consolation).values([
    { id: festivalId, communityId, name: `${sf.year}年春节慰问低保困难户`, occasion: 'spring_festival', year: sf.year, eventDate: sf.date, criteria: { tags: ['dibao', 'tekun'], assistanceKinds: ['dibao', 'tekun'], careFileOnly: true }, giftDescription: '米、油、春联和慰问金', defaultAmountFen: 80_000, maxAmountFen: 120_000, status: 'closed', createdBy: people.staff.id, createdAt: new Date(eventDay.getTime() - 20 * DAY) },
    { id: studentsId, communityId, name: `${sf.year}年困难大学生资助（共建单位捐助）`, occasion: 'student_aid', year: sf.year, eventDate: `${sf.year}-08-25`, criteria: { tags: ['dibao', 'tekun', 'low_income'], assistanceKinds: [], careFileOnly: true }, giftDescription: '助学金', defaultAmountFen: 300_000, maxAmountFen: 500_000, status: 'closed', createdBy: people.staff.id, createdAt: new Date(eventDay.getTime() + 150 * DAY) },
  ]);
  // The campaign's list: the dibao/tekun households it was for, each handed over once.
  const listed = homes.filter((h) => h.assistance).slice(0, sizes.households);
  await insertChunked(tx, consolationTarget, listed.map((h) => ({ communityId, gridId: h.gridId, consolationId: festivalId, householdId: h.id, matched: [h.assistance!] })));
  await insertChunked(
    tx,
    consolationHandover,
    listed.map((h, i) => {
      const who = rng.pick(people.deliverers);
      return { communityId, gridId: h.gridId, consolationId: festivalId, householdId: h.id, gift: '米、油、春联', amountFen: i < Math.round((sizes.households * 100) / 140) ? 80_000 : 105_000, deliveredBy: who.id, deliveredByName: who.name, deliveredAt: new Date(eventDay.getTime() - rng.int(1, 12) * DAY), note: '纸质签收单已归档' };
    }),
  );
  const studentHomes = homes.filter((h) => h.members.some((m) => (m.age ?? 0) >= 17 && (m.age ?? 0) <= 24) || h.assistance).slice(-sizes.students);
  await insertChunked(tx, consolationTarget, studentHomes.map((h) => ({ communityId, gridId: h.gridId, consolationId: studentsId, householdId: h.id, matched: h.assistance ? [h.assistance] : ['low_income'] })));
  await insertChunked(
    tx,
    consolationHandover,
    studentHomes.map((h) => ({ communityId, gridId: h.gridId, consolationId: studentsId, householdId: h.id, amountFen: rng.int(2, 5) * 100_000, deliveredBy: people.staff.id, deliveredByName: people.staff.name, deliveredAt: new Date(eventDay.getTime() + rng.int(180, 200) * DAY), note: '大学新生入学资助' })),
  );
  return { springFestivalHouseholds: listed.length, studentsFunded: studentHomes.length };
}

const wishes: ReadonlyArray<readonly [title: string, story: string, category: 'food' | 'daily_goods' | 'clothing' | 'study' | 'health']> = [
  ['一袋大米和一桶食用油', '独居多年，腿脚不便，希望过节时家里米面不断。', 'food'],
  ['一袋面粉和一桶花生油', '老伴去世后一个人生活，想包顿饺子。', 'food'],
  ['冬天的厚棉被', '家里被子太薄，冬天夜里冷。', 'daily_goods'],
  ['一台电热水壶', '旧水壶坏了，烧水不方便。', 'daily_goods'],
  ['孩子的新书包和文具', '单亲家庭，孩子明年上小学。', 'study'],
  ['一副老花镜', '看不清药盒上的字。', 'health'],
];

/** 12 fulfilled (claimed by the partner unit's contact), `open` waiting for donors, one under review. */
export async function seedWishes(tx: Tx, ctx: SeedContext, communityId: string, homes: FiledHome[], people: { donor: SeedPerson; unit: { id: string; name: string } | null; reviewer: SeedPerson }, sizes: { fulfilled: number; open: number }): Promise<Record<string, number>> {
  const { rng, now } = ctx;
  const rows: (typeof wish.$inferInsert)[] = [];
  homes.slice(0, sizes.fulfilled + sizes.open + 1).forEach((h, i) => {
    const fulfilled = i < sizes.fulfilled;
    const pending = i === sizes.fulfilled + sizes.open;
    const [title, story, category] = fulfilled ? wishes[i % 2]! : wishes[2 + (i % 4)]!;
    const created = daysAgo(now, fulfilled ? rng.int(60, 120) : rng.int(1, 20));
    const claimedAt = new Date(created.getTime() + rng.int(3, 10) * DAY);
    const fulfilledAt = new Date(claimedAt.getTime() + rng.int(2, 7) * DAY);
    rows.push({
      communityId,
      gridId: h.gridId,
      householdId: h.id,
      wisherResidentId: h.members[0]!.id,
      postedBy: people.reviewer.id ?? people.donor.id!,
      title,
      story,
      category,
      priceFen: category === 'food' ? 15_000 : rng.int(5, 30) * 1000,
      status: fulfilled ? 'confirmed' : pending ? 'pending_review' : 'open',
      reviewedBy: pending ? null : people.reviewer.id,
      reviewedAt: pending ? null : new Date(created.getTime() + DAY),
      ...(fulfilled
        ? { claimedBy: people.donor.id, claimedByName: people.donor.name, claimedPartnerUnitId: people.unit?.id ?? null, claimedPartnerUnitName: people.unit?.name ?? null, claimedAt, fulfilledAt, fulfilmentNote: '党员志愿者送米送油上门', confirmedAt: new Date(fulfilledAt.getTime() + DAY), thanks: '感谢疾控中心的党员同志！' }
        : {}),
      version: fulfilled ? 5 : pending ? 1 : 2,
      createdAt: created,
      updatedAt: fulfilled ? new Date(fulfilledAt.getTime() + DAY) : created,
    });
  });
  await insertChunked(tx, wish, rows);
  return { wishes: rows.length, fulfilled: sizes.fulfilled };
}
