import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-sample-community', include: ['src/**/*.test.ts'] },
});
