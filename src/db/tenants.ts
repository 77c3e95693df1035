import type { Bindings } from '../env';

/**
 * One D1 database per tenant where one database is not enough (docs/architecture.md, "Where one
 * database binds"). A tenant is a property developer and its apartments; the platform names it
 * per asset in the session token (`assets[].tenant`, docs/contract.md §2), and the var
 * `TENANT_DATABASES` maps tenants to D1 bindings, e.g. `{"seeblick": "DB_SEEBLICK"}`. An asset
 * without a tenant, or of a tenant not in the map, lives in `DB`. Only type imports here:
 * scripts/deploy.mjs loads this file to check the map before a deploy.
 */

/** The default database's binding. */
export const DEFAULT_DATABASE = 'DB';
/** A tenant's name as the token may carry it (src/session/claims.ts checks it there). */
export const TENANT = /^[a-z0-9-]{1,64}$/;
/** The binding names of tenants' databases: `DB_` and capitals, digits, underscores. */
const BINDING = /^DB_[A-Z0-9_]{1,60}$/;

let parsed: { raw: unknown; map: Map<string, string> } | undefined;

/**
 * The tenant map of `TENANT_DATABASES` (parsed once per isolate and value). A map that is not
 * a JSON object of tenant names to `DB_…` binding names is a configuration error: thrown, so
 * no asset of a tenant is served from a database the map did not mean (`npm run deploy` checks
 * it before it starts).
 */
export function tenantDatabases(raw: unknown = ''): Map<string, string> {
  if (parsed && parsed.raw === raw) return parsed.map;
  if (typeof raw !== 'string') throw new Error('TENANT_DATABASES: not a string of JSON');
  const value: unknown = raw.trim() ? JSON.parse(raw) : {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('TENANT_DATABASES: not a JSON object');
  const map = new Map<string, string>();
  for (const [tenant, binding] of Object.entries(value)) {
    if (!TENANT.test(tenant) || typeof binding !== 'string' || !BINDING.test(binding))
      throw new Error(`TENANT_DATABASES: bad entry ${tenant}`);
    map.set(tenant, binding);
  }
  parsed = { raw, map };
  return map;
}

/** A D1 binding (a database with sessions), not a var or another binding of the same name pattern. */
export const isD1 = (value: unknown): value is D1Database => typeof value === 'object' && value !== null && 'withSession' in value;

/** The database of an asset of `tenant`, and its binding's name (a binding the Worker lacks is a configuration error). */
export function databaseOf(env: Bindings, tenant: string | undefined): { binding: string; d1: D1Database } {
  const binding = (tenant !== undefined && tenantDatabases(env.TENANT_DATABASES).get(tenant)) || DEFAULT_DATABASE;
  const d1: unknown = Reflect.get(env, binding);
  if (!isD1(d1)) throw new Error(`TENANT_DATABASES: no D1 binding ${binding}`);
  return { binding, d1 };
}

/**
 * Runs `work` in every database the Worker has (`DB` and every binding named `DB_…` that is a D1
 * database, mapped or not: the old database of a tenant that moved, too), each on its own, and
 * fails after all have settled if one failed, each failure logged with its binding. For what
 * works by asset id alone or on all assets: the platform's wipe and anonymise (an asset is
 * cleared wherever it is) and the daily purge. Independent of `TENANT_DATABASES`, so a broken
 * map stops none of them; without a D1 `DB` it fails rather than do nothing.
 */
export async function inEveryDatabase(env: Bindings, work: (d1: D1Database, binding: string) => Promise<unknown>): Promise<void> {
  const bindings = new Set([DEFAULT_DATABASE, ...Object.keys(env).filter((name) => BINDING.test(name) && isD1(Reflect.get(env, name)))]);
  const results = await Promise.allSettled(
    [...bindings].map(async (binding) => {
      const d1: unknown = Reflect.get(env, binding);
      if (!isD1(d1)) throw new Error(`no D1 binding ${binding}`);
      try {
        await work(d1, binding);
      } catch (error) {
        // The error and D1's own message (its cause), never query parameters (src/db/client.ts guarded).
        const cause = error instanceof Error && error.cause !== undefined ? String(error.cause) : undefined;
        console.error(
          JSON.stringify({ level: 'error', message: 'failed in one database', database: binding, error: String(error), cause }),
        );
        throw error;
      }
    }),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
