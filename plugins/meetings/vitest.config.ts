import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-meetings', include: ['src/**/*.test.ts'] },
});
