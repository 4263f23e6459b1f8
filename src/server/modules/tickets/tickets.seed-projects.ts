/**
 * 领办督办 demo projects from the seed reports: 滨湖世纪社区's 小区广场休闲座椅 and 街头公园生态公厕
 * (paid from the 共治资金), 雁鸣湖's four-party joint-meeting decision, and 紫荆路社区's heating
 * dispute settled between residents and the developer.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import { createDemoAccounts, orgIdByCode } from '../../seed/demo-district';
import type { SeedContext } from '../../seed/runner';
import { project, projectMilestone, projectUpdate, ticket, ticketEvent } from './tickets.tables';

const DAY = 86_400_000;

interface ProjectSpec {
  code: string;
  title: string;
  description: string;
  leader: string;
  supervisor: string;
  /** Link to the community's earliest ticket of this category, if any. */
  fromTicketCategory?: string;
  decisionNote?: string;
  startedDaysAgo: number;
  progress: number;
  milestones: Array<[title: string, doneDaysAgo: number | null]>;
  updates: Array<[daysAgo: number, note: string, progress: number]>;
}

const specs: ProjectSpec[] = [
  {
    code: 'BH01', title: '小区广场休闲座椅', description: '居民在“世纪早茶”反映广场缺少座椅，老人无处歇脚。使用共治资金增设休闲座椅。',
    leader: 'bh_member1', supervisor: 'bh_secretary', fromTicketCategory: 'public_facilities', startedDaysAgo: 700, progress: 100,
    milestones: [['征求居民意见', 690], ['共治理事会审议资金', 670], ['采购安装', 640]],
    updates: [[690, '走访楼栋，收集到 126 户居民意见，选定座椅位置', 30], [670, '共治理事会审议通过，使用共治资金', 60], [640, '座椅安装完成，居民验收满意', 100]],
  },
  {
    code: 'BH01', title: '街头公园生态公厕', description: '居民反映街头公园没有公厕。党建联席会议定由社区牵头、驻区单位共建生态公厕。',
    leader: 'bh_member1', supervisor: 'bh_secretary', decisionNote: '党建联席会议定：使用共治资金，驻区单位协助选址', startedDaysAgo: 120, progress: 60,
    milestones: [['选址论证', 100], ['设计方案公示', 60], ['施工建设', null], ['验收投用', null]],
    updates: [[100, '与城管、园林部门完成选址论证', 25], [60, '设计方案在社区公示栏和微信群公示七天，无异议', 45], [20, '施工队进场，预计两个月完工', 60]],
  },
  {
    code: 'YMH01', title: '太平庄社区物业服务提升', description: '四方联动党建联席会上业主代表反映物业响应慢，议定物业公司限时整改、社区督办。',
    leader: 'ymh_member1', supervisor: 'ymh_secretary', decisionNote: '每月党建联席会议定：物业十分钟响应，业委会监督', startedDaysAgo: 90, progress: 40,
    milestones: [['物业制定整改清单', 80], ['业委会月度评议', null], ['居民满意度回访', null]],
    updates: [[80, '物业公司提交整改清单 12 项', 20], [30, '完成 7 项整改，业委会现场查看', 40]],
  },
  {
    code: 'ZJL01', title: '鸿运嘉苑冬季供暖协调', description: '小区基础设施不完善，冬日无法供暖，居民与开发商矛盾突出。社区作为第三方多次沟通，入户做居民工作。',
    leader: 'zjl_member1', supervisor: 'zjl_secretary', fromTicketCategory: 'counseling', startedDaysAgo: 300, progress: 100,
    milestones: [['摸排受影响住户', 290], ['与开发商协商', 250], ['入户沟通', 230], ['达成谅解、恢复供暖', 210]],
    updates: [[290, '摸排受影响住户 86 户', 20], [250, '与开发商协商 5 次，形成改造方案', 50], [230, '工作人员走家串户解释方案', 75], [210, '管网改造完成，双方达成谅解', 100]],
  },
];

export async function seedProjects(tx: Tx, ctx: SeedContext): Promise<number> {
  const people = [
    ['bh_member1', '张明珠', 'party_member', 'BH01'],
    ['ymh_member1', '孙建民', 'party_member', 'YMH01'],
    ['zjl_member1', '翟建国', 'party_member', 'ZJL01'],
    ['bh_secretary', '滨湖世纪社区书记 束红英', 'community_secretary', 'BH01'],
    ['ymh_secretary', '雁鸣湖镇镇区社区书记 王建军', 'community_secretary', 'YMH01'],
    ['zjl_secretary', '紫荆路社区书记 王孝转', 'community_secretary', 'ZJL01'],
  ] as const;
  const accounts = await createDemoAccounts(tx, people);
  const names: Record<string, string> = Object.fromEntries(people.map(([username, name]) => [username, name]));
  for (const s of specs) {
    const communityId = await orgIdByCode(tx, s.code);
    const started = new Date(ctx.now.getTime() - s.startedDaysAgo * DAY);
    const [source] = s.fromTicketCategory
      ? await tx.select({ id: ticket.id }).from(ticket).where(and(eq(ticket.communityId, communityId), eq(ticket.categoryKey, s.fromTicketCategory))).orderBy(asc(ticket.createdAt)).limit(1)
      : [];
    const id = newId();
    const leaderId = accounts.get(s.leader)!;
    await tx.insert(project).values({
      id, communityId, title: s.title, description: s.description, source: source ? 'ticket' : 'joint_meeting', sourceTicketId: source?.id ?? null,
      decisionNote: s.decisionNote ?? null, leaderAccountId: leaderId, supervisorAccountId: accounts.get(s.supervisor)!, status: s.progress === 100 ? 'done' : 'in_progress',
      progress: s.progress, isPublic: true, completedAt: s.progress === 100 ? new Date(ctx.now.getTime() - s.updates.at(-1)![0] * DAY) : null, createdAt: started, updatedAt: started,
    });
    const milestoneIds = s.milestones.map(() => newId());
    await tx.insert(projectMilestone).values(s.milestones.map(([title, done], i) => ({ id: milestoneIds[i]!, communityId, projectId: id, title, sort: i, doneAt: done === null ? null : new Date(ctx.now.getTime() - done * DAY) })));
    await tx.insert(projectUpdate).values(
      s.updates.map(([daysAgo, note, progress], i) => ({ communityId, projectId: id, at: new Date(ctx.now.getTime() - daysAgo * DAY), authorAccountId: leaderId, authorName: names[s.leader]!, note, progress, milestoneId: s.milestones[i]?.[1] !== null && s.milestones[i] ? milestoneIds[i]! : null })),
    );
    if (source) {
      await tx.update(ticket).set({ projectId: id }).where(eq(ticket.id, source.id));
      await tx.insert(ticketEvent).values({ communityId, ticketId: source.id, at: sql`(SELECT created_at + interval '1 day' FROM ticket WHERE id = ${source.id})`, actorAccountId: accounts.get(s.supervisor)!, actorName: names[s.supervisor]!, actorKind: 'staff', action: 'project', note: s.title, details: { project: id } });
    }
  }
  return specs.length;
}
