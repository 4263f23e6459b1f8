/**
 * Synthetic households for the demo: the mix of elderly living alone, elderly couples (空巢),
 * three-generation families, left-behind children with grandparents, and working families is
 * planned so that a community's household count and head count come out exactly, and the share
 * of people aged 60+ close to the seed report's. Deterministic for a given RNG.
 */
import { idCheckChar } from './places.checks';
import { givenNames, otherRegions, surnames, type CommunitySeed } from './places.seed-data';
import type { Rng } from '../../seed/random';

export interface SeedPerson {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  relation: string;
  tags: string[];
  idNumber: string;
  phone: string | null;
  ethnicity: string;
  politicalStatus: string | null;
  residency: 'permanent' | 'floating';
}

type Kind = 'alone' | 'elderly_couple' | 'three_gen' | 'left_behind' | 'working';

const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '177', '180', '181', '182', '186', '187', '188', '189', '191', '199'];

/** Plans household kinds and sizes so that `households` and `residents` are met exactly. */
export function planHouseholds(rng: Rng, c: { households: number; residents: number; elderlyShare: number }): Array<{ kind: Kind; size: number }> {
  const elderly = c.residents * c.elderlyShare;
  const alone = Math.round(elderly * 0.18);
  const couples = Math.round(elderly * 0.24);
  const threeGen = Math.round(elderly * 0.2);
  const leftBehind = Math.max(1, Math.round(c.residents * 0.006));
  const plan: Array<{ kind: Kind; size: number }> = [
    ...Array.from({ length: alone }, () => ({ kind: 'alone' as const, size: 1 })),
    ...Array.from({ length: couples }, () => ({ kind: 'elderly_couple' as const, size: 2 })),
    ...Array.from({ length: threeGen }, () => ({ kind: 'three_gen' as const, size: rng.int(4, 6) })),
    ...Array.from({ length: leftBehind }, () => ({ kind: 'left_behind' as const, size: rng.int(2, 4) })),
  ].slice(0, c.households);
  const working = Array.from({ length: c.households - plan.length }, () => ({ kind: 'working' as const, size: rng.weighted([[1, 18], [2, 22], [3, 36], [4, 20], [5, 4]] as const) }));
  let diff = c.residents - [...plan, ...working].reduce((s, h) => s + h.size, 0);
  // Adjust working families one person at a time (a child more or less) until the head count is exact.
  for (let guard = 0; diff !== 0 && guard < 10 * c.residents && working.length; guard++) {
    const h = working[rng.int(0, working.length - 1)]!;
    if (diff > 0 && h.size < 7) (h.size++, diff--);
    else if (diff < 0 && h.size > 1) (h.size--, diff++);
  }
  const all = [...plan, ...working];
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

export class PersonFactory {
  private readonly used = new Set<string>();
  constructor(
    private readonly rng: Rng,
    private readonly seed: CommunitySeed,
    private readonly today: string,
  ) {}

  private birth(age: number): string {
    const [y, m, d] = this.today.split('-').map(Number) as [number, number, number];
    const back = new Date(Date.UTC(y - age, m - 1, d) - this.rng.int(1, 364) * 86_400_000);
    return back.toISOString().slice(0, 10);
  }

  private idNumber(birthDate: string, gender: 'male' | 'female', floating: boolean): string {
    for (;;) {
      const region = floating ? this.rng.pick(otherRegions) : this.rng.pick(this.seed.regions);
      let seq = this.rng.int(0, 999);
      if ((seq % 2 === 1) !== (gender === 'male')) seq = (seq + 1) % 1000;
      const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
      const id = first17 + idCheckChar(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  private given(gender: 'male' | 'female', birthYear: number): string {
    const generation = birthYear < 1966 ? givenNames.old : birthYear < 1996 ? givenNames.middle : givenNames.young;
    return this.rng.pick(generation[gender]);
  }

  private phone(age: number): string | null {
    if (age < 16) return null;
    if (age >= 75 && this.rng.chance(0.35)) return this.rng.chance(0.5) ? `${this.seed.areaCode}-${this.rng.int(20_000_000, 89_999_999)}` : null;
    return this.rng.pick(mobilePrefixes) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
  }

  private ethnicity(): string {
    if (this.seed.code === 'YW01' && this.rng.chance(0.18)) return '回族';
    if (this.seed.code === 'HM01' && this.rng.chance(0.02)) return '畲族';
    return this.rng.chance(0.97) ? '汉族' : this.rng.pick(['回族', '满族', '蒙古族', '壮族', '土家族']);
  }

  private political(age: number): string | null {
    if (age < 14) return null;
    if (age <= 28 && this.rng.chance(0.3)) return 'league_member';
    if (age >= 25 && this.rng.chance(0.07)) return 'party_member';
    if (age >= 22 && this.rng.chance(0.005)) return 'probationary_member';
    return 'masses';
  }

  person(p: { age: number; gender?: 'male' | 'female'; surname?: string; relation: string; tags?: string[]; floating: boolean }): SeedPerson & { surname: string } {
    const gender = p.gender ?? (this.rng.chance(0.5) ? 'male' : 'female');
    const birthDate = this.birth(p.age);
    const surname = p.surname ?? this.rng.weighted(surnames);
    const tags = [...(p.tags ?? [])];
    if (this.rng.chance(p.age >= 60 ? 0.05 : 0.012)) tags.push('disabled');
    if (gender === 'male' && p.age >= 40 && this.rng.chance(0.03)) tags.push('veteran');
    return {
      surname,
      name: surname + this.given(gender, Number(birthDate.slice(0, 4))),
      gender,
      birthDate,
      relation: p.relation,
      tags,
      idNumber: this.idNumber(birthDate, gender, p.floating),
      phone: this.phone(p.age),
      ethnicity: this.ethnicity(),
      politicalStatus: this.political(p.age),
      residency: p.floating ? 'floating' : 'permanent',
    };
  }

  /** The members of one household of a planned kind and size, head first. */
  household(kind: Kind, size: number, floating: boolean): SeedPerson[] {
    const r = this.rng;
    const out: SeedPerson[] = [];
    const add = (p: Parameters<PersonFactory['person']>[0]) => {
      const made = this.person(p);
      out.push(made);
      return made;
    };
    switch (kind) {
      case 'alone':
        add({ age: r.int(66, 93), relation: 'head', tags: ['elderly_alone'], floating: false, gender: r.chance(0.65) ? 'female' : 'male' });
        break;
      case 'elderly_couple': {
        const head = add({ age: r.int(62, 88), gender: 'male', relation: 'head', tags: ['empty_nest'], floating: false });
        add({ age: Math.max(60, Number(this.today.slice(0, 4)) - Number(head.birthDate.slice(0, 4)) - r.int(0, 4)), gender: 'female', relation: 'spouse', tags: ['empty_nest'], floating: false });
        break;
      }
      case 'three_gen': {
        const head = add({ age: r.int(36, 52), gender: 'male', relation: 'head', floating });
        add({ age: r.int(34, 50), gender: 'female', relation: 'spouse', floating });
        add({ age: r.int(62, 84), surname: head.surname, relation: 'parent', floating });
        for (let i = 3; i < size; i++) add({ age: r.int(1, 17), surname: head.surname, relation: i === 3 && size > 4 && r.chance(0.4) ? 'parent' : 'child', floating });
        break;
      }
      case 'left_behind': {
        const head = add({ age: r.int(55, 74), relation: 'head', floating: false });
        for (let i = 1; i < size; i++) add({ age: r.int(3, 15), surname: head.surname, relation: 'grandchild', tags: ['left_behind_child'], floating: false });
        break;
      }
      case 'working': {
        const head = add({ age: r.int(24, 58), relation: 'head', floating });
        if (size >= 2) add({ age: Math.max(20, r.int(22, 57)), gender: head.gender === 'male' ? 'female' : 'male', relation: size === 2 && r.chance(0.15) ? 'child' : 'spouse', floating });
        for (let i = 2; i < size; i++) add({ age: r.int(0, 22), surname: head.surname, relation: 'child', floating });
        break;
      }
      default: {
        const never: never = kind;
        throw new Error(String(never));
      }
    }
    return out;
  }
}
