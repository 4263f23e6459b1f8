/**
 * Deterministic synthetic data: one seed gives the same district every time (tests, benchmarks,
 * `npm run seed -- --residents N`). Names, ID numbers (with a valid GB 11643 check digit) and
 * phones look real but belong to nobody.
 */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Picks by weight: `weighted([['a', 3], ['b', 1]])`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  fork(label: string): Rng;
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function createRng(seed: number | string): Rng {
  let a = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    weighted(items) {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return items[items.length - 1]![0];
    },
    fork: (label) => createRng(hashString(`${a}:${label}`)),
  };
  return rng;
}

const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '欧阳', '司马', '上官',
];
const givenMale = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '建国', '建华', '国强', '志强', '海涛', '文斌', '宇航', '子轩', '浩然', '俊杰', '家豪', '振华', '德胜', '长春', '立新', '保国', '卫东', '红旗'];
const givenFemale = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀英', '桂英', '玉兰', '秀兰', '丽娟', '海燕', '晓燕', '雪梅', '婷婷', '欣怡', '梓涵', '诗琪', '雨桐', '佳怡', '淑珍', '凤英', '春梅', '金凤', '美玲', '慧敏', '晓红', '丹丹'];

export function chineseName(rng: Rng, gender: 'male' | 'female'): string {
  return rng.pick(surnames) + rng.pick(gender === 'male' ? givenMale : givenFemale);
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** GB 11643 check digit of the first 17 characters. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}

/** A valid 18-character ID number for a region code, birth date and gender. */
export function idNumber(rng: Rng, region: string, birth: Date, gender: 'male' | 'female'): string {
  const ymd = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  let seqDigit = rng.int(0, 9);
  if ((seqDigit % 2 === 1) !== (gender === 'male')) seqDigit = (seqDigit + 1) % 10;
  const first17 = `${region}${ymd}${String(rng.int(0, 99)).padStart(2, '0')}${seqDigit}`;
  return first17 + idCheckDigit(first17);
}

const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '177', '180', '181', '182', '186', '187', '188', '189', '191', '199'];

export function mobilePhone(rng: Rng): string {
  return rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A birth date for an age in years at `today`. */
export function birthDateForAge(rng: Rng, age: number, today: Date): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear() - age, 0, 1));
  d.setUTCDate(d.getUTCDate() + rng.int(0, 364) - (rng.chance(0.5) ? 365 : 0));
  return d;
}
