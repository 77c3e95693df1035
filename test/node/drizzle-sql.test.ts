// drizzle-orm's SQL builder as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/drizzle-sql.js, written by scripts/lib/drizzle-sql.mjs from the installed
// drizzle-orm): drizzle's sql/sql.js but for the texts SQL_LEFT_OUT names (views, subqueries,
// enums, an index's columns, typings and inlined parameters, sql.empty(), sql.fromList(), an
// aliased SQL's clone(), the tables an SQL names) and with SQL_EDITS (a parameter's typings,
// ["none"], which nothing reads; a table's and a column's name without a schema's prefix or an
// alias's branch), and nothing in the bundle reaches them; the same SQL and parameters for the same query.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { SQL_EDITS, SQL_LEFT_OUT, trimSql } from '../../scripts/lib/drizzle-sql.mjs';
import * as schema from '../../src/db/schema';
import { asBundled, bundledDrizzle, drizzle, root, sources } from './drizzle-files';

const original = () => drizzle('sql/sql.js');
const generatedPath = join(root, 'src', 'generated', 'drizzle-sql.js');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const TEXTS = ['../sql/sql.js', '../../sql/sql.js', './sql/sql.js', '../sql.js', './sql.js'];

describe('src/generated/drizzle-sql.js, in place of drizzle-orm/sql/sql.js in the bundle', () => {
  it("wrangler.toml aliases every text by which drizzle's modules import it, and only drizzle's sql.js answers those texts", () => {
    for (const text of TEXTS) expect(toml()).toContain(`"${text}" = "./src/generated/drizzle-sql.js"`);
    for (const file of bundledDrizzle()) {
      for (const [, from = ''] of drizzle(file).matchAll(/ from "([^"]+)";/g)) {
        if (!TEXTS.includes(from)) continue;
        expect(new URL(from, pathToFileURL(`/x/${file}`)).pathname, `${file}: ${from}`).toBe('/x/sql/sql.js');
      }
    }
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from '\.\.?\/(sql\/)?sql\.js'/);
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimSql(original()));
    expect(() => trimSql(original().replace('sql2.empty = empty;', 'sql2.empty2 = empty;'))).toThrow(/sql\.empty\(\) found 0 times/);
    expect(() => trimSql(`${original()}\nif (is(chunk, View)) {}\n`)).toThrow(/more of what is left out/);
  });

  it("is drizzle's module but for the texts left out, each a whole statement or member, and its imports", () => {
    const body = (text: string) =>
      text
        .replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n')
        .split('\n')
        .filter((line) => !/^(import |\/\/ Generated )/.test(line))
        .join('\n');
    let theirs = body(original());
    for (const left of Object.values(SQL_LEFT_OUT)) {
      const text = typeof left === 'string' ? left : (theirs.match(left as RegExp)?.[0].slice(1) ?? '');
      expect(text.length).toBeGreaterThan(0);
      // A whole statement or member: it opens and closes at one indent; or a name of the module's exports.
      const lines = text.trimEnd().split('\n');
      const indent = /^ */.exec(lines.find((line) => !/^(\/\*\*|\*)/.test(line.trim())) ?? '')?.[0] ?? '';
      if (lines.length === 1 && /^ {2}\w+,$/.test(lines[0] ?? ''))
        expect(theirs).toMatch(new RegExp(`\\nexport \\{\\n(  \\w+,\\n)*${lines[0]}\\n`));
      else expect(lines.at(-1), text).toMatch(new RegExp(`^${indent}(\\}|\\}\\);|\\};|(sql2\\.)?\\w+ = (\\w+|\\[\\]);)$`));
      theirs = theirs.replace(text, '');
    }
    for (const { name, from, to, count } of SQL_EDITS) {
      expect(theirs.split(from)).toHaveLength(count + 1);
      if (name.includes('tracer')) {
        // The span's function's build, returned as it is (what the bundle's tracer does: below).
        expect(from).toBe(
          `    return tracer.startActiveSpan("drizzle.buildSQL", (span) => {\n      const query = ${to.trim().slice('return '.length)}\n      return query;\n    });`,
        );
      } else if (name.includes('inlined parameters')) {
        // An edit of inlined parameters leaves out the flag's lines (and prepareTyping's), or gives the config on as it is.
        const given = from.replace(/\{\n {10}\.\.\.config,\n {10}inlineParams: [^\n]*\n {8}\}/, 'config');
        expect(given !== from ? given : from.replace(/^ *(inlineParams: [^\n]*|prepareTyping,|inlineParams,)\n/gm, '')).toBe(to);
        expect(to).not.toMatch(/nlineParams|prepareTyping/);
      } else if (name.includes('typings')) {
        // A typings edit leaves out a parameter's typings and nothing else.
        expect(from.replace(/, typings(: \["none"\])?(?= \})| *let typings = \["none"\];\n/, '')).toBe(to);
      } else {
        // A schema's edit keeps drizzle's lines but the schema's name, and of the name's
        // conditional, the answer for a table without a schema that is no alias.
        const [, answer = ''] = /\n {10}sql: (.+),$/.exec(to) ?? [];
        expect(answer.length).toBeGreaterThan(0);
        const condition = /(schemaName === void 0 \|\| chunk\[IsAlias\]|chunk\.table\[IsAlias\] \|\| schemaName === void 0)/.source;
        expect(from).toContain(`\n          sql: ${from.match(new RegExp(condition))?.[0]} ? ${answer} : `);
        const kept = from.split('\n').filter((line) => !/const schemaName = |^ {10}sql: /.test(line));
        expect(to.split('\n').filter((line) => !/^ {10}sql: /.test(line))).toEqual(kept);
      }
      theirs = theirs.replaceAll(from, to);
    }
    expect(body(generated())).toBe(theirs);
  });

  it('leaves out only what nothing in the bundle reaches', async () => {
    const files = [
      ...bundledDrizzle().map((file) => [file, drizzle(file)]),
      ...sources('src').map((file) => [file, readFileSync(join(root, file), 'utf8')]),
    ];
    for (const [file, text = ''] of files) {
      // (A view's builder, sqlite-core/view.js, inlines its query's parameters: the app makes no view, bundle.test.ts.)
      if (file === 'sql/sql.js' || file === 'sqlite-core/view.js' || file?.startsWith('src/generated/drizzle-sql')) continue;
      expect(text, file).not.toMatch(/\bsqliteView\(/);
      expect(text, file).not.toMatch(
        /\.inlineParams\(\)|inlineParams: true|\binlineParams:|shouldInlineParams|sql\.(empty|fromList)\(|prepareTyping|\bFakePrimitiveParam\b|\bnoopMapper\b/,
      );
    }
    // Nor a wrapper that is written without parentheses: only Postgres's and Gel's schemas are (not in the bundle).
    const omitting = (await import('node:fs'))
      .readdirSync(join(root, 'node_modules', 'drizzle-orm'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.js') && /shouldOmitSQLParens\(\)\s*\{/.test(drizzle(file)))
      .sort();
    expect(omitting).toEqual(['gel-core/schema.js', 'pg-core/schema.js']);
    for (const file of omitting) expect(bundledDrizzle()).not.toContain(file);
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/shouldOmitSQLParens/);
    expect(generated()).not.toMatch(/shouldOmitSQLParens/);
    // Nor a query's typings: the only modules of the bundle that name them are the builders'
    // toSQL(), which drop them (no SQLite dialect has prepareTyping), and the app names none.
    for (const file of bundledDrizzle().filter((path) => path !== 'sql/sql.js')) {
      const text = asBundled(file).replaceAll('const { typings: _typings, ...rest } = this.dialect.sqlToQuery(this.getSQL());', '');
      expect(text, file).not.toMatch(/typings/);
    }
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/')))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/typings/);
    // Nor an SQL's list of the tables it names: only sqlite-core/utils.js's extractUsedTable()
    // reads it, for a select's cache and its subqueries, which the bundle's builders leave out.
    for (const file of bundledDrizzle().filter((path) => !['sql/sql.js', 'sqlite-core/utils.js'].includes(path)))
      expect(asBundled(file).replace(/^import .*$/gm, ''), file).not.toMatch(/\.usedTables\b|extractUsedTable\(/);
    // A table's schema or alias: SQLite's tables have none (sqlite-core/table.js makes each without
    // a schema; only drizzle's alias proxies, src/db/no-alias.ts in the bundle, answer IsAlias).
    const tableJs = drizzle('sqlite-core/table.js');
    expect(tableJs.match(/sqliteTableBase\((?:[^()]|\([^()]*\))*\)/g)).toEqual([
      'sqliteTableBase(name, columns, extraConfig, schema, baseName = name)',
      'sqliteTableBase(name, columns, extraConfig)',
      'sqliteTableBase(customizeTableName(name), columns, extraConfig, void 0, name)',
    ]);
    expect(
      bundledDrizzle().filter((path) => /IsAlias\]? ===? |\[IsAlias\] = true|prop === Table\.Symbol\.IsAlias/.test(drizzle(path))),
    ).toEqual(['alias.js']);
    expect(toml()).toContain('"./alias.js" = "./src/db/no-alias.ts"');
    expect(toml()).toContain('"../alias.js" = "./src/db/no-alias.ts"');
    const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];
    expect(tables.length).toBeGreaterThan(0);
    // (drizzle's Table.Symbol.Schema and IsAlias, which its type declarations do not export.)
    expect(drizzle('table.js')).toContain('const Schema = Symbol.for("drizzle:Schema");');
    expect(drizzle('table.js')).toContain('const IsAlias = Symbol.for("drizzle:IsAlias");');
    for (const table of tables) {
      expect((table as unknown as Record<symbol, unknown>)[Symbol.for('drizzle:Schema')]).toBeUndefined();
      expect((table as unknown as Record<symbol, unknown>)[Symbol.for('drizzle:IsAlias')]).toBe(false);
    }
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/')))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/Symbol\.Schema|IsAlias|usedTables|sqliteTableCreator/);
    // No view is made: the one class of drizzle's for SQLite that extends View is the SQLite view's
    // base, which only sqliteView()'s builder (sqlite-core/view.js, not in the bundle: bundle.test.ts) extends and makes.
    expect(bundledDrizzle().filter((path) => /extends View\b|new View\(/.test(drizzle(path)))).toEqual(['sqlite-core/view-base.js']);
    expect(bundledDrizzle().filter((path) => /extends SQLiteViewBase\b|new SQLiteView(Base)?\(/.test(drizzle(path)))).toEqual([
      'sqlite-core/view.js',
    ]);
    // Nor an aliased SQL's isSelectionField: only the selection proxy sets it, only the dialect's branch for such a field reads it.
    expect(
      bundledDrizzle()
        .filter((path) => /isSelectionField/.test(drizzle(path)))
        .sort(),
    ).toEqual(['selection-proxy.js', 'sql/sql.js', 'sqlite-core/dialect.js']);
    expect(toml()).toContain('"../selection-proxy.js" = "./src/db/no-selection-proxy.ts"');
    expect(asBundled('sqlite-core/dialect.js')).not.toContain('isSelectionField');
    // Nor an SQL's if(): in drizzle's modules as the bundle has them (the generated dialect, $count's stand-in), nor in the app's.
    for (const file of bundledDrizzle().filter((path) => path !== 'sql/sql.js' && path !== 'sqlite-core/view.js'))
      expect(asBundled(file), file).not.toMatch(/\.if\(/);
    expect(drizzle('sqlite-core/dialect.js')).toMatch(/\.if\(/);
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/`\.if\(|\)\.if\(/);
    // The bundle's tracer (src/db/no-tracing.ts, drizzle's without OpenTelemetry) gives no span and runs the function as it is.
    const { tracer } = await import('../../src/db/no-tracing');
    expect(tracer.startActiveSpan('drizzle.buildSQL', (...span: unknown[]) => span)).toEqual([]);
    expect(drizzle('sql/sql.js')).toContain('import { tracer } from "../tracing.js";');
    expect(generated()).not.toMatch(/tracer/);
    // No view is made (sqlite-core/view.js, sqliteView, is not in the bundle), an index's SQL only by drizzle-kit.
    const bundle = readFileSync(join(root, 'src', 'generated', 'sqlite-dialect.js'), 'utf8');
    expect(bundle).not.toMatch(/"indexes"/);
  });

  it('builds the same SQL as drizzle for the queries the app writes', async () => {
    const ours = await import(pathToFileURL(generatedPath).href);
    const theirs = await import('drizzle-orm/sql/sql');
    const config = {
      // (The one member of drizzle's CasingCache a column chunk calls; no query here has one.)
      casing: { getColumnCasing: (column: { name: string }) => column.name },
      escapeName: (name: string) => `"${name}"`,
      escapeParam: () => '?',
      escapeString: (text: string) => `'${text}'`,
    } as unknown as Parameters<InstanceType<typeof theirs.SQL>['toQuery']>[0];
    for (const { sql, Placeholder } of [ours, theirs]) expect(typeof sql.placeholder('x')).toBe(typeof new Placeholder('x'));
    const query = (m: typeof theirs) => {
      const { sql } = m;
      return sql`select ${sql.identifier('a')}, ${sql.join([sql`1`, sql.param(2), sql.placeholder('p')], sql`, `)} where ${sql.raw('x')} = ${'y'} and ${[1, 2]} ${sql`z`.as('k')} ${null}`.toQuery(
        config,
      );
    };
    // The same SQL and parameters; drizzle's also lists each parameter's typing, "none" for SQLite, which nothing reads.
    const { typings, ...rest } = query(theirs) as ReturnType<typeof query> & { typings?: string[] };
    expect(typings).toEqual(rest.params.map(() => 'none'));
    expect(query(ours)).toEqual(rest);
    expect(query(ours)).not.toHaveProperty('typings');
    // Each table and column of the app's schema, by name.
    const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];
    const names = (m: typeof theirs) =>
      tables.map((table) =>
        m.sql`select ${Object.values(table)[0]}, ${m.sql.join(Object.values(table), m.sql`, `)} from ${table}`.toQuery(config),
      );
    expect(names(ours)).toEqual(names(theirs).map(({ typings: _, ...rest }) => rest));
    expect(names(ours)[0]?.sql).toMatch(/^select "contacts"\."id", "contacts"\."id", "contacts"\."asset_id", .* from "contacts"$/);
  });
});
