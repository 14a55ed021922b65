import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-inquiry-cycle', include: ['src/**/*.test.ts'] },
});
