/**
 * Seeds 001, 003 and 004 as records: 滨湖世纪社区's 189 楼栋党小组 with 3,853 in-service members
 * reported in and 1,216 service posts claimed; the 21 partner units of 永新路社区 (紫荆路街道) with
 * 358 members reporting in; the monthly 四方联动 joint meeting of 雁鸣湖镇镇区社区.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { jointMeeting, jointMeetingAttendee, meetingActionItem, partyMember, partyOrg, partyOrgBuilding, partyOrgOfficer, servicePost, servicePostClaim } from './party.tables';
import { buildingsOf, creditClaims, DAY, insertChunked, memberRow, orgRow, shanghai, shuffled, type MemberInsert } from './party-seed.common';

const binhuUnits = [
  '包河区人民法院', '包河区人民检察院', '包河区财政局', '包河区教育体育局', '包河区卫生健康委员会', '包河区市场监督管理局', '滨湖世纪城小学', '合肥一六八中学',
  '安徽省立医院南区', '合肥市第一人民医院滨湖分院', '国网合肥供电公司', '中国移动合肥分公司', '中国电信合肥分公司', '中国银行滨湖支行', '建设银行滨湖支行', '工商银行徽州大道支行',
  '安徽广电传媒', '合肥滨湖集团', '合肥建工集团', '中铁四局', '合肥供水集团', '合肥公交集团', '安徽出版集团', '科大讯飞', '合肥百货大楼', '安徽省交通控股集团',
  '包河区烟墩街道', '包河区滨湖世纪社区卫生服务中心', '合肥海关', '国家税务总局包河区税务局', '包河经济开发区管委会', '安徽省国资委',
] as const;

/** 滨湖世纪社区: a committee, nine grid branches, 189 building groups, 3,853 reporting members, 1,216 claims. */
export async function seedBinhu(tx: Tx, ctx: SeedContext, communityId: string) {
  const { rng, now } = ctx;
  const small = !!ctx.options.small;
  const groupCount = small ? 5 : 189;
  const reportingCount = small ? 20 : 3853;
  const claimCount = small ? 10 : 1216;
  const committee = orgRow(communityId, null, 'committee', '滨湖世纪社区党委');
  const branches = Array.from({ length: small ? 1 : 9 }, (_, i) => orgRow(communityId, committee, 'branch', `第${i + 1}网格党支部`, i + 1));
  const buildings = await buildingsOf(tx, communityId, groupCount);
  const groups = Array.from({ length: groupCount }, (_, i) => {
    const b = buildings[i];
    const name = i === 0 && !b ? '徽杰苑20号楼党小组' : b ? `${b.estate}${b.name}党小组` : `第${i + 1}楼栋党小组`;
    return orgRow(communityId, branches[i % branches.length]!, 'group', name, i + 1);
  });
  await insertChunked(tx, partyOrg, [committee, ...branches, ...groups]);
  await insertChunked(tx, partyOrgBuilding, groups.flatMap((g, i) => (buildings[i] ? [{ communityId, orgId: g.id, buildingId: buildings[i]!.id }] : [])));

  // Each group is led by a registered member in whose home it meets; in-service members report in to it.
  const leaders = groups.map((g, i) => memberRow(rng, now, communityId, g.id, { enrolledAt: new Date(now.getTime() - rng.int(400, 1200) * DAY), tags: ['楼栋党小组长'], ...(i === 0 ? { name: '张明珠', gender: 'female' as const } : {}) }));
  const reporting: MemberInsert[] = [];
  for (let i = 0; i < reportingCount; i++) {
    const g = groups[i % groups.length]!;
    reporting.push(memberRow(rng, now, communityId, g.id, { membership: 'reporting', workplace: rng.pick(binhuUnits), enrolledAt: new Date(now.getTime() - rng.int(30, 1000) * DAY), tags: rng.chance(0.05) ? ['先锋岗'] : [] }));
  }
  await insertChunked(tx, partyMember, [...leaders, ...reporting]);
  await insertChunked(tx, partyOrgOfficer, leaders.map((m, i) => ({ communityId, orgId: groups[i]!.id, memberId: m.id, role: 'group_leader' as const, termStart: '2014-06-01' })));

  // Service posts per group (衣旧传情, 平安巡逻, 帮贫济困…): past ones done, the coming week's claimed in part.
  const titles = ['衣旧传情衣物整理', '平安巡逻', '帮贫济困走访', '亲情六敲门', '楼道环境整治', '邻里团拜会服务', '老乡长护学岗', '网上听民意回访'];
  const posts: (typeof servicePost.$inferInsert & { id: string; capacity: number; startsAt: Date; claimedCount: number })[] = [];
  let capacityLeft = claimCount;
  for (let i = 0; capacityLeft > 0; i++) {
    const g = groups[i % groups.length]!;
    const capacity = Math.min(capacityLeft, rng.int(2, 4));
    const startsAt = new Date(now.getTime() + (i % 5 === 4 ? rng.int(2, 10) : -rng.int(3, 700)) * DAY);
    posts.push({ id: newId(), communityId, orgId: g.id, title: titles[i % titles.length]!, description: `${g.name}认领的服务岗位`, capacity, claimedCount: capacity, startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000) });
    capacityLeft -= capacity;
  }
  const everyone = [...leaders, ...reporting];
  const byGroup = new Map<string, MemberInsert[]>();
  for (const m of everyone) byGroup.set(m.orgId, [...(byGroup.get(m.orgId) ?? []), m]);
  const claims = posts.flatMap((p) => {
    const past = p.startsAt.getTime() < now.getTime();
    return shuffled(rng, byGroup.get(p.orgId!)!).slice(0, p.capacity).map((m) => ({ id: newId(), communityId, postId: p.id, memberId: m.id, status: past ? ('done' as const) : ('claimed' as const), claimedAt: new Date(p.startsAt.getTime() - 2 * DAY), doneAt: past ? new Date(p.endsAt!.getTime()) : null }));
  });
  await insertChunked(tx, servicePost, posts);
  await insertChunked(tx, servicePostClaim, claims);
  await creditClaims(tx, communityId);
  return { groups: groups.length, linkedBuildings: Math.min(buildings.length, groups.length), reporting: reporting.length, posts: posts.length, claims: claims.length };
}

