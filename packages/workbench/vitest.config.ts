import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'workbench', include: ['src/**/*.test.ts'] },
});
