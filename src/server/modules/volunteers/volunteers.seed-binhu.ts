/**
 * 滨湖世纪社区 (seed 001): the "滨湖帮客" platform with 67 teams and 6,327 registered volunteers; the
 * 老乡长志愿服务队 (38 members, captain 胡光甫) guiding schoolchildren across 天山支路/长沙路 at 11:30 for
 * 800+ days; 衣旧传情, 益路同行 and 学雷锋睦邻互助合作社 among the known brands. Demo account
 * `bh_volunteer1` is a volunteer of 衣旧传情 with a year of confirmed hours.
 */
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import type { Rng } from '../../seed/random';
import type { SeedContext } from '../../seed/runner';
import { volunteer, volunteerTeam, volunteerTeamMember } from './volunteers.tables';
import { adultResidents, insertChunked, makeVolunteers, planActivity, servedSignup, shanghaiTime, writeActivities } from './volunteers.seed-kit';
import type { activityCategories } from './volunteer-values.schemas';

type Category = (typeof activityCategories)[number];
type Plan = ReturnType<typeof planActivity>;
type SignupRow = ReturnType<typeof servedSignup>;

const famous: ReadonlyArray<readonly [string, Category, string]> = [
  ['老乡长志愿服务队', 'traffic', '护学岗：天山支路与长沙路口疏导交通'],
  ['衣旧传情志愿队', 'civility', '衣旧传情：爱心衣物收集整理'],
  ['益路同行志愿队', 'care', '益路同行：陪伴困难家庭'],
  ['学雷锋睦邻互助合作社', 'civility', '学雷锋睦邻互助：家电义修'],
];
const estates = ['徽杰苑', '徽澜苑', '徽海苑', '湖畔苑', '世纪苑'];
const lines: ReadonlyArray<readonly [string, Category, string]> = [
  ['平安巡逻队', 'safety', '夜间平安巡逻'], ['邻里守望队', 'care', '独居老人亲情敲门'], ['环境清洁队', 'environment', '楼道环境清洁'], ['文明劝导队', 'civility', '文明养犬劝导'],
  ['助老服务队', 'elderly', '老年大学助教'], ['四点半课堂志愿队', 'children', '四点半课堂作业辅导'], ['法律援助志愿队', 'other', '法律咨询进小区'], ['义诊志愿队', 'health', '社区义诊'],
  ['文艺志愿队', 'culture', '邻里团拜会演出'], ['垃圾分类督导队', 'waste_sorting', '垃圾分类桶边督导'], ['读书会志愿队', 'culture', '世纪尚书房图书整理'], ['心理疏导志愿队', 'care', '妈妈美丽堂心理沙龙'],
  ['家电义修队', 'civility', '家电义修'],
];

function teamSpecs(count: number): Array<{ name: string; category: Category; activity: string }> {
  const specs = famous.map(([name, category, activity]) => ({ name, category, activity }));
  for (let i = 0; specs.length < count; i++) {
    const [line, category, activity] = lines[i % lines.length]!;
    specs.push({ name: `${estates[Math.floor(i / lines.length) % estates.length]}${line}`, category, activity });
  }
  return specs;
}

export interface BinhuSizes {
  teams: number;
  volunteers: number;
  /** Days of the 老乡长 school-crossing duty. */
  guardDays: number;
  crossingTeam: number;
  activitiesPerTeam: number;
  pending: number;
}

export const binhuSizes = (small: boolean): BinhuSizes =>
  small ? { teams: 5, volunteers: 40, guardDays: 10, crossingTeam: 8, activitiesPerTeam: 2, pending: 2 } : { teams: 67, volunteers: 6327, guardDays: 820, crossingTeam: 38, activitiesPerTeam: 6, pending: 15 };

/** Splits volunteers into teams: the crossing team first, the rest spread by weight over the others. */
function assignTeams(rng: Rng, volunteerIds: string[], teamIds: string[], crossing: number) {
  const members = new Map<string, string[]>(teamIds.map((t) => [t, []]));
  const weights = teamIds.slice(1).map((t) => [t, rng.int(40, 160)] as const);
  volunteerIds.forEach((v, i) => members.get(i < crossing ? teamIds[0]! : rng.weighted(weights))!.push(v));
  return members;
}

