import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-insight', include: ['src/**/*.test.ts'] },
});
