import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-api', include: ['src/**/*.test.ts'] },
});
