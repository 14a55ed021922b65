import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'interop', include: ['src/**/*.test.ts'] },
});
