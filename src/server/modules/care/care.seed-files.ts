/**
 * Demo care files (一户一档) with their history, members' conditions (11 people with severe mental
 * disorders followed monthly — restricted and encrypted like real ones) and care services, each
 * also one service visit. Bulk inserts only.
 */
import type { AppContext } from '../../context';
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { createServiceVisitsService } from '../service-visits/service-visits.service';
import { careCategories, careNeeds, type CareServiceKind } from './care.model';
import { careCondition, careFile, careFileVersion, careService } from './care.tables';
import { conditionKindIndex } from './care-files.service';
import type { CareHome, CareMember } from './care.seed-world';

export const DAY = 86_400_000;
export const daysAgo = (now: Date, days: number, hour = 10) => new Date(Math.floor(now.getTime() / DAY) * DAY - days * DAY + (hour - 8) * 3_600_000);

export async function insertChunked(tx: Tx, table: Parameters<Tx['insert']>[0], values: readonly object[], size = 500): Promise<void> {
  for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size) as never);
}

export interface SeedPerson {
  id: string | null;
  name: string;
}

export interface FiledHome extends CareHome {
  fileId: string;
  /** Monthly assistance the household lives on, if any. */
  assistance: 'dibao' | 'tekun' | null;
}

const summaries = ['老人独居，子女在外地，需定期探望', '夫妻二人均患慢性病，无固定收入', '户主残疾，配偶照料，生活困难', '因病致贫，医疗支出大', '孙辈留守，祖辈照看，经济拮据'];
const housingOf = (estateName: string) => (estateName.includes('一期') ? 'affordable' : estateName.includes('二期') ? 'low_rent' : 'public_rental');

/** Opens one file per household; `assistance` marks the dibao/tekun households. */
export async function seedFiles(tx: Tx, ctx: SeedContext, communityId: string, homes: CareHome[], assistanceCount: { dibao: number; tekun: number }, opener: SeedPerson): Promise<FiledHome[]> {
  const { rng, now } = ctx;
  const filed: FiledHome[] = [];
  const files: (typeof careFile.$inferInsert)[] = [];
  const versions: (typeof careFileVersion.$inferInsert)[] = [];
  let dibao = assistanceCount.dibao;
  let tekun = assistanceCount.tekun;
  // Households tagged dibao/tekun by places come first; the rest of the quota goes to the neediest others.
  const ordered = [...homes].sort((a, b) => Number(b.tags.some((t) => t === 'dibao' || t === 'tekun')) - Number(a.tags.some((t) => t === 'dibao' || t === 'tekun')));
  for (const home of ordered) {
    let assistance: FiledHome['assistance'] = null;
    if (home.tags.includes('tekun') && tekun > 0) assistance = 'tekun';
    else if ((home.tags.includes('dibao') || home.tags.includes('tekun')) && dibao > 0) assistance = 'dibao';
    else if (tekun > 0 && home.members.length === 1) assistance = 'tekun';
    else if (dibao > 0) assistance = 'dibao';
    if (assistance === 'dibao') dibao--;
    if (assistance === 'tekun') tekun--;
    const categories = careCategories.filter((c) => home.tags.includes(c) || c === assistance || (c === 'low_income' && !assistance && rng.chance(0.4)));
    const fileId = newId();
    const opened = daysAgo(now, rng.int(200, 1500));
    const income = assistance ? rng.int(0, 15) * 10_000 : rng.int(15, 40) * 10_000;
    const base = {
      id: fileId,
      communityId,
      gridId: home.gridId,
      householdId: home.id,
      categories,
      monthlyIncomeFen: income,
      incomeNotes: assistance ? '低保金及零星收入' : '退休金',
      housingKind: housingOf(home.estateName) as 'affordable' | 'low_rent' | 'public_rental',
      housingAreaM2: rng.int(38, 65),
      needs: careNeeds.filter(() => rng.chance(0.3)).slice(0, 3),
      summary: rng.pick(summaries),
      openedBy: opener.id,
      createdAt: opened,
    };
    const changed = rng.chance(0.4);
    const snapshot = { status: 'active', categories, monthlyIncomeFen: income, housingKind: base.housingKind, needs: base.needs, summary: base.summary };
    versions.push({ communityId, careFileId: fileId, version: 1, snapshot: { ...snapshot, monthlyIncomeFen: changed ? income + 20_000 : income }, changes: null, changedBy: opener.id, changedByName: opener.name, changedAt: opened });
    if (changed) {
      const at = new Date(opened.getTime() + rng.int(30, 180) * DAY);
      versions.push({ communityId, careFileId: fileId, version: 2, snapshot, changes: { monthlyIncomeFen: { before: income + 20_000, after: income } }, changedBy: opener.id, changedByName: opener.name, changedAt: at });
    }
    files.push({ ...base, version: changed ? 2 : 1, updatedAt: opened });
    filed.push({ ...home, fileId, assistance });
  }
  await insertChunked(tx, careFile, files);
  await insertChunked(tx, careFileVersion, versions);
  return filed;
}

const chronic = ['高血压', '糖尿病', '冠心病', '慢阻肺', '类风湿关节炎'];
const disabilities = ['肢体残疾二级', '视力残疾三级', '听力残疾二级', '智力残疾三级'];
const severe = ['尿毒症，每周透析三次', '肺癌术后化疗', '白血病维持治疗'];

