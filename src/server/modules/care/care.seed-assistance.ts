/**
 * Demo assistance applications of 惠民社区 (seed 002: "帮助做好低保、特困户申请453人，开展临时救助
 * 申请32次"): 453 dibao/tekun applications over three yearly rounds — most approved, the current
 * round spread over every step of the review — and 32 temporary reliefs. Each application carries
 * the steps it took, so the step bar and the figures come from the same rows.
 */
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { noticeDays, type AssistanceStatus } from './care.model';
import { assistanceApplication, assistanceObjection, assistanceStep } from './care.tables';
import { DAY, daysAgo, insertChunked, type FiledHome, type SeedPerson } from './care.seed-files';

export interface AssistanceActors {
  drafters: SeedPerson[];
  community: SeedPerson;
  street: SeedPerson;
}

/** How many of the latest round stand at each step (the rest are approved). */
export const inProgress = (small: boolean): Partial<Record<AssistanceStatus, number>> =>
  small ? { draft: 1, submitted: 2, community_review: 1, public_notice: 1, street_review: 1, rejected: 1 } : { draft: 5, submitted: 8, community_review: 9, public_notice: 7, street_review: 6, rejected: 18 };

const reasons = {
  dibao: ['家庭人均收入低于当地低保标准', '户主患慢性病丧失劳动能力，无固定收入', '单亲家庭，抚养子女，收入微薄'],
  tekun: ['无劳动能力、无生活来源、无法定赡养人', '孤寡老人，无子女赡养'],
  temporary_relief: ['突发疾病住院，医疗费用支出大', '家中遭遇火灾，生活陷入困境', '子女上学费用一时难以承担'],
} as const;

type Kind = keyof typeof reasons;
type Step = typeof assistanceStep.$inferInsert;

const path: ReadonlyArray<readonly [action: string, from: AssistanceStatus, to: AssistanceStatus, by: 'drafter' | 'community' | 'street']> = [
  ['submit', 'draft', 'submitted', 'drafter'],
  ['accept', 'submitted', 'community_review', 'community'],
  ['publish_notice', 'community_review', 'public_notice', 'community'],
  ['forward', 'public_notice', 'street_review', 'community'],
  ['approve', 'street_review', 'approved', 'street'],
];

