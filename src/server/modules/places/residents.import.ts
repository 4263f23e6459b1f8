/**
 * Excel import of residents: the whole file is validated first (every bad cell reported with its
 * row, column head and reason), then applied in one transaction — all rows or none. A dry run
 * stops after the report. A process killed mid-import leaves nothing, because nothing commits
 * before the last row is written.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { newId } from '../../platform/db/columns';
import { AppError } from '../../platform/errors';
import { fieldMessages } from '../../platform/http/validation';
import type { Locale } from '../../platform/i18n';
import { pathInScope } from '../../platform/scope';
import type { OrgsService } from '../orgs/orgs.service';
import { importRepository, type ImportBuilding } from './import.repository';
import { checkIdNumber, normalizePhone, todayIn } from './places.checks';
import { ethnicities, genderLabels, politicalLabels, relationLabels, residencyLabels, reverse, tagLabels } from './places.labels';
import { bulkInsert, householdKeys, membershipKeys, residentKeys } from './places.bulk';
import { namePinyin } from './places.pinyin';
import { household, householdMembership, resident } from './places.tables';
import { residentsRepository } from './residents.repository';
import { personalColumns } from './residents.service';
import { addressText } from './residents.views';
import { cellDate, cellText, cellValue, importColumns, readFirstSheet, type ImportKey } from './residents.xlsx';
import { defaultXlsxLimits, inspectXlsx } from './xlsx.guard';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** Errors listed in one report; beyond this the file is clearly the wrong one. */
const MAX_REPORTED_ERRORS = 1000;

export interface ImportIssue {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  total: number;
  valid: number;
  errors: ImportIssue[];
  imported?: number;
}

interface ParsedRow {
  row: number;
  estate: string;
  building: string;
  entrance: string | null;
  room: string;
  relationToHead: string;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  residency: 'permanent' | 'floating';
  tags: string[];
  notes: string | null;
}

const maps = {
  relationToHead: reverse(relationLabels),
  gender: reverse(genderLabels),
  politicalStatus: reverse(politicalLabels),
  residency: reverse(residencyLabels),
  tags: reverse(tagLabels),
};
const ethnicitySet = new Set<string>(ethnicities);
const maxLength: Partial<Record<ImportKey, number>> = { estate: 100, building: 100, entrance: 20, room: 20, name: 50, notes: 1000, ethnicity: 20 };
const headOf = (key: ImportKey) => importColumns.find((c) => c.key === key)!.head;

/** One row → a parsed row, or the issues found in it (codes only; messages are added at the end). */
function parseRow(row: number, cells: unknown[], today: string): { parsed?: ParsedRow; issues: Omit<ImportIssue, 'message'>[] } {
  const issues: Omit<ImportIssue, 'message'>[] = [];
  const text: Partial<Record<ImportKey, string | null>> = {};
  const values = importColumns.map((c, i) => [c, cellValue(cells[i])] as const);
  for (const [c, v] of values) {
    if (v.kind === 'formula') issues.push({ row, column: c.head, code: 'formula_not_allowed' });
    else if (c.required && v.kind === 'empty') issues.push({ row, column: c.head, code: 'required' });
    else text[c.key] = cellText(v);
    const max = maxLength[c.key];
    if (max && (text[c.key]?.length ?? 0) > max) issues.push({ row, column: c.head, code: 'value_too_long' });
  }
  const bad = (key: ImportKey, code: string) => issues.push({ row, column: headOf(key), code });
  const pick = <K extends string>(key: ImportKey, map: Map<string, K>): K | null => {
    const t = text[key];
    if (!t) return null;
    const v = map.get(t);
    if (!v) bad(key, 'unknown_value');
    return v ?? null;
  };
  const relation = pick('relationToHead', maps.relationToHead);
  const gender = pick('gender', maps.gender);
  const political = pick('politicalStatus', maps.politicalStatus);
  const residency = pick('residency', maps.residency) ?? 'permanent';
  const tags = (text.tags ?? '').split(/[、,，;；\s]+/).filter(Boolean).map((t) => {
    const tag = maps.tags.get(t);
    if (!tag) bad('tags', 'unknown_value');
    return tag;
  });
  let ethnicity = text.ethnicity ?? null;
  if (ethnicity && !ethnicitySet.has(ethnicity)) ethnicity = ethnicitySet.has(`${ethnicity}族`) ? `${ethnicity}族` : (bad('ethnicity', 'unknown_value'), null);
  const phone = text.phone ? normalizePhone(text.phone) : null;
  if (text.phone && !phone) bad('phone', 'phone_format');
  const birth = cellDate(values.find(([c]) => c.key === 'birthDate')![1]);
  if (birth === 'invalid') bad('birthDate', 'invalid_date');
  const id = text.idNumber ? checkIdNumber(text.idNumber, today) : null;
  if (id && !id.ok) bad('idNumber', id.problem);
  if (id?.ok && gender && gender !== id.facts.gender) bad('gender', 'gender_mismatch');
  if (id?.ok && birth && birth !== 'invalid' && birth !== id.facts.birthDate) bad('birthDate', 'birth_date_mismatch');
  if (issues.length || !id?.ok || !relation) return { issues };
  return {
    issues,
    parsed: {
      row,
      estate: text.estate!,
      building: text.building!,
      entrance: text.entrance ?? null,
      room: text.room!,
      relationToHead: relation,
      name: text.name!,
      idNumber: id.facts.value,
      gender: id.facts.gender,
      birthDate: id.facts.birthDate,
      phone,
      ethnicity,
      politicalStatus: political,
      residency,
      tags: [...new Set(tags.filter((t): t is NonNullable<typeof t> => !!t))],
      notes: text.notes ?? null,
    },
  };
}

