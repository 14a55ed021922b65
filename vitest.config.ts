import { defineConfig } from 'vitest/config';

// One command runs every package's tests: each workspace member with a vitest config is a project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'plugins/*', 'test'],
    reporters: ['default'],
  },
});
