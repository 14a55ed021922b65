import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-editor', include: ['src/**/*.test.ts'] },
});
