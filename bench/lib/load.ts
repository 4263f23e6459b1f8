/**
 * A small closed-loop load generator: `concurrency` virtual users, each sending the next request
 * when the previous answered, for `durationMs`. Latencies are recorded per request (ms).
 */
import { Agent, request } from 'undici';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(latencies: number[], errors: number, elapsedMs: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: (latencies.length / elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export async function load(opts: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: (i: number) => string | undefined;
  concurrency: number;
  durationMs: number;
  expectStatus?: (status: number) => boolean;
}): Promise<LoadResult> {
  const dispatcher = new Agent({ connections: opts.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let errors = 0;
  let seq = 0;
  const ok = opts.expectStatus ?? ((s: number) => s < 400);
  const started = performance.now();
  const end = started + opts.durationMs;
  const user = async () => {
    while (performance.now() < end) {
      const i = seq++;
      const t = performance.now();
      try {
        const res = await request(opts.url, { method: opts.method ?? 'GET', headers: opts.headers, body: opts.body?.(i), dispatcher });
        await res.body.dump();
        if (ok(res.statusCode)) latencies.push(performance.now() - t);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, user));
  const elapsed = performance.now() - started;
  await dispatcher.close();
  return summarize(latencies, errors, elapsed);
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

export function table(rows: Array<Record<string, string | number>>): void {
  console.table(rows);
}
