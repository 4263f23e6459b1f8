/**
 * Checks on Chinese ID-card numbers (GB 11643-1999) and mainland phone numbers. Pure functions,
 * shared by the server (requests, Excel import) and the admin web (live form validation), so a
 * number is judged the same everywhere. Failure codes are the `fieldMessages` keys.
 */

export type IdNumberProblem = 'id_number_format' | 'id_number_region' | 'id_number_birth_date' | 'id_number_checksum';

export interface IdNumberFacts {
  /** Normalized: upper-case X. */
  value: string;
  region: string;
  birthDate: string;
  gender: 'male' | 'female';
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** Province-level codes (first two digits) in use, Hong Kong / Macao / Taiwan included. */
const provinces = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Validates an 18-character ID number: shape, region code (a known province and a city/county
 * part), a real birth date not in the future, and the check character. `today` is
 * "YYYY-MM-DD" in the community's zone.
 */
export function checkIdNumber(raw: string, today: string = new Date().toISOString().slice(0, 10)): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'id_number_format' };
  const region = value.slice(0, 6);
  if (!provinces.has(Number(region.slice(0, 2))) || region.slice(2) === '0000') return { ok: false, problem: 'id_number_region' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14);
  if (y < 1880 || !validDate(y, m, d) || birthDate > today) return { ok: false, problem: 'id_number_birth_date' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'id_number_checksum' };
  const gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, facts: { value, region, birthDate, gender } };
}

/**
 * Normalizes a mainland phone number: mobiles to 11 digits, landlines to "area-number"
 * ("0596-26312345", optionally "-ext"). Returns null when it is neither.
 */
export function normalizePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s()（）]/g, '');
  s = s.replace(/^(\+86|0086)-?/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  const m = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(s);
  if (!m) return null;
  const [, area, number, ext] = m;
  // Three-digit area codes are 010 and 02x; everything else has four digits.
  if (area!.length === 3 && !/^0(10|2\d)$/.test(area!)) return null;
  if (area!.length === 4 && /^0(10|2\d)/.test(area!)) return null;
  return `${area}-${number}${ext ? `-${ext}` : ''}`;
}

/** The digits a phone is indexed by (so "0596-26312345" and "059626312345" find the same person). */
export function phoneIndexValue(normalized: string): string {
  return normalized.replace(/\D/g, '');
}

/** Age in whole years at `today` ("YYYY-MM-DD"). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's date ("YYYY-MM-DD") in a time zone. */
export function todayIn(timeZone = 'Asia/Shanghai', at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
