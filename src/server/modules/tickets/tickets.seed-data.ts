/**
 * Building blocks of the demo tickets: what residents write per category, and one ticket with its
 * whole public timeline generated from a planned outcome (resolved on time or late, rated,
 * reopened, returned, filed on record, still open) — times consistent with the deadlines, so the
 * statistics computed from these rows tell the seed reports' story.
 */
import { newId } from '../../platform/db/columns';
import type { Rng } from '../../seed/random';
import type { CategoryRow } from './tickets.repository';
import type { ticket, ticketEvent } from './tickets.tables';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const descriptions: Record<string, readonly string[]> = {
  sanitation: ['{b}楼道里堆满了杂物，影响通行', '{b}门口的垃圾桶满了两天没人清运', '{b}附近绿化带里有很多建筑垃圾', '小区东门外的路面有油污，老人容易滑倒', '{b}地下室积水发臭，蚊虫很多', '{b}旁边有人乱倒装修垃圾'],
  property_repair: ['{b}电梯又坏了，老人上不去楼', '{b}单元门禁损坏，外人随便进出', '{b}楼道声控灯不亮，晚上很黑', '{b}顶楼漏水，墙皮脱落', '{b}下水管道堵塞，污水反涌', '{b}消防通道的门关不上'],
  neighbor_dispute: ['{b}楼上邻居装修噪音太大，晚上十点还在施工', '{b}邻居在楼道堆放杂物，多次沟通无果', '{b}楼上空调外机滴水到我家窗台', '{b}有住户在公共区域私装地锁占车位', '{b}邻居家的狗经常夜里叫，影响休息', '{b}楼上住户往下扔垃圾'],
  public_security: ['{b}附近晚上有陌生人徘徊', '小区南门的监控坏了很久', '{b}楼下电动车在楼道充电，有安全隐患', '{b}有人撬动自行车棚的锁', '小区围墙有一处破损，外人可以翻进来'],
  policy_inquiry: ['想咨询一下高龄津贴怎么申请', '请问孩子上学的居住证明在哪里开', '咨询医保异地报销需要哪些材料', '想了解一下低保申请的条件', '请问老年优待证在哪里办理', '咨询残疾人补贴的申请流程'],
  counseling: ['母亲刚去世，心里很难受，想找人聊聊', '和子女关系紧张，不知道怎么沟通', '退休后一个人在家，觉得很孤单', '孩子沉迷手机，家里经常吵架', '丈夫住院，家里压力很大'],
  public_facilities: ['小区广场缺少休闲座椅，老人没地方休息', '街头公园没有公厕，很不方便', '{b}旁边的健身器材松动了', '小区路灯有几盏不亮', '希望在{b}旁增设电动车充电桩', '儿童游乐设施有破损，存在安全隐患'],
  elderly_care: ['{b}独居老人几天没出门，请社区上门看看', '希望社区食堂能给行动不便的老人送餐', '{b}的老人需要帮忙预约上门体检', '老人腿脚不便，希望{b}能装扶手'],
  other: ['建议社区多组织一些周末亲子活动', '希望社区图书室周末也开放', '建议在小区里设置快递柜', '希望多开几期老年大学书法班'],
};

export const resolutions: Record<string, readonly string[]> = {
  sanitation: ['已安排保洁清理完毕', '已联系物业清运，并张贴文明提示', '已协调环卫加密清运频次'],
  property_repair: ['已督促物业维修完毕，恢复正常使用', '物业已更换损坏部件', '已联系维保单位上门处理'],
  neighbor_dispute: ['网格员上门调解，双方达成一致', '经社区调解，邻居承诺调整施工时间', '已组织双方协商，问题化解'],
  public_security: ['已联系派出所加强夜间巡逻', '监控已修复', '已清理楼道充电车辆并宣传安全知识'],
  policy_inquiry: ['已电话详细解答并告知所需材料', '已预约窗口办理', '已把政策明白纸发给居民'],
  counseling: ['解忧阁社工已多次陪伴谈心，情绪明显好转', '已链接心理咨询志愿者定期回访', '已组织邻里互助，定期上门看望'],
  public_facilities: ['已使用共治资金增设设施', '已报修并完成更换', '已纳入改造计划并完成施工'],
  elderly_care: ['网格员已上门探视，老人身体无碍', '已纳入助餐送餐名单', '已协调志愿者上门服务'],
  other: ['已采纳并列入社区活动计划', '已协调相关单位落实'],
};

