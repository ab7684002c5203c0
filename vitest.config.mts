import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests share one Redis, one PostgreSQL and two cores: files run in parallel but each
    // uses its own database, key prefix and temp dir.
    pool: 'forks',
    maxWorkers: 2,
  },
});