/** Conditions of members; returns the residents with a (restricted) severe mental disorder and their condition ids. */
export type Followed = { home: FiledHome; member: CareMember; conditionId: string };

export async function seedConditions(tx: Tx, ctx: SeedContext, communityId: string, homes: FiledHome[], severeMentalCount: number): Promise<Followed[]> {
  const { rng, crypto, now } = ctx;
  const rows: (typeof careCondition.$inferInsert)[] = [];
  const add = (home: FiledHome, member: CareMember, kind: string, detail: string, restricted = false) => {
    const id = newId();
    rows.push({
      id,
      communityId,
      gridId: home.gridId,
      careFileId: home.fileId,
      residentId: member.id,
      restricted,
      kind: restricted ? null : kind,
      kindIdx: conditionKindIndex(crypto, kind),
      detailEnc: crypto.encrypt(JSON.stringify({ kind, detail })),
      since: daysAgo(now, rng.int(400, 4000)).toISOString().slice(0, 10),
    });
    return id;
  };
  const followed: Followed[] = [];
  // Adults of working age first: the 严重精神障碍 patients of the hospital–community pilot.
  const candidates = homes.flatMap((h) => h.members.map((m) => ({ h, m }))).filter(({ m }) => (m.age ?? 0) >= 18).sort((a, b) => Math.abs((a.m.age ?? 60) - 40) - Math.abs((b.m.age ?? 60) - 40));
  for (const { h, m } of candidates.slice(0, severeMentalCount)) {
    followed.push({ home: h, member: m, conditionId: add(h, m, 'severe_mental_disorder', '长效针剂注射，每月随访一次', true) });
  }
  for (const h of homes) {
    for (const m of h.members) {
      if (m.tags.includes('disabled')) add(h, m, 'disability', rng.pick(disabilities));
      if ((m.age ?? 0) >= 60 && rng.chance(0.35)) add(h, m, 'chronic_illness', rng.pick(chronic));
    }
    if (h.tags.includes('severe_illness') || rng.chance(0.05)) add(h, h.members[0]!, 'severe_illness', rng.pick(severe));
  }
  await insertChunked(tx, careCondition, rows);
  return followed;
}

const contents: Record<CareServiceKind, readonly string[]> = {
  daily_care: ['打扫卫生、整理客厅', '代购米面油等生活用品', '帮助清洗衣物被褥', '送餐上门'],
  emotional_support: ['陪伴聊天，了解近况', '读报讲解惠民政策', '节日上门问候'],
  health_care: ['测量血压血糖', '用药提醒与康复指导', '陪同到社区卫生服务站复诊'],
};

/** Care services over the past year (and the monthly follow-ups of the restricted patients), each one service visit. */
export async function seedServices(
  tx: Tx,
  ctx: SeedContext,
  o: { communityId: string; centerId: string | null; homes: FiledHome[]; count: number; followed: Followed[]; staff: SeedPerson; socialWorkers: string[]; volunteers: string[] },
): Promise<number> {
  const { rng, now } = ctx;
  const services: (typeof careService.$inferInsert)[] = [];
  const kinds: CareServiceKind[] = ['daily_care', 'daily_care', 'emotional_support', 'health_care'];
  for (let i = 0; i < o.count; i++) {
    const home = o.homes[i % o.homes.length]!;
    const member = home.members[0]!;
    const kind = rng.pick(kinds);
    const role = rng.weighted([['social_worker', 4], ['volunteer', 4], ['staff', 2]] as const);
    const provider = role === 'staff' ? o.staff : { id: null, name: role === 'social_worker' ? rng.pick(o.socialWorkers) : rng.pick(o.volunteers) };
    services.push({ id: newId(), communityId: o.communityId, gridId: home.gridId, householdId: home.id, residentId: member.id, kind, occurredAt: daysAgo(now, rng.int(1, 360), rng.pick([9, 10, 15, 16])), durationMinutes: rng.pick([30, 45, 60, 90]), content: rng.pick(contents[kind]), providerId: provider.id, providerName: provider.name, providerRole: role });
  }
  for (const f of o.followed) {
    for (let month = 0; month < 12; month++) {
      services.push({ id: newId(), communityId: o.communityId, gridId: f.home.gridId, householdId: f.home.id, residentId: f.member.id, kind: 'health_care', occurredAt: daysAgo(now, month * 30 + rng.int(1, 5), 9), durationMinutes: 30, content: '长效针剂注射、康复随访（福康医院）', restricted: true, conditionId: f.conditionId, providerId: o.staff.id, providerName: o.staff.name, providerRole: 'staff' });
    }
  }
  await insertChunked(tx, careService, services);
  // 服务人次 go through the service-visits module's own entry point.
  const visits = createServiceVisitsService({ db: tx } as unknown as AppContext);
  const ageOf = new Map(o.homes.flatMap((h) => h.members.map((m) => [m.id, m.age ?? 40] as const)));
  for (const s of services) {
    const age = ageOf.get(s.residentId) ?? 40;
    const targetGroup = age >= 60 ? 'elderly' : age < 14 ? 'children' : age < 18 ? 'youth' : 'adult';
    await visits.record(tx, { communityId: o.communityId, centerId: o.centerId, residentId: s.residentId, source: 'care_service', sourceId: s.id!, occurredAt: s.occurredAt, targetGroup });
  }
  return services.length;
}
