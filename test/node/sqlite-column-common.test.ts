// drizzle-orm's SQLite column base classes as wrangler.toml's [alias] puts them in the Worker's
// bundle (src/generated/sqlite-column-common.js, written by scripts/lib/drizzle-dialect.mjs from
// the installed drizzle-orm): drizzle's module member for member, but for the builder's
// references(), unique() and generatedAlwaysAs(), which the app never calls, and its
// buildForeignKeys() as the empty list a column without references gives; its imports are the
// same files or the bundle's stand-ins, its column builder's base drizzle's ColumnBuilder without
// $type, $defaultFn and $onUpdateFn (src/generated/drizzle-column-builder.js); and the columns
// built for the schema are drizzle's.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COLUMN_FIELDS_LEFT_OUT } from '../../scripts/lib/drizzle-column.mjs';
import {
  COLUMN_BUILDER_CONFIG,
  COLUMN_BUILDER_LEFT_OUT,
  COLUMN_CONFIG_LEFT_OUT,
  COLUMN_CONFIG_WRITES,
  COLUMN_FOREIGN_KEYS_LEFT_OUT,
  COLUMN_LEFT_OUT,
  COLUMN_STAND_INS,
  COLUMN_UNIQUE_NAME,
  DIALECT_LEFT_OUT,
  GENERATED,
  trimColumnBuilder,
  trimColumnCommon,
} from '../../scripts/lib/drizzle-dialect.mjs';
import { bundledDrizzle, drizzle, root, sourceCode, sources } from './drizzle-files';

const generatedPath = join(root, 'src', 'generated', 'sqlite-column-common.js');
const generated = () => readFileSync(generatedPath, 'utf8');
const original = () => drizzle('sqlite-core/columns/common.js');
const builderPath = join(root, 'src', 'generated', 'drizzle-column-builder.js');

