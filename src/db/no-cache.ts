/**
 * In place of drizzle-orm's `cache/core/cache.js` in the Worker's bundle (wrangler.toml
 * `[alias]`): the app hands drizzle no query cache (src/db/client.ts), so drizzle's sessions use
 * its NoopCache, and never hash a query for a cache key. The hash says so if it ever were reached.
 * The bundle's sessions only test a cache for being the NoopCache (drizzle's `is`, by its entity
 * kind) and then run the query as it is: they call none of a cache's methods (its strategy, get,
 * put and onMutate are for another cache, which src/generated/sqlite-session.js refuses), so the
 * NoopCache here has none (25 B gzip, stop 74). test/node/no-constraints.test.ts holds it to
 * drizzle's module.
 */
import { entityKind } from 'drizzle-orm/entity';

export class Cache {
  static readonly [entityKind]: string = 'Cache';
}

export class NoopCache extends Cache {
  static override readonly [entityKind]: string = 'NoopCache';
}

export async function hashQuery(_sql: string, _params?: unknown[]): Promise<string> {
  throw new Error('not part of this build');
}
