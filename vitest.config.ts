import { defineConfig } from 'vitest/config';

const integration = (name: string, env: Record<string, string>) => ({
  extends: true as const,
  test: {
    name,
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.unit.test.ts', 'node_modules/**'],
    env,
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.unit.test.ts'], environment: 'node' } },
      integration('pglite', { TEST_DB: 'pglite' }),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres', { TEST_DB: 'postgres' })] : []),
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
