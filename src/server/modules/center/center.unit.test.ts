import { describe, expect, it } from 'vitest';
import { bestSubsidy, discountOf } from './canteen.rules';
import type { RuleRow } from './canteen.repository';
import { addDays, ageOn, datesOnWeekdays, isoWeekday, localParts, zonedInstant } from './center.time';

const rule = (r: Partial<RuleRow>): RuleRow => ({
  id: r.name ?? 'r', communityId: 'c', canteenId: 'k', name: 'r', minAge: null, tags: [], discountKind: 'fixed', amountFen: null, percent: null,
  fundingSource: 'f', active: true, version: 1, createdAt: new Date(), updatedAt: new Date(), ...r,
});

describe('local time of a community', () => {
  it('turns a wall-clock time in Asia/Shanghai into the instant and back', () => {
    const at = zonedInstant('2026-10-10', '16:30', 'Asia/Shanghai');
    expect(at.toISOString()).toBe('2026-10-10T08:30:00.000Z');
    expect(localParts(at, 'Asia/Shanghai')).toEqual({ date: '2026-10-10', time: '16:30', weekday: 6 });
    expect(localParts(new Date('2026-10-10T17:00:00Z'), 'Asia/Shanghai').date).toBe('2026-10-11');
  });

  it('follows a zone with summer time', () => {
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant('2026-01-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-01-01T08:00:00.000Z');
  });

  it('counts ages by birthday and lists class days on chosen weekdays', () => {
    expect(ageOn('1946-10-10', '2026-10-09')).toBe(79);
    expect(ageOn('1946-10-10', '2026-10-10')).toBe(80);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(isoWeekday('2026-10-11')).toBe(7);
    expect(datesOnWeekdays('2026-10-05', '2026-10-18', [2, 4], 200)).toEqual(['2026-10-06', '2026-10-08', '2026-10-13', '2026-10-15']);
  });
});

describe('meal subsidy rules', () => {
  const elderly = rule({ name: 'elderly', minAge: 80, discountKind: 'fixed', amountFen: 500 });
  const dibao = rule({ name: 'dibao', tags: ['dibao', 'tekun'], discountKind: 'percent', percent: 50 });

  it('uses the rule worth most among those that apply, never more than the price', () => {
    expect(bestSubsidy([elderly, dibao], { birthDate: '1940-01-01', tags: ['tekun'] }, '2026-10-10', 1200)?.rule.name).toBe('dibao');
    expect(bestSubsidy([elderly, dibao], { birthDate: '1940-01-01', tags: [] }, '2026-10-10', 1200)?.subsidyFen).toBe(500);
    expect(bestSubsidy([elderly, dibao], { birthDate: '1960-01-01', tags: [] }, '2026-10-10', 1200)).toBeNull();
    expect(discountOf(elderly, 300)).toBe(300);
  });

  it('skips inactive rules and needs a birth date for an age rule', () => {
    expect(bestSubsidy([{ ...elderly, active: false }], { birthDate: '1930-01-01', tags: [] }, '2026-10-10', 1200)).toBeNull();
    expect(bestSubsidy([elderly], { birthDate: null, tags: [] }, '2026-10-10', 1200)).toBeNull();
  });
});
