import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Each test opens real SQLite files; two cores here.
    pool: 'forks',
    testTimeout: 30_000,
  },
})
