/**
 * In place of drizzle-orm's `cache/core/cache.js` in the Worker's bundle (wrangler.toml
 * `[alias]`): the app hands drizzle no query cache (src/db/client.ts), so drizzle's sessions use
 * its NoopCache, kept here as drizzle has it, and never hash a query for a cache key. The hash
 * says so if it ever were reached. test/node/no-constraints.test.ts holds it to drizzle's module.
 */
import { entityKind } from 'drizzle-orm/entity';

export class Cache {
  static readonly [entityKind]: string = 'Cache';
}

export class NoopCache extends Cache {
  static override readonly [entityKind]: string = 'NoopCache';
  strategy() {
    return 'all' as const;
  }
  async get(_key: string): Promise<undefined> {
    return undefined;
  }
  async put(_hashedQuery: string, _response: unknown, _tables: string[], _config?: unknown): Promise<void> {}
  async onMutate(_params: unknown): Promise<void> {}
}

export async function hashQuery(_sql: string, _params?: unknown[]): Promise<string> {
  throw new Error('not part of this build');
}