/** 永新路社区 (紫荆路街道): 21 partner units whose 358 members report in. */
export async function seedYongxinlu(tx: Tx, ctx: SeedContext, communityId: string) {
  const { rng, now } = ctx;
  const small = !!ctx.options.small;
  // The partner units are the partners module's records; their names are what members write as workplace.
  const units = (await rows<{ name: string }>(tx, sql`SELECT name FROM partner_unit WHERE community_id = ${communityId} ORDER BY created_at, name LIMIT 100`)).map((u) => u.name);
  const workplaces = units.length ? units.slice(0, small ? 3 : 21) : Array.from({ length: small ? 3 : 21 }, (_, i) => `共建单位${i + 1}`);
  const total = small ? 12 : 358;
  const branch = orgRow(communityId, null, 'branch', '永新路社区党支部');
  const groups = ['第一党小组', '第二党小组', '第三党小组', '在职党员党小组'].map((n, i) => orgRow(communityId, branch, 'group', n, i + 1));
  await tx.insert(partyOrg).values([branch, ...groups]);
  const members: MemberInsert[] = [];
  for (let i = 0; i < total; i++) {
    // Every unit has at least one member; the rest spread unevenly, as they do in life.
    const workplace = i < workplaces.length ? workplaces[i]! : rng.weighted(workplaces.map((w, k) => [w, 1 + (k % 5)] as const));
    members.push(memberRow(rng, now, communityId, groups[i % 4]!.id, { membership: 'reporting', workplace, enrolledAt: new Date(now.getTime() - rng.int(30, 700) * DAY) }));
  }
  const registered = Array.from({ length: small ? 3 : 26 }, (_, i) => memberRow(rng, now, communityId, groups[i % 3]!.id, { enrolledAt: new Date(now.getTime() - rng.int(400, 3000) * DAY) }));
  await insertChunked(tx, partyMember, [...registered, ...members]);
  return { units: workplaces.length, reporting: members.length };
}

