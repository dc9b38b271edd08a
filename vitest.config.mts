import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/scenarios/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30_000
  }
})
