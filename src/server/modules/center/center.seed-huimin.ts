/**
 * 惠民社区党群服务中心 (seed 002): "一厅五室三区", the 幸福大食堂 with 80 seats per sitting and
 * low-price or free meals for the elderly, dibao and tekun residents (a month of served meals, so
 * the subsidy statement has real lines), the 四点半学校 for 40 children with daily roll call and
 * pick-ups, and the weekly Wednesday 红色观影.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { bestSubsidy } from './canteen.rules';
import type { RuleRow } from './canteen.repository';
import { adultsOf, insertChunked, residentsAged, sample, SeedBatch, seedCenterOf, seedVenues, type Person, type SeedCenter, type VenueSpec } from './center.seed-kit';
import { addCourse, addEvent } from './center.seed-records';
import { canteen, canteenMenu, mealOrder, mealSubsidyRule } from './center.tables';
import { addDays, isoWeekday, localParts, zonedInstant } from './center.time';

const rooms: VenueSpec[] = [
  { name: '党群服务大厅', purpose: '一站式便民服务', areaM2: 200, capacity: 50, equipment: ['服务窗口', '自助终端'], bookableBy: [] },
  { name: '多功能活动室', purpose: '红色观影、知识讲座、文艺排练', areaM2: 120, capacity: 60, equipment: ['投影仪', '音响', '舞台'], theme: 'red' },
  { name: '家门口的图书角', purpose: '阅读、学习', areaM2: 60, capacity: 20, equipment: ['书架', '阅览桌'], theme: 'cyan' },
  { name: '健身房', purpose: '健身锻炼', areaM2: 80, capacity: 20, equipment: ['跑步机', '乒乓球台'] },
  { name: '四点半学校教室', purpose: '放学后托管、作业辅导、书法乐器兴趣班', areaM2: 90, capacity: 40, equipment: ['课桌椅', '白板', '电子琴'], theme: 'cyan' },
  { name: '幸福大食堂', purpose: '助餐服务', areaM2: 90, capacity: 80, equipment: ['餐桌椅', '保温售餐台'], theme: 'yellow', bookableBy: [] },
  { name: '居家养老服务室', purpose: '日间照料、助浴、健康监测', areaM2: 80, capacity: 20, equipment: ['护理床', '血压计'], theme: 'purple' },
  { name: '社区卫生服务站', purpose: '中医特色、基本医疗、公共卫生服务', areaM2: 100, capacity: 15, equipment: ['诊疗床', '针灸器具'], theme: 'purple', bookableBy: [] },
];

const lunches = [['红烧肉', '清炒小白菜', '番茄炒蛋'], ['土笋冻', '卤面', '炒青菜'], ['清蒸鱼', '炒豆芽', '紫菜蛋汤'], ['排骨炖萝卜', '蒜蓉空心菜', '冬瓜汤'], ['卤鸭', '麻婆豆腐', '炒芥蓝'], ['咸饭', '海蛎煎', '青菜豆腐汤'], ['鸡腿', '炒西兰花', '花生汤']];
const dinners = [['青菜瘦肉粥', '馒头', '凉拌黄瓜'], ['面线糊', '油条', '小菜'], ['饺子', '紫菜汤'], ['南瓜粥', '花卷', '炒土豆丝']];

const rules = [
  { name: '80岁以上高龄老人', minAge: 80, tags: [] as string[], discountKind: 'fixed' as const, amountFen: 500, percent: null, fundingSource: '芗城区民政局高龄助餐补贴' },
  { name: '特困供养人员免费配餐', minAge: null, tags: ['tekun'], discountKind: 'percent' as const, amountFen: null, percent: 100, fundingSource: '特困人员供养资金' },
  { name: '低保老人低价配餐', minAge: 60, tags: ['dibao'], discountKind: 'percent' as const, amountFen: null, percent: 50, fundingSource: '漳州城市运营集团公益助餐' },
  { name: '残疾人助餐', minAge: null, tags: ['disabled'], discountKind: 'fixed' as const, amountFen: 300, percent: null, fundingSource: '芗城区残联' },
];

async function seedCanteen(tx: Tx, ctx: SeedContext, c: SeedCenter, b: SeedBatch, diners: readonly Person[]) {
  const rng = ctx.rng.fork('huimin:canteen');
  const canteenId = newId();
  await tx.insert(canteen).values({ id: canteenId, communityId: c.communityId, centerId: c.centerId, name: '社区幸福大食堂', seatsPerSitting: 80, orderCutoff: '09:30', theme: 'yellow' });
  const ruleRows = rules.map((r) => ({ id: newId(), communityId: c.communityId, canteenId, ...r, active: true, version: 1, createdAt: ctx.now, updatedAt: ctx.now })) satisfies RuleRow[];
  await tx.insert(mealSubsidyRule).values(ruleRows);
  const menus: Array<typeof canteenMenu.$inferInsert> = [];
  const orders: Array<typeof mealOrder.$inferInsert> = [];
  const [me] = await rows<{ id: string; residentId: string | null }>(tx, sql`SELECT id, resident_id AS "residentId" FROM account WHERE username = 'hm_resident1'`);
  const nowLocal = localParts(ctx.now, c.tz);
  const from = ctx.options.small ? -2 : -35;
  for (let d = from; d <= 6; d++) {
    const day = addDays(c.today, d);
    for (const [meal, priceFen, dishes, endsAt] of [['lunch', 1200, lunches[(d + 70) % lunches.length]!, '13:00'], ['dinner', 1000, dinners[(d + 70) % dinners.length]!, '18:30']] as const) {
      const menuId = newId();
      const cutoff = zonedInstant(day, '09:30', c.tz);
      menus.push({ id: menuId, communityId: c.communityId, canteenId, servedOn: day, meal, dishes: [...dishes, '米饭'], priceFen, seats: 80, orderCutoffAt: cutoff, createdAt: new Date(cutoff.getTime() - 3 * 86_400_000) });
      const served = d < 0 || (d === 0 && nowLocal.time >= endsAt);
      const preOrdered = d >= 0 && d <= 2;
      if (!served && !preOrdered) continue;
      const want = ctx.options.small ? 3 : served ? (meal === 'lunch' ? rng.int(52, 76) : rng.int(22, 38)) : rng.int(10, 30);
      let seats = 80;
      for (const p of sample(rng, diners, want)) {
        const quantity = rng.next() < 0.08 ? 2 : 1;
        const mode = rng.next() < 0.75 && seats >= quantity ? 'dine_in' : 'pickup';
        if (mode === 'dine_in') seats -= quantity;
        const best = bestSubsidy(ruleRows, p, day, priceFen);
        const id = newId();
        const placedAt = new Date(cutoff.getTime() - rng.int(10, 20 * 60) * 60_000);
        const servedAt = zonedInstant(day, meal === 'lunch' ? `11:${String(rng.int(10, 59)).padStart(2, '0')}` : `17:${String(rng.int(10, 59)).padStart(2, '0')}`, c.tz);
        orders.push({
          id, communityId: c.communityId, canteenId, menuId, residentId: p.id, mode, channel: rng.next() < 0.45 ? 'app' : 'counter', quantity, priceFen,
          subsidyFen: best?.subsidyFen ?? 0, subsidyRuleId: best?.rule.id ?? null, fundingSource: best?.rule.fundingSource ?? null,
          amountFen: priceFen * quantity - (best?.subsidyFen ?? 0), status: served ? 'served' : 'ordered', servedAt: served ? servedAt : null, createdAt: placedAt,
        });
        if (served) b.visit(p.id, 'canteen_meal', id, servedAt, 'yellow');
      }
      if (me?.residentId && d === 1 && meal === 'lunch' && !orders.some((o) => o.menuId === menuId && o.residentId === me.residentId)) {
        orders.push({ communityId: c.communityId, canteenId, menuId, residentId: me.residentId, mode: 'dine_in', channel: 'app', quantity: 1, priceFen, subsidyFen: 0, amountFen: priceFen, orderedBy: me.id, createdAt: ctx.now });
      }
    }
  }
  await insertChunked(tx, canteenMenu, menus);
  return { menus, orders };
}

export async function seedHuimin(tx: Tx, ctx: SeedContext): Promise<Record<string, number>> {
  const c = await seedCenterOf(tx, 'HM01', ctx.now);
  const rng = ctx.rng.fork('huimin');
  const small = !!ctx.options.small;
  const b = new SeedBatch(c);
  const venues = await seedVenues(tx, c, rooms, ['08:00', '20:00']);
  const elders = await residentsAged(tx, c.communityId, c.today, 60, 100, small ? 20 : 700);
  const adults = await residentsAged(tx, c.communityId, c.today, 18, 59, small ? 10 : 150);
  const children = await residentsAged(tx, c.communityId, c.today, 6, 12, small ? 10 : 200);
  const { menus, orders } = await seedCanteen(tx, ctx, c, b, [...elders, ...adults.slice(0, Math.floor(adults.length / 3))]);

  // 四点半学校: 40 children, Monday to Friday after school; term began five weeks ago.
  const monday = addDays(c.today, 1 - isoWeekday(c.today));
  const startsOn = addDays(monday, -35);
  const pupils = sample(rng, children, small ? Math.min(3, children.length) : 40);
  const adultsByHome = await adultsOf(tx, [...new Set(pupils.map((p) => p.householdId).filter((h): h is string => !!h))], c.today);
  const pickup = (p: Person, r: SeedContext['rng']) => {
    const grown = adultsByHome.get(p.householdId ?? '') ?? [];
    if (!grown.length) return '托管老师送回';
    const who = r.pick(grown);
    return `${who.age >= 50 ? '祖辈' : '家长'} ${who.name}`;
  };
  const opensAt = zonedInstant(addDays(startsOn, -10), '09:00', c.tz);
  const school = addCourse(
    b, rng, ctx.now,
    { name: '四点半学校·课后托管', kind: 'after_school', term: `${startsOn.slice(0, 4)}学年`, teacherName: '教育培训机构志愿教师 林老师', description: '放学后作业辅导与安全看护，缓解家长隔代监管压力', venueId: venues.get('四点半学校教室'), theme: 'cyan', capacity: 40, minAge: 6, maxAge: 12, weekdays: [1, 2, 3, 4, 5], startTime: '16:30', endTime: '18:00', startsOn, endsOn: addDays(startsOn, 16 * 7), enrollmentOpensAt: opensAt },
    pupils,
    { signupEveryMinutes: 12, presentRate: 0.9, answerShare: 0.3, pickup },
  );
  addCourse(
    b, rng, ctx.now,
    { name: '书法兴趣班', kind: 'after_school', term: `${startsOn.slice(0, 4)}学年`, teacherName: '志愿者 黄书文', description: '免费书法兴趣班', venueId: venues.get('四点半学校教室'), theme: 'cyan', capacity: 20, minAge: 6, maxAge: 14, weekdays: [6], startTime: '09:00', endTime: '10:30', startsOn, endsOn: addDays(startsOn, 16 * 7), enrollmentOpensAt: opensAt },
    sample(rng, children, small ? 2 : 15),
    { signupEveryMinutes: 20, presentRate: 0.85, answerShare: 0.2, pickup },
  );

  // 每周三红色观影 (a weekly series) and seven knowledge lectures.
  const seriesId = newId();
  const wednesday = addDays(monday, 2);
  for (let w = small ? -1 : -8; w <= 3; w++) {
    const day = addDays(wednesday, 7 * w);
    addEvent(b, rng, ctx.now, { title: '每周三红色观影', theme: 'red', targetGroups: ['party_members', 'elderly'], venueId: venues.get('多功能活动室'), startsAt: zonedInstant(day, '15:00', c.tz), endsAt: zonedInstant(day, '17:00', c.tz), capacity: 60, seriesId },
      sample(rng, [...elders, ...adults], small ? 2 : w < 0 ? rng.int(25, 45) : rng.int(5, 15)), 0.3);
  }
  const lectures = ['老年人防诈骗知识讲座', '中医养生保健讲座', '食品安全知识讲座', '垃圾分类知识讲座', '消防安全知识讲座', '法律援助知识讲座', '心理健康知识讲座'];
  lectures.slice(0, small ? 1 : 7).forEach((title, i) => {
    const day = addDays(monday, 4 - 7 * (2 * i + 1));
    addEvent(b, rng, ctx.now, { title, theme: i % 2 ? 'green' : 'purple', targetGroups: ['elderly', 'adults'], venueId: venues.get('多功能活动室'), startsAt: zonedInstant(day, '15:00', c.tz), endsAt: zonedInstant(day, '16:30', c.tz) },
      sample(rng, [...elders, ...adults], small ? 2 : rng.int(30, 50)), 0.35);
  });
  const counts = await b.flush(tx);
  await insertChunked(tx, mealOrder, orders);
  return { canteenMenus: menus.length, mealOrders: orders.length, schoolChildren: school.enrolled, ...counts };
}
