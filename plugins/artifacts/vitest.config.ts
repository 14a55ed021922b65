import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-artifacts', include: ['src/**/*.test.ts'] },
});
