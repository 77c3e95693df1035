import type { Bindings } from '../env';

/**
 * One D1 database per tenant where one database is not enough (docs/architecture.md, "Where one
 * database binds"). A tenant is a property developer and its apartments; the platform names it
 * per asset in the session token (`assets[].tenant`, docs/contract.md §2), and the var
 * `TENANT_DATABASES` maps tenants to D1 bindings, e.g. `{"seeblick": "DB_SEEBLICK"}`. An asset
 * without a tenant, or of a tenant not in the map, lives in `DB`. Moving a tenant is a change of
 * this map (after its assets are copied: docs/architecture.md, "How a tenant moves").
 */

/** The default database's binding. */
export const DEFAULT_DATABASE = 'DB';
/** The binding names the map may use: `DB_` and capitals, digits, underscores. */
const BINDING = /^DB_[A-Z0-9_]{1,60}$/;

let parsed: { raw: string; map: Map<string, string> } | undefined;

/**
 * The tenant map of `TENANT_DATABASES` (parsed once per isolate and value). A map that is not
 * a JSON object of tenant names to `DB_…` binding names is a configuration error: thrown, so
 * no request is served from a database it did not mean (`npm run deploy` checks it before).
 */
export function tenantDatabases(raw = ''): Map<string, string> {
  if (parsed?.raw === raw) return parsed.map;
  const value: unknown = raw.trim() ? JSON.parse(raw) : {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('TENANT_DATABASES: not a JSON object');
  const map = new Map<string, string>();
  for (const [tenant, binding] of Object.entries(value)) {
    if (typeof binding !== 'string' || !BINDING.test(binding)) throw new Error(`TENANT_DATABASES: ${tenant} maps to no DB_… binding name`);
    map.set(tenant, binding);
  }
  parsed = { raw, map };
  return map;
}

/** A binding of the env by name, checked to be a D1 database (a missing one is a configuration error). */
function d1Named(env: Bindings, binding: string): D1Database {
  const d1: unknown = Reflect.get(env, binding);
  if (typeof d1 !== 'object' || d1 === null || !('withSession' in d1)) throw new Error(`TENANT_DATABASES: no D1 binding ${binding}`);
  return d1 as D1Database;
}

/** The database of an asset of `tenant`, and its binding's name. */
export function databaseOf(env: Bindings, tenant: string | undefined): { binding: string; d1: D1Database } {
  const binding = (tenant !== undefined && tenantDatabases(env.TENANT_DATABASES).get(tenant)) || DEFAULT_DATABASE;
  return { binding, d1: d1Named(env, binding) };
}

/**
 * Every database the Worker serves (the default first), for what works by asset id alone or on
 * all assets: the platform's wipe and anonymise (an asset is cleared wherever it is, also in the
 * old database of a tenant that moved) and the daily purge.
 */
export function allDatabases(env: Bindings): { binding: string; d1: D1Database }[] {
  const bindings = new Set([DEFAULT_DATABASE, ...tenantDatabases(env.TENANT_DATABASES).values()]);
  return [...bindings].map((binding) => ({ binding, d1: d1Named(env, binding) }));
}
