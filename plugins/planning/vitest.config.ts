import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-planning', include: ['src/**/*.test.ts'] },
});
