/** Printing helpers: PASS/FAIL invariants and side-by-side latency rows (API vs raw SQL). */
import { fmt, type LoadResult } from './load';

export interface Check {
  invariant: string;
  expected: string | number;
  actual: string | number;
  ok: boolean;
}

export class Checks {
  readonly list: Check[] = [];
  add(invariant: string, expected: string | number, actual: string | number, ok = expected === actual): void {
    this.list.push({ invariant, expected, actual, ok });
  }
  print(title: string): void {
    console.log(`\n${title}`);
    console.table(this.list.map((c) => ({ result: c.ok ? 'PASS' : 'FAIL', invariant: c.invariant, expected: c.expected, actual: c.actual })));
  }
  get allOk(): boolean {
    return this.list.every((c) => c.ok);
  }
}

export function latencyRow(label: string, api: LoadResult, raw?: LoadResult): Record<string, string | number> {
  return {
    run: label,
    requests: api.requests,
    '5xx/errors': api.errors,
    'req/s': fmt(api.rps, 0),
    'p50 ms': fmt(api.p50, 1),
    'p99 ms': fmt(api.p99, 1),
    ...(raw
      ? {
          'raw SQL ops/s': fmt(raw.rps, 0),
          'raw p50 ms': fmt(raw.p50, 1),
          'raw p99 ms': fmt(raw.p99, 1),
          'API/raw p50': fmt(api.p50 / raw.p50, 1) + '×',
          'raw/API ops/s': fmt(raw.rps / api.rps, 1) + '×',
        }
      : { 'raw SQL ops/s': '—', 'raw p50 ms': '—', 'raw p99 ms': '—', 'API/raw p50': '—', 'raw/API ops/s': '—' }),
  };
}
