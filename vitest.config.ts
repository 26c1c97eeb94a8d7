import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (everything but tests/integration, no emulators) and `integration`
 * (tests/integration, with one DynamoDB Local and one aws-ses-v2-local started by
 * tests/global-setup.ts for the whole run). A run that selects only unit tests starts no
 * emulator: Vitest runs a project's global setup only when it has files to run.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    isolate: true,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/integration/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
        },
      },
    ],
  },
});
