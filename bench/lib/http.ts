/**
 * HTTP helpers shared by the benchmarks: a JSON client over undici, sign-in through the API, and
 * `burst`: N requests released at the same instant (each on its own connection), answering with
 * every status, body and latency.
 */
import { Agent, request } from 'undici';
import { summarize, type LoadResult } from './load';

export const PASSWORD = 'Demo2026!';

export interface Call<T = any> {
  status: number;
  body: T;
  ms: number;
}

export type Method = 'GET' | 'POST' | 'PATCH';

export function client(url: string, dispatcher: Agent) {
  return async <T = any>(method: Method, route: string, cookie?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call<T>> => {
    const started = performance.now();
    const res = await request(`${url}/api/v1${route}`, {
      method,
      dispatcher,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.statusCode, body: parsed as T, ms: performance.now() - started };
  };
}

export async function signIn(url: string, username: string, password = PASSWORD): Promise<string> {
  const res = await request(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  await res.body.dump();
  const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('tongxin_sid='));
  if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in ${username}: ${res.statusCode}`);
  return cookie.split(';')[0]!;
}

export interface Burst<T = any> {
  calls: Array<Call<T> & { i: number; at: number }>;
  /** Latency summary of all answers (errors = 5xx and network failures). */
  result: LoadResult;
  /** Count per status code (0 = network error). */
  statuses: Record<number, number>;
  /** Count per error code in 4xx/5xx bodies. */
  codes: Record<string, number>;
}

/**
 * Opens `n` connections first, then releases all `n` requests at once (the "same second"): the
 * server sees them arrive together, not paced by the client.
 */
export async function burst<T = any>(url: string, n: number, make: (i: number) => { method?: Method; route: string; cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<Burst<T>> {
  const dispatcher = new Agent({ connections: n, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 600_000, bodyTimeout: 600_000 });
  const call = client(url, dispatcher);
  // Warm the sockets so that connection setup is not part of the race.
  await Promise.all(Array.from({ length: n }, () => call('GET', '/health').catch(() => undefined)));
  const started = performance.now();
  const calls = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const r = make(i);
      try {
        const c = await call<T>(r.method ?? 'POST', r.route, r.cookie, r.body, r.headers);
        return { ...c, i, at: performance.now() - started };
      } catch (err) {
        return { status: 0, body: { error: { code: (err as Error).message } } as T, ms: performance.now() - started, i, at: performance.now() - started };
      }
    }),
  );
  const elapsed = performance.now() - started;
  await dispatcher.close();
  return { calls, ...tally(calls, elapsed) };
}

export function tally(calls: Array<Call>, elapsedMs: number) {
  const statuses: Record<number, number> = {};
  const codes: Record<string, number> = {};
  for (const c of calls) {
    statuses[c.status] = (statuses[c.status] ?? 0) + 1;
    const code = c.status >= 400 || c.status === 0 ? ((c.body as { error?: { code?: string } })?.error?.code ?? String(c.status)) : undefined;
    if (code) codes[code] = (codes[code] ?? 0) + 1;
  }
  const errors = calls.filter((c) => c.status === 0 || c.status >= 500).length;
  return { result: summarize(calls.map((c) => c.ms), errors, elapsedMs), statuses, codes };
}

export const fmtCounts = (o: Record<string | number, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');

/** Every item of a paged list (`{ items, nextCursor }`), following the cursor. */
export async function allPages<T = any>(call: ReturnType<typeof client>, route: string, cookie: string, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = route.includes('?') ? '&' : '?';
    const res: Call<{ items: T[]; nextCursor: string | null }> = await call('GET', `${route}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, cookie);
    if (res.status !== 200) throw new Error(`GET ${route}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}
