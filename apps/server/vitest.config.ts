import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'app-server', include: ['src/**/*.test.ts'] },
});
