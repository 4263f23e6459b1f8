import { describe, expect, it } from 'vitest';
import { rank } from './stats.service';

describe('competition ranking', () => {
  it('ranks higher-is-better values, ties share a rank, nulls are unranked', () => {
    const r = rank(new Map([['a', 0.9], ['b', 0.95], ['c', 0.9], ['d', null], ['e', 0.5]]), true);
    expect(Object.fromEntries(r)).toEqual({ a: 2, b: 1, c: 2, d: null, e: 4 });
  });
  it('ranks lower-is-better values', () => {
    expect(Object.fromEntries(rank(new Map([['a', 3], ['b', 1]]), false))).toEqual({ a: 2, b: 1 });
  });
});
