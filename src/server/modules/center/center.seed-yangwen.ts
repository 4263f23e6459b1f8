/**
 * 杨文社区邻里中心 (seed 000): twelve rooms themed by 多彩党建 colour, a senior college of twelve
 * free courses whose opening morning brought well over a hundred signups (枫之韵声乐社 full, with
 * a waitlist), and events in all seven colours — red 红色驿站 … purple 健康小屋 — including the
 * monthly group birthday of the left-behind children born that month.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import type { Theme } from './center.constants';
import { residentsAged, sample, SeedBatch, seedCenterOf, seedVenues, type Person, type VenueSpec } from './center.seed-kit';
import { addCourse, addEvent } from './center.seed-records';
import { addDays, isoWeekday, zonedInstant } from './center.time';
import { venueBooking } from './center.tables';

const rooms: VenueSpec[] = [
  { name: '红色驿站', purpose: '党员培训、科学教育、红色观影', areaM2: 90, capacity: 60, equipment: ['投影仪', '音响', '党旗'], theme: 'red' },
  { name: '家风家训馆', purpose: '家风家训展示，诚信互助', areaM2: 70, capacity: 40, equipment: ['展板', '投影仪'], theme: 'orange' },
  { name: '邻里之家', purpose: '邻里议事、茶话会、连心暖心', areaM2: 100, capacity: 80, equipment: ['圆桌', '音响', '投影仪'], theme: 'yellow' },
  { name: '志愿服务站', purpose: '便民惠民志愿服务', areaM2: 50, capacity: 30, equipment: ['便民工具箱', '理发椅'], theme: 'green' },
  { name: '青少年之家', purpose: '青少年底色教育、兴趣活动', areaM2: 80, capacity: 40, equipment: ['书架', '科学实验箱', '投影仪'], theme: 'cyan' },
  { name: '留守儿童之家', purpose: '爱心妈妈陪伴、集体生日会', areaM2: 60, capacity: 30, equipment: ['儿童桌椅', '绘本', '钢琴'], theme: 'blue' },
  { name: '健康小屋', purpose: '测量身高体重血压，健康咨询', areaM2: 40, capacity: 25, equipment: ['血压计', '身高体重秤', '血糖仪'], theme: 'purple' },
  { name: '老年大学大教室', purpose: '舞蹈瑜伽、声乐、太极、戏曲', areaM2: 150, capacity: 60, equipment: ['镜墙', '音响', '瑜伽垫', '钢琴'] },
  { name: '翰墨轩书画室', purpose: '书法、国画', areaM2: 70, capacity: 24, equipment: ['书画桌', '文房四宝'] },
  { name: '清雅阁茶艺室', purpose: '茶艺', areaM2: 45, capacity: 16, equipment: ['茶台', '茶具'] },
  { name: '博弈居棋牌室', purpose: '象棋、围棋、扑克', areaM2: 60, capacity: 24, equipment: ['棋桌', '棋具'] },
  { name: '静远斋阅览室', purpose: '读书会、阅览', areaM2: 80, capacity: 30, equipment: ['书架', '报刊架', '电脑'] },
];

type CourseRow = [name: string, room: string, weekday: number, start: string, end: string, capacity: number, signups: number, teacher: string, theme?: Theme];
/** Twelve courses (seed 000 names most of them); 枫之韵声乐社 has more signups than seats. */
const courses: CourseRow[] = [
  ['幸福里舞蹈社（舞蹈瑜伽）', '老年大学大教室', 1, '09:00', '10:30', 40, 26, '志愿者 刘雅琴'],
  ['颐康苑健康社', '健康小屋', 2, '09:00', '10:30', 25, 14, '社区医生 陈建国', 'purple'],
  ['翰墨轩书法社', '翰墨轩书画室', 1, '14:30', '16:00', 24, 15, '志愿者 孙墨林'],
  ['枫之韵声乐社', '老年大学大教室', 3, '09:00', '10:30', 30, 38, '志愿者 王秋枫'],
  ['清雅阁茶艺社', '清雅阁茶艺室', 4, '14:30', '16:00', 16, 11, '志愿者 赵清雅'],
  ['博弈居棋牌社', '博弈居棋牌室', 2, '14:30', '16:30', 24, 13, '志愿者 马振国'],
  ['夕阳红太极社', '老年大学大教室', 5, '09:00', '10:30', 40, 19, '志愿者 张太和'],
  ['静远斋读书社', '静远斋阅览室', 4, '09:30', '11:00', 30, 9, '志愿者 李静远'],
  ['漫时光摄影社', '青少年之家', 5, '14:30', '16:00', 20, 12, '志愿者 周光明'],
  ['智能手机课堂', '邻里之家', 3, '14:30', '16:00', 25, 21, '青年志愿者 杨晨', 'yellow'],
  ['墨韵国画社', '翰墨轩书画室', 3, '09:00', '10:30', 20, 10, '志愿者 吴丹青'],
  ['梨园戏曲社', '老年大学大教室', 4, '09:00', '10:30', 30, 14, '志愿者 豫剧票友 贾春花'],
];

