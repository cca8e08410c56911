import { realpathSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const integration = ['backend/**/*.int.test.ts', 'test/integration/**/*.test.ts'];
// Files named *.pglite.test.ts or *.postgres.test.ts run only on that kind of database.
const onlyOn = { pglite: '**/*.postgres.test.ts', postgres: '**/*.pglite.test.ts' } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['backend/**/*.test.ts', 'shared/**/*.test.ts'],
          exclude: integration,
        },
      },
      {
        plugins: [WxtVitest()],
        // A git worktree may symlink node_modules to the main checkout's; Vite serves setup files
        // from the real path, which sits outside the root, so allow it explicitly.
        server: { fs: { allow: ['.', realpathSync('node_modules')] } },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['extension/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      ...(['pglite', 'postgres'] as const).map((db) => ({
        test: {
          name: `integration-${db}`,
          environment: 'node',
          include: integration,
          exclude: ['**/node_modules/**', onlyOn[db]],
          env: { TEST_DB: db },
          globalSetup: ['test/harness/global-setup-db.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        // Issue 8: crash, Graph outage, token death, fuzzing, two instances, secrets. Backends run as
        // child processes on the PostgreSQL server the global setup starts; one file at a time, since
        // each loads both cores on its own.
        test: {
          name: 'reliability',
          environment: 'node',
          include: ['test/reliability/**/*.test.ts'],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['test/harness/global-setup-db.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
