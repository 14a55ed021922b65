import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-community', include: ['src/**/*.test.ts'] },
});
