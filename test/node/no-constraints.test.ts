// The stand-ins wrangler.toml's [alias] puts in place of drizzle-orm's SQLite constraint builders
// (src/db/no-constraints.ts), its tracer (src/db/no-tracing.ts) and its query cache
// (src/db/no-cache.ts) in the Worker's bundle: each exports every name drizzle's modules import
// from it, answers as drizzle does where the app reaches it, and the alias names exactly the
// imports drizzle makes. The Workers tests (vitest.config.ts applies the same aliases), the e2e
// suite and the bench run with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { NoopCache as DrizzleNoopCache } from 'drizzle-orm/cache/core';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { uniqueKeyName as drizzleUniqueKeyName } from 'drizzle-orm/sqlite-core/unique-constraint';
import { describe, expect, it } from 'vitest';
import * as cache from '../../src/db/no-cache';
import * as constraints from '../../src/db/no-constraints';
import { tracer } from '../../src/db/no-tracing';
import * as schema from '../../src/db/schema';
import { asBundled, bundledDrizzle, drizzle, root } from './drizzle-files';

const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
const exportsOf = (file: string) =>
  (/export \{([^}]*)\}/.exec(drizzle(file))?.[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];
// drizzle's tracer module has no type declarations of its own.
const { tracer: drizzleTracer } = (await import('drizzle-orm/tracing')) as unknown as { tracer: typeof tracer };