type EventRow = [title: string, groups: string[], people: [number, number]];
const eventsByTheme: Record<Theme, { room: string; time: [string, string]; past: EventRow[]; next: EventRow }> = {
  red: { room: '红色驿站', time: ['09:30', '11:00'], past: [['党员培训：学习党的创新理论', ['party_members'], [30, 45]], ['科普讲座：防范电信网络诈骗', ['adults', 'elderly'], [35, 50]], ['红色观影《长津湖》', ['party_members', 'adults'], [40, 55]]], next: ['红色故事分享会', ['party_members'], [20, 30]] },
  orange: { room: '家风家训馆', time: ['14:30', '16:00'], past: [['家风家训故事会', ['families'], [20, 32]], ['诚信互助：邻里借用站开放日', ['adults'], [18, 28]], ['好家风好家训分享', ['families'], [22, 35]]], next: ['家书诵读会', ['families'], [10, 18]] },
  yellow: { room: '邻里之家', time: ['10:00', '12:00'], past: [['邻里百家宴', ['families', 'elderly'], [50, 70]], ['腊八共熬一锅粥', ['elderly'], [40, 60]], ['重阳节饺子宴', ['elderly'], [45, 65]]], next: ['中秋邻里茶话会', ['elderly', 'families'], [25, 40]] },
  green: { room: '志愿服务站', time: ['09:00', '11:30'], past: [['便民服务日：理发、磨刀、修家电', ['elderly'], [25, 30]], ['志愿者清洁家园行动', ['adults'], [20, 30]], ['垃圾分类入户宣传', ['adults'], [15, 25]]], next: ['便民服务日', ['elderly'], [8, 15]] },
  cyan: { room: '青少年之家', time: ['09:30', '11:00'], past: [['青少年底色教育：国旗下成长', ['youth', 'children'], [18, 30]], ['科学小实验：会跳舞的盐', ['children'], [15, 25]], ['暑期安全教育课', ['children', 'youth'], [20, 35]]], next: ['青少年读书会', ['youth'], [8, 15]] },
  blue: { room: '留守儿童之家', time: ['15:00', '16:30'], past: [], next: ['集体生日会', ['children'], [0, 0]] },
  purple: { room: '健康小屋', time: ['08:30', '11:00'], past: [['免费测血压血糖', ['elderly'], [20, 25]], ['中医养生讲座', ['elderly'], [20, 25]], ['老年人防跌倒讲座', ['elderly'], [18, 25]]], next: ['社区义诊', ['elderly'], [10, 20]] },
};

const themeOrder: Theme[] = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple'];

function termOf(today: string): { startsOn: string; endsOn: string; term: string } {
  const monday = addDays(today, 1 - isoWeekday(today));
  const startsOn = addDays(monday, -35);
  const month = Number(startsOn.slice(5, 7));
  const season = month >= 2 && month <= 7 ? '春季' : '秋季';
  return { startsOn, endsOn: addDays(startsOn, 16 * 7 - 3), term: `${month === 1 ? Number(startsOn.slice(0, 4)) - 1 : startsOn.slice(0, 4)}${season}` };
}

