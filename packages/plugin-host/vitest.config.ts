import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-host', include: ['src/**/*.test.ts'] },
});
