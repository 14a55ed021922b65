import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'plugin-host',
    include: ['src/**/*.test.ts'],
    // Workers, Chromium and Vite builds start slowly on a loaded CI machine; timing is not asserted.
    testTimeout: 30_000,
  },
});