/** Each class's members as text, by class and member name (a constructor as `constructor`). */
function members(text: string): Map<string, string> {
  const source = ts.createSourceFile('common.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = new Map<string, string>();
  for (const statement of source.statements)
    if (ts.isClassDeclaration(statement) && statement.name)
      for (const member of statement.members)
        found.set(
          `${statement.name.text}.${member.name?.getText(source) ?? (ts.isConstructorDeclaration(member) ? 'constructor' : member.getText(source))}`,
          member.getText(source),
        );
  return found;
}

describe('src/generated/sqlite-column-common.js, in place of drizzle-orm/sqlite-core/columns/common.js in the bundle', () => {
  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale)', () => {
    expect(generated()).toBe(trimColumnCommon(original()));
    expect(() => trimColumnCommon(original().replace('  unique(name) {', '  unique2(name) {'))).toThrow(/has 0 methods unique/);
  });

  it('wrangler.toml aliases the text by which drizzle imports it, which only drizzle\u2019s column modules have; the app imports it itself', () => {
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"./common.js" = "./src/generated/sqlite-column-common.js"');
    const users = bundledDrizzle().filter((path) => /from "\.\/common\.js"/.test(drizzle(path)));
    expect(users.length).toBeGreaterThan(3);
    for (const path of users) expect(path).toMatch(/^sqlite-core\/columns\/[\w-]+\.js$/);
    // (The app's own modules import by their own texts: the Workers tests apply the aliases to node_modules only.)
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/')))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from '\.\/common\.js'|columns\/common'/);
    expect(readFileSync(join(root, 'src', 'db', 'plain-columns.ts'), 'utf8')).toContain("from '../generated/sqlite-column-common.js';");
  });

  it("is drizzle's module member for member, but for the methods left out, its references' and SQLiteColumn's unique name", () => {
    const before = members(original());
    const after = members(generated());
    const gone = [...before.keys()].filter((key) => !after.has(key));
    expect(gone.sort()).toEqual([...COLUMN_LEFT_OUT, ...COLUMN_FOREIGN_KEYS_LEFT_OUT].map((name) => `SQLiteColumnBuilder.${name}`).sort());
    for (const [key, text] of after)
      expect(text, key).toBe(key === 'SQLiteColumn.constructor' ? before.get(key)?.replace(COLUMN_UNIQUE_NAME, '') : before.get(key));
    // SQLiteColumn's constructor but for its unique name, which only the Column's uniqueName read
    // (drizzle-kit's; the bundle's Column has none: drizzle-column.test.ts); the schema declares no unique column.
    expect(before.get('SQLiteColumn.constructor')).toContain(COLUMN_UNIQUE_NAME);
    expect(COLUMN_FIELDS_LEFT_OUT).toContain('uniqueName');
    expect(generated()).not.toMatch(/uniqueName|uniqueKeyName/);
    // drizzle's buildForeignKeys maps the list only references() (left out) fills, and only
    // sqliteTable() calls it, which the bundle's no longer does (drizzle-table.test.ts).
    expect(before.get('SQLiteColumnBuilder.buildForeignKeys')).toMatch(
      /^buildForeignKeys\(column, table\) \{\n {4}return this\.foreignKeyConfigs\.map\(/,
    );
    expect(original().match(/foreignKeyConfigs\.push/g)).toHaveLength(1);
    expect(before.get('SQLiteColumnBuilder.references')).toContain('this.foreignKeyConfigs.push(');
    const bundled = [
      ...bundledDrizzle()
        .filter((file) => !['sqlite-core/columns/common.js', 'sqlite-core/table.js'].includes(file))
        .map((file) => drizzle(file)),
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => readFileSync(join(root, 'src', 'generated', name), 'utf8')),
    ];
    // (Outside these two, only other drivers' and drizzle-kit's modules: sqlite-core/utils.js's getTableConfig reads a table's list.)
    expect(bundled.filter((text) => /\.buildForeignKeys\(|\.foreignKeyConfigs\b/.test(text))).toEqual([]);
    const tail = (text: string) => text.slice(text.indexOf('export {')).replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    expect(tail(generated())).toBe(tail(original()));
  });

  it("imports drizzle's own files, or the bundle's stand-ins of its constraints", () => {
    const commonUrl = pathToFileURL(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'columns', 'common.js'));
    for (const [, from = ''] of original().matchAll(/ from "([^"]+)";/g)) {
      const standIn = COLUMN_STAND_INS[from];
      if (from === '../../column-builder.js') {
        // drizzle's column builder, without what the app never calls (below).
        expect(standIn).toBe('./drizzle-column-builder.js');
        expect(generated()).toContain(` from "${standIn}";`);
        continue;
      }
      if (standIn) {
        expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain(`"${from}" = "./src/db/no-constraints.ts"`);
        continue;
      }
      const specifier = `drizzle-orm/${from.replace(/^\.\.\/\.\.\//, '').replace(/\.js$/, '')}`;
      // drizzle's Column as the bundle has it (src/generated/drizzle-column.js, test/node/drizzle-column.test.ts).
      expect(generated()).toContain(` from "${GENERATED[specifier] ?? specifier}";`);
      expect(realpathSync(fileURLToPath(import.meta.resolve(specifier))), from).toBe(realpathSync(fileURLToPath(new URL(from, commonUrl))));
    }
  });

  it("its column builder's base is drizzle's ColumnBuilder member for member, but for $type, $defaultFn, $default, $onUpdateFn and $onUpdate and the config's keys nothing reads", async () => {
    const builder = readFileSync(builderPath, 'utf8');
    expect(builder).toBe(trimColumnBuilder(drizzle('column-builder.js')));
    expect(() => trimColumnBuilder(drizzle('column-builder.js').replace('  $type() {', '  $type2() {'))).toThrow(/has 0 members \$type/);
    const before = members(drizzle('column-builder.js'));
    const after = members(builder);
    expect([...before.keys()].filter((key) => !after.has(key)).sort()).toEqual(
      COLUMN_BUILDER_LEFT_OUT.map((name) => `ColumnBuilder.${name}`).sort(),
    );
    // (The constructor but for the keys of its config only drizzle-kit and the other dialects read,
    // and notNull(), default() and primaryKey() but for their lines that set three of those keys.)
    const written: string[] = [];
    for (const [key, text] of after)
      expect(text, key).toBe(
        key === 'ColumnBuilder.constructor'
          ? before.get(key)?.replace(COLUMN_BUILDER_CONFIG.from.trimStart(), COLUMN_BUILDER_CONFIG.to.trimStart())
          : before.get(key)?.replace(COLUMN_CONFIG_WRITES, (line) => {
              written.push(`${key}: ${line.trim()}`);
              return '';
            }),
      );
    expect(written).toEqual([
      'ColumnBuilder.notNull: this.config.notNull = true;',
      'ColumnBuilder.default: this.config.hasDefault = true;',
      'ColumnBuilder.primaryKey: this.config.primaryKey = true;',
      'ColumnBuilder.primaryKey: this.config.notNull = true;',
    ]);
    expect(builder).toContain('  default(value) {\n    this.config.default = value;\n    return this;\n  }');
    expect(before.get('ColumnBuilder.constructor')).toContain(COLUMN_BUILDER_CONFIG.from.trimStart());
    const keys = (text: string) => [...text.matchAll(/^ {6}(\w+)/gm)].map(([, key]) => key);
    expect(keys(COLUMN_BUILDER_CONFIG.from).filter((key) => !keys(COLUMN_BUILDER_CONFIG.to).includes(key))).toEqual(COLUMN_CONFIG_LEFT_OUT);
    // Nothing in the bundle reads them of a config: not the generated modules, nor the app's stand-ins.
    for (const file of [
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(root, 'src', 'generated', name)),
      ...sources('src/db').map((path) => join(root, path)),
    ])
      for (const key of COLUMN_CONFIG_LEFT_OUT)
        expect(readFileSync(file, 'utf8'), `${file} ${key}`).not.toMatch(new RegExp(`config\\??\\.${key}\\b(?!\\s*=[^=])`));
    const tail = (text: string) => text.slice(text.indexOf('export {')).replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    expect(tail(builder)).toBe(tail(drizzle('column-builder.js')));
    expect(builder).toContain('import { entityKind } from "drizzle-orm/entity";');
    // Only drizzle's own column-builder.js sets a column's defaultFn or onUpdateFn (its sqlite-core never does).
    for (const path of bundledDrizzle().filter((file) => file !== 'column-builder.js'))
      expect(drizzle(path), path).not.toMatch(/config\.(defaultFn|onUpdateFn) =/);
    // So the dialect's branches that call them are left out (scripts/lib/drizzle-dialect.mjs): the
    // insert's, and the update's filter of its columns and its value of a column's onUpdateFn.
    expect(Object.values(DIALECT_LEFT_OUT).filter((text) => /defaultFn|onUpdateFn/.test(text))).toHaveLength(4);
    // The schema's columns, built with the bundle's builders: none has either, as with drizzle's.
    const { contacts, contactVersions, assetUsage, importStaging } = await import('../../src/db/schema');
    for (const table of [contacts, contactVersions, assetUsage, importStaging])
      for (const column of Object.values(table as unknown as Record<string, { defaultFn?: unknown; onUpdateFn?: unknown }>)) {
        expect(column.defaultFn).toBeUndefined();
        expect(column.onUpdateFn).toBeUndefined();
      }
  });

  it('leaves out only what the app never calls, and builds the same columns for the schema', async () => {
    for (const file of sources('src')) {
      const text = sourceCode(file);
      expect(text, file).not.toMatch(/\.(references|unique|generatedAlwaysAs)\(/);
      expect(text, file).not.toMatch(/\.\$(type|defaultFn|default|onUpdateFn|onUpdate)\b/);
    }
    const ours = await import(pathToFileURL(generatedPath).href);
    const Base = ours.SQLiteColumnBuilder as unknown as new (...args: unknown[]) => object;
    const builder = new (class extends Base {})('name', 'string', 'SQLiteText');
    expect(['buildForeignKeys' in builder, 'foreignKeyConfigs' in builder]).toEqual([false, false]);
    // The schema's tables, built with the bundle's columns (src/db/plain-columns.ts): no foreign keys, as drizzle's.
    const { contacts, contactVersions, assetUsage, importStaging } = await import('../../src/db/schema');
    const inlineForeignKeys = Symbol.for('drizzle:SQLiteInlineForeignKeys');
    for (const table of [contacts, contactVersions, assetUsage, importStaging])
      expect((table as unknown as Record<symbol, unknown[]>)[inlineForeignKeys]).toEqual([]);
  });
});
