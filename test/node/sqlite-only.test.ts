// The two stand-ins wrangler.toml's [alias] puts in place of drizzle-orm's Postgres imports in the
// Worker's bundle (src/db/sqlite-only.ts) answer as drizzle's originals do, and the alias names
// exactly the imports drizzle makes. That the bundle then holds no Postgres classes is checked
// in bundle.test.ts; the e2e suite and the bench run that bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { is, sql } from 'drizzle-orm';
import { PrimaryKeyBuilder as PgPrimaryKeyBuilder, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { isPgEnum as drizzleIsPgEnum } from 'drizzle-orm/pg-core/columns/enum';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { isPgEnum, PrimaryKeyBuilder } from '../../src/db/sqlite-only';

const root = join(import.meta.dirname, '..', '..');

describe('src/db/sqlite-only.ts, in place of drizzle-orm/pg-core in the bundle', () => {
  it('isPgEnum answers as drizzle does for an enum, the parts of a SQLite query, and anything else', () => {
    const mood = pgEnum('mood', ['sad', 'ok']);
    const table = sqliteTable('t', { id: integer('id') });
    const candidates: unknown[] = [mood, table, table.id, sql`x`, sql.placeholder('asset'), 'text', 1, null, undefined, () => 0, {}];
    for (const candidate of candidates) expect(isPgEnum(candidate)).toBe(drizzleIsPgEnum(candidate));
    expect(isPgEnum(mood)).toBe(true);
  });

  it('is(…, PrimaryKeyBuilder) finds a Postgres primary key and nothing of SQLite, as with the original class', () => {
    const users = pgTable('users', { a: text('a'), b: text('b') });
    const key = primaryKey({ columns: [users.a, users.b] });
    expect(key).toBeInstanceOf(PgPrimaryKeyBuilder);
    expect(is(key, PrimaryKeyBuilder)).toBe(true);
    const table = sqliteTable('t', { id: integer('id') });
    for (const other of [table, table.id, sql`x`, {}]) {
      expect(is(other, PrimaryKeyBuilder)).toBe(false);
      expect(is(other, PgPrimaryKeyBuilder)).toBe(false);
    }
  });

  it('wrangler.toml puts the module in place of exactly the two imports drizzle makes', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    const drizzle = (file: string) => readFileSync(join(root, 'node_modules', 'drizzle-orm', file), 'utf8');
    // If drizzle renames or moves these imports, the alias no longer matches and the bundle grows
    // (the size guard in bundle.test.ts would tell); this says which of them changed.
    expect(drizzle('sql/sql.js')).toContain('import { isPgEnum } from "../pg-core/columns/enum.js";');
    expect(drizzle('relations.js')).toContain('import { PrimaryKeyBuilder } from "./pg-core/primary-keys.js";');
    expect(toml).toContain('"../pg-core/columns/enum.js" = "./src/db/sqlite-only.ts"');
    expect(toml).toContain('"./pg-core/primary-keys.js" = "./src/db/sqlite-only.ts"');
  });
});
