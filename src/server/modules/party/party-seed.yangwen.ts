/**
 * Seed 000, 杨文社区: a WeChat 微党支部 of 80 members (many of them mobile, spread across the country)
 * holding a 微党课 every Thursday evening — 143 issues so far, attendance at least 90 % every week,
 * 80 % of the members having given one — and a 民主测评 each year. Every figure is computed from
 * these rows; the history ends at the last Thursday before the seed runs and issue 144 is next.
 */
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import {
  evaluationCommentPool,
  evaluationParticipation,
  evaluationRound,
  evaluationSubject,
  evaluationTally,
  lectureCheckIn,
  microLecture,
  partyDues,
  partyMember,
  partyOrg,
  partyOrgOfficer,
  partySettings,
  servicePost,
  servicePostClaim,
} from './party.tables';
import { creditClaims, creditLectures, DAY, insertChunked, lastWeekly, memberRow, orgRow, shuffled, type MemberInsert } from './party-seed.common';

const topics = [
  '学习党章，做合格党员', '不忘初心、牢记使命', '弘扬红船精神', '焦裕禄精神的时代内涵', '社区党员如何亮身份', '流动党员的组织生活',
  '学习身边的先进典型', '党员志愿服务的故事', '家风家训与党风', '基层治理中的党员作用', '垃圾分类从党员做起', '党史上的今天',
  '廉洁自律准则解读', '抗洪一线的共产党员', '企业型社区的党建探索', '多彩党建：红色驿站', '学习新时代文明实践', '邻里守望，党员先行',
];

export interface YangwenResult {
  members: MemberInsert[];
  groupIds: string[];
  lectures: number;
  checkIns: number;
}

/** Who attends each lecture: between 90 % and 97.5 % of the members, the given member almost always. */
function attendees(ctx: SeedContext, members: MemberInsert[], keep: string | null): MemberInsert[] {
  const n = members.length;
  const target = Math.ceil(n * 0.9) + ctx.rng.int(0, Math.max(0, Math.floor(n * 0.075)));
  const mixed = shuffled(ctx.rng, members);
  const chosen = mixed.slice(0, target);
  if (keep && !chosen.some((m) => m.id === keep) && ctx.rng.chance(0.95)) chosen[chosen.length - 1] = members.find((m) => m.id === keep)!;
  return chosen;
}

