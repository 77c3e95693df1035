// drizzle-orm's SQLite dialect as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/sqlite-dialect.js, written by scripts/lib/drizzle-dialect.mjs from the installed
// drizzle-orm): the alias names exactly the imports drizzle makes of its dialect; the module is
// drizzle's, method for method, but for the four it leaves out; its imports
// are the same files; and nothing the app reaches calls those four. bundle.test.ts checks their
// code gone; the Workers tests (vitest.config.ts applies the same aliases), the e2e suite and the
// bench run with it. The same for its select, update and insert builders, and its database class
// (src/generated/sqlite-db.js).
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  SQLiteAsyncDialect,
  SQLiteDeleteBase,
  SQLiteInsertBuilder,
  SQLiteSelectBuilder,
  SQLiteUpdateBuilder,
} from 'drizzle-orm/sqlite-core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  BUILDER_EDITS,
  BUILDER_FIELDS_LEFT_OUT,
  BUILDER_REWRITES,
  BUILDER_STAND_INS,
  BUILDER_TEXTS_LEFT_OUT,
  BUILDERS_LEFT_OUT,
  builderSpecifier,
  DATABASE_CONSTRUCTOR_EDIT,
  DATABASE_LEFT_OUT,
  DATABASE_UNREAD_LEFT_OUT,
  DIALECT_EDITS,
  DIALECT_LEFT_OUT,
  GENERATED,
  LEFT_OUT,
  ONLY_EMPTY,
  onlyEmpty,
  PURE_CLASSES,
  packageSpecifier,
  QUERY_PROMISE_LEFT_OUT,
  RUNNER_EDITS,
  RUNNER_OWNER,
  RUNNERS_LEFT_OUT,
  STAND_INS,
  trimBuilder,
  trimDatabase,
  trimDialect,
  trimQueryPromise,
} from '../../scripts/lib/drizzle-dialect.mjs';
import { assetUsage, contacts, importStaging } from '../../src/db/schema';
import {
  appUsesOf,
  asBundled,
  bundledDrizzle,
  drizzle,
  onlyLeavesOutWords,
  root,
  sourceCode,
  sources,
  withPureClasses,
} from './drizzle-files';

/** The builders a query is made with: drizzle's, or the bundle's generated ones. */
interface Builders {
  SQLiteSelectBuilder: typeof SQLiteSelectBuilder;
  SQLiteInsertBuilder: typeof SQLiteInsertBuilder;
  SQLiteUpdateBuilder: typeof SQLiteUpdateBuilder;
  SQLiteDeleteBase: typeof SQLiteDeleteBase;
}
const drizzleBuilders: Builders = { SQLiteSelectBuilder, SQLiteInsertBuilder, SQLiteUpdateBuilder, SQLiteDeleteBase };
/** A query built to read its SQL has no session. */
const session = undefined as never;

/**
 * The kinds of query the app writes (src/contacts/*.ts, src/db/*.ts): selections of columns and
 * SQL (named and with decoders), from a table or from `(select 1)`, with where, group by, order
 * by and limit; inserts of one or more rows with defaults, `onConflictDoNothing` and returning;
 * updates with SQL values and returning; deletes with returning.
 */
const appQueries: Record<string, (dialect: SQLiteAsyncDialect, b?: Builders) => { getSQL(): ReturnType<typeof sql> }> = {
  'a select of columns and SQL': (dialect, b = drizzleBuilders) =>
    new b.SQLiteSelectBuilder({
      fields: {
        id: contacts.id,
        name: contacts.lastName,
        n: sql<number>`count(*)`.mapWith(Number),
        key: sql<string>`lower(${contacts.city})`.as('key'),
      },
      session,
      dialect,
    })
      .from(contacts)
      .where(and(eq(contacts.assetId, 'a'), isNull(contacts.deletedAt), inArray(contacts.id, ['x', 'y'])))
      .groupBy(contacts.lastName)
      .orderBy(desc(contacts.sortKey), contacts.id)
      .limit(sql.placeholder('limit')),
  'a select of a whole table': (dialect, b = drizzleBuilders) =>
    new b.SQLiteSelectBuilder({ fields: undefined, session, dialect }).from(assetUsage).where(eq(assetUsage.assetId, 'a')).limit(1),
  'a select from (select 1)': (dialect, b = drizzleBuilders) =>
    new b.SQLiteSelectBuilder({
      fields: { fits: sql<number>`${sql.placeholder('n')} <= 500`, live: sql<number>`(select live from asset_usage)` },
      session,
      dialect,
    }).from(sql`(SELECT 1)`),
  'an insert': (dialect, b = drizzleBuilders) =>
    new b.SQLiteInsertBuilder(importStaging, session, dialect)
      .values({ importId: 'i', assetId: 'a', createdBy: 'u', createdAt: 1, cards: '[]' })
      .onConflictDoNothing(),
  'an insert of rows with returning': (dialect, b = drizzleBuilders) =>
    new b.SQLiteInsertBuilder(importStaging, session, dialect)
      .values([
        { importId: 'i', assetId: 'a', createdBy: 'u', createdAt: 1, cards: '[]', status: 'done' },
        { importId: 'j', assetId: 'a', createdBy: 'u', createdAt: sql`unixepoch()`, cards: '[]' },
      ])
      .returning({ importId: importStaging.importId }),
  'an update': (dialect, b = drizzleBuilders) =>
    new b.SQLiteUpdateBuilder(contacts, session, dialect)
      .set({ notes: 'n', version: sql`${contacts.version} + 1` })
      .where(and(eq(contacts.id, 'x'), eq(contacts.version, 3)))
      .returning({ id: contacts.id, version: contacts.version }),
  'a delete': (dialect, b = drizzleBuilders) =>
    new b.SQLiteDeleteBase(contacts, session, dialect).where(eq(contacts.assetId, 'a')).returning(),
};

const generated = () => readFileSync(join(root, 'src', 'generated', 'sqlite-dialect.js'), 'utf8');
/** drizzle's query without its parameters' typings ("none" each for SQLite), which the bundle's SQL builder leaves out (test/node/drizzle-sql.test.ts). */
const withoutTypings = ({ typings, ...query }: { typings?: unknown; sql: string; params: unknown[] }) => {
  if (typings !== undefined) expect(typings).toEqual(query.params.map(() => 'none'));
  return query;
};
const original = () => drizzle('sqlite-core/dialect.js');

