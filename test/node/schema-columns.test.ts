// src/db/schema.ts's columns as the Worker builds them and as drizzle-kit reads them: requiredText,
// requiredInteger and blankText are `text(name).notNull()`, `integer(name).notNull()` and
// `….notNull().default('')` for drizzle-kit (the migrations' snapshot is the schema's: no
// statement to generate), and in the Worker's build (globalThis.KONTAKTE_WORKER) the same columns
// without the notNull() call, which there does nothing: drizzle's column builder of the bundle
// (src/generated/drizzle-column-builder.js) returns itself unchanged and its columns keep no notNull.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema';
import { root } from './drizzle-files';

const tablesOf = (module: object) => Object.values(module).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];
const columnsOf = (module: object) =>
  tablesOf(module).flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.map((column) => ({
      table: config.name,
      name: column.name,
      notNull: column.notNull,
      default: column.default,
      primary: column.primary,
      type: column.getSQLType(),
    }));
  });

describe("src/db/schema.ts's required columns", () => {
  it("are NOT NULL for drizzle-kit, as the migrations' last snapshot has them: nothing to generate", async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const snapshots = readdirSync(join(root, 'migrations', 'meta'))
      .filter((file) => file.endsWith('_snapshot.json'))
      .sort();
    const last = JSON.parse(readFileSync(join(root, 'migrations', 'meta', snapshots.at(-1) ?? ''), 'utf8'));
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>);
    expect(await generateSQLiteMigration(last, current)).toEqual([]);
    const nullable = columnsOf(schema)
      .filter((column) => !column.notNull)
      .map((column) => `${column.table}.${column.name}`);
    expect(nullable.sort()).toEqual(['contacts.create_token', 'contacts.deleted_at', 'contacts.import_id', 'import_staging.done_token']);
  });

  it("are in the Worker's build the same columns but for notNull, which the bundle's column builder never sets", async () => {
    globalThis.KONTAKTE_WORKER = true;
    let worker: object;
    try {
      worker = await import(`${pathToFileURL(join(root, 'src', 'db', 'schema.ts')).href}?built-for-the-worker`);
    } finally {
      globalThis.KONTAKTE_WORKER = undefined;
    }
    const kit = columnsOf(schema);
    const built = columnsOf(worker);
    expect(built.map(({ notNull, ...rest }) => rest)).toEqual(kit.map(({ notNull, ...rest }) => rest));
    // (drizzle's own builder, which this test imports, sets notNull only when asked: the Worker's asks it of none.)
    expect(built.filter((column) => column.notNull && !column.primary)).toEqual([]);
    const { ColumnBuilder } = await import(pathToFileURL(join(root, 'src', 'generated', 'drizzle-column-builder.js')).href);
    const builder = new ColumnBuilder('x', 'string', 'SQLiteText');
    const config = structuredClone(builder.config);
    expect(builder.notNull()).toBe(builder);
    expect(builder.config).toEqual(config);
    const column = readFileSync(join(root, 'src', 'generated', 'drizzle-column.js'), 'utf8');
    expect(column).not.toMatch(/notNull/);
  });
});
