import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'insight', include: ['src/**/*.test.ts'] },
});