function monthOf(d: Date): string {
  return d.toISOString().slice(0, 7);
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

interface Planned {
  home: FiledHome;
  kind: Kind;
  status: AssistanceStatus;
  created: Date;
  superseded: boolean;
}

/** One application with its steps; times advance a few days per step, never past `now`. */
function build(ctx: SeedContext, communityId: string, p: Planned, actors: AssistanceActors, steps: Step[], objections: (typeof assistanceObjection.$inferInsert)[]): typeof assistanceApplication.$inferInsert {
  const { rng, now } = ctx;
  const id = newId();
  const drafter = rng.pick(actors.drafters);
  const applicant = p.home.members[0]!;
  const amount = p.kind === 'tekun' ? rng.int(130, 190) * 1000 : p.kind === 'dibao' ? rng.int(58, 120) * 1000 : rng.int(8, 50) * 10_000;
  const row: typeof assistanceApplication.$inferInsert = {
    id,
    communityId,
    gridId: p.home.gridId,
    householdId: p.home.id,
    careFileId: p.home.fileId,
    applicantResidentId: applicant.id,
    kind: p.kind,
    status: p.status,
    reason: rng.pick(reasons[p.kind]),
    requestedAmountFen: p.kind === 'temporary_relief' ? amount : null,
    createdBy: drafter.id ?? actors.community.id!,
    createdAt: p.created,
  };
  const reached: Record<AssistanceStatus, number> = { draft: 0, submitted: 1, community_review: 2, public_notice: 3, street_review: 4, approved: 5, rejected: 0 };
  // A rejection happens at one of the review steps: after 1–4 steps of the path.
  const rejectAfter = p.status === 'rejected' ? rng.pick([2, 2, 3, 4]) : -1;
  const taken = p.status === 'rejected' ? rejectAfter : reached[p.status];
  let at = p.created;
  let transitions = 0;
  const step = (action: string, from: AssistanceStatus, to: AssistanceStatus, who: SeedPerson, note: string | null = null) => {
    at = new Date(Math.min(at.getTime() + rng.int(1, 4) * DAY, now.getTime() - 3_600_000));
    steps.push({ communityId, applicationId: id, action, fromStatus: from, toStatus: to, actorId: who.id, actorName: who.name, note, at });
    transitions++;
  };
  for (const [action, from, to, by] of path.slice(0, taken)) {
    const who = by === 'drafter' ? drafter : by === 'community' ? actors.community : actors.street;
    step(action, from, to, who);
    if (action === 'submit') Object.assign(row, { submittedBy: drafter.id, submittedAt: at });
    if (action === 'publish_notice') {
      // Current notices: some still running, some just ended (ready to go to the street).
      if (p.status === 'public_notice') at = new Date(now.getTime() - rng.int(1, noticeDays + 1) * DAY);
      Object.assign(row, { amountFen: amount, noticeStartsAt: at, noticeEndsAt: new Date(at.getTime() + noticeDays * DAY) });
      if (rng.chance(0.08)) {
        const recordedAt = new Date(Math.min(at.getTime() + 2 * DAY, now.getTime() - 3_600_000));
        objections.push({ communityId, applicationId: id, content: '反映其家中有车辆，经核实为借用亲属车辆', raisedBy: '居民（匿名）', recordedBy: actors.community.id, recordedByName: actors.community.name, recordedAt });
        steps.push({ communityId, applicationId: id, action: 'record_objection', fromStatus: 'public_notice', toStatus: 'public_notice', actorId: actors.community.id, actorName: actors.community.name, note: null, at: recordedAt });
      }
      if (p.status !== 'public_notice') at = new Date(Math.min(at.getTime() + noticeDays * DAY, now.getTime() - 3_600_000));
    }
    if (action === 'approve') {
      const startMonth = monthOf(new Date(at.getTime() + 15 * DAY));
      Object.assign(row, { startMonth, decidedBy: who.id, decidedAt: at });
      if (p.kind !== 'temporary_relief') {
        row.reviewDueOn = addMonths(startMonth, 12);
        // Older rounds were re-reviewed by the next application: nothing left to remind about.
        if (p.superseded) row.remindedForDueOn = row.reviewDueOn;
      }
    }
  }
  if (p.status === 'rejected') {
    const from = path[rejectAfter - 1]![2];
    const who = from === 'street_review' ? actors.street : actors.community;
    step('reject', from, 'rejected', who, '经入户核查，家庭收入超过低保标准');
    Object.assign(row, { rejectReason: '经入户核查，家庭收入超过低保标准', decidedBy: who.id, decidedAt: at });
  }
  row.updatedAt = at;
  row.version = 1 + transitions;
  return row;
}

export async function seedAssistance(tx: Tx, ctx: SeedContext, communityId: string, homes: FiledHome[], actors: AssistanceActors, total: { recurring: number; temporary: number }): Promise<Record<string, number>> {
  const { rng, now } = ctx;
  const recurringHomes = homes.filter((h) => h.assistance);
  const planned: Planned[] = [];
  const perHome = Math.floor(total.recurring / recurringHomes.length);
  const extra = total.recurring - perHome * recurringHomes.length;
  const waiting = Object.entries(inProgress(!!ctx.options.small)).flatMap(([status, n]) => Array.from({ length: n }, () => status as AssistanceStatus));
  recurringHomes.forEach((home, i) => {
    const rounds = perHome + (i < extra ? 1 : 0);
    for (let r = 0; r < rounds; r++) {
      const latest = r === rounds - 1;
      const status = latest ? (waiting[i] ?? 'approved') : 'approved';
      const yearsBack = rounds - 1 - r;
      const created = daysAgo(now, latest && status !== 'approved' ? rng.int(2, 30) : yearsBack * 365 + rng.int(40, 300));
      planned.push({ home, kind: home.assistance!, status, created, superseded: !latest });
    }
  });
  const reliefHomes = [...homes].sort(() => rng.next() - 0.5).slice(0, total.temporary);
  reliefHomes.forEach((home, i) => {
    const status: AssistanceStatus = i === 0 ? 'street_review' : i === 1 ? 'community_review' : i === 2 ? 'rejected' : 'approved';
    planned.push({ home, kind: 'temporary_relief', status, created: daysAgo(now, status === 'approved' ? rng.int(20, 900) : rng.int(3, 12)), superseded: false });
  });
  const steps: Step[] = [];
  const objections: (typeof assistanceObjection.$inferInsert)[] = [];
  const apps = planned.sort((a, b) => a.created.getTime() - b.created.getTime()).map((p) => build(ctx, communityId, p, actors, steps, objections));
  await insertChunked(tx, assistanceApplication, apps, 400);
  await insertChunked(tx, assistanceStep, steps, 800);
  await insertChunked(tx, assistanceObjection, objections);
  return { applications: apps.length, steps: steps.length };
}