export const returnReasons = ['属于市政规划职责，已告知拨打12345热线', '属于房产开发商合同纠纷，建议通过法律途径解决', '非本社区辖区，已转告所属社区', '涉及商户经营，已转市场监管部门'];
export const recordReasons = ['建议已记录，纳入下季度工作计划', '已在党建联席会上通报，作为参考', '感谢建议，已转相关部门参考'];
const rateComments = { good: ['处理很及时，谢谢网格员', '满意，办事效率高', '问题解决了，感谢社区', '态度很好'], bad: ['还是没解决', '拖得太久了', '处理不彻底'] };

export type Plan =
  | { kind: 'resolved'; late: boolean; rating: number | null; reopenedFrom?: number }
  | { kind: 'returned' }
  | { kind: 'recorded' }
  | { kind: 'open'; accepted: boolean };

export interface Place {
  communityId: string;
  gridId: string | null;
  buildingId: string | null;
  label: string | null;
}

export interface People {
  assignee: { id: string; name: string } | null;
  leader: string | null;
  secretary: { id: string; name: string } | null;
  submitterName: string;
  submitterAccountId: string | null;
  submitterResidentId: string | null;
}

type TicketInsert = typeof ticket.$inferInsert;
type EventInsert = typeof ticketEvent.$inferInsert;

/** 'YYYY-MM-DD' in UTC+8 (all demo communities are in Asia/Shanghai). */
export const shanghaiDay = (at: Date): string => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);

const between = (rng: Rng, a: number, b: number) => a + rng.next() * (b - a);

export function problemText(rng: Rng, categoryKey: string, label: string | null): string {
  const text = rng.pick(descriptions[categoryKey] ?? descriptions.other!);
  return text.replace('{b}', label ? label.split(' ').pop()! : '楼下');
}

