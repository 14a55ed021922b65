import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'graph-view', include: ['src/**/*.test.ts'] },
});
