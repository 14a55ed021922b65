import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-members', include: ['src/**/*.test.ts'] },
});
