import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-explorer', include: ['src/**/*.test.ts'] },
});
