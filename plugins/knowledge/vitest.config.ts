import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-knowledge', include: ['src/**/*.test.ts'] },
});
