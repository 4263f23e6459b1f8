import { describe, expect, it } from 'vitest';
import { createRng, idNumber } from '../../seed/random';
import { ageOn, checkIdNumber, idCheckChar, normalizePhone, todayIn } from './places.checks';

describe('ID-card numbers (GB 11643)', () => {
  it('accepts a valid number and derives birth date and gender from it', () => {
    const r = checkIdNumber('11010519491231002x', '2026-01-01');
    expect(r).toEqual({ ok: true, facts: { value: '11010519491231002X', region: '110105', birthDate: '1949-12-31', gender: 'female' } });
    const male = idNumber(createRng(1), '410302', new Date('1950-03-15T00:00:00Z'), 'male');
    expect(checkIdNumber(male)).toMatchObject({ ok: true, facts: { gender: 'male', birthDate: '1950-03-15' } });
  });

  it('names what is wrong: shape, region, birth date, check character', () => {
    expect(checkIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'id_number_format' });
    expect(checkIdNumber('11010519491231002A')).toEqual({ ok: false, problem: 'id_number_format' });
    const withRegion = (region: string) => `${region}19491231002`;
    expect(checkIdNumber(withRegion('990105') + idCheckChar(withRegion('990105')))).toEqual({ ok: false, problem: 'id_number_region' });
    expect(checkIdNumber(withRegion('110000') + idCheckChar(withRegion('110000')))).toEqual({ ok: false, problem: 'id_number_region' });
    const feb30 = '11010519490230002';
    expect(checkIdNumber(feb30 + idCheckChar(feb30))).toEqual({ ok: false, problem: 'id_number_birth_date' });
    const future = '11010520990101002';
    expect(checkIdNumber(future + idCheckChar(future), '2026-01-01')).toEqual({ ok: false, problem: 'id_number_birth_date' });
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'id_number_checksum' });
  });
});

describe('phone numbers', () => {
  it('normalizes mainland mobiles and landlines, refuses the rest', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+86 13812345678')).toBe('13812345678');
    expect(normalizePhone('0596-26312345')).toBe('0596-26312345');
    expect(normalizePhone('059626312345')).toBe('0596-26312345');
    expect(normalizePhone('010-12345678')).toBe('010-12345678');
    expect(normalizePhone('(0371)64312345-801')).toBe('0371-64312345-801');
    for (const bad of ['12812345678', '1381234567', '0123-1234', '12345', 'abc', '0101-2345678']) expect(normalizePhone(bad), bad).toBeNull();
  });
});

describe('ages and days', () => {
  it('counts whole years, birthdays included', () => {
    expect(ageOn('1950-03-15', '2026-03-14')).toBe(75);
    expect(ageOn('1950-03-15', '2026-03-15')).toBe(76);
  });
  it('today is taken in the community zone', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-05-01T16:30:00Z'))).toBe('2026-05-02');
  });
});
