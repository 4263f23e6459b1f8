import { describe, expect, it } from 'vitest';
import { splitRange } from './tickets.stats.repository';
import { availableActions, findTransition, ticketTransitions } from './tickets.states';

describe('splitting a date range between the monthly and daily rollups', () => {
  it('whole months go to the monthly rows, the partial ends to the daily rows', () => {
    expect(splitRange('2026-01-15', '2026-04-10')).toEqual({
      months: { from: '2026-02-01', to: '2026-04-01' },
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
  });

  it('a range of whole months needs no daily rows; February and year ends are handled', () => {
    expect(splitRange('2026-01-01', '2026-02-28')).toEqual({ months: { from: '2026-01-01', to: '2026-03-01' }, days: [] });
    expect(splitRange('2025-12-01', '2025-12-31')).toEqual({ months: { from: '2025-12-01', to: '2026-01-01' }, days: [] });
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-03-01' }, days: [] });
  });

  it('a range inside one month is all daily; no bounds is all monthly', () => {
    expect(splitRange('2026-03-03', '2026-03-20')).toEqual({ months: 'none', days: [{ from: '2026-03-03', to: '2026-03-20' }] });
    expect(splitRange(undefined, undefined)).toEqual({ months: { from: null, to: null }, days: [] });
    expect(splitRange(undefined, '2026-03-20')).toEqual({ months: { from: null, to: '2026-03-01' }, days: [{ from: '2026-03-01', to: '2026-03-20' }] });
  });
});

describe('the state table', () => {
  it('a low first rating reopens; a low second rating, or a good one, closes', () => {
    const submitter = new Set(['submitter'] as const);
    expect(findTransition('resolved', 'rate', submitter, { rating: 2, reopenCount: 0 })?.to).toBe('reopened');
    expect(findTransition('resolved', 'rate', submitter, { rating: 2, reopenCount: 1 })?.to).toBe('closed');
    expect(findTransition('resolved', 'rate', submitter, { rating: 3, reopenCount: 0 })?.to).toBe('closed');
  });

  it('nothing leaves a returned, closed or merged ticket except through its master', () => {
    const everyone = new Set(['submitter', 'assignee', 'handler', 'supervisor', 'callback', 'system'] as const);
    expect(availableActions('returned', everyone)).toEqual([]);
    expect(availableActions('closed', everyone)).toEqual([]);
    expect(availableActions('merged', everyone)).toEqual([]);
  });

  it('every transition names who may take it', () => {
    for (const t of ticketTransitions) expect(t.by.length).toBeGreaterThan(0);
  });
});

describe('apportioning demo tickets over months', () => {
  it('hands out exactly the total', async () => {
    const { apportion } = await import('./tickets.seed-plant');
    const parts = apportion(2352, Array.from({ length: 36 }, (_, i) => 1 + i / 12));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(2352);
    expect(parts[35]!).toBeGreaterThan(parts[0]!);
  });
});
