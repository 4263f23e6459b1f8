/**
 * Before an uploaded .xlsx reaches the spreadsheet parser: is it a zip at all, and does it expand
 * to something reasonable? An xlsx is a zip of XML parts; a "zip bomb" declares or hides a huge
 * expansion. We read the central directory (entry count, declared sizes, ratios), then inflate
 * every entry with a hard output cap equal to its declared size, so a lying header is caught too.
 */
import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const inflate = promisify(inflateRaw) as (buf: Buffer, opts: { maxOutputLength: number }) => Promise<Buffer>;

export interface XlsxLimits {
  maxEntries: number;
  /** Rows any one worksheet may hold (counted while checking its size, before any parsing). */
  maxRows: number;
  /** Sum of all entries' uncompressed sizes. */
  maxExpandedBytes: number;
  /** Largest uncompressed/compressed ratio for entries above 1 MB. */
  maxRatio: number;
}

export const defaultXlsxLimits: XlsxLimits = { maxEntries: 500, maxRows: 100_001, maxExpandedBytes: 300 * 1024 * 1024, maxRatio: 150 };

export type GuardResult = { ok: true } | { ok: false; code: 'not_xlsx' | 'file_unsafe' | 'too_many_rows' };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer): Entry[] | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff || offset + size > buf.length) return null;
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const ROW_TAG = Buffer.from('<row');

/** Counts row elements, stopping as soon as there are more than `max`. */
function rowsOver(xml: Buffer, max: number): boolean {
  let n = 0;
  for (let i = xml.indexOf(ROW_TAG); i >= 0; i = xml.indexOf(ROW_TAG, i + 4)) if (++n > max) return true;
  return false;
}

/** Inflates an entry with its declared size as a hard cap; null when it is not what it says. */
async function expand(buf: Buffer, e: Entry): Promise<Buffer | null> {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressed > buf.length) return null;
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return e.compressed === e.uncompressed ? data : null;
  if (e.method !== 8) return null;
  try {
    const out = await inflate(data, { maxOutputLength: Math.max(1, e.uncompressed) });
    return out.length === e.uncompressed ? out : null;
  } catch {
    return null;
  }
}

export async function inspectXlsx(buf: Buffer, limits: XlsxLimits = defaultXlsxLimits): Promise<GuardResult> {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, code: 'not_xlsx' };
  const entries = centralDirectory(buf);
  if (!entries) return { ok: false, code: 'not_xlsx' };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return { ok: false, code: 'not_xlsx' };
  if (entries.length > limits.maxEntries) return { ok: false, code: 'file_unsafe' };
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > limits.maxRatio) return { ok: false, code: 'file_unsafe' };
  }
  if (total > limits.maxExpandedBytes) return { ok: false, code: 'file_unsafe' };
  for (const e of entries) {
    const xml = await expand(buf, e);
    if (!xml) return { ok: false, code: 'file_unsafe' };
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && rowsOver(xml, limits.maxRows)) return { ok: false, code: 'too_many_rows' };
  }
  return { ok: true };
}
