import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Two projects: `workers` runs inside workerd (the Worker through its HTTP surface, with real
// local D1 and the same migrations wrangler applies); `node` runs what needs the host: the
// independent Python vCard parser and the bundle build.
const migrations = await readD1Migrations('migrations');

export default defineConfig({
  test: {
    // The JSON report gives .ci/run its closing "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                SESSION_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
                SESSION_SECRET_PREVIOUS: 'old-test-secret-0123456789abcdef0123456789ab',
                PLATFORM_API_SECRET: 'test-platform-secret-0123456789abcdef0123456789',
                LOGIN_URL: 'https://kunden.example.de/login',
                // A developer's .dev.vars must not switch the dev login on in tests.
                DEV_LOGIN: 'false',
              },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/node/**', 'test/interop/**'],
          setupFiles: ['./test/apply-migrations.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