export async function seedYangwen(tx: Tx, ctx: SeedContext, communityId: string, demoMember: { accountId: string; residentId: string | null; name: string }): Promise<YangwenResult> {
  const { rng, now } = ctx;
  const small = !!ctx.options.small;
  const committee = orgRow(communityId, null, 'committee', '杨文社区党委');
  const branch = orgRow(communityId, committee, 'branch', '杨文社区党支部（微党支部）', 1);
  const women = orgRow(communityId, committee, 'branch', '“巾帼”党支部', 2);
  const groups = ['第一党小组', '第二党小组', '第三党小组', '流动党员党小组'].map((name, i) => orgRow(communityId, branch, 'group', name, i + 1));
  await tx.insert(partyOrg).values([committee, branch, women, ...groups]);

  const count = small ? 10 : 80;
  const lectureCount = small ? 6 : 143;
  const first = lastWeekly(now, 4, 20, 0).getTime() - (lectureCount - 1) * 7 * DAY;
  const enrolledAt = new Date(first - 60 * DAY);
  const members: MemberInsert[] = [];
  for (let i = 0; i < count; i++) {
    const group = i < 4 ? committee : i % 10 === 9 ? women : groups[i % 10 < 6 ? i % 3 : 3]!;
    const membership = group === groups[3] ? 'mobile' : i % 11 === 5 ? 'reporting' : 'registered';
    members.push(memberRow(rng, now, communityId, group.id, { membership, workplace: membership === 'reporting' ? rng.pick(['洛阳玻璃集团', '中国一拖', '洛阳轴承', '洛阳铜加工厂', '中信重工', '洛阳石化']) : null, enrolledAt }));
  }
  members[0] = { ...members[0]!, name: '姚克卫', gender: 'male', tags: ['书记'] };
  // The demo account: an in-service member living in the community, in the first group, who has not lectured yet.
  const demo = { ...members[count - 2]!, orgId: groups[0]!.id, name: demoMember.name, accountId: demoMember.accountId, residentId: demoMember.residentId, membership: 'reporting' as const, workplace: '洛阳玻璃集团', status: 'full' as const, fullOn: '2012-07-01', joinedOn: '2011-07-01', tags: ['先锋岗'] };
  members[count - 2] = demo;
  for (const m of members.slice(4, 12)) m.tags = ['先锋岗'];
  await insertChunked(tx, partyMember, members);
  await tx.insert(partyOrgOfficer).values([
    { communityId, orgId: committee.id, memberId: members[0]!.id, role: 'secretary', termStart: '2021-01-01', termEnd: null },
    { communityId, orgId: committee.id, memberId: members[1]!.id, role: 'deputy_secretary', termStart: '2021-01-01' },
    { communityId, orgId: committee.id, memberId: members[2]!.id, role: 'committee_member', termStart: '2021-01-01' },
    { communityId, orgId: branch.id, memberId: members[3]!.id, role: 'secretary', termStart: '2021-01-01' },
    { communityId, orgId: committee.id, memberId: members[3]!.id, role: 'committee_member', termStart: '2016-01-01', termEnd: '2020-12-31' },
    ...groups.map((g, i) => ({ communityId, orgId: g.id, memberId: members.find((m) => m.orgId === g.id && m.id !== demo.id)?.id ?? members[4 + i]!.id, role: 'group_leader' as const, termStart: '2021-01-01' })),
  ]);

  // Lecturers: the committee every other week, the other members in turn; 80 % have lectured, the demo member not yet.
  const committeeLecturers = members.slice(0, 4);
  const others = members.slice(4).filter((m) => m.id !== demo.id);
  const rotating = others.slice(0, Math.ceil(count * 0.82) - committeeLecturers.length);
  const lectures = [];
  for (let i = 0; i < lectureCount; i++) {
    const scheduledAt = new Date(first + i * 7 * DAY);
    const lecturer = i % 2 === 0 ? committeeLecturers[(i / 2) % committeeLecturers.length]! : rotating[((i - 1) / 2) % rotating.length]!;
    const title = i === 99 ? '第100期：总结汇报与民主测评' : topics[i % topics.length]!;
    lectures.push({
      id: newId(),
      communityId,
      issueNo: i + 1,
      title,
      lecturerMemberId: lecturer.id,
      scheduledAt,
      checkinOpensAt: new Date(scheduledAt.getTime() - 10 * 60_000),
      checkinClosesAt: new Date(scheduledAt.getTime() + 10 * 60_000),
      materials: [{ kind: 'text' as const, title: '图文讲稿', content: `${title}——图片、文字加语音授课。` }],
      remindedAt: new Date(scheduledAt.getTime() - 60 * 60_000),
    });
  }
  const next = new Date(first + lectureCount * 7 * DAY);
  const nextLecturer = others.find((m) => !rotating.includes(m) && m.id !== demo.id) ?? rotating[0]!;
  lectures.push({ id: newId(), communityId, issueNo: lectureCount + 1, title: '学习“四下基层”制度', lecturerMemberId: nextLecturer.id, scheduledAt: next, checkinOpensAt: new Date(next.getTime() - 10 * 60_000), checkinClosesAt: new Date(next.getTime() + 10 * 60_000), materials: [{ kind: 'link' as const, title: '学习材料', content: 'https://www.12371.cn/' }], remindedAt: null });
  await insertChunked(tx, microLecture, lectures);
  await tx.insert(partySettings).values({ communityId, lastIssueNo: lectureCount + 1 });

  const checkIns = [];
  for (const l of lectures.slice(0, lectureCount)) {
    for (const m of attendees(ctx, members, demo.id)) {
      const offset = rng.weighted([[rng.int(-10, -1), 9], [rng.int(0, 9), 1]] as const);
      checkIns.push({ id: newId(), communityId, lectureId: l.id, memberId: m.id, checkedInAt: new Date(l.scheduledAt.getTime() + offset * 60_000 + rng.int(0, 59) * 1000), late: offset >= 0 });
    }
  }
  await insertChunked(tx, lectureCheckIn, checkIns, 2000);
  await creditLectures(tx, communityId);

  await seedDues(tx, ctx, communityId, members);
  await seedEvaluations(tx, ctx, communityId, members, lectures[small ? 2 : 99]!);
  await seedPosts(tx, ctx, communityId, members, groups[0]!.id);
  return { members, groupIds: groups.map((g) => g.id), lectures: lectureCount, checkIns: checkIns.length };
}

