/**
 * 雁鸣湖镇镇区社区 (seed 004): the campaign "帮困扶弱同创幸福生活 邻里守望共建和谐家园" — daily care,
 * emotional support and health care for lonely elderly, disabled and needy residents: 120+
 * services (123 care activities, one service visit each), 245 volunteer participations, 500+
 * confirmed hours, organized by the center's social workers. Shown figures are sums of these rows.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import type { careKinds } from './volunteer-values.schemas';
import { adultResidents, insertChunked, makeVolunteers, planActivity, servedSignup, shanghaiTime, writeActivities } from './volunteers.seed-kit';
import { volunteer, volunteerTeam, volunteerTeamMember } from './volunteers.tables';

type CareKind = (typeof careKinds)[number];

const careTitles: Record<CareKind, readonly string[]> = {
  daily_care: ['生活照料：打扫卫生、整理房间', '生活照料：收拾杂物、赠送绿植', '生活照料：代购生活用品'],
  emotional_support: ['精神慰藉：陪伴聊天', '精神慰藉：读报讲政策'],
  health_care: ['健康维护：测量血压血糖', '健康维护：用药提醒与康复指导'],
};

export const yanminghuSizes = (small: boolean) => (small ? { volunteers: 8, careActivities: 6 } : { volunteers: 60, careActivities: 123 });

/** Residents the campaign served, from the places seed when it ran (lonely elderly, disabled, needy first). */
function careTargets(tx: Tx, communityId: string, limit: number) {
  return rows<{ id: string }>(
    tx,
    sql`SELECT id FROM resident WHERE community_id = ${communityId} AND status = 'active'
         ORDER BY (tags && ARRAY['elderly_alone','disabled','dibao','tekun','empty_nest']::text[]) DESC, birth_date NULLS LAST, id LIMIT ${limit}`,
  );
}

export async function seedYanminghu(
  tx: Tx,
  ctx: SeedContext,
  ids: { communityId: string; staffId: string | null },
  sizes: { volunteers: number; careActivities: number },
  recordVisit: (input: { communityId: string; residentId: string | null; sourceId: string; occurredAt: Date }) => Promise<void>,
) {
  const { rng, now } = ctx;
  const { communityId, staffId } = ids;
  const people = makeVolunteers(rng, ctx.crypto, now, communityId, sizes.volunteers, await adultResidents(tx, communityId, sizes.volunteers), { areas: ['care', 'elderly', 'health'], ageRange: [22, 66], partyShare: 0.45 });
  await insertChunked(tx, volunteer, people);
  const teams = [
    { id: newId(), communityId, name: '镇区社区党员志愿服务队', ownerKind: 'community' as const, description: '帮困扶弱同创幸福生活 邻里守望共建和谐家园' },
    { id: newId(), communityId, name: '学雷锋志愿服务站', ownerKind: 'community' as const, description: '益路成长——志愿者增能计划' },
  ];
  await tx.insert(volunteerTeam).values(teams);
  await insertChunked(tx, volunteerTeamMember, people.map((p, i) => ({ communityId, teamId: teams[i % 2]!.id, volunteerId: p.id!, role: i < 2 ? ('leader' as const) : ('member' as const) })));

  const targets = await careTargets(tx, communityId, sizes.careActivities);
  const kinds: CareKind[] = ['daily_care', 'emotional_support', 'health_care'];
  const plans = [];
  const signups = [];
  for (let i = 0; i < sizes.careActivities; i++) {
    const kind = kinds[i % 3]!;
    const day = -Math.round(((sizes.careActivities - i) * 330) / sizes.careActivities);
    const hour = rng.pick([9, 15]);
    // Two volunteers per visit; the last visit had one: 122 × 2 + 1 = 245 participations.
    const crew = i === sizes.careActivities - 1 ? 1 : 2;
    const plan = planActivity(
      {
        communityId,
        teamId: teams[0]!.id,
        title: rng.pick(careTitles[kind]),
        category: 'care',
        theme: 'red',
        place: '入户服务',
        startsAt: shanghaiTime(now, day, hour),
        endsAt: shanghaiTime(now, day, hour + 3),
        organizerAccountId: staffId,
        careResidentId: targets[i]?.id ?? null,
        careKind: kind,
      },
      '入户服务',
      crew,
    );
    plans.push(plan);
    const first = rng.int(0, people.length - 1);
    // 125–155 minutes each: 245 participations always add up to more than 500 hours.
    for (let k = 0; k < crew; k++) signups.push(servedSignup(plan, people[(first + k) % people.length]!.id!, rng.int(125, 155), staffId));
  }
  const upcoming = [
    planActivity({ communityId, teamId: teams[1]!.id, title: '悦动耄耋：趣味益智活动协助', category: 'elderly', theme: 'orange', place: '雁鸣湖镇镇区社区党群服务中心 文体活动室', startsAt: shanghaiTime(now, 3, 9), endsAt: shanghaiTime(now, 3, 11), organizerAccountId: staffId }, '活动协助', 6),
    planActivity({ communityId, teamId: teams[1]!.id, title: '我们的节日：共熬一锅腊八粥', category: 'culture', theme: 'yellow', place: '雁鸣湖镇镇区社区党群服务中心', startsAt: shanghaiTime(now, 9, 8), endsAt: shanghaiTime(now, 9, 12), organizerAccountId: staffId }, '帮厨', 10),
  ];
  await writeActivities(tx, [...plans, ...upcoming], signups);
  for (const p of plans) await recordVisit({ communityId, residentId: p.activity.careResidentId ?? null, sourceId: p.activity.id, occurredAt: p.activity.startsAt });
  const minutes = signups.reduce((n, s) => n + (s.confirmedMinutes ?? 0), 0);
  return { volunteers: people.length, careActivities: plans.length, participations: signups.length, confirmedHours: Math.round(minutes / 6) / 10 };
}
