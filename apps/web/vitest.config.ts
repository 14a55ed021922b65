import { defineProject } from 'vitest/config';

// Its own project config, so the root vitest run does not read vite.config.ts as a test project.
export default defineProject({
  test: { name: 'web', include: ['src/**/*.test.ts', 'precompress.test.ts'] },
});
