import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'base', include: ['src/**/*.test.ts'] },
});
