import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-entity-pages', include: ['src/**/*.test.ts'] },
});
