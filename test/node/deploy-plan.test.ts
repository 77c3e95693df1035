// The deploy's check of the tenant map (scripts/lib/deploy-plan.mjs): what it migrates, and what
// stops it before anything runs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { databasesToMigrate, deploySteps } from '../../scripts/lib/deploy-plan.mjs';

const root = join(import.meta.dirname, '..', '..');
const db = (binding: string, database_name: string) => ({ binding, database_name, database_id: '0', migrations_dir: 'migrations' });

describe('npm run deploy: the databases it migrates', () => {
  it("migrates the production environment's one database as wrangler.toml declares it", () => {
    expect(databasesToMigrate(unstable_readConfig({ config: join(root, 'wrangler.toml'), env: 'production' }), 'production')).toEqual([
      'kontakte-production',
    ]);
  });

  it('migrates every declared database, DB first, tenants mapped or not', () => {
    const config = {
      d1_databases: [db('DB_SEEBLICK', 'k-seeblick'), db('DB', 'k'), db('DB_OLD', 'k-old')],
      vars: { TENANT_DATABASES: '{"seeblick": "DB_SEEBLICK"}' },
    };
    expect(databasesToMigrate(config, 'production')).toEqual(['k', 'k-seeblick', 'k-old']);
  });

  it('stops where the Worker would refuse the map or a binding is not declared', () => {
    const databases = [db('DB', 'k'), db('DB_SEEBLICK', 'k-seeblick')];
    const plan =
      (vars: Record<string, unknown>, d1 = databases) =>
      () =>
        databasesToMigrate({ d1_databases: d1, vars }, 'production');
    expect(plan({ TENANT_DATABASES: '{"seeblick": "DB_SEBLICK"}' })).toThrow(/DB_SEBLICK.*no d1_databases binding/);
    // A TOML table instead of a string of JSON, a key no claim can carry, a plain DB.
    expect(plan({ TENANT_DATABASES: { seeblick: 'DB_SEEBLICK' } })).toThrow(/string/);
    expect(plan({ TENANT_DATABASES: '{"Seeblick": "DB_SEEBLICK"}' })).toThrow(/Seeblick/);
    expect(plan({ TENANT_DATABASES: '{"seeblick": "DB"}' })).toThrow(/seeblick/);
    expect(plan({}, [db('DB_SEEBLICK', 'k-seeblick')])).toThrow(/binding DB/);
    expect(plan({}, [db('DB', 'k'), { binding: 'DB_SEEBLICK' } as ReturnType<typeof db>])).toThrow(/DB_SEEBLICK has no database_name/);
  });
});

describe('npm run deploy: its steps', () => {
  it('migrates every database, deploys the Worker, then rebuilds the search keys (the old Worker misread newer keys)', () => {
    const steps = deploySteps(['kontakte', 'kontakte-tenant-a'], 'production', { node: 'node', wrangler: 'wrangler', scripts: 's' });
    expect(steps.map(([program, args]) => [program, ...args].join(' '))).toEqual([
      'node s/fingerprint.mjs',
      'wrangler d1 migrations apply kontakte --remote --env production',
      'wrangler d1 migrations apply kontakte-tenant-a --remote --env production',
      'wrangler deploy --env production',
      'node s/rebuild-keys.mjs kontakte --remote --env production',
      'node s/rebuild-keys.mjs kontakte-tenant-a --remote --env production',
    ]);
  });
});

describe('wrangler.toml: the rate limits production gets', () => {
  it('limits writes and searches per user in production, searches only there (local dev, tests and the bench search unlimited)', () => {
    const limits = (env?: string) =>
      Object.fromEntries(
        (unstable_readConfig({ config: join(root, 'wrangler.toml'), env }).ratelimits ?? []).map(
          (limit: { name: string; simple: unknown }) => [limit.name, limit.simple],
        ),
      );
    expect(limits('production')).toEqual({
      WRITE_LIMITER: { limit: 60, period: 10 },
      SEARCH_LIMITER: { limit: 60, period: 10 },
      LONG_SEARCH_LIMITER: { limit: 10, period: 60 },
    });
    expect(limits()).toEqual({ WRITE_LIMITER: { limit: 60, period: 10 } });
  });
});