/** One ticket and its timeline, consistent with the plan and never later than `now`. */
export function buildTicket(
  rng: Rng,
  now: Date,
  spec: { createdAt: Date; category: CategoryRow; kind: TicketInsert['kind']; channel: TicketInsert['channel']; place: Place; people: People; plan: Plan; description?: string },
): { row: TicketInsert; events: EventInsert[] } {
  const { createdAt, category, place, people, plan } = spec;
  const id = newId();
  const due = new Date(createdAt.getTime() + category.deadlineHours * HOUR);
  const events: EventInsert[] = [];
  const ev = (at: Date, action: string, actor: { id: string | null; name: string; kind: 'submitter' | 'staff' | 'system' }, from: string | null, to: string | null, note: string | null, details?: Record<string, unknown>) =>
    events.push({ id: newId(), communityId: place.communityId, ticketId: id, at, actorAccountId: actor.id, actorName: actor.name, actorKind: actor.kind, action, fromStatus: from, toStatus: to, note, details: details ?? null });
  const submitter = { id: people.submitterAccountId, name: people.submitterName, kind: 'submitter' as const };
  const system = { id: null, name: 'system', kind: 'system' as const };
  const worker = people.assignee ? { id: people.assignee.id, name: people.assignee.name, kind: 'staff' as const } : system;
  const secretary = people.secretary ? { id: people.secretary.id, name: people.secretary.name, kind: 'staff' as const } : worker;

  ev(createdAt, 'create', spec.channel === 'resident_app' || spec.channel === 'snap' ? submitter : worker, null, 'submitted', null, { channel: spec.channel });
  if (people.assignee) ev(createdAt, 'assign', system, null, 'submitted', people.assignee.name, { to: people.assignee.id, via: 'grid' });

  const row: TicketInsert = {
    id,
    communityId: place.communityId,
    gridId: place.gridId,
    buildingId: place.buildingId,
    buildingLabel: place.label,
    categoryId: category.id,
    categoryKey: category.key,
    kind: spec.kind,
    channel: spec.channel,
    status: 'submitted',
    description: spec.description ?? problemText(rng, category.key, place.label),
    submitterAccountId: people.submitterAccountId,
    submitterResidentId: people.submitterResidentId,
    contactName: people.submitterName,
    createdBy: people.submitterAccountId,
    assigneeAccountId: people.assignee?.id ?? null,
    assignedAt: people.assignee ? createdAt : null,
    createdAt,
    updatedAt: createdAt,
    createdOn: shanghaiDay(createdAt),
    dueAt: due,
  };
  const clamp = (d: Date) => (d.getTime() > now.getTime() - 60_000 ? new Date(now.getTime() - 60_000) : d);
  const accepted = clamp(new Date(createdAt.getTime() + between(rng, 0.1, 0.15) * category.deadlineHours * HOUR));
  const escalate = (until: Date) => {
    let level = 0;
    for (const [at, lvl] of [[due, 1], [new Date(due.getTime() + DAY), 2]] as const) {
      if (at.getTime() < until.getTime()) {
        ev(at, 'escalate', system, null, null, null, { level: lvl, reason: 'overdue', to: lvl === 1 ? [people.leader] : [people.secretary?.id] });
        level = lvl;
      }
    }
    if (level) Object.assign(row, { escalationLevel: level, escalationCount: level, lastEscalatedAt: level === 2 ? new Date(due.getTime() + DAY) : due });
  };

  switch (plan.kind) {
    case 'open': {
      if (plan.accepted) {
        ev(accepted, 'accept', worker, 'submitted', 'accepted', null);
        Object.assign(row, { status: 'accepted', acceptedAt: accepted });
      }
      escalate(now);
      break;
    }
    case 'returned': {
      ev(accepted, 'accept', worker, 'submitted', 'accepted', null);
      const at = clamp(new Date(accepted.getTime() + between(rng, 1, 20) * HOUR));
      const reason = rng.pick(returnReasons);
      ev(at, 'return', worker, 'accepted', 'returned', reason);
      Object.assign(row, { status: 'returned', acceptedAt: accepted, returnReason: reason, closedAt: at });
      break;
    }
    case 'recorded': {
      ev(accepted, 'accept', worker, 'submitted', 'accepted', null);
      const at = clamp(new Date(accepted.getTime() + between(rng, 4, 40) * HOUR));
      const reason = rng.pick(recordReasons);
      ev(at, 'close', secretary, 'accepted', 'closed', reason);
      Object.assign(row, { status: 'closed', acceptedAt: accepted, closedAt: at });
      break;
    }
    case 'resolved':
      resolve(plan);
      break;
    default: {
      const never: never = plan;
      throw new Error(`unknown plan ${String(never)}`);
    }
  }

  function resolve(p: Extract<Plan, { kind: 'resolved' }>) {
    ev(accepted, 'accept', worker, 'submitted', 'accepted', null);
    const span = category.deadlineHours * HOUR;
    let resolvedAt = clamp(p.late ? new Date(due.getTime() + between(rng, 2, 40) * HOUR) : new Date(createdAt.getTime() + between(rng, 0.2, 0.95) * span));
    if (resolvedAt.getTime() <= accepted.getTime()) resolvedAt = new Date(accepted.getTime() + 60_000);
    escalate(resolvedAt);
    const resolution = rng.pick(resolutions[category.key] ?? resolutions.other!);
    ev(resolvedAt, 'resolve', worker, 'accepted', 'resolved', resolution);
    Object.assign(row, { status: 'resolved', acceptedAt: accepted, resolvedAt, resolution });
    if (p.reopenedFrom !== undefined) {
      // First verdict unhappy: reopened and pushed to the grid leader, then solved properly.
      const ratedAt = clamp(new Date(resolvedAt.getTime() + between(rng, 2, 30) * HOUR));
      ev(ratedAt, 'rate', submitter, 'resolved', 'reopened', rng.pick(rateComments.bad), { rating: p.reopenedFrom });
      ev(ratedAt, 'escalate', system, null, null, null, { level: 1, reason: 'unhappy_rating', to: [people.leader] });
      const again = clamp(new Date(ratedAt.getTime() + between(rng, 6, 48) * HOUR));
      ev(again, 'accept', worker, 'reopened', 'accepted', null);
      const second = clamp(new Date(again.getTime() + between(rng, 4, 30) * HOUR));
      const fix = rng.pick(resolutions[category.key] ?? resolutions.other!);
      ev(second, 'resolve', worker, 'accepted', 'resolved', fix);
      Object.assign(row, { reopenCount: 1, escalationLevel: Math.max(row.escalationLevel ?? 0, 1), escalationCount: (row.escalationCount ?? 0) + 1, lastEscalatedAt: ratedAt, resolvedAt: second, resolution: fix });
      resolvedAt = second;
    }
    const ratedAt = clamp(new Date(resolvedAt.getTime() + between(rng, 1, 72) * HOUR));
    if (p.rating !== null && ratedAt.getTime() > resolvedAt.getTime()) {
      const comment = rng.chance(0.6) ? rng.pick(p.rating >= 4 ? rateComments.good : rateComments.bad) : null;
      ev(ratedAt, 'rate', submitter, 'resolved', 'closed', comment, { rating: p.rating });
      Object.assign(row, { status: 'closed', rating: p.rating, ratingComment: comment, ratedAt, closedAt: ratedAt });
    } else if (resolvedAt.getTime() + 7 * DAY < now.getTime()) {
      const closedAt = new Date(resolvedAt.getTime() + 7 * DAY);
      ev(closedAt, 'close', system, 'resolved', 'closed', null, { reason: 'not_rated' });
      Object.assign(row, { status: 'closed', closedAt });
    }
  }

  row.updatedAt = events.reduce((max, e) => ((e.at as Date) > max ? (e.at as Date) : max), createdAt);
  return { row, events };
}
