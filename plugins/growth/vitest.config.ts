import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-growth', include: ['src/**/*.test.ts'] },
});
