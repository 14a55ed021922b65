import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    // On PostgreSQL (REPERTOIRE_TEST_STORE=postgres) each test server first starts a cluster.
    ...(process.env.REPERTOIRE_TEST_STORE === 'postgres' ? { hookTimeout: 60_000 } : {}),
  },
});