export function createImportService(ctx: AppContext, deps: { orgs: OrgsService }) {
  const { db, audit, crypto } = ctx;

  async function readRows(file: Buffer) {
    const heads = importColumns.map((c) => c.head);
    const rowsRead: { row: number; cells: unknown[] }[] = [];
    let headsOk: boolean | null = null;
    let tooMany = false;
    try {
      for await (const r of readFirstSheet(file, MAX_IMPORT_ROWS)) {
        if (headsOk === null) {
          headsOk = heads.every((h, i) => cellText(cellValue(r.cells[i])) === h) && r.cells.slice(heads.length).every((c) => cellValue(c).kind === 'empty');
          if (!headsOk) break;
          continue;
        }
        if (rowsRead.length >= MAX_IMPORT_ROWS) {
          tooMany = true;
          break;
        }
        rowsRead.push(r);
      }
    } catch {
      throw new AppError('validation_failed', [{ field: 'file', code: 'not_xlsx', message: 'not_xlsx' }]);
    }
    return { rowsRead, headsOk: headsOk === true, tooMany };
  }

  /** Checks that need the database: buildings and entrances exist, ID numbers are new, one head per household. */
  async function crossCheck(actor: Actor, communityId: string, parsed: ParsedRow[], issues: Omit<ImportIssue, 'message'>[]) {
    const buildings = await importRepository.buildings(db, actor, communityId);
    const located = new Map<ParsedRow, { b: ImportBuilding; entranceId: string | null }>();
    for (const p of parsed) {
      const b = buildings.get(`${p.estate}\u0000${p.building}`);
      if (!b) issues.push({ row: p.row, column: headOf('building'), code: 'unknown_building' });
      else if (p.entrance && !b.entrances.has(p.entrance)) issues.push({ row: p.row, column: headOf('entrance'), code: 'unknown_value' });
      else located.set(p, { b, entranceId: p.entrance ? b.entrances.get(p.entrance)! : null });
    }
    const firstRow = new Map<string, number>();
    for (const p of parsed) {
      if (firstRow.has(p.idNumber)) issues.push({ row: p.row, column: headOf('idNumber'), code: 'duplicate_in_file' });
      else firstRow.set(p.idNumber, p.row);
    }
    const idxOf = new Map(parsed.map((p) => [p, crypto.blindIndex('id_number', p.idNumber)]));
    const taken = await residentsRepository.existingIdNumbers(db, communityId, [...idxOf.values()]);
    for (const p of parsed) if (taken.has(idxOf.get(p)!)) issues.push({ row: p.row, column: headOf('idNumber'), code: 'id_number_taken' });
    const existing = await importRepository.households(db, communityId, [...new Set([...located.values()].map((l) => l.b.id))]);
    const householdKey = (buildingId: string, entranceId: string | null, room: string) => `${buildingId}|${entranceId ?? ''}|${room}`;
    const known = new Map(existing.map((h) => [householdKey(h.buildingId, h.entranceId, h.room), h]));
    const headSeen = new Set<string>();
    for (const [p, l] of located) {
      if (p.relationToHead !== 'head') continue;
      const key = householdKey(l.b.id, l.entranceId, p.room);
      if (headSeen.has(key) || known.get(key)?.headActive) issues.push({ row: p.row, column: headOf('relationToHead'), code: 'household_has_head' });
      headSeen.add(key);
    }
    return { located, idxOf, known, householdKey };
  }

  function localize(issues: Omit<ImportIssue, 'message'>[], locale: Locale): ImportIssue[] {
    return issues
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_REPORTED_ERRORS)
      .map((i) => ({ ...i, message: fieldMessages[i.code]?.[locale] ?? i.code }));
  }

  return {
    async run(actor: Actor, input: { communityId: string; file: Buffer; dryRun: boolean; locale: Locale }): Promise<ImportReport> {
      const community = await deps.orgs.findById(input.communityId);
      if (!community || community.kind !== 'community' || !pathInScope(actor, 'resident.import', community.path)) throw new AppError('not_found');
      if (input.file.length > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', [{ field: 'file', code: 'import_file_too_large', message: 'import_file_too_large' }]);
      const guard = await inspectXlsx(input.file, { ...defaultXlsxLimits, maxRows: MAX_IMPORT_ROWS + 1 });
      if (!guard.ok && guard.code !== 'too_many_rows') throw new AppError('validation_failed', [{ field: 'file', code: guard.code, message: guard.code }]);

      const { rowsRead, headsOk, tooMany } = guard.ok ? await readRows(input.file) : { rowsRead: [], headsOk: true, tooMany: true };
      const issues: Omit<ImportIssue, 'message'>[] = [];
      if (!headsOk) issues.push({ row: 1, column: null, code: 'wrong_heads' });
      else if (tooMany) issues.push({ row: MAX_IMPORT_ROWS + 2, column: null, code: 'too_many_rows' });
      else if (rowsRead.length === 0) issues.push({ row: 2, column: null, code: 'empty_file' });
      const today = todayIn(community.timezone);
      const parsed: ParsedRow[] = [];
      if (!issues.length) {
        for (const r of rowsRead) {
          const result = parseRow(r.row, r.cells, today);
          issues.push(...result.issues);
          if (result.parsed) parsed.push(result.parsed);
        }
      }
      const checked = headsOk && !tooMany && parsed.length ? await crossCheck(actor, community.id, parsed, issues) : null;
      const badRows = new Set(issues.map((i) => i.row));
      const report: ImportReport = { total: rowsRead.length, valid: rowsRead.filter((r) => !badRows.has(r.row)).length, errors: localize(issues, input.locale) };
      if (input.dryRun) return report;
      if (issues.length || !checked) throw new AppError('import_invalid', report);

      const imported = await db.transaction(async (tx) => {
        const households: (typeof household.$inferInsert)[] = [];
        const householdOf = new Map<string, string>();
        for (const [p, l] of checked.located) {
          const key = checked.householdKey(l.b.id, l.entranceId, p.room);
          if (householdOf.has(key)) continue;
          const existing = checked.known.get(key);
          if (existing) householdOf.set(key, existing.id);
          else {
            const id = newId();
            householdOf.set(key, id);
            households.push({ id, communityId: community.id, gridId: l.b.gridId, buildingId: l.b.id, entranceId: l.entranceId, room: p.room, residency: p.residency, addressText: addressText(l.b.estateName, l.b.name, p.entrance, p.room) });
          }
        }
        await bulkInsert(tx, household, households, householdKeys);
        const residents: (typeof resident.$inferInsert)[] = [];
        const memberships: (typeof householdMembership.$inferInsert)[] = [];
        const heads: Array<[string, string]> = [];
        for (const [p, l] of checked.located) {
          const id = newId();
          const householdId = householdOf.get(checked.householdKey(l.b.id, l.entranceId, p.room))!;
          const py = namePinyin(p.name);
          residents.push({
            id, communityId: community.id, gridId: l.b.gridId, householdId, buildingId: l.b.id, relationToHead: p.relationToHead,
            name: p.name, namePinyin: py.full, nameInitials: py.initials, gender: p.gender, birthDate: p.birthDate,
            ...personalColumns(crypto, p.idNumber, p.phone), ethnicity: p.ethnicity, politicalStatus: p.politicalStatus,
            residency: p.residency, tags: p.tags, notes: p.notes,
          });
          memberships.push({ id: newId(), communityId: community.id, householdId, joinedAt: new Date(), residentId: id, relationToHead: p.relationToHead });
          if (p.relationToHead === 'head') heads.push([householdId, id]);
        }
        await bulkInsert(tx, resident, residents, residentKeys);
        await bulkInsert(tx, householdMembership, memberships, membershipKeys);
        await importRepository.setHeads(tx, heads);
        await audit.record(tx, actor, { action: 'resident.import', entity: 'resident', communityId: community.id, changes: { residents: residents.length, households: households.length } });
        return residents.length;
      });
      return { ...report, imported };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
