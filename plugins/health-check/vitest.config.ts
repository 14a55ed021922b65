import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-health-check', include: ['src/**/*.test.ts'] },
});