/** 党费 for the last six months; a few members are a month behind. */
async function seedDues(tx: Tx, ctx: SeedContext, communityId: string, members: MemberInsert[]) {
  const local = new Date(ctx.now.getTime() + 8 * 3_600_000);
  const dues = [];
  for (let back = 6; back >= 1; back--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
    const month = d.toISOString().slice(0, 10);
    for (const m of members) if (back > 1 || ctx.rng.chance(0.9)) dues.push({ id: newId(), communityId, memberId: m.id, month, amountFen: m.status === 'full' ? ctx.rng.pick([200, 500, 1000, 2000]) : 200, paidAt: new Date(d.getTime() + ctx.rng.int(2, 25) * DAY) });
  }
  await insertChunked(tx, partyDues, dues);
}

/** Last year's annual grading of members and the evaluation of the 100th lecture, both closed, counted anonymously. */
async function seedEvaluations(tx: Tx, ctx: SeedContext, communityId: string, members: MemberInsert[], lecture: { id: string; scheduledAt: Date }) {
  const { rng } = ctx;
  const year = new Date(ctx.now.getTime() + 8 * 3_600_000).getUTCFullYear() - 1;
  const annual = { id: newId(), communityId, title: `${year}年度民主评议党员`, kind: 'member' as const, questions: [{ key: 'advice', text: '对支部工作的意见建议', kind: 'comment' as const }], opensAt: new Date(Date.UTC(year, 11, 20)), closesAt: new Date(Date.UTC(year, 11, 31)), closedAt: new Date(Date.UTC(year, 11, 31)), eligibleCount: members.length, createdAt: new Date(Date.UTC(year, 11, 19)) };
  const lectureRound = { id: newId(), communityId, title: '第100期微党课民主测评', kind: 'lecture' as const, lectureId: lecture.id, questions: [{ key: 'content', text: '授课内容', kind: 'rating' as const }, { key: 'form', text: '授课形式（图文+语音）', kind: 'rating' as const }, { key: 'advice', text: '意见建议', kind: 'comment' as const }], opensAt: lecture.scheduledAt, closesAt: new Date(lecture.scheduledAt.getTime() + 2 * 3_600_000), closedAt: new Date(lecture.scheduledAt.getTime() + 2 * 3_600_000), eligibleCount: members.length, createdAt: lecture.scheduledAt };
  await tx.insert(evaluationRound).values([annual, lectureRound]);
  await insertChunked(tx, evaluationSubject, members.map((m) => ({ roundId: annual.id, memberId: m.id, communityId })));

  const tally = new Map<string, number>();
  const bump = (round: string, s: string, k: string, v: string) => tally.set(`${round}|${s}|${k}|${v}`, (tally.get(`${round}|${s}|${k}|${v}`) ?? 0) + 1);
  const grades = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
  for (const m of members) for (const g of grades) tally.set(`${annual.id}|${m.id}|grade|${g}`, 0);
  for (const k of ['content', 'form']) for (const v of ['1', '2', '3', '4', '5']) tally.set(`${lectureRound.id}||${k}|${v}`, 0);
  const annualVoters = members.filter(() => rng.chance(0.95));
  for (const voter of annualVoters) for (const s of members) if (s.id !== voter.id) bump(annual.id, s.id, 'grade', rng.weighted([['excellent', 35], ['qualified', 60], ['basically_qualified', 4], ['unqualified', 1]] as const));
  const lectureVoters = members.filter(() => rng.chance(0.9));
  for (const _voter of lectureVoters) {
    bump(lectureRound.id, '', 'content', rng.weighted([['5', 70], ['4', 25], ['3', 5]] as const));
    bump(lectureRound.id, '', 'form', rng.weighted([['5', 60], ['4', 32], ['3', 8]] as const));
  }
  await insertChunked(tx, evaluationTally, [...tally].map(([key, count]) => {
    const [roundId, subjectKey, questionKey, value] = key.split('|') as [string, string, string, string];
    return { roundId, communityId, subjectKey, questionKey, value, count };
  }), 2000);
  await tx.insert(evaluationCommentPool).values([
    { roundId: annual.id, communityId, comments: ['微党课坚持得好，建议继续邀请优秀党员讲身边事', '希望多组织流动党员线下活动', '支部工作扎实'] },
    { roundId: lectureRound.id, communityId, comments: ['100期不容易，为支部点赞', '语音讲解很生动', '建议把讲稿整理成册'] },
  ]);
  await insertChunked(tx, evaluationParticipation, [
    ...annualVoters.map((m) => ({ id: newId(), communityId, roundId: annual.id, memberId: m.id, submittedAt: new Date(annual.opensAt.getTime() + rng.int(1, 200) * 3_600_000) })),
    ...lectureVoters.map((m) => ({ id: newId(), communityId, roundId: lectureRound.id, memberId: m.id, submittedAt: new Date(lectureRound.opensAt.getTime() + rng.int(1, 100) * 60_000) })),
  ]);
}

