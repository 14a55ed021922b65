import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'icons', include: ['src/**/*.test.ts'] },
});
