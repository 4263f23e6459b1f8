import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/databases';
import type { Database } from './db/client';
import { createJobQueue, type JobDefinition } from './jobs';

const quietLog = { error: () => {}, info: () => {} };
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const until = async (cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('the job queue (pg-boss on this database)', () => {
  it('runs a sent job once, and retries a job that fails', async () => {
    const seen: string[] = [];
    let failures = 0;
    const defs: JobDefinition[] = [
      { name: 'test.echo', handler: async (data) => void seen.push(String((data as { v: string }).v)) },
      {
        name: 'test.flaky',
        retryLimit: 2,
        retryDelaySeconds: 1,
        handler: async () => {
          if (failures++ === 0) throw new Error('first try fails');
          seen.push('flaky-ok');
        },
      },
    ];
    const queue = createJobQueue(database, quietLog);
    await queue.start(defs);
    try {
      await queue.send('test.echo', { v: 'hello' });
      await queue.send('test.flaky', {});
      await until(() => seen.includes('hello') && seen.includes('flaky-ok'));
      expect(seen.filter((s) => s === 'hello')).toHaveLength(1);
      expect(failures).toBe(2);
    } finally {
      await queue.stop();
    }
  });

  it('two instances sending the same scheduled tick produce one job (singleton per window)', async () => {
    let runs = 0;
    const def: JobDefinition = { name: 'test.tick', handler: async () => void runs++ };
    const a = createJobQueue(database, quietLog);
    const b = createJobQueue(database, quietLog);
    await a.start([def]);
    await b.start([def]);
    try {
      const ids = await Promise.all([a, b].map((q) => q.send('test.tick', {}, { singletonKey: 'tick-2026-11-25T10:00', singletonSeconds: 60 })));
      expect(ids.filter(Boolean)).toHaveLength(1);
      await until(() => runs === 1);
      await new Promise((r) => setTimeout(r, 2500));
      expect(runs).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