export async function seedYangwen(tx: Tx, ctx: SeedContext): Promise<Record<string, number>> {
  const c = await seedCenterOf(tx, 'YW01', ctx.now);
  const rng = ctx.rng.fork('yangwen');
  const small = !!ctx.options.small;
  const b = new SeedBatch(c);
  const venues = await seedVenues(tx, c, rooms, ['08:30', '20:30']);
  const elders = await residentsAged(tx, c.communityId, c.today, 50, 95, small ? 30 : 800);
  const adults = await residentsAged(tx, c.communityId, c.today, 18, 59, small ? 20 : 400);
  const kids = await residentsAged(tx, c.communityId, c.today, 5, 17, small ? 20 : 300);
  const [me] = await rows<{ residentId: string | null }>(tx, sql`SELECT resident_id AS "residentId" FROM account WHERE username = 'yw_resident1'`);
  const myself = elders.find((p) => p.id === me?.residentId) ?? adults.find((p) => p.id === me?.residentId);

  const { startsOn, endsOn, term } = termOf(c.today);
  const opensAt = zonedInstant(addDays(startsOn, -7), '08:30', c.tz);
  let dayOne = 0;
  courses.forEach(([name, room, weekday, start, end, capacity, signups, teacher, theme], i) => {
    const want = small ? Math.min(elders.length, name === '枫之韵声乐社' ? 4 : 2) : signups;
    let people = sample(rng, elders, want);
    if (myself && i < 2 && !people.includes(myself)) people = [myself, ...people.slice(0, Math.max(0, people.length - 1))];
    dayOne += people.length;
    addCourse(
      b, rng, ctx.now,
      { name, kind: 'senior_college', term, teacherName: teacher, description: '社区老年大学公益课程，不收取任何费用', venueId: venues.get(room), theme, capacity: small && name === '枫之韵声乐社' ? Math.max(1, people.length - 2) : capacity, weekdays: [weekday], startTime: start, endTime: end, startsOn, endsOn, enrollmentOpensAt: opensAt },
      people,
      { signupEveryMinutes: 7, presentRate: 0.86, answerShare: 0.55 },
    );
  });

  let eventCount = 0;
  themeOrder.forEach((theme, t) => {
    const spec = eventsByTheme[theme];
    const saturday = (weeksFromNow: number) => addDays(c.today, 6 - isoWeekday(c.today) + 7 * weeksFromNow);
    const pool = (groups: string[]): readonly Person[] => (groups.some((g) => g === 'children' || g === 'youth') ? kids : groups.includes('elderly') ? elders : [...adults, ...elders]);
    const add = (day: string, [title, groups, [lo, hi]]: EventRow, participants?: readonly Person[]) => {
      const people = participants ?? sample(rng, pool(groups), small ? 2 : rng.int(lo, hi));
      addEvent(b, rng, ctx.now, { title, theme, targetGroups: groups, venueId: venues.get(spec.room), startsAt: zonedInstant(day, spec.time[0], c.tz), endsAt: zonedInstant(day, spec.time[1], c.tz), capacity: theme === 'yellow' ? 80 : undefined }, people, 0.4);
      eventCount++;
    };
    if (theme === 'blue') {
      // Monthly group birthday of the left-behind children born that month (seed 000: six in October).
      for (const weeks of [-11, -7, -3, 2]) {
        const day = saturday(weeks);
        const month = Number(day.slice(5, 7));
        const born = kids.filter((k) => k.tags.includes('left_behind_child') && Number(k.birthDate?.slice(5, 7)) === month);
        const guests = born.length ? born : sample(rng, kids, small ? 1 : 6);
        add(day, [`${month}月留守儿童集体生日会`, ['children'], [0, 0]], weeks > 0 ? guests.slice(0, 3) : guests);
      }
      return;
    }
    spec.past.forEach((row, k) => add(saturday(-(12 - 4 * k - (t % 4))), row));
    add(saturday(1 + (t % 2)), spec.next);
  });
  if (myself) {
    const upcoming = b.events.filter((e) => e.startsAt > ctx.now && e.theme === 'yellow');
    for (const e of upcoming) b.signups.push({ communityId: c.communityId, eventId: e.id!, residentId: myself.id, channel: 'app', createdAt: ctx.now });
  }
  const counts = await b.flush(tx);
  await seedBookings(tx, c, venues, rng);
  return { venues: venues.size, courses: courses.length, dayOneSignups: dayOne, events: eventCount, ...counts };
}

/** A few room bookings of the coming week, so the calendar shows more than courses and events. */
async function seedBookings(tx: Tx, c: { communityId: string; today: string; tz: string }, venues: Map<string, string>, rng: SeedContext['rng']) {
  const accounts = await rows<{ id: string; username: string; residentId: string | null }>(
    tx,
    sql`SELECT id, username, resident_id AS "residentId" FROM account WHERE username IN ('yw_staff', 'yw_resident1', 'yw_resident2')`,
  );
  const by = (u: string) => accounts.find((a) => a.username === u);
  const at = (days: number, time: string) => zonedInstant(addDays(c.today, days), time, c.tz);
  const plan: Array<[string, number, string, string, string, 'staff' | 'resident', string, 'pending' | 'confirmed']> = [
    ['红色驿站', 2, '19:00', '20:30', '社区党委会议', 'staff', 'yw_staff', 'confirmed'],
    ['邻里之家', 5, '19:00', '20:30', '楼栋长例会', 'staff', 'yw_staff', 'confirmed'],
    ['清雅阁茶艺室', 3, '19:00', '20:00', '茶友会', 'resident', 'yw_resident1', 'pending'],
    ['博弈居棋牌室', 1, '19:00', '20:30', '象棋友谊赛', 'resident', 'yw_resident2', 'confirmed'],
    ['静远斋阅览室', 4, '19:00', '20:30', '读书分享会', 'resident', 'yw_resident1', 'pending'],
  ];
  const values = plan.flatMap(([room, days, start, end, purpose, kind, user, status]) => {
    const a = by(user);
    if (!a) return [];
    return [{ id: newId(), communityId: c.communityId, venueId: venues.get(room)!, startsAt: at(days, start), endsAt: at(days, end), purpose, attendees: rng.int(6, 20), bookerKind: kind, bookedBy: a.id, residentId: kind === 'resident' ? a.residentId : null, status }];
  });
  if (values.length) await tx.insert(venueBooking).values(values);
}