describe('src/generated/sqlite-dialect.js, in place of drizzle-orm/sqlite-core/dialect.js in the bundle', () => {
  const importers = [
    ['d1/driver.js', '../sqlite-core/dialect.js'],
    ['sqlite-core/query-builders/query-builder.js', '../dialect.js'],
    ['sqlite-core/index.js', './dialect.js'],
  ] as const;

  it('wrangler.toml aliases exactly the specifiers by which the bundled drizzle modules import the dialect', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    for (const [, specifier] of importers) expect(toml).toContain(`"${specifier}" = "./src/generated/sqlite-dialect.js"`);
    const users = bundledDrizzle().filter((path) => /from "[./]+(sqlite-core\/)?dialect\.js"/.test(drizzle(path)));
    expect(users.sort()).toEqual(importers.map(([file]) => file).sort());
    for (const [file, specifier] of importers) expect(drizzle(file), file).toContain(`from "${specifier}"`);
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale)', () => {
    expect(generated()).toBe(trimDialect(original()));
  });

  it("is drizzle's dialect member for member, but for the methods left out and those only reached empty", () => {
    // Read with TypeScript's parser, independent of the script's line patterns.
    const body = (text: string) => text.slice(text.search(/^class /m));
    const source = ts.createSourceFile('dialect.js', original(), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const edits: { start: number; end: number; text: string }[] = [];
    const found = new Set<string>();
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const name = member.name.text;
        if (ONLY_EMPTY.includes(name)) {
          found.add(name);
          edits.push({ start: member.getStart(source), end: member.getEnd(), text: onlyEmpty(name) });
        }
        if (!LEFT_OUT.includes(name)) continue;
        found.add(name);
        // The whole member, with its line.
        edits.push({ start: member.getStart(source) - '\n  '.length, end: member.getEnd(), text: '' });
      }
    }
    expect([...found].sort()).toEqual([...LEFT_OUT, ...ONLY_EMPTY].sort());
    let expected = original();
    for (const { start, end, text } of edits.sort((a, b) => b.start - a.start))
      expected = expected.slice(0, start) + text + expected.slice(end);
    expected = expected.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    // And without the texts only queries the app never writes reach: each found once in drizzle's
    // text and left out as it is there (what stays is drizzle's own text).
    for (const [name, left] of Object.entries(DIALECT_LEFT_OUT)) {
      expect(left.length, name).toBeGreaterThan(0);
      expect(expected.split(left).length - 1, name).toBe(1);
      expected = expected.replace(left, () => '');
    }
    // And a delete's and an update's order by and limit, which their builders no longer set (the
    // builders' orderBy() and limit() are left out, and no chain of the app's calls them: below):
    // each text once, and in its place the same text without the two statements and their place in the SQL.
    const [orderAndLimit, parameters] = [DIALECT_EDITS.slice(0, 2), DIALECT_EDITS.slice(2)];
    expect(orderAndLimit.map(({ name }) => name)).toEqual(["a delete's order by and limit", "an update's order by and limit"]);
    for (const { name, from, to } of orderAndLimit) {
      expect(expected.split(from).length - 1, name).toBe(1);
      expect(
        from
          .replace('    const orderBySql = this.buildOrderBy(orderBy);\n    const limitSql = this.buildLimit(limit);\n', '')
          .replace('${orderBySql}${limitSql}`', '`'),
        name,
      ).toBe(to);
      expected = expected.replace(from, () => to);
    }
    // And the parameters their methods no longer read, and an update's joins (its builder's are
    // always [], below): each text once, and in its place the same text without the names it lists
    // (a parameter's line, or a statement or an SQL's place naming only them), which the method
    // in the generated dialect reads nowhere.
    const words = (text: string) => text.match(/[\w$]+/g) ?? [];
    const unread = new Map<string, string[]>();
    // Every selection of one table (below): buildSelection()'s branches for it kept as plain
    // blocks, its option and the callers' giving it left out, each text as often as `count` says.
    const oneTable: Record<string, (from: string) => string> = {
      "a selection's SQL, of one table": (from) =>
        from
          .replace(/^ {8}if \(isSingleTable\) \{\n/, '        {\n')
          .replace(/ {8}\} else \{\n {10}chunk\.push\(query\);\n {8}\}\n$/, '        }\n'),
      "a selection's column, of one table": (from) =>
        from
          .replace(/^ {8}const tableName = field\.table\[Table\.Symbol\.Name\];\n/, '')
          .replace(/ {10}if \(isSingleTable\) \{\n/, '          {\n')
          .replace(
            / {10}\} else \{\n {12}chunk\.push\(\n {14}sql`\$\{sql\.identifier\(tableName\)\}\.[^\n]*\n {12}\);\n {10}\}\n/,
            '          }\n',
          ),
      "a selection's option, of one table": (from) => from.replace(', { isSingleTable = false } = {}', ''),
      'a selection of one table, as its callers ask': (from) => from.replace(', { isSingleTable: true }', ''),
    };
    for (const { name, names = [], from, to, count = 1 } of parameters) {
      const asked = oneTable[name];
      if (asked) {
        expect(expected.split(from).length - 1, name).toBe(count);
        expect(asked(from), name).toBe(to);
        expected = expected.replaceAll(from, () => to);
        continue;
      }
      if (name === "a select's selection, of its one table") {
        // A select's joins are always none (its builder never sets them: below), so its selection
        // is always of one table: the same text without the statement that tested for joins, and
        // `true` in its place.
        expect(expected.split(from).length - 1, name).toBe(1);
        expect(
          from
            .replace('    const isSingleTable = !joins || joins.length === 0;\n', '')
            .replace('{ isSingleTable }', '{ isSingleTable: true }'),
          name,
        ).toBe(to);
        expected = expected.replace(from, () => to);
        continue;
      }
      expect(names.length, name).toBeGreaterThan(0);
      expect(expected.split(from).length - 1, name).toBe(count);
      const removed = [...words(from)];
      for (const word of words(to)) removed.splice(removed.indexOf(word), 1);
      expect(
        removed.filter((word) => !names.includes(word) && !/^(const|this|buildJoins|buildWithCTE|\$)$/.test(word)),
        name,
      ).toEqual([]);
      expect(
        words(to).filter((word) => names.includes(word)),
        name,
      ).toEqual([]);
      for (let at = expected.indexOf(from); at >= 0; at = expected.indexOf(from, at + 1)) {
        const method = /^\n {2}(build(?:Delete|Update|Select|Insert)Query)\(\{/.exec(
          expected.slice(expected.lastIndexOf('\n  build', at)),
        )?.[1];
        expect(method, name).toBeDefined();
        unread.set(method ?? '', [...(unread.get(method ?? '') ?? []), ...names]);
      }
      expected = expected.replaceAll(from, () => to);
    }
    expect([...unread.keys()].sort()).toEqual(['buildDeleteQuery', 'buildInsertQuery', 'buildSelectQuery', 'buildUpdateQuery']);
    for (const [method, names] of unread) {
      const start = expected.indexOf(`\n  ${method}({`);
      const text = expected.slice(start, expected.indexOf('\n  }\n', start));
      for (const word of names) expect(words(text), `${method}: ${word}`).not.toContain(word);
    }
    // A select's joins: its builder has none; an update's: its builder's, set once to [] and never added to.
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-select.js'), 'utf8')).not.toMatch(/joins/);
    expect(Object.keys(oneTable).filter((name) => parameters.some((edit) => edit.name === name))).toHaveLength(4);
    // Every selection of one table: a select's (above), and the others' returning, which drizzle asks of one table.
    expect(drizzle('sqlite-core/dialect.js').match(/this\.buildSelection\(returning, \{ isSingleTable: true \}\)/g)).toHaveLength(3);
    expect(drizzle('sqlite-core/dialect.js').match(/this\.buildSelection\(/g)).toHaveLength(4);
    // (Only the method's comment still names the option.)
    expect(generated().match(/isSingleTable/g)).toEqual(['isSingleTable']);
    expect(generated()).toContain(" * If `isSingleTable` is true, then columns won't be prefixed with table name\n");
    expect(generated()).not.toMatch(/joins/i);
    const updateBuilder = readFileSync(join(root, 'src', 'generated', 'sqlite-update.js'), 'utf8');
    // (Its builder set them to [] and never added to: BUILDER_FIELDS_LEFT_OUT leaves them out, below.)
    expect(updateBuilder).not.toMatch(/joins/);
    expect(drizzle('sqlite-core/query-builders/update.js')).toContain('this.config = { set, table, withList, joins: [] };');
    expect(updateBuilder).toContain('this.config = { set, table };');
    // And each class of PURE_CLASSES made by a call marked pure: drizzle's class, as its text is there.
    const pure = withPureClasses(expected, PURE_CLASSES);
    expect(pure.found).toEqual(PURE_CLASSES);
    expect(body(generated())).toBe(body(pure.text));
  });

  it('makes the classes of PURE_CLASSES, which nothing in the bundle makes or tests for, by a call marked pure: esbuild drops them', () => {
    // The one other bundled drizzle module that names one: the standalone QueryBuilder, which the
    // bundle has not (src/generated/sqlite-db.js left out what made one; bundle.test.ts).
    for (const name of PURE_CLASSES) {
      const users = bundledDrizzle().filter(
        (path) => path !== 'sqlite-core/dialect.js' && new RegExp(`\\b${name}\\b`).test(asBundled(path)),
      );
      expect(users, name).toEqual(['sqlite-core/query-builders/query-builder.js']);
      for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toContain(name);
      expect(generated()).toContain(`const ${name} = /* @__PURE__ */ (() => class ${name} extends SQLiteDialect {`);
    }
  });

  it("leaves out the dialect's escapeString, which only an inlined parameter's SQL calls, and nothing else of the bundle names", () => {
    // drizzle's sql.js calls it (mapInlineParam); the bundle takes src/generated/drizzle-sql.js, without inlined parameters.
    expect(drizzle('sql/sql.js')).toContain('escapeString(');
    const bundled = (path: string) =>
      path === 'sql/sql.js' ? readFileSync(join(root, 'src', 'generated', 'drizzle-sql.js'), 'utf8') : asBundled(path);
    for (const path of bundledDrizzle()) expect(bundled(path), path).not.toContain('escapeString');
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toContain('escapeString');
  });

  it("gives each insert of drizzle's one row, an object written out, and no conflict target (the insert builder's check for an empty list and its target's branch are left out)", () => {
    expect(BUILDER_TEXTS_LEFT_OUT.insert['the check for an empty list of rows']).toContain('values.length === 0');
    const rows: string[] = [];
    for (const file of sources('src')) {
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        // `….insert(table).values(…)`: its argument, an object literal.
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          node.expression.name.text === 'values' &&
          ts.isCallExpression(node.expression.expression) &&
          ts.isPropertyAccessExpression(node.expression.expression.expression) &&
          node.expression.expression.expression.name.text === 'insert'
        ) {
          expect(node.arguments.length, node.getText(source)).toBe(1);
          expect(ts.isObjectLiteralExpression(node.arguments[0] as ts.Expression), node.getText(source)).toBe(true);
          rows.push(file);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(rows.length).toBeGreaterThan(1);
    // Its on-conflict-do-nothing for any conflict: `onConflictDoNothing()`, never of a target.
    const calls = sources('src').flatMap((file) => readFileSync(join(root, file), 'utf8').match(/\.onConflictDoNothing\([^)]*\)/g) ?? []);
    expect(calls.length).toBeGreaterThan(1);
    expect(new Set(calls)).toEqual(new Set(['.onConflictDoNothing()']));
    expect(BUILDER_TEXTS_LEFT_OUT.insert["an on conflict do nothing's target"]).toContain('config.target');
    // And no insert builder is kept to give its rows later.
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/=\s*\w+\.insert\([^)]*\);/);
  });

  it('leaves out texts that only what the bundle never builds reaches, and builds the same SQL as drizzle for the queries the app writes', async () => {
    const dbText = readFileSync(join(root, 'src', 'generated', 'sqlite-db.js'), 'utf8');
    const builder = (kind: string) => readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8');
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    // CTEs and distinct: only the database's $with, with and selectDistinct give a builder a
    // withList or distinct (all left out of src/generated/sqlite-db.js).
    expect(DATABASE_LEFT_OUT.methods).toEqual(expect.arrayContaining(['with', 'selectDistinct']));
    expect(DATABASE_LEFT_OUT.fields).toContain('$with');
    expect(dbText).not.toMatch(/withList|distinct/);
    // having, set operators, an update's from, an insert's select: only the builders' methods left out set them.
    expect(BUILDERS_LEFT_OUT.select.methods).toEqual(expect.arrayContaining(['having', 'addSetOperators', 'createSetOperator']));
    expect(builder('select')).not.toMatch(/config\.having =|setOperators\.push\(/);
    expect(BUILDERS_LEFT_OUT.update.methods).toContain('from');
    expect(builder('update')).not.toMatch(/config\.from =/);
    expect(BUILDERS_LEFT_OUT.insert.methods).toContain('select');
    for (const [, args = ''] of builder('insert').matchAll(/new SQLiteInsertBase\(([^)]*)\)/g)) expect(args.split(',')).toHaveLength(4);
    // Aliased tables and the selection proxy's fields: their modules are the bundle's stand-ins.
    expect(toml).toContain('"./alias.js" = "./src/db/no-alias.ts"');
    expect(toml).toContain('"../../selection-proxy.js" = "./src/db/no-selection-proxy.ts"');
    expect(bundledDrizzle().filter((path) => /isSelectionField = true/.test(drizzle(path)))).toEqual(['selection-proxy.js']);
    // A subquery: made only by a select's as(), the database's $with, the relational query and
    // the standalone query builder (none in the bundle); numeric bigint columns: not in the bundle
    // (src/db/sqlite-columns.ts, bundle.test.ts).
    const subqueries = bundledDrizzle().filter((path) => /new (With)?Subquery\(/.test(drizzle(path)));
    expect(subqueries.sort()).toEqual([
      'sqlite-core/db.js',
      'sqlite-core/dialect.js',
      'sqlite-core/query-builders/query-builder.js',
      'sqlite-core/query-builders/select.js',
    ]);
    // (The standalone query builder is not in the bundle: src/generated/sqlite-db.js left out what made one.)
    for (const path of subqueries.filter((p) => p !== 'sqlite-core/query-builders/query-builder.js'))
      expect(asBundled(path), path).not.toMatch(/new (With)?Subquery\(/);
    for (const file of sources('src'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/\bSubquery\b|numeric\(|SQLiteNumericBigInt/);
    // No CTE: buildWithCTE (LEFT_OUT) had no caller but the four query methods, which no longer
    // call it, and the database class gives its builders no `withList` (drizzle's gives one only
    // from `$with`/`with`, left out).
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'sqlite-dialect.js')).href);
    const dialect = new ours.SQLiteAsyncDialect();
    expect(dialect.buildWithCTE).toBeUndefined();
    expect(drizzle('sqlite-core/dialect.js').match(/this\.buildWithCTE\(/g)).toHaveLength(4);
    expect(generated()).not.toMatch(/buildWithCTE|withList|withSql/);
    const database = readFileSync(join(root, 'src', 'generated', 'sqlite-db.js'), 'utf8');
    expect(database).not.toMatch(/withList/);
    expect(database.match(/new SQLite\w+\([^\n]*/g)?.sort()).toEqual([
      'new SQLiteDeleteBase(from, this.session, this.dialect);',
      'new SQLiteInsertBuilder(into, this.session, this.dialect);',
      'new SQLiteSelectBuilder({ fields: fields ?? void 0, session: this.session, dialect: this.dialect });',
      'new SQLiteUpdateBuilder(table, this.session, this.dialect);',
    ]);
    // The same SQL and parameters as drizzle's dialect for the kinds of query the app writes.
    const theirs = new SQLiteAsyncDialect();
    for (const [name, build] of Object.entries(appQueries)) {
      const query = (d: SQLiteAsyncDialect) => d.sqlToQuery(build(d).getSQL());
      expect(query(dialect), name).toEqual(withoutTypings(query(theirs)));
    }
  });

  it("builds the same SQL as drizzle's builders and dialect for the queries the app writes, through the bundle's builders and dialect", async () => {
    const generatedModule = async (name: string) => await import(pathToFileURL(join(root, 'src', 'generated', name)).href);
    const ours: Builders = {
      SQLiteSelectBuilder: (await generatedModule('sqlite-select.js')).SQLiteSelectBuilder,
      SQLiteInsertBuilder: (await generatedModule('sqlite-insert.js')).SQLiteInsertBuilder,
      SQLiteUpdateBuilder: (await generatedModule('sqlite-update.js')).SQLiteUpdateBuilder,
      SQLiteDeleteBase: (await generatedModule('sqlite-delete.js')).SQLiteDeleteBase,
    };
    const dialect = new (await generatedModule('sqlite-dialect.js')).SQLiteAsyncDialect();
    const theirs = new SQLiteAsyncDialect();
    for (const [name, build] of Object.entries(appQueries))
      expect(dialect.sqlToQuery(build(dialect, ours).getSQL()), name).toEqual(withoutTypings(theirs.sqlToQuery(build(theirs).getSQL())));
    // The select's orderBy() sets the columns it is given as drizzle's does, for one, two or none
    // (BUILDER_REWRITES): the same list, not a copy, as drizzle's without set operators.
    for (const columns of [[contacts.id], [desc(contacts.sortKey), contacts.id], []]) {
      const [a, b] = [ours, drizzleBuilders].map(
        (builders) =>
          (
            new builders.SQLiteSelectBuilder({ fields: { id: contacts.id }, session, dialect })
              .from(contacts)
              .orderBy(...columns) as unknown as {
              config: { orderBy: unknown[] };
            }
          ).config.orderBy,
      );
      expect(a).toEqual(b);
      expect(a).toEqual(columns);
    }
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-select.js'), 'utf8')).toContain(
      '  orderBy(...columns) {\n    {\n      this.config.orderBy = columns;\n    }\n    return this;\n  }\n',
    );
    // The tables a query reads or writes go to the session only for a query cache: the bundle's
    // session runs a query as drizzle does without a cache, the only way it has (the app gives
    // none, and the bundle's D1 session none either: src/db/client.ts, scripts/lib/drizzle-dialect.mjs
    // CACHE_LEFT_OUT and SESSION_UNREAD_LEFT_OUT).
    expect(asBundled('sqlite-core/session.js')).toMatch(
      /\n {2}async queryWithCache\(queryString, params, query\) \{\n {4}\{\n {6}try \{\n {8}return await query\(\);\n[\s\S]*?\n {4}\}\n {2}\}\n/,
    );
    for (const kind of ['select', 'insert', 'update', 'delete'])
      expect(readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8'), kind).not.toMatch(/tables:|cacheConfig|usedTables/);
  });

  it("imports drizzle's own files, by the package's specifiers, and only names it uses", async () => {
    const imports = [...original().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)];
    expect(imports.length).toBeGreaterThan(5);
    const dialectUrl = pathToFileURL(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'dialect.js'));
    const kept = [...generated().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)];
    expect(kept.length).toBeGreaterThan(5);
    for (const [, names = '', from = ''] of imports) {
      // The one import a stand-in of the bundle's own answers (test/node/no-casing.test.ts).
      if (from in STAND_INS) continue;
      const specifier = packageSpecifier(from);
      const line = kept.find(([, , to]) => to === specifier);
      if (!line) continue; // only the methods left out used it
      expect(realpathSync(fileURLToPath(import.meta.resolve(specifier))), from).toBe(
        realpathSync(fileURLToPath(new URL(from, dialectUrl))),
      );
      for (const name of (line[1] ?? '').split(',').map((n) => n.trim()))
        expect(
          names.split(',').map((n) => n.trim()),
          `${name} from ${from}`,
        ).toContain(name);
    }
  });

  it('leaves out only what nothing the app reaches calls', async () => {
    // Callers among the drizzle modules a D1 Worker may bundle (the core, sql/, sqlite-core/, d1/).
    const callers = (method: string) => bundledDrizzle().filter((path) => new RegExp(`\\.${method}\\(`).test(drizzle(path)));
    // Relational queries: only the db.query builder, which the bundle leaves out (src/db/no-relations.ts).
    expect(callers('buildRelationalQuery').sort()).toEqual(['sqlite-core/dialect.js', 'sqlite-core/query-builders/query.js']);
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"./query-builders/query.js" = "./src/db/no-relations.ts"');
    // Set operations: only the dialect, for a select with set operators, which only union,
    // unionAll, intersect and except add.
    expect(callers('buildSetOperations')).toEqual(['sqlite-core/dialect.js']);
    expect(callers('buildSetOperationQuery')).toEqual(['sqlite-core/dialect.js']);
    expect(original()).toMatch(/if \(setOperators\.length > 0\) \{\s+return this\.buildSetOperations\(/);
    expect(bundledDrizzle().filter((path) => /setOperators\.push\(|\.addSetOperators\(/.test(drizzle(path)))).toEqual([
      'sqlite-core/query-builders/select.js',
    ]);
    // migrate: none of them (drizzle's other drivers' migrators call it; D1's runs its own batch).
    expect(callers('migrate')).toEqual([]);
    // Joins: only a select's or update's createJoin adds one (both left out of the bundle's
    // builders, below), so buildJoins is reached with none; its drizzle version returns nothing
    // then, as the stand-in does. (The dialect's own `joins = []` is the relational query's, left out.)
    expect(generated()).not.toMatch(/joins\.push\(|joins = \[/);
    expect(
      bundledDrizzle()
        .filter((path) => /joins\.push\(|joins = \[/.test(drizzle(path)))
        .sort(),
    ).toEqual(['sqlite-core/dialect.js', 'sqlite-core/query-builders/select.js', 'sqlite-core/query-builders/update.js']);
    for (const kind of ['select', 'update'] as const) {
      expect(drizzle(`sqlite-core/query-builders/${kind}.js`)).toMatch(/\n {2}createJoin\(joinType\) \{[\s\S]*?joins\.push\(/);
      expect(BUILDERS_LEFT_OUT[kind].methods).toContain('createJoin');
      expect(readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8')).not.toMatch(/joins\.push\(|joins = \[/);
    }
    expect(original()).toMatch(/buildJoins\(joins\) \{\n {4}if \(!joins \|\| joins\.length === 0\) \{\n {6}return void 0;\n {4}\}/);
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      // (zod's z.union is not a select's.)
      expect(text, file).not.toMatch(/(?<!\bz)\.(union|unionAll|intersect|except)\(|\bmigrate\b|drizzle-orm\/[\w-]+\/migrator/);
      expect(text, file).not.toMatch(/import \{[^}]*\b(union|unionAll|intersect|except)\b[^}]*\} from 'drizzle-orm/);
    }
    // Not there, and what the joins throw, were one ever given.
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'sqlite-dialect.js')).href);
    const dialect = new ours.SQLiteAsyncDialect();
    for (const method of LEFT_OUT) {
      expect(dialect[method], method).toBeUndefined();
      expect(new ours.SQLiteSyncDialect()[method], method).toBeUndefined();
      expect(typeof (new SQLiteAsyncDialect() as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
    // buildJoins (LEFT_OUT) had no caller but the select's and the update's SQL, which no longer call it.
    expect(drizzle('sqlite-core/dialect.js').match(/this\.buildJoins\(/g)).toHaveLength(2);
    expect(generated()).not.toContain('buildJoins');
  });
});

describe.each([
  // drizzle imports the select builder and its asc/desc by the same text.
  ['select', ['sqlite-core/query-builders/index.js', 'sqlite-core/query-builders/query-builder.js', 'sql/expressions/index.js']],
  ['update', ['sqlite-core/query-builders/index.js']],
  ['insert', ['sqlite-core/query-builders/index.js']],
  ['delete', ['sqlite-core/query-builders/index.js']],
] as const)('src/generated/sqlite-%s.js, in place of drizzle-orm/sqlite-core/query-builders/%s.js in the bundle', (kind, importers) => {
  const generatedBuilder = () => readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8');
  const originalBuilder = () => drizzle(`sqlite-core/query-builders/${kind}.js`);
  const left = BUILDERS_LEFT_OUT[kind];
  const parse = (text: string) => ts.createSourceFile(`${kind}.js`, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** Each class's members as text, by class and member name; and the module's other statements. */
  const shape = (text: string) => {
    const source = parse(text);
    const members = new Map<string, string>();
    const statements: string[] = [];
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) continue;
      if (ts.isClassDeclaration(statement) && statement.name) {
        for (const member of statement.members)
          members.set(`${statement.name.text}.${member.name?.getText(source) ?? member.getText(source)}`, member.getText(source));
        statements.push(`class ${statement.name.text}`);
      } else statements.push(statement.getText(source));
    }
    return { members, statements };
  };

  it('wrangler.toml aliases the one specifier by which the bundled drizzle modules import it, and it exports what each of them takes', async () => {
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain(`"./${kind}.js" = "./src/generated/sqlite-${kind}.js"`);
    const users = bundledDrizzle().filter((path) => new RegExp(`from "\\./${kind}\\.js"`).test(drizzle(path)));
    expect(users.sort()).toEqual([...importers].sort());
    const exported = Object.keys(await import(pathToFileURL(join(root, 'src', 'generated', `sqlite-${kind}.js`)).href)).sort();
    const builders = Object.keys(await import(`drizzle-orm/sqlite-core/query-builders/${kind}`)).filter(
      (name) => !left.constants.includes(name),
    );
    const expressions = kind === 'select' ? Object.keys(await import('drizzle-orm/sql/expressions/select')) : [];
    if (kind === 'select') expect(expressions.sort()).toEqual(['asc', 'desc']);
    expect(exported).toEqual([...builders, ...expressions].sort());
    // What query-builders/query-builder.js takes by name (index.js and sql/expressions take all).
    if (kind === 'select')
      expect(drizzle('sqlite-core/query-builders/query-builder.js')).toContain('import { SQLiteSelectBuilder } from "./select.js";');
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), by the same files', () => {
    expect(generatedBuilder()).toBe(trimBuilder(kind, originalBuilder()));
    const builderUrl = pathToFileURL(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'query-builders', `${kind}.js`));
    const froms = [...originalBuilder().matchAll(/ from "([^"]+)";/g)].map((m) => m[1] ?? '');
    expect(froms.length).toBeGreaterThan(6);
    for (const from of froms) {
      // An import the bundle takes from a stand-in of its own (test/node/no-selection-proxy.test.ts).
      // drizzle's SQL builder: the generated one, as wrangler.toml's alias gives drizzle's modules (test/node/drizzle-sql.test.ts);
      // its utils.js: the generated one (test/node/drizzle-utils.test.ts).
      const standIn = BUILDER_STAND_INS[from] ?? GENERATED[builderSpecifier(from)];
      expect(generatedBuilder()).toContain(` from "${standIn ?? builderSpecifier(from)}";`);
      if (standIn) continue;
      expect(realpathSync(fileURLToPath(import.meta.resolve(builderSpecifier(from)))), from).toBe(
        realpathSync(fileURLToPath(new URL(from, builderUrl))),
      );
    }
  });

  it("is drizzle's builder member for member, but for the joins, set operations and other members the app never calls", () => {
    // Read with TypeScript's parser, independent of the script's line patterns; drizzle's text
    // without the texts left out, each found once in what the ones before it left, and left out as
    // it is there (what stays is drizzle's own text).
    let theirs = originalBuilder();
    for (const [name, text] of Object.entries(BUILDER_TEXTS_LEFT_OUT[kind])) {
      expect(text.length, name).toBeGreaterThan(0);
      expect(theirs.split(text).length - 1, name).toBe(1);
      theirs = theirs.replace(text, () => '');
    }
    // toSQL() without dropping typings, which the bundle's SQL builder writes none of (test/node/drizzle-sql.test.ts).
    for (const { name, from, to } of BUILDER_EDITS) {
      expect(theirs.split(from).length - 1, name).toBe(1);
      expect(from.replace('const { typings: _typings, ...rest } = ', 'return ').replace('\n    return rest;\n', '\n')).toBe(to);
      theirs = theirs.replace(from, () => to);
    }
    expect(readFileSync(join(root, 'src', 'generated', 'drizzle-sql.js'), 'utf8')).not.toMatch(/typings/);
    // execute() by the prepared query's own execute(), _prepare() for one run only (RUNNER_EDITS; the test below).
    for (const { name, from, to } of RUNNER_EDITS[kind]) {
      expect(theirs.split(from).length - 1, name).toBe(1);
      theirs = theirs.replace(from, () => to);
    }
    expect(theirs).not.toMatch(/isOneTimeQuery/);
    // Without what a builder carries that nothing reads (BUILDER_FIELDS_LEFT_OUT; the test below).
    for (const { name, from, to } of BUILDER_FIELDS_LEFT_OUT[kind]) {
      expect(theirs.split(from).length - 1, name).toBe(1);
      theirs = theirs.replace(from, () => to);
    }
    // The select's orderBy() setting the columns it is given (BUILDER_REWRITES; the test below).
    for (const { name, from, to } of BUILDER_REWRITES[kind]) {
      expect(theirs.split(from).length - 1, name).toBe(1);
      theirs = theirs.replace(from, () => to);
    }
    const before = shape(theirs);
    const after = shape(generatedBuilder());
    const gone = [...before.members.keys()].filter((key) => !after.members.has(key));
    const owner = { select: 'SQLiteSelectQueryBuilderBase', update: 'SQLiteUpdateBase', insert: '', delete: 'SQLiteDeleteBase' }[kind];
    // (The insert's are of its builder and of the insert itself; the select's cache option is of
    // the select that runs.)
    const leftOut = [...left.methods, ...left.fields].map((name) =>
      name === '$withCache'
        ? `SQLiteSelectBase.${name}`
        : owner
          ? `${owner}.${name}`
          : `${name === 'select' ? 'SQLiteInsertBuilder' : 'SQLiteInsertBase'}.${name}`,
    );
    expect(gone.sort()).toEqual([...leftOut, ...RUNNERS_LEFT_OUT.map((name) => `${RUNNER_OWNER[kind]}.${name}`)].sort());
    for (const [key, text] of after.members) expect(text, key).toBe(before.members.get(key));
    const names = (statements: string[]) =>
      statements.map((text) => /^(?:class|function|const) (\w+)|^(export \{)|^(applyMixins\()/.exec(text)?.slice(1).find(Boolean) ?? text);
    const kept = names(before.statements).filter((name) => !left.functions.includes(name) && !left.constants.includes(name));
    expect(names(after.statements)).toEqual(kind === 'select' ? [...kept, 'export {'] : kept);
  });

  it("leaves out run(), all(), get(), values() and prepare(), which the app never calls on a builder, and runs its query by the prepared query's execute()", async () => {
    // The app's own calls, read with TypeScript's checker (a Map's get() or a D1 statement's run() is not a builder's).
    const file = `sqlite-core/query-builders/${kind}.d.ts`;
    expect(await appUsesOf(file, RUNNERS_LEFT_OUT, RUNNER_OWNER[kind]), file).toEqual([]);
    // (It finds what the app does call on one: a where() on a select, update and delete, an insert's onConflictDoNothing().)
    const called = await appUsesOf(
      file,
      [kind === 'insert' ? 'onConflictDoNothing' : 'where'],
      kind === 'select' ? 'SQLiteSelectQueryBuilderBase' : RUNNER_OWNER[kind],
    );
    expect(called.length, file).toBeGreaterThan(0);
    // No module of drizzle's calls them on a builder: its D1 session runs a builder of a batch by its
    // _prepare() (d1/session.js), QueryPromise's then() by its execute(). What calls a run(), all(),
    // get(), values() or prepare() as the bundle has drizzle's modules (comments aside) calls it on a
    // D1 client or statement, the prepared query itself (D1's all() its values()) or, in
    // withReplicas (which the app never calls), the primary database's raw queries (left out:
    // src/generated/sqlite-db.js); the builders' own `this._prepare().x(` are left out.
    const calls = bundledDrizzle().flatMap((path) =>
      [
        ...asBundled(path)
          .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
          .matchAll(/([\w$.)\]]+)\.(run|all|get|values|prepare)\(/g),
      ]
        .map((match) => `${path}: ${match[0]}`)
        .filter((call) => !call.endsWith(' Object.values(')),
    );
    expect(calls.sort()).toEqual([
      'd1/session.js: ...params).run(',
      // (One: its batch binds each query's own statement, D1_BATCH_BIND, test/node/sqlite-session.test.ts.)
      'd1/session.js: this.client.prepare(',
      'd1/session.js: this.values(',
      'sqlite-core/db.js: primary.all(',
      'sqlite-core/db.js: primary.get(',
      'sqlite-core/db.js: primary.run(',
      'sqlite-core/db.js: primary.values(',
    ]);
    expect(asBundled('d1/session.js')).toContain('const preparedQuery = query._prepare();');
    // execute() runs the prepared query by the method _prepare() gave it: what all() (a select's),
    // or all() with a returning and run() without (an update's, an insert's), ran.
    const generatedText = generatedBuilder();
    const method =
      /this\.session\.prepareOneTimeQuery\(\n\s+this\.dialect\.sqlToQuery\(this\.getSQL\(\)\),\n\s+[^\n]+,\n\s+([^\n]+)\n\s+\);/.exec(
        generatedText,
      )?.[1];
    expect(method).toBe(kind === 'select' ? '"all"' : 'this.config.returning ? "all" : "run"');
    expect(generatedText).toContain('  async execute() {\n    return this._prepare().execute();\n  }');
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-session.js'), 'utf8')).toMatch(
      /execute\(placeholderValues\) \{\n[^}]*return this\[this\.executeMethod\]\(placeholderValues\);/,
    );
    // No prepare(false): each query is prepared for one run, as a builder's _prepare() does by default.
    expect(originalBuilder().match(/this\._prepare\(false\)/g)).toEqual(['this._prepare(false)']);
    expect(generatedText).not.toMatch(/_prepare\(false\)|isOneTimeQuery|"prepareQuery"/);
  });

  it('leaves out what a builder carries that nothing in the bundle reads: withList, distinct, isPartialSelect, _, an update\u2019s joins, an insert\u2019s select', async () => {
    // Each text only leaves out: what stays is drizzle's, word for word.
    const words = (text: string) => text.match(/[\w$]+|[^\s\w$]/g) ?? [];
    const leftOut = new Set<string>();
    for (const { name, from, to } of BUILDER_FIELDS_LEFT_OUT[kind]) {
      const [theirs, ours] = [words(from), words(to)];
      let at = 0;
      for (const word of ours) {
        while (at < theirs.length && theirs[at] !== word) leftOut.add(theirs[at++] ?? '');
        expect(at < theirs.length, `${name}: ${word}`).toBe(true);
        at += 1;
      }
      for (const word of theirs.slice(at)) leftOut.add(word);
    }
    const names = [...leftOut].filter((word) => /^[a-zA-Z_]\w*$/.test(word));
    const expected = {
      // (`true`: what each hands its session's prepareOneTimeQuery() past the method, a response in arrays.)
      select: ['_', 'config', 'distinct', 'fields', 'isPartialSelect', 'selectedFields', 'this', 'withList', 'const', 'true'],
      update: ['withList', 'joins', 'this', 'true'],
      insert: ['withList', 'select', 'this', 'true'],
      delete: ['withList', 'true'],
    }[kind];
    expect(names.sort()).toEqual([...expected].sort());
    const generatedText = generatedBuilder();
    expect(generatedText).not.toMatch(/withList|distinct|isPartialSelect|\bjoins\b|this\._\b|\bselect\b[,)]/);
    // Nothing of the bundle reads them: the dialect's query methods take none of them (DIALECT_EDITS);
    // the database class gives its builders no withList nor distinct; no other bundled module reads
    // a builder's isPartialSelect, withList, config.distinct, config.joins or config.select.
    const dialectText = generated();
    expect(dialectText).not.toMatch(/withList|distinct|isPartialSelect|\bjoins\b/);
    expect(dialectText).toContain('  buildInsertQuery({\n    table,\n    values: valuesOrSelect,\n    onConflict,\n    returning\n  }) {');
    for (const path of bundledDrizzle())
      expect(asBundled(path), path).not.toMatch(/\.(isPartialSelect|withList)\b|config\.(distinct|joins|select)\b/);
    // A select's _ is read by drizzle's getSelectedFields() alone (TypedQueryBuilder, its base), which
    // only a subquery's, a CTE's, a view's and a set operation's code calls: none of it in the bundle.
    expect(drizzle('query-builders/query-builder.js')).toContain('return this._.selectedFields;');
    const callers = bundledDrizzle().filter((path) => /\.getSelectedFields\(\)/.test(drizzle(path)));
    expect(callers.sort()).toEqual([
      'sqlite-core/db.js',
      'sqlite-core/query-builders/query-builder.js',
      'sqlite-core/query-builders/select.js',
      'sqlite-core/view.js',
    ]);
    for (const path of callers.filter((p) => !['sqlite-core/query-builders/query-builder.js', 'sqlite-core/view.js'].includes(p)))
      expect(asBundled(path), path).not.toMatch(/getSelectedFields\(\)/);
    // (Nor the app: read with TypeScript's checker.)
    if (kind === 'select') {
      expect(await appUsesOf('query-builders/query-builder.d.ts', ['getSelectedFields'])).toEqual([]);
      expect(await appUsesOf('sqlite-core/query-builders/select.d.ts', ['_', 'isPartialSelect', 'config'])).toEqual([]);
    }
  });

  it('leaves out only what nothing the app reaches calls', () => {
    // `$dynamic`, `$withCache`: a `$` in a pattern is an anchor, and the check would pass unseen.
    const escaped = (name: string) => name.replace(/\$/g, '\\$');
    const names = [...left.methods, ...left.fields, ...left.constants];
    // Names a select has too (an insert's `select`, an update's or delete's `orderBy` and `limit`)
    // are looked for where a builder of this kind is built (below).
    // A select's `as` is an SQL's too (`sql`…`.as(key)`), an update's `from` a select's: looked for
    // on such a builder's chain only, also in drizzle's modules.
    const chainOnly = kind === 'select' ? ['as'] : kind === 'update' ? ['from'] : [];
    const shared = [...(kind === 'insert' ? ['select'] : kind === 'update' || kind === 'delete' ? ['orderBy', 'limit'] : []), ...chainOnly];
    const unique = [...left.methods, ...left.fields].filter((name) => !shared.includes(name));
    // No other drizzle module calls them on a builder (each builder has its own, on `this`; the
    // dialect's `config.orderBy(` is a relational query's function of its columns); the
    // module-level set operators are not exported.
    // (As the bundle has them: its database class without CTEs; nor drizzle's views and standalone
    // QueryBuilder, which the bundle has not: bundle.test.ts, src/generated/sqlite-db.js.)
    const builders = ['select', 'update', 'insert', 'delete'].map((name) => `sqlite-core/query-builders/${name}.js`);
    const notBundled = ['sqlite-core/view.js', 'sqlite-core/query-builders/query-builder.js'];
    for (const path of bundledDrizzle().filter((p) => !builders.includes(p) && !notBundled.includes(p))) {
      for (const name of kind === 'insert' ? unique : [...unique, ...shared].filter((name) => !chainOnly.includes(name)))
        expect(asBundled(path), `${path}: ${name}`).not.toMatch(new RegExp(`(?<!this|config)\\.${escaped(name)}\\(`));
      if (kind === 'insert') expect(drizzle(path), path).not.toMatch(/\.insert\([^;]*\.select\(/);
    }
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      // (zod's z.union is not a select's.)
      if (unique.length) expect(text, file).not.toMatch(new RegExp(`(?<!\\bz)\\.(${unique.map(escaped).join('|')})\\(`));
      expect(text, file).not.toMatch(new RegExp(`import \\{[^}]*\\b(${names.map(escaped).join('|')})\\b[^}]*\\} from 'drizzle-orm`));
      // An insert's select, an update's or delete's orderBy and limit: such a call on a chain that
      // starts with `.insert(` (`.update(`, `.delete(`; read with TypeScript's parser), and no such
      // builder kept in a variable to call it on later.
      const calls = shared.filter((name) => left.methods.includes(name));
      if (calls.length === 0) continue;
      const source = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        true,
        file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
      // The names a call's receiver is built of, outermost first (".where().set().update" as where, set, update).
      const chainOf = (start: ts.Expression): string[] => {
        const chain: string[] = [];
        let receiver = start;
        for (;;) {
          if (ts.isCallExpression(receiver)) receiver = receiver.expression;
          else if (ts.isPropertyAccessExpression(receiver)) {
            chain.push(receiver.name.text);
            receiver = receiver.expression;
          } else return chain;
        }
      };
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && calls.includes(node.expression.name.text)) {
          const chain = chainOf(node.expression.expression);
          expect(chain, `${file}: ${node.getText(source).slice(0, 80)}`).not.toContain(kind);
        }
        // A builder of this kind kept (not awaited) in a variable: its chain, from the variable's value.
        const kept = ts.isVariableDeclaration(node)
          ? node.initializer
          : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
            ? node.right
            : undefined;
        if (kept && ts.isCallExpression(kept)) {
          const chain = chainOf(kept);
          // A select may be kept (to be given to another query as its SQL), when nothing calls what is left out on its name.
          if (kind === 'select' && chain.includes(kind) && ts.isVariableDeclaration(node) && ts.isIdentifier(node.name))
            expect(text, `${file}: ${node.name.text}`).not.toMatch(new RegExp(`\\b${node.name.text}\\s*\\.\\s*(${calls.join('|')})\\(`));
          else expect(chain, `${file}: ${node.getText(source).slice(0, 80)}`).not.toContain(kind);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect(text, file).not.toMatch(new RegExp(`=\\s*(await\\s+)?[\\w.]+\\.${kind}\\([^)]*\\)\\s*;`));
    }
  });
});

describe('src/generated/sqlite-db.js, in place of drizzle-orm/sqlite-core/db.js in the bundle', () => {
  const generatedDb = () => readFileSync(join(root, 'src', 'generated', 'sqlite-db.js'), 'utf8');
  const originalDb = () => drizzle('sqlite-core/db.js');
  const importers = [
    ['d1/driver.js', '../sqlite-core/db.js'],
    ['sqlite-core/index.js', './db.js'],
    ['sqlite-core/session.js', './db.js'],
  ] as const;
  const leftOut = [...DATABASE_LEFT_OUT.methods, ...DATABASE_LEFT_OUT.fields];
  const escaped = (name: string) => name.replace(/\$/g, '\\$');

  it('wrangler.toml aliases exactly the specifiers by which the bundled drizzle modules import it', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    for (const [, specifier] of importers) expect(toml).toContain(`"${specifier}" = "./src/generated/sqlite-db.js"`);
    const users = bundledDrizzle().filter((path) => /from "[./]+(sqlite-core\/)?db\.js"/.test(drizzle(path)));
    expect(users.sort()).toEqual(importers.map(([file]) => file));
    for (const [file, specifier] of importers) expect(drizzle(file), file).toContain(`from "${specifier}"`);
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), and exports the same names', async () => {
    expect(generatedDb()).toBe(trimDatabase(originalDb()));
    const exported = Object.keys(await import(pathToFileURL(join(root, 'src', 'generated', 'sqlite-db.js')).href)).sort();
    expect(exported).toEqual(Object.keys(await import('drizzle-orm/sqlite-core/db')).sort());
    // db.query's builder from the bundle's stand-in, as wrangler.toml aliases it for drizzle's own modules
    // (which the class, given no schema, never makes: DATABASE_UNREAD_LEFT_OUT, below).
    expect(trimDatabase(originalDb(), { unread: false })).toContain('import { RelationalQueryBuilder } from "../db/no-relations";');
    expect(generatedDb()).not.toContain('RelationalQueryBuilder');
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"./query-builders/query.js" = "./src/db/no-relations.ts"');
  });

  it("is drizzle's database class member for member, but for the CTEs, $count, selectDistinct, the raw queries and transaction", () => {
    // Read with TypeScript's parser, independent of the script's line patterns.
    const members = (text: string) => {
      const source = ts.createSourceFile('db.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const found = new Map<string, string>();
      for (const statement of source.statements)
        if (ts.isClassDeclaration(statement) && statement.name?.text === 'BaseSQLiteDatabase')
          for (const member of statement.members)
            found.set(
              ts.isConstructorDeclaration(member) ? 'constructor' : (member.name?.getText(source) ?? member.getText(source)),
              member.getText(source),
            );
      return found;
    };
    const before = members(originalDb());
    // (Without what DATABASE_UNREAD_LEFT_OUT leaves out of the constructor and fields: the test below.)
    const after = members(trimDatabase(originalDb(), { unread: false }));
    expect([...before.keys()].filter((key) => !after.has(key)).sort()).toEqual([...leftOut].sort());
    // The constructor but for its part for a schema (DATABASE_CONSTRUCTOR_EDIT; held below).
    for (const [key, text] of after)
      expect(text, key).toBe(
        key === 'constructor' ? before.get(key)?.replace(DATABASE_CONSTRUCTOR_EDIT.from, DATABASE_CONSTRUCTOR_EDIT.to) : before.get(key),
      );
    expect(after.get('constructor')).not.toBe(before.get('constructor'));
    // The rest of the module (withReplicas, the exports) as drizzle wrote it.
    const tail = (text: string) => text.slice(text.indexOf('const withReplicas'));
    expect(tail(generatedDb())).toBe(tail(originalDb()).replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
  });

  it('a database made without a schema is the same as drizzle\u2019s but for its empty relational state, result kind, query and $cache, which nothing in the bundle reads', async () => {
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'sqlite-db.js')).href);
    const theirs = await import('drizzle-orm/sqlite-core/db');
    const [dialect, session] = [{}, {}];
    const [a, b] = [
      new ours.BaseSQLiteDatabase(dialect, session),
      new theirs.BaseSQLiteDatabase('async', dialect as never, session as never, undefined),
    ];
    // drizzle's: the empty state of no schema, and a $cache that drizzle(d1) sets again.
    expect(b._).toEqual({ schema: undefined, fullSchema: {}, tableNamesMap: {} });
    expect(b.query).toEqual({});
    expect([a._, a.query, a.$cache, a.resultKind]).toEqual([undefined, undefined, undefined, undefined]);
    expect([a.dialect, a.session]).toEqual([dialect, session]);
    expect(Object.values(b)).toEqual(expect.arrayContaining([dialect, session]));
    // (Its own state is its dialect and session; drizzle's has its result kind, `_`, query and $cache besides, and $with, left out.)
    expect(Object.keys(a).sort()).toEqual(['dialect', 'session']);
    expect(Object.keys(b).sort()).toEqual(['$cache', '$with', '_', 'dialect', 'query', 'resultKind', 'session']);
    // DATABASE_UNREAD_LEFT_OUT: each text found once in what the other edits leave, each only
    // leaving out (what stays is drizzle's, word for word), and the result kind read by nothing
    // but the raw and relational queries, left out (DATABASE_LEFT_OUT, src/db/no-relations.ts).
    let text = trimDatabase(originalDb(), { unread: false });
    for (const { name, from, to } of DATABASE_UNREAD_LEFT_OUT) {
      expect(text.split(from).length - 1, name).toBe(1);
      expect(onlyLeavesOutWords(from, to), name).toBe(true);
      text = text.replace(from, () => to);
    }
    expect(originalDb().match(/this\.resultKind\b/g)?.length).toBeGreaterThan(1);
    expect(generatedDb().replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/resultKind|schema|^ {2}(query|\$cache);$/m);
    for (const path of bundledDrizzle().filter((p) => p !== 'sqlite-core/db.js'))
      expect(asBundled(path), path).not.toMatch(/\.resultKind\b/);
    // D1's driver, the one maker of a database in the bundle, gives it no schema (and throws for one in its config).
    expect(readFileSync(join(root, 'src', 'generated', 'd1-driver.js'), 'utf8')).toContain(
      'const db = new DrizzleD1Database(dialect, session);',
    );
    expect(bundledDrizzle().filter((path) => /new \w*(BaseSQLiteDatabase|D1Database)\(/.test(asBundled(path)))).toEqual(['d1/driver.js']);
    // Nothing in the bundle reads them: no generated module (but withReplicas, in db.js itself,
    // which the app never calls) nor the app; D1's driver sets db.$cache from its config.
    for (const file of readdirSync(join(root, 'src', 'generated')).filter((name) => name.endsWith('.js')))
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8').replace(/\nconst withReplicas[\s\S]*$/, ''), file).not.toMatch(
        /\._\.(schema|fullSchema|tableNamesMap)\b|\.\$cache\b(?!;)|\bdb\.query\b/,
      );
    // (The app's code, not its comments: src/db/no-relations.ts tells of db.query.)
    for (const file of sources('src')) expect(sourceCode(file), file).not.toMatch(/\$cache|\bdb\._\b|\bdb\.query\b/);
    expect(drizzle('d1/driver.js')).toMatch(/\n {2}db\.\$cache = config\.cache;\n/);
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toContain('withReplicas');
    // (Nor the app, read with TypeScript's checker.)
    expect(await appUsesOf('sqlite-core/db.d.ts', ['resultKind', 'query', '$cache', '_'], 'BaseSQLiteDatabase')).toEqual([]);
  });

  it('leaves out only what nothing the app reaches calls', async () => {
    // The raw queries' names are other objects' too (a D1 statement's run and all, a Map's get,
    // an insert's values): they are looked for by what they are called on, below.
    const shared = ['run', 'all', 'get', 'values'];
    const unique = leftOut.filter((name) => !shared.includes(name));
    // No other drizzle module of the bundle (as the bundle has it: the generated modules in their
    // place) calls them on a database (withReplicas, in db.js itself, is not reached: the app
    // never calls it; the dialect's session.transaction is its migrate's, left out above).
    for (const path of bundledDrizzle().filter((p) => p !== 'sqlite-core/db.js')) {
      const text = asBundled(path);
      for (const name of unique) expect(text, `${path}: ${name}`).not.toMatch(new RegExp(`(?<!this)\\.${escaped(name)}\\(`));
    }
    // drizzle's modules call the others on their own objects (`this`: a builder, a prepared
    // query), Object, Promise and the cache, and on a database only in withReplicas.
    const receivers = bundledDrizzle().flatMap((path) =>
      [...asBundled(path).matchAll(/(?<![\w$.])([\w$]+)\.(run|all|get|values)\(/g)].map((m) => `${path}: ${m[1]}`),
    );
    expect(receivers.length).toBeGreaterThan(5);
    expect([...new Set(receivers.filter((r) => !/: (this|Object|Promise|cache)$/.test(r)))]).toEqual(['sqlite-core/db.js: primary']);
    for (const file of sources('src')) {
      // (Comments may name them: src/db/sqlite-columns.ts says what `db.$count()` would need.)
      const text = sourceCode(file);
      expect(text, file).not.toMatch(new RegExp(`\\.(${unique.map(escaped).join('|')})\\(`));
      expect(text, file).not.toMatch(/\bwithReplicas\b/);
    }
    // The app's, read with TypeScript's checker (whatever its database is called).
    expect(await appUsesOf('sqlite-core/db.d.ts', leftOut)).toEqual([]);
  });
});

describe("src/generated/drizzle-query-promise.js, in place of drizzle-orm's QueryPromise for the generated builders", () => {
  const ours = () => readFileSync(join(root, 'src', 'generated', 'drizzle-query-promise.js'), 'utf8');
  const theirs = () => drizzle('query-promise.js');

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), and only the generated builders import it', () => {
    expect(ours()).toBe(trimQueryPromise(theirs()));
    expect(GENERATED['drizzle-orm/query-promise']).toBe('./drizzle-query-promise.js');
    // drizzle's importers of its QueryPromise: the builders (generated, but for the raw query's,
    // which the bundle has not), its index (a re-export), the relational query's (src/db/no-relations.ts)
    // and the SQLite session's sync result (left out of src/generated/sqlite-session.js).
    const importers = bundledDrizzle().filter((path) => /from "[./]+query-promise\.js"/.test(drizzle(path)));
    expect(importers.sort()).toEqual(
      [
        'index.js',
        'sqlite-core/query-builders/delete.js',
        'sqlite-core/query-builders/insert.js',
        'sqlite-core/query-builders/query.js',
        'sqlite-core/query-builders/raw.js',
        'sqlite-core/query-builders/select.js',
        'sqlite-core/query-builders/update.js',
        'sqlite-core/session.js',
      ].sort(),
    );
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-session.js'), 'utf8')).not.toContain('QueryPromise');
    for (const kind of ['select', 'update', 'insert', 'delete'])
      expect(readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8')).toContain(
        'import { QueryPromise } from "./drizzle-query-promise.js";',
      );
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/query-promise|\bQueryPromise\b/);
  });

  it("is drizzle's class but for catch() and finally(), which nothing in the bundle calls on a query", async () => {
    const shape = (text: string) => {
      const source = ts.createSourceFile('query-promise.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const members = new Map<string, string>();
      for (const statement of source.statements)
        if (ts.isClassDeclaration(statement))
          for (const member of statement.members) members.set(member.name?.getText(source) ?? '', member.getText(source));
      return members;
    };
    const before = shape(theirs());
    const after = shape(ours());
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([...QUERY_PROMISE_LEFT_OUT]);
    for (const [name, text] of after) expect(text, name).toBe(before.get(name));
    // No module of drizzle's as the bundle has it calls them, nor the app on any of its queries (TypeScript's checker).
    for (const path of bundledDrizzle()) expect(asBundled(path), path).not.toMatch(/\.(catch|finally)\(/);
    expect(await appUsesOf('query-promise.d.ts', QUERY_PROMISE_LEFT_OUT, 'QueryPromise')).toEqual([]);
    // Awaited, a query runs by its then(); its tag stays drizzle's.
    const { QueryPromise } = await import(pathToFileURL(join(root, 'src', 'generated', 'drizzle-query-promise.js')).href);
    const query = new (class extends QueryPromise {
      execute = async () => 'rows';
    })();
    expect(await query).toBe('rows');
    expect(Object.prototype.toString.call(query)).toBe('[object QueryPromise]');
  });
});