export async function seedBinhu(tx: Tx, ctx: SeedContext, ids: { communityId: string; staffId: string | null; demoAccount: (residentId: string | null, name: string) => Promise<string> }, sizes: BinhuSizes) {
  const { rng, now } = ctx;
  const { communityId, staffId } = ids;
  const residents = await adultResidents(tx, communityId, sizes.volunteers);
  const people = makeVolunteers(rng, ctx.crypto, now, communityId, sizes.volunteers, residents, { areas: ['traffic', 'safety', 'environment', 'elderly', 'children', 'care', 'culture', 'civility'], ageRange: [20, 72], partyShare: 0.3 });
  // The 老乡长 are retired villagers; their captain is 胡光甫.
  for (const p of people.slice(0, sizes.crossingTeam)) p.birthDate = `${now.getUTCFullYear() - rng.int(62, 78)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
  if (!people[0]!.residentId) Object.assign(people[0]!, { name: '胡光甫', gender: 'male' });
  const demo = people[sizes.crossingTeam]!;
  Object.assign(demo, { accountId: await ids.demoAccount(demo.residentId ?? null, demo.name), skills: ['first_aid', 'photography'], availability: ['weekend_morning', 'weekday_evening'], areas: ['civility', 'care'] });
  const pending = makeVolunteers(rng, ctx.crypto, now, communityId, sizes.pending, [], { areas: ['care', 'civility'], ageRange: [18, 60], partyShare: 0.2 }).map((p) => ({ ...p, status: 'pending' as const, reviewedAt: null, createdAt: new Date(now.getTime() - rng.int(1, 10) * 86_400_000) }));
  await insertChunked(tx, volunteer, [...people, ...pending], 400);

  const specs = teamSpecs(sizes.teams);
  const teams = specs.map((s, i) => ({ id: newId(), communityId, name: s.name, ownerKind: 'community' as const, description: s.activity, foundedOn: `${2013 + (i % 3)}-0${(i % 9) + 1}-01` }));
  await insertChunked(tx, volunteerTeam, teams);
  const peopleIds = people.map((p) => p.id!);
  const byTeam = assignTeams(rng, peopleIds, teams.map((t) => t.id), sizes.crossingTeam);
  // The demo volunteer serves with 衣旧传情 (as a member; each team's first other member leads it).
  for (const list of byTeam.values()) {
    const at = list.indexOf(demo.id!);
    if (at >= 0) list.splice(at, 1);
  }
  const members = [...byTeam].flatMap(([teamId, list]) => list.map((v, i) => ({ communityId, teamId, volunteerId: v, role: i === 0 ? ('leader' as const) : ('member' as const) })));
  members.push({ communityId, teamId: teams[1]!.id, volunteerId: demo.id!, role: 'member' });
  byTeam.get(teams[1]!.id)!.push(demo.id!);
  await insertChunked(tx, volunteerTeamMember, members, 1000);

  const plans: Plan[] = [];
  const signups: SignupRow[] = [];
  // 老乡长: every day at 11:30, the captain and five others in turn.
  const crossing = byTeam.get(teams[0]!.id)!;
  for (let d = sizes.guardDays; d >= 1; d--) {
    const plan = planActivity({ communityId, teamId: teams[0]!.id, title: '护学岗：天山支路与长沙路口疏导交通', category: 'traffic', theme: 'red', place: '天山支路与长沙路交口', startsAt: shanghaiTime(now, -d, 11, 30), endsAt: shanghaiTime(now, -d, 12, 30), organizerAccountId: staffId }, '交通疏导', 10);
    plans.push(plan);
    const crew = [crossing[0]!, ...Array.from({ length: Math.min(5, crossing.length - 1) }, (_, k) => crossing[1 + ((d * 5 + k) % (crossing.length - 1))]!)];
    for (const v of new Set(crew)) signups.push(servedSignup(plan, v, rng.int(55, 60), staffId));
  }
  // 衣旧传情: weekly sorting of donated clothes for a year; the demo volunteer came to most.
  const clothes = byTeam.get(teams[1]!.id)!;
  for (let w = Math.min(48, sizes.guardDays); w >= 1; w--) {
    const plan = planActivity({ communityId, teamId: teams[1]!.id, title: '衣旧传情：爱心衣物收集整理', category: 'civility', theme: 'orange', place: '社区公益坊', startsAt: shanghaiTime(now, -w * 7, 9, 0), endsAt: shanghaiTime(now, -w * 7, 11, 30), organizerAccountId: staffId }, '分拣打包', 12);
    plans.push(plan);
    const crew = new Set([...(w % 16 === 0 ? [] : [demo.id!]), ...Array.from({ length: 8 }, () => rng.pick(clothes))]);
    for (const v of crew) signups.push(servedSignup(plan, v, v === demo.id ? 150 : rng.int(100, 150), staffId));
  }
  // The other teams: a few activities each over the last half year.
  specs.slice(2).forEach((spec, i) => {
    const team = teams[i + 2]!;
    const members = byTeam.get(team.id)!;
    for (let k = 0; k < sizes.activitiesPerTeam && members.length; k++) {
      const day = -rng.int(2, 180);
      const hour = rng.pick([9, 14, 19]);
      const minutes = rng.pick([90, 120, 150, 180]);
      const plan = planActivity({ communityId, teamId: team.id, title: spec.activity, category: spec.category, place: rng.pick(['社区综合服务中心', '世纪广场', '徽杰苑活动室', '社区公益坊', '老年大学教室']), startsAt: shanghaiTime(now, day, hour), endsAt: shanghaiTime(now, day, hour, minutes), organizerAccountId: staffId }, '志愿服务', 20);
      plans.push(plan);
      for (const v of new Set(Array.from({ length: rng.int(4, 12) }, () => rng.pick(members)))) signups.push(servedSignup(plan, v, rng.int(Math.round(minutes * 0.7), minutes), staffId));
    }
  });
  const upcoming = seedBinhuCalendar(rng, now, communityId, staffId, teams, byTeam, demo.id!, plans, signups);
  await writeActivities(tx, plans, signups);
  return { teams: teams.length, volunteers: people.length, pending: pending.length, linkedToResidents: Math.min(residents.length, people.length), activities: plans.length, signups: signups.length, upcoming };
}

/** Yesterday's activity awaiting confirmation, one running now (for the QR demo), and the next two weeks. */
function seedBinhuCalendar(rng: Rng, now: Date, communityId: string, staffId: string | null, teams: Array<{ id: string; name: string }>, byTeam: Map<string, string[]>, demoId: string, plans: Plan[], signups: SignupRow[]) {
  const clothes = byTeam.get(teams[1]!.id)!.filter((v) => v !== demoId);
  const yesterday = planActivity({ communityId, teamId: teams[1]!.id, title: '衣旧传情：寄往云南福贡县的冬衣打包', category: 'civility', theme: 'orange', place: '社区公益坊', startsAt: shanghaiTime(now, -1, 14, 0), endsAt: shanghaiTime(now, -1, 17, 0), organizerAccountId: staffId }, '分拣打包', 10);
  plans.push(yesterday);
  for (const v of new Set(clothes.slice(1, 9))) signups.push(servedSignup(yesterday, v, rng.int(120, 180), staffId, false));

  const running = planActivity({ communityId, teamId: teams[1]!.id, title: '世纪尚书房：图书整理与借阅引导', category: 'culture', theme: 'cyan', place: '世纪尚书房', startsAt: new Date(now.getTime() - 2 * 3_600_000), endsAt: new Date(now.getTime() + 8 * 3_600_000), organizerAccountId: staffId, cancelCutoffMinutes: 60 }, '图书整理', 8);
  plans.push(running);
  for (const v of [demoId, ...clothes.slice(2, 6)]) signups.push({ ...servedSignup(running, v, 0, null, false), checkedInAt: null, checkInMethod: null, checkedOutAt: null, checkOutMethod: null, recordedMinutes: null, hoursStatus: 'none' });

  const future: ReadonlyArray<readonly [number, number, string, string, (typeof activityCategories)[number], number, number]> = [
    [1, 9, '徽杰苑楼道环境清洁', '徽杰苑', 'environment', 12, 3],
    [2, 14, '四点半课堂作业辅导', '社区综合服务中心', 'children', 6, 2],
    [3, 19, '夜间平安巡逻', '世纪广场', 'safety', 10, 4],
    [4, 9, '重阳节饺子宴帮厨', '社区幸福食堂', 'elderly', 6, 9],
    [5, 9, '社区义诊（测血压、测血糖）', '社区综合服务中心', 'health', 8, 1],
    [6, 15, '垃圾分类桶边督导', '徽澜苑投放点', 'waste_sorting', 10, 2],
    [8, 9, '独居老人亲情敲门', '徽海苑', 'care', 15, 5],
    [10, 14, '邻里团拜会演出', '社区大礼堂', 'culture', 30, 7],
    [12, 9, '衣旧传情：爱心衣物收集整理', '社区公益坊', 'civility', 12, 0],
  ];
  for (const [day, hour, title, place, category, capacity, taken] of future) {
    const team = teams[(day * 7) % teams.length]!;
    const plan = planActivity({ communityId, teamId: team.id, title, category, place, startsAt: shanghaiTime(now, day, hour), endsAt: shanghaiTime(now, day, hour + 2), organizerAccountId: staffId, requiredSkills: category === 'health' ? ['medical'] : [] }, '志愿服务', capacity);
    plans.push(plan);
    const pool = byTeam.get(team.id)!.filter((v) => v !== demoId);
    [...new Set(Array.from({ length: taken }, () => rng.pick(pool)))].forEach((v, i) => {
      signups.push({ id: newId(), communityId, activityId: plan.activity.id, slotId: plan.slot.id, volunteerId: v, status: i < capacity ? 'signed_up' : 'waitlisted', createdAt: new Date(now.getTime() - (taken - i) * 3_600_000) });
    });
  }
  return future.length;
}

