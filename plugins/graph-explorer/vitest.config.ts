import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-graph-explorer', include: ['src/**/*.test.ts'] },
});
