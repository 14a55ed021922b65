import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'testing',
    include: ['src/**/*.test.ts', 'repo/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
