/**
 * 雁鸣湖镇镇区社区党群服务中心 (seed 004): 1,200 m², twelve function rooms, six social workers,
 * and a year of the 悦动耄耋 elderly project — about 300 activity mornings whose check-ins add up to
 * the 14,700-odd elderly service visits the report counts — beside the 自然之旅 children's
 * project, the 我们的节日 festivals and the volunteers' training.
 */
import type { Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import type { Theme } from './center.constants';
import { residentsAged, sample, SeedBatch, seedCenterOf, seedVenues, type VenueSpec } from './center.seed-kit';
import { addEvent } from './center.seed-records';
import { addDays, isoWeekday, zonedInstant } from './center.time';

/** 悦动耄耋: elderly check-ins over the past year (seed 004: "累计服务社区老年人14700余人"). */
export const ELDERLY_VISITS_YEAR = 14_726;

const rooms: VenueSpec[] = [
  { name: '党建活动室', purpose: '党员活动、党建联席会', areaM2: 120, capacity: 50, equipment: ['投影仪', '音响', '党旗'], theme: 'red' },
  { name: '日间托老室', purpose: '老人日间照料、午休', areaM2: 150, capacity: 40, equipment: ['休息床', '按摩椅', '电视'], theme: 'purple' },
  { name: '文体活动室', purpose: '文艺排练、益智游戏、舞蹈', areaM2: 160, capacity: 60, equipment: ['音响', '镜墙', '棋牌桌'], theme: 'yellow' },
  { name: '电子阅览室', purpose: '上网、阅读、智能手机教学', areaM2: 80, capacity: 30, equipment: ['电脑20台', '书架'], theme: 'cyan' },
  { name: '社工服务站', purpose: '专业社工个案与小组服务', areaM2: 60, capacity: 15, equipment: ['会谈桌', '档案柜'], theme: 'green' },
  { name: '心理疏导室', purpose: '解忧、情绪疏导', areaM2: 30, capacity: 6, equipment: ['沙盘', '放松椅'], theme: 'orange', bookableBy: [] },
  { name: '儿童之家', purpose: '亲子活动、自然之旅、绘本阅读', areaM2: 90, capacity: 30, equipment: ['儿童桌椅', '绘本', '手工材料'], theme: 'blue' },
  { name: '志愿服务站', purpose: '学雷锋志愿服务、志愿者培训', areaM2: 50, capacity: 30, equipment: ['志愿者马甲', '便民工具箱'], theme: 'green' },
  { name: '新时代文明实践站', purpose: '理论宣讲、我们的节日', areaM2: 100, capacity: 80, equipment: ['舞台', '音响', 'LED屏'], theme: 'red' },
  { name: '健康康复室', purpose: '康复训练、量血压、健康咨询', areaM2: 70, capacity: 20, equipment: ['康复器材', '血压计'], theme: 'purple' },
  { name: '多功能会议室', purpose: '四方联动会议、居民议事', areaM2: 80, capacity: 40, equipment: ['会议桌', '投影仪'] },
  { name: '老年食堂', purpose: '助餐', areaM2: 120, capacity: 60, equipment: ['餐桌椅'], theme: 'yellow', bookableBy: [] },
];

const elderlyMornings: Array<[string, Theme, string]> = [
  ['趣味益智·翻花绳', 'yellow', '文体活动室'],
  ['反口令动作游戏', 'yellow', '文体活动室'],
  ['手指操健脑', 'purple', '健康康复室'],
  ['八段锦晨练', 'purple', '文体活动室'],
  ['怀旧电影放映', 'yellow', '日间托老室'],
  ['健康讲座：慢病管理', 'purple', '日间托老室'],
  ['手工编织小组', 'yellow', '日间托老室'],
  ['老年合唱团排练', 'yellow', '文体活动室'],
  ['棋牌益智赛', 'yellow', '文体活动室'],
  ['量血压·健康咨询', 'purple', '健康康复室'],
  ['智能手机小课堂', 'cyan', '电子阅览室'],
  ['剪纸艺术', 'yellow', '日间托老室'],
];

/** Split `total` into `n` parts around the mean, deterministically. */
function spread(rng: SeedContext['rng'], total: number, n: number, cap: number): number[] {
  const parts = Array.from({ length: n }, () => Math.floor(total / n));
  const remainder = total - parts.reduce((s, x) => s + x, 0);
  for (let i = 0; i < remainder; i++) parts[i % n]!++;
  for (let i = 0; i < n; i++) {
    const j = rng.int(0, n - 1);
    const shift = Math.min(rng.int(0, 8), parts[i]! - 1, cap - parts[j]!);
    if (shift > 0) {
      parts[i]! -= shift;
      parts[j]! += shift;
    }
  }
  return parts;
}

export async function seedYanminghu(tx: Tx, ctx: SeedContext): Promise<Record<string, number>> {
  const c = await seedCenterOf(tx, 'YMH01', ctx.now);
  const rng = ctx.rng.fork('yanminghu');
  const small = !!ctx.options.small;
  const b = new SeedBatch(c);
  const venues = await seedVenues(tx, c, rooms, ['08:00', '20:00']);
  // 61+ today: still 60+ on every day of the past year, so each check-in counts as elderly.
  const elders = await residentsAged(tx, c.communityId, c.today, 61, 100, small ? 10 : 1000);
  const young = await residentsAged(tx, c.communityId, c.today, 4, 17, small ? 10 : 300);
  const adults = await residentsAged(tx, c.communityId, c.today, 18, 59, small ? 10 : 300);

  const days: string[] = [];
  for (let d = -365; d < 0; d++) {
    const day = addDays(c.today, d);
    if (isoWeekday(day) !== 7 && days.length < (small ? 4 : 300)) days.push(day);
  }
  const target = small ? Math.min(8, elders.length * days.length) : ELDERLY_VISITS_YEAR;
  const sizes = spread(rng, Math.min(target, elders.length * days.length), days.length, elders.length);
  days.forEach((day, i) => {
    const [title, theme, room] = elderlyMornings[i % elderlyMornings.length]!;
    addEvent(b, rng, ctx.now, { title: `悦动耄耋·${title}`, theme, targetGroups: ['elderly'], venueId: venues.get(room), startsAt: zonedInstant(day, '09:30', c.tz), endsAt: zonedInstant(day, '11:00', c.tz) },
      sample(rng, elders, sizes[i]!), 0.03);
  });

  const monthly = (fromDays: number, make: (day: string, k: number) => void) => {
    for (let k = 0; k < (small ? 1 : 12); k++) make(addDays(c.today, fromDays + 30 * k - 360), k);
  };
  // 美丽雁鸣使者·自然之旅: children and their parents, on Sundays (no elderly mornings then).
  const natureTrips = ['雁鸣湖探索之旅', '自然游乐园', '我的公益日记', '变废为宝：环保小花盆', '垃圾寻亲：分类回收'];
  monthly(0, (day, k) => {
    const sunday = addDays(day, 7 - isoWeekday(day));
    addEvent(b, rng, ctx.now, { title: `自然之旅·${natureTrips[k % natureTrips.length]}`, theme: 'green', targetGroups: ['children', 'families'], venueId: venues.get('儿童之家'), startsAt: zonedInstant(sunday, '14:30', c.tz), endsAt: zonedInstant(sunday, '16:30', c.tz) },
      [...sample(rng, young, small ? 1 : rng.int(12, 20)), ...sample(rng, adults, small ? 1 : rng.int(6, 12))], 0.2);
  });
  // 我们的节日 and 志愿者增能: evenings in the 新时代文明实践站 (adults, youth, children).
  const evenings: Array<[string, Theme, string[]]> = [
    ['“壮丽70年 奋进新时代”国庆晚会', 'red', ['families']], ['中秋节·月圆邻里情', 'red', ['families']], ['端午节·包粽子', 'orange', ['families']], ['春节·写春联送祝福', 'red', ['families']],
    ['志愿者增能·学习培训', 'green', ['adults']], ['志愿者增能·参观交流', 'green', ['adults']], ['学雷锋志愿服务日', 'green', ['adults']], ['新时代文明实践·理论宣讲', 'red', ['adults']],
  ];
  evenings.slice(0, small ? 1 : evenings.length).forEach(([title, theme, groups], k) => {
    const day = addDays(c.today, -20 - 45 * k);
    addEvent(b, rng, ctx.now, { title, theme, targetGroups: groups, venueId: venues.get('新时代文明实践站'), startsAt: zonedInstant(day, '19:00', c.tz), endsAt: zonedInstant(day, '20:00', c.tz) },
      [...sample(rng, adults, small ? 1 : rng.int(20, 40)), ...(groups.includes('families') ? sample(rng, young, small ? 1 : rng.int(10, 25)) : [])], 0.1);
  });
  // The next two weeks: the elderly mornings go on (open for signup).
  for (let d = 1; d <= (small ? 2 : 12); d++) {
    const day = addDays(c.today, d);
    if (isoWeekday(day) === 7) continue;
    const [title, theme, room] = elderlyMornings[(d + 5) % elderlyMornings.length]!;
    addEvent(b, rng, ctx.now, { title: `悦动耄耋·${title}`, theme, targetGroups: ['elderly'], venueId: venues.get(room), startsAt: zonedInstant(day, '09:30', c.tz), endsAt: zonedInstant(day, '11:00', c.tz), capacity: 60 },
      sample(rng, elders, small ? 1 : rng.int(8, 25)), 0);
  }
  const counts = await b.flush(tx);
  return { venues: venues.size, elderlyVisits: sizes.reduce((s, x) => s + x, 0), ...counts };
}
