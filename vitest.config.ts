import { defineConfig } from 'vitest/config';

/**
 * Whole-data-set tests (the full-size demo seeds checked against the seed reports' figures, fuzzing
 * every route as every role) take minutes each; they run once per run: on PostgreSQL when the run
 * has it, else on PGlite. Every other integration test runs on both engines.
 */
const once = ['src/**/*.seed.test.ts', 'src/server/modules/security/fuzz.test.ts'];
const withPostgres = !!process.env.TEST_DATABASE_URL;

const integration = (name: string, env: Record<string, string>, skip: string[] = []) => ({
  extends: true as const,
  test: {
    name,
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.unit.test.ts', 'node_modules/**', ...skip],
    env,
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.unit.test.ts'], environment: 'node' } },
      integration('pglite', { TEST_DB: 'pglite' }, withPostgres ? once : []),
      ...(withPostgres ? [integration('postgres', { TEST_DB: 'postgres' })] : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