describe('src/db/no-constraints.ts, in place of drizzle-orm/sqlite-core\u2019s constraint builders in the bundle', () => {
  it('exports every name of the four modules, which the aliases replace as drizzle imports them', () => {
    const files = ['indexes.js', 'primary-keys.js', 'foreign-keys.js', 'unique-constraint.js'];
    const names = files.flatMap((file) => exportsOf(`sqlite-core/${file}`));
    expect(names).toContain('uniqueIndex');
    expect(Object.keys(constraints).sort()).toEqual([...names].sort());
    for (const file of files) expect(toml).toContain(`"./${file}" = "./src/db/no-constraints.ts"`);
    expect(toml).toContain('"../foreign-keys.js" = "./src/db/no-constraints.ts"');
    expect(toml).toContain('"../unique-constraint.js" = "./src/db/no-constraints.ts"');
    // Who imports them by these names: the sqlite-core index, its utils (getTableConfig, for
    // drizzle-kit) and the columns (a foreign key only for `.references()`, the unique name always).
    expect(drizzle('sqlite-core/columns/common.js')).toContain('import { ForeignKeyBuilder } from "../foreign-keys.js";');
    expect(drizzle('sqlite-core/columns/common.js')).toContain('import { uniqueKeyName } from "../unique-constraint.js";');
    expect(() => constraints.index()).toThrow(/not part of this build/);
    expect(() => new constraints.ForeignKeyBuilder()).toThrow(/not part of this build/);
  });

  it('names every column\u2019s unique constraint as drizzle does, the one thing a column asks of them as it is built', () => {
    expect(tables.map((table) => getTableConfig(table).name).sort()).toEqual([
      'asset_usage',
      'contact_versions',
      'contacts',
      'import_staging',
    ]);
    for (const table of tables)
      for (const column of Object.values(getTableConfig(table).columns))
        expect(constraints.uniqueKeyName(table as never, [column.name])).toBe(drizzleUniqueKeyName(table, [column.name]));
  });

  it('is reached only by drizzle-kit: the schema builds them in its tables\u2019 extra-config callbacks, left out of the Worker\u2019s build', () => {
    const text = readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8');
    expect(text).not.toMatch(/\.references\(|\.unique\(|foreignKey\(|\bunique\(/);
    // drizzle-kit (and these tests) see every index and key the migrations were written from …
    const indexes = tables.flatMap((table) => getTableConfig(table).indexes.map((index) => index.config.name));
    expect(indexes.sort()).toEqual([
      'contact_versions_asset_created',
      'contacts_asset_create_token',
      'contacts_asset_deleted',
      'contacts_asset_group',
      'contacts_asset_import',
      'contacts_asset_key_format',
      'contacts_asset_list',
      'contacts_asset_warranty',
      'import_staging_asset',
    ]);
    expect(getTableConfig(schema.contactVersions).primaryKeys).toHaveLength(1);
    // … which the Worker's build folds away: each callback tests the define itself, in both environments.
    expect(text.match(/\(table\) =>\s+\(?globalThis\.KONTAKTE_WORKER\s+\?\s+\[\]\s+:\s+\[/g)).toHaveLength(3);
    expect(toml.match(/^define = \{ "globalThis\.KONTAKTE_WORKER" = "true" \}$/gm)).toHaveLength(2);
  });
});

describe('src/db/no-tracing.ts, in place of drizzle-orm/tracing in the bundle', () => {
  it('runs the function as drizzle\u2019s tracer does without OpenTelemetry, and stands in for its one import', () => {
    expect(tracer.startActiveSpan('drizzle.operation', () => 42)).toBe(drizzleTracer.startActiveSpan('drizzle.operation', () => 42));
    const thrown = new Error('x');
    expect(() =>
      tracer.startActiveSpan('drizzle.operation', () => {
        throw thrown;
      }),
    ).toThrow(thrown);
    expect(drizzle('tracing.js')).toMatch(/let otel;\n/);
    expect(drizzle('tracing.js')).not.toMatch(/otel = /);
    expect(exportsOf('tracing.js')).toEqual(['tracer']);
    expect(drizzle('sql/sql.js')).toContain('import { tracer } from "../tracing.js";');
    expect(toml).toContain('"../tracing.js" = "./src/db/no-tracing.ts"');
  });
});

describe('src/db/no-cache.ts, in place of drizzle-orm/cache/core/cache in the bundle', () => {
  it('has drizzle\u2019s NoopCache, as its sessions check for it, and its exports', async () => {
    expect(Object.keys(cache).sort()).toEqual(exportsOf('cache/core/cache.js').sort());
    const noop = new cache.NoopCache();
    expect(is(noop, DrizzleNoopCache)).toBe(true);
    expect(is(new DrizzleNoopCache(), cache.NoopCache)).toBe(true);
    // Its methods, none here: nothing in the bundle calls a cache's (the sessions run a query
    // as drizzle does without a cache and refuse any cache: test/node/sqlite-session.test.ts).
    expect(Object.getOwnPropertyNames(cache.NoopCache.prototype)).toEqual(['constructor']);
    expect(Object.getOwnPropertyNames(DrizzleNoopCache.prototype).sort()).toEqual(['constructor', 'get', 'onMutate', 'put', 'strategy']);
    for (const path of bundledDrizzle()) {
      // (The D1 driver hands a cache the app gives to the database's $cache; the app gives none, below.)
      const text = asBundled(path).replace('db.$cache["invalidate"] = config.cache?.onMutate;', '');
      expect(text, path).not.toMatch(/\.(strategy|onMutate)\b|cache\??\.(get|put)\(/);
    }
    // (drizzle's; the bundle's driver throws for a cache instead: test/node/d1-driver.test.ts.)
    expect(drizzle('d1/driver.js')).toContain('db.$cache["invalidate"] = config.cache?.onMutate;');
    expect(asBundled('d1/driver.js')).not.toContain('$cache');
    await expect(cache.hashQuery('select 1', [])).rejects.toThrow(/not part of this build/);
    expect(drizzle('sqlite-core/session.js')).toContain('import { hashQuery, NoopCache } from "../cache/core/cache.js";');
    expect(toml).toContain('"../cache/core/cache.js" = "./src/db/no-cache.ts"');
    // The app hands drizzle no cache (and the bundle's D1 session makes none: scripts/lib/drizzle-dialect.mjs CACHE_LEFT_OUT).
    expect(readFileSync(join(root, 'src', 'db', 'client.ts'), 'utf8')).not.toMatch(/\bcache\s*:/);
  });
});
