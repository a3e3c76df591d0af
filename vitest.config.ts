import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start real hubs on free ports with real SQLite files: give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