/** Service posts of the 邻里中心: some done, some next week for members to claim from the phone. */
async function seedPosts(tx: Tx, ctx: SeedContext, communityId: string, members: MemberInsert[], groupId: string) {
  const { rng, now } = ctx;
  const specs = [
    ['邻里中心志愿值守', '周末在邻里中心接待居民、维持秩序', 6, -21],
    ['留守儿童之家陪伴', '“巾帼”党支部组织，陪伴留守儿童写作业', 4, -14],
    ['老年大学课堂助教', '协助老师管理课堂、测量血压', 3, -7],
    ['平安巡逻', '晚间小区巡逻，排查安全隐患', 8, 3],
    ['邻里中心志愿值守', '周末在邻里中心接待居民、维持秩序', 6, 5],
    ['留守儿童集体生日会', '为本月出生的留守儿童过集体生日', 5, 9],
  ] as const;
  const posts = specs.map(([title, description, capacity, days]) => {
    const startsAt = new Date(now.getTime() + days * DAY);
    startsAt.setUTCHours(1, 0, 0, 0);
    return { id: newId(), communityId, orgId: groupId, title, description, capacity, startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000), claimedCount: 0 };
  });
  const claims = [];
  for (const p of posts) {
    const past = p.startsAt.getTime() < now.getTime();
    const n = past ? p.capacity : Math.floor(p.capacity / 2);
    const who = shuffled(rng, members).filter((m) => !m.accountId).slice(0, n);
    p.claimedCount = who.length;
    for (const m of who) claims.push({ id: newId(), communityId, postId: p.id, memberId: m.id, status: past ? ('done' as const) : ('claimed' as const), claimedAt: new Date(p.startsAt.getTime() - 3 * DAY), doneAt: past ? p.endsAt : null });
  }
  await tx.insert(servicePost).values(posts);
  await insertChunked(tx, servicePostClaim, claims);
  await creditClaims(tx, communityId);
}
