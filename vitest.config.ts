import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Three projects. `npm test` runs two of them, which need nothing but what npm installs:
// `workers` runs inside workerd (the Worker through its HTTP surface, with real local D1 and the
// same migrations wrangler applies); `node` builds the production bundle. `npm run test:interop`
// runs the third, `interop`: the exports read back by independent Python parsers (vobject for the
// vCards, icalendar for warranty.ics), which need Debian's python3-vobject and python3-icalendar
// and fail (never skip) without them. The browser suite is `npm run test:e2e`.
const migrations = await readD1Migrations('migrations');

/**
 * wrangler.toml's [alias] for the Workers tests as well, so that they run the code the bundle
 * runs: the Workers pool reads wrangler.toml but leaves [alias] to wrangler's own build. Only
 * imports from the dependencies are replaced (esbuild matches the same import texts there).
 */
function wranglerAliases(): Plugin {
  const toml = readFileSync('wrangler.toml', 'utf8');
  const section = /^\[alias\]\n((?:"[^"\n]+" = "[^"\n]+"\n)+)/m.exec(toml)?.[1] ?? '';
  const aliases = new Map([...section.matchAll(/^"([^"]+)" = "([^"]+)"$/gm)].map((m) => [m[1] ?? '', resolve(m[2] ?? '')]));
  if (aliases.size === 0) throw new Error('wrangler.toml: no [alias] entries found');
  // Vitest keeps transformed modules on disk (fsModuleCache, keyed by a file's content and the
  // config): a module from the dependencies is cached with its imports resolved, so the aliases
  // must be part of its key, or a changed [alias] would not reach it until the cache is cleared.
  const aliasKey = section;
  return {
    name: 'wrangler-aliases',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer?.includes('/node_modules/') ? aliases.get(source) : undefined;
    },
    configureVitest({ defineCacheKeyGenerator }) {
      defineCacheKeyGenerator(({ id }) => (id.includes('/node_modules/') ? aliasKey : undefined));
    },
  };
}

/** One fast-check seed for the whole run (test/property.ts): FC_SEED replays a failed run. */
function fastCheckSeed(): number {
  const given = process.env.FC_SEED;
  if (given === undefined || given === '') return Date.now() % 0x7fffffff;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(given)}`);
  return seed;
}

export default defineConfig({
  test: {
    // The JSON report gives .ci/run its closing "N passed, N failed" line (test:interop writes its own).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // Console output (the request log's JSON lines) is shown for failing tests only.
    silent: 'passed-only',
    provide: { fcSeed: fastCheckSeed() },
    projects: [
      {
        plugins: [
          wranglerAliases(),
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
                // A tenant with a database of its own (test/tenants.test.ts); every other asset uses DB.
                TENANT_DATABASES: JSON.stringify({ seeblick: 'DB_SEEBLICK' }),
                // A var named like a database that is none: what reaches every database skips it.
                DB_NOTE: 'not a database',
              },
              // wrangler.toml's DB, the tenant's own database, and one no tenant maps to (a tenant's
              // old database after a move).
              d1Databases: ['DB', 'DB_SEEBLICK', 'DB_OLD'],
            },
          }),
        ],
        // The .tsx files' classic JSX (tsconfig.json, src/views/jsx-factory.ts) as wrangler's esbuild
        // builds it: vite's own transform would add React's development props (`__source`,
        // `__self`) to every element, which hono renders as attributes.
        oxc: { jsx: { runtime: 'classic', pragma: 'React.createElement', pragmaFrag: 'React.Fragment', development: false } },
        test: {
          name: 'workers',
          // Time is not what these tests assert (the bench measures speed): the heaviest (a tenant's
          // move, a 1,000-card import) took 3.5-4.3 s of vitest's default 5 s on a slower machine
          // and once timed out; a hang still fails, after 30 s.
          testTimeout: 30_000,
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
      {
        test: {
          name: 'interop',
          environment: 'node',
          include: ['test/interop/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
