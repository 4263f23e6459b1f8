/**
 * The residents spreadsheet: its columns (Chinese heads, as staff know them), the downloadable
 * template with an allowed-values sheet and drop-downs, the streaming reader used by the import,
 * and the cell escaping used by the export.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ethnicities, genderLabels, politicalLabels, relationLabels, residencyLabels, tagLabels } from './places.labels';

export interface Column {
  key: ImportKey;
  head: string;
  required: boolean;
  width: number;
  /** Allowed values (shown on the allowed-values sheet and offered as a drop-down). */
  values?: readonly string[];
}

export type ImportKey = 'estate' | 'building' | 'entrance' | 'room' | 'relationToHead' | 'name' | 'idNumber' | 'gender' | 'birthDate' | 'phone' | 'ethnicity' | 'politicalStatus' | 'residency' | 'tags' | 'notes';

export const importColumns: readonly Column[] = [
  { key: 'estate', head: '小区', required: true, width: 16 },
  { key: 'building', head: '楼栋', required: true, width: 10 },
  { key: 'entrance', head: '单元', required: false, width: 8 },
  { key: 'room', head: '房号', required: true, width: 8 },
  { key: 'relationToHead', head: '与户主关系', required: true, width: 12, values: Object.values(relationLabels) },
  { key: 'name', head: '姓名', required: true, width: 10 },
  { key: 'idNumber', head: '身份证号码', required: true, width: 22 },
  { key: 'gender', head: '性别', required: false, width: 6, values: Object.values(genderLabels) },
  { key: 'birthDate', head: '出生日期', required: false, width: 12 },
  { key: 'phone', head: '联系电话', required: false, width: 15 },
  { key: 'ethnicity', head: '民族', required: false, width: 10, values: ethnicities },
  { key: 'politicalStatus', head: '政治面貌', required: false, width: 12, values: Object.values(politicalLabels) },
  { key: 'residency', head: '居住类型', required: false, width: 10, values: Object.values(residencyLabels) },
  { key: 'tags', head: '重点人群', required: false, width: 20, values: Object.values(tagLabels) },
  { key: 'notes', head: '备注', required: false, width: 24 },
];

export const DATA_SHEET = '居民信息';
const VALUES_SHEET = '可选值';
const HELP_SHEET = '填写说明';
const TEMPLATE_ROWS = 10_000;

const letter = (n: number) => String.fromCharCode(64 + n);

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongxin';
  const sheet = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.head, key: c.key, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  importColumns.forEach((c, i) => {
    if (c.required) sheet.getCell(1, i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const values = wb.addWorksheet(VALUES_SHEET);
  const listed = importColumns.filter((c) => c.values);
  values.columns = listed.map((c) => ({ header: c.head, width: c.width + 4 }));
  listed.forEach((c, i) => c.values!.forEach((v, j) => (values.getCell(j + 2, i + 1).value = v)));
  // Drop-downs for single-choice columns (tags may hold several, so they are typed).
  listed.forEach((c, i) => {
    if (c.key === 'tags') return;
    const col = importColumns.indexOf(c) + 1;
    const range = `'${VALUES_SHEET}'!$${letter(i + 1)}$2:$${letter(i + 1)}$${c.values!.length + 1}`;
    for (let r = 2; r <= TEMPLATE_ROWS; r++) sheet.getCell(r, col).dataValidation = { type: 'list', allowBlank: true, formulae: [range] };
  });
  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 100;
  [
    '1. 每行一位居民；红色表头为必填项。同一小区、楼栋、单元、房号的居民属于同一户。',
    '2. 楼栋须已在系统中登记（小区名称 + 楼栋名称），单元可留空。',
    '3. 身份证号码为18位，出生日期和性别可留空，系统按身份证号码自动填写；填写时须与身份证号码一致。',
    '4. 联系电话为手机号或固定电话（如 0596-26312345）。',
    '5. 重点人群可填写多项，用顿号“、”或逗号分隔，取值见“可选值”页。',
    '6. 不能包含公式；整个文件校验通过后才会一次性导入，有任何错误则不导入任何数据。',
  ].forEach((line, i) => (help.getCell(i + 1, 1).value = line));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow {
  row: number;
  cells: unknown[];
}

/**
 * Rows of the first worksheet, streamed (bounded memory). Stops after `maxRows + 1` data rows, so
 * an oversized sheet is reported without reading it all.
 */
export async function* readFirstSheet(buf: Buffer, maxRows: number): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let seen = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as unknown[]).slice(1);
      if (cells.every((c) => c === null || c === undefined || c === '')) continue;
      yield { row: row.number, cells };
      if (++seen > maxRows + 1) return;
    }
    return;
  }
}

export type CellValue = { kind: 'empty' } | { kind: 'formula' } | { kind: 'text'; text: string } | { kind: 'date'; date: Date } | { kind: 'number'; n: number };

/** One cell as the import sees it: formulas are refused, rich text and hyperlinks become text. */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (v instanceof Date) return { kind: 'date', date: v };
  if (typeof v === 'number') return { kind: 'number', n: v };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'string') return v.trim() ? { kind: 'text', text: v.trim() } : { kind: 'empty' };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { kind: 'formula' };
    if (Array.isArray(o.richText)) return cellValue((o.richText as { text: string }[]).map((t) => t.text).join(''));
    if (typeof o.text === 'string') return cellValue(o.text);
    if ('error' in o) return { kind: 'text', text: String(o.error) };
  }
  return { kind: 'text', text: String(v) };
}

/** Text of a cell for string columns (numbers typed into text columns keep their digits). */
export function cellText(c: CellValue): string | null {
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number') return Number.isInteger(c.n) ? String(c.n) : String(c.n);
  if (c.kind === 'date') return c.date.toISOString().slice(0, 10);
  return null;
}

/** A date cell: a real date, an Excel serial number, or text like 1950-03-15 / 1950/3/15 / 19500315. */
export function cellDate(c: CellValue): string | null | 'invalid' {
  if (c.kind === 'empty') return null;
  if (c.kind === 'date') return c.date.toISOString().slice(0, 10);
  if (c.kind === 'number') {
    if (c.n > 0 && c.n < 80_000) return new Date(Date.UTC(1899, 11, 30) + Math.round(c.n) * 86_400_000).toISOString().slice(0, 10);
    return 'invalid';
  }
  if (c.kind !== 'text') return 'invalid';
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(c.text);
  if (!m) return 'invalid';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return 'invalid';
  return dt.toISOString().slice(0, 10);
}

/** Against formula injection when a sheet is opened or re-saved as CSV: text starting with = + - @ (or tab/CR) is prefixed with '. */
export function safeCell(v: string | null | undefined): string {
  if (!v) return '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