const parties = [
  ['community', '刘海玲', '雁鸣湖镇党委'],
  ['community', '孙迎彬', '村支两委'],
  ['property_company', '王经理', '金牌物业服务公司'],
  ['owners_committee', '张书芬', '太平庄社区业主委员会'],
  ['owners_committee', '李业主', '东村社区业主委员会'],
  ['social_worker', '赵社工', '社区社会工作服务中心'],
] as const;

const agenda = [
  ['小区路灯维修', 'property_company', '王经理'],
  ['独居老人入户走访安排', 'social_worker', '赵社工'],
  ['电动车集中充电点选址', 'community', '孙迎彬'],
  ['物业费收缴与公示', 'owners_committee', '张书芬'],
  ['冬季供暖管道检修', 'property_company', '王经理'],
  ['“我们的节日”活动筹备', 'social_worker', '赵社工'],
  ['垃圾分类督导排班', 'community', '刘海玲'],
  ['楼道杂物清理', 'owners_committee', '李业主'],
] as const;

/** 雁鸣湖镇镇区社区: a joint meeting on the 10th of every month for a year, and the next one planned. */
export async function seedYanminghu(tx: Tx, ctx: SeedContext, communityId: string) {
  const { rng, now } = ctx;
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const months = ctx.options.small ? 2 : 12;
  const meetings = [];
  const attendees = [];
  const items = [];
  for (let back = months; back >= -1; back--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 10));
    const heldAt = shanghai(d.getUTCFullYear(), d.getUTCMonth() + 1, 10, 15, 0);
    const held = heldAt.getTime() < now.getTime();
    const id = newId();
    const month = d.getUTCMonth() + 1;
    meetings.push({ id, communityId, title: `${d.getUTCFullYear()}年${month}月党建联席会`, heldAt, location: '雁鸣湖镇镇区社区党群服务中心', agenda: '上月事项办理情况；群众反映的热点难点问题', minutes: held ? `四方共商${rng.int(3, 6)}件事，当场答复${rng.int(1, 3)}件，其余明确责任方和完成时限。` : null });
    if (!held) continue;
    for (const [party, name, organization] of parties) if (party !== 'owners_committee' || name === '张书芬' || rng.chance(0.7)) attendees.push({ id: newId(), communityId, meetingId: id, party, name, organization });
    for (let k = 0; k < 2; k++) {
      const [decision, ownerParty, ownerName] = agenda[(months - back) * 2 + k] ?? rng.pick(agenda);
      const dueOn = new Date(heldAt.getTime() + 20 * DAY).toISOString().slice(0, 10);
      // Most items are done before the next meeting; the last two months' and one older item stay open.
      const open = back <= 1 || (back === 4 && k === 0);
      items.push({ id: newId(), communityId, meetingId: id, decision, ownerParty, ownerName, dueOn, status: open ? ('open' as const) : ('done' as const), doneAt: open ? null : new Date(heldAt.getTime() + rng.int(5, 25) * DAY), doneNote: open ? null : '已办结，下次会议通报' });
    }
  }
  await tx.insert(jointMeeting).values(meetings);
  await insertChunked(tx, jointMeetingAttendee, attendees);
  await insertChunked(tx, meetingActionItem, items);

  const branch = orgRow(communityId, null, 'branch', '雁鸣湖镇镇区社区党支部');
  await tx.insert(partyOrg).values(branch);
  const members = Array.from({ length: ctx.options.small ? 3 : 25 }, () => memberRow(rng, now, communityId, branch.id, { enrolledAt: new Date(now.getTime() - rng.int(200, 3000) * DAY) }));
  await insertChunked(tx, partyMember, members);
  return { meetings: meetings.length, actionItems: items.length };
}
