import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'plugin-interop', include: ['src/**/*.test.ts'] },
});
