// drizzle-orm's SQLite and D1 sessions as wrangler.toml's [alias] puts them in the Worker's bundle
// (src/generated/sqlite-session.js and d1-session.js, written by scripts/lib/drizzle-dialect.mjs
// from the installed drizzle-orm): the alias names the one text by which drizzle imports them
// ("./session.js"); each module is drizzle's, member for member, but for what it leaves out (the
// sessions' raw queries, their batch mappers and transactions; a prepared query's cache and mode,
// and what else they are handed that nothing reads); its imports are the same files or
// the bundle's own stand-ins; and nothing the app reaches calls what is left out. bundle.test.ts
// checks their code gone; the Workers tests (vitest.config.ts applies the same aliases), the e2e
// suite and the bench run with them.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CACHE_LEFT_OUT,
  CUSTOM_MAPPER_LEFT_OUT,
  D1_BATCH_BIND,
  DATABASE_LEFT_OUT,
  d1Specifier,
  ERRORS_PURE_CLASSES,
  GENERATED,
  LOGGER_LEFT_OUT,
  PREPARED_LEFT_OUT,
  packageSpecifier,
  QUERY_ERROR_TAIL,
  QUERY_WITHOUT_CACHE,
  RAW_QUERY_BRANCHES,
  SESSION_STAND_INS,
  SESSION_TEXTS_LEFT_OUT,
  SESSION_UNREAD_LEFT_OUT,
  SESSIONS_LEFT_OUT,
  SQLITE_SESSION_EXPORTS,
  trimErrors,
  trimSession,
} from '../../scripts/lib/drizzle-dialect.mjs';
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

const kinds = ['sqlite', 'd1'] as const;
type Kind = (typeof kinds)[number];
const original = (kind: Kind) => drizzle(kind === 'sqlite' ? 'sqlite-core/session.js' : 'd1/session.js');
const generatedFile = (kind: Kind) => join(root, 'src', 'generated', `${kind}-session.js`);
const generated = (kind: Kind) => readFileSync(generatedFile(kind), 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const NOT_HERE = 'throw new Error("not part of this build");';

/** A module's statements read with TypeScript's parser: its classes' members as text, and its other statements. */
function shape(text: string) {
  const source = ts.createSourceFile('session.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const classes = new Map<string, Map<string, ts.ClassElement>>();
  const statements: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
    if (ts.isClassDeclaration(statement) && statement.name) {
      const members = new Map<string, ts.ClassElement>();
      for (const member of statement.members)
        members.set(member.name?.getText(source) ?? (ts.isConstructorDeclaration(member) ? 'constructor' : member.getText(source)), member);
      classes.set(statement.name.text, members);
      statements.push(`class ${statement.name.text} ${statement.heritageClauses?.map((h) => h.getText(source)).join(' ') ?? ''}`);
    } else statements.push(statement.getText(source));
  }
  return { source, classes, statements };
}

describe.each(kinds)('src/generated/%s-session.js, in place of drizzle-orm\u2019s session module in the bundle', (kind) => {
  const left = SESSIONS_LEFT_OUT[kind];
  const sessionClass = kind === 'sqlite' ? 'SQLiteSession' : 'SQLiteD1Session';

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale)', () => {
    expect(generated(kind)).toBe(trimSession(kind, original(kind)));
  });

  it("is drizzle's module member for member, but for the classes and methods left out and the two branches that throw", () => {
    const loggerMembers: string[] = [];
    const before = shape(original(kind));
    // (Without what SESSION_UNREAD_LEFT_OUT leaves out besides: held in its own test, below.)
    const base = trimSession(kind, original(kind), { unread: false });
    const after = shape(base);
    expect([...before.classes.keys()].filter((name) => !after.classes.has(name)).sort()).toEqual([...left.classes].sort());
    for (const [name, members] of after.classes) {
      const was = before.classes.get(name);
      expect(was, name).toBeDefined();
      const gone = [...(was?.keys() ?? [])].filter((member) => !members.has(member));
      expect(gone.sort(), name).toEqual(
        name === sessionClass
          ? // (and D1's field for its query logger, LOGGER_LEFT_OUT)
            [...left.methods, ...(kind === 'd1' ? ['cache', 'logger'] : [])].sort()
          : name === PREPARED_LEFT_OUT[kind].class
            ? // (and the SQLite prepared query's field joinsNotNullableMap, SESSION_TEXTS_LEFT_OUT: only a join's mapping read it)
              [...PREPARED_LEFT_OUT[kind].methods, ...(kind === 'sqlite' ? ['joinsNotNullableMap'] : [])].sort()
            : [],
      );
      for (const [member, node] of members) {
        const text = node.getText(after.source);
        const wasNode = was?.get(member);
        const wasText = wasNode?.getText(before.source) ?? '';
        if (kind === 'sqlite' && name === 'SQLitePreparedQuery' && (member === 'queryWithCache' || member === 'execute')) {
          // drizzle's first statement (its branch without a cache, less its test for a NoopCache, which
          // the bundle's D1 session no longer gives: QUERY_WITHOUT_CACHE; its async mode's), then the throw in place of the rest.
          const body = (n: ts.ClassElement | undefined, source: ts.SourceFile) =>
            n && ts.isMethodDeclaration(n) ? (n.body?.statements.map((s) => s.getText(source)) ?? []) : [];
          const [first, ...rest] = body(wasNode, before.source);
          expect(rest.length, member).toBeGreaterThan(0);
          expect(first?.split(QUERY_WITHOUT_CACHE.from).length, member).toBe(member === 'queryWithCache' ? 2 : 1);
          expect(body(node, after.source), member).toEqual([first?.replace(QUERY_WITHOUT_CACHE.from, QUERY_WITHOUT_CACHE.to), NOT_HERE]);
          const head = (t: string) => t.slice(0, t.indexOf('{'));
          expect(head(text), member).toBe(head(wasText));
        } else if (kind === 'd1' && name === 'D1PreparedQuery' && ['all', 'mapAllResult'].includes(member)) {
          // drizzle's but for the branch of a query without fields (a throw in its place in all();
          // get() is left out whole), the names only that branch took from `this`, and the statements of a custom
          // result mapper's (and, in the batch's mappers, of no fields); every other statement as
          // drizzle wrote it.
          const body = (n: ts.ClassElement | undefined, source: ts.SourceFile) =>
            n && ts.isMethodDeclaration(n) ? (n.body?.statements.map((s) => s.getText(source)) ?? []) : [];
          const mapper = CUSTOM_MAPPER_LEFT_OUT.flatMap((text) => {
            const method = shape(`class X {\n  m() {\n${text}  }\n}\n`);
            return body(method.classes.get('X')?.get('m'), method.source);
          });
          expect(mapper).toHaveLength(2);
          let theirs = body(wasNode, before.source);
          let ours = body(node, after.source);
          if (member === 'all') {
            const [theirNames = '', raw = '', ...theirRest] = theirs;
            const [ourNames = '', thrown = '', ...ourRest] = ours;
            const [, names, kept] = RAW_QUERY_BRANCHES.find(([method]) => method === member) ?? [];
            expect(theirNames, member).toBe(`const { ${names} } = this;`);
            expect(ourNames, member).toBe(`const { ${kept} } = this;`);
            expect(raw, member).toMatch(/^if \(!fields && !customResultMapper\) \{\n[\s\S]*\n {4}\}$/);
            expect(thrown, member).toBe(`if (!fields) ${NOT_HERE}`);
            // The names left are those the rest reads (and `fields`, for the throw).
            for (const name of (names ?? '').split(', '))
              expect(ourRest.some((t) => new RegExp(`\\b${name}\\b`).test(t)) || name === 'fields', name).toBe(
                (kept ?? '').split(', ').includes(name),
              );
            theirs = theirRest;
            ours = ourRest;
          }
          if (member === 'mapAllResult') {
            // Its mapping of each row, without the joins' map (SESSION_TEXTS_LEFT_OUT: the bundle's mapResultRow takes none).
            const [left = ''] = SESSION_TEXTS_LEFT_OUT.d1;
            expect(theirs.filter((t) => t.includes(left))).toEqual([
              'return rows.map((row) => mapResultRow(this.fields, row, this.joinsNotNullableMap));',
            ]);
            theirs = theirs.map((t) => t.replace(left, ''));
          }
          expect(ours, member).toEqual(theirs.filter((t) => !mapper.includes(t)));
          expect(ours.join('\n'), member).not.toMatch(/customResultMapper/);
        } else if (kind === 'sqlite' && name === 'SQLitePreparedQuery' && member === 'constructor') {
          // drizzle's statements but the two that set its cache options, which only another cache's branch read (left out).
          const body = (n: ts.ClassElement | undefined, source: ts.SourceFile) =>
            n && ts.isConstructorDeclaration(n) ? (n.body?.statements.map((s) => s.getText(source)) ?? []) : [];
          const theirs = body(wasNode, before.source);
          const cacheOptions = theirs.filter((s) => s.startsWith('if (') && /this\.cacheConfig = /.test(s));
          expect(cacheOptions).toHaveLength(2);
          expect(body(node, after.source)).toEqual(theirs.filter((s) => !cacheOptions.includes(s)));
          expect(base.match(/this\.cacheConfig\b/g), 'set, never read').toEqual(['this.cacheConfig']);
        } else if (kind === 'd1') {
          // drizzle's text without its query logger's (LOGGER_LEFT_OUT): the session's logger, handed
          // to each prepared query, whose constructor keeps it and whose run() and values() call it.
          // (And its NoopCache, handed on the same way: CACHE_LEFT_OUT.)
          expect(text, `${name}.${member}`).toBe(
            [...LOGGER_LEFT_OUT, ...CACHE_LEFT_OUT].reduce((t, { from, to }) => t.split(from).join(to), wasText),
          );
          if (text !== wasText) loggerMembers.push(`${name}.${member}`);
        } else expect(text, `${name}.${member}`).toBe(wasText);
      }
    }
    if (kind === 'd1') {
      expect(loggerMembers.sort()).toEqual([
        'D1PreparedQuery.constructor',
        'D1PreparedQuery.run',
        'D1PreparedQuery.values',
        'SQLiteD1Session.constructor',
        'SQLiteD1Session.prepareQuery',
      ]);
      // Each text found as often as said, and what takes its place is the same text without the logger's part.
      for (const { from, to, count } of LOGGER_LEFT_OUT) {
        expect(original(kind).split(from).length - 1, from).toBe(count);
        const cut = [...Array(from.length + 1).keys()].some(
          (at) =>
            from.startsWith(to.slice(0, at)) &&
            from.endsWith(to.slice(at)) &&
            from.length > to.length &&
            from.slice(at, from.length - (to.length - at)).includes('logger'),
        );
        expect(cut, from).toBe(true);
        expect(to, from).not.toMatch(/logger/);
      }
      expect(generated(kind)).not.toMatch(/logger|Logger/);
      // The cache's texts: each found as often as said once the logger's are out, each naming the cache, its replacement not.
      let withoutLogger = original(kind);
      for (const { from, to } of LOGGER_LEFT_OUT) withoutLogger = withoutLogger.split(from).join(to);
      for (const { from, to, count } of CACHE_LEFT_OUT) {
        expect(withoutLogger.split(from).length - 1, from).toBe(count);
        expect(from, from).toMatch(/\bcache\b/);
        expect(to, from).not.toMatch(/\bcache\b/);
      }
      expect(generated(kind)).not.toMatch(/NoopCache|this\.cache\b|\bcache,/);
    }
    // No joins' map is left to hand on: the select builder no longer makes one (BUILDER_TEXTS_LEFT_OUT)
    // and the bundle's mapResultRow takes the fields and the row only.
    expect(generated(kind)).not.toContain('joinsNotNullableMap');
    expect(readFileSync(join(root, 'src', 'generated', 'sqlite-select.js'), 'utf8')).not.toContain('joinsNotNullableMap');
    expect(readFileSync(join(root, 'src', 'generated', 'drizzle-utils.js'), 'utf8')).toContain('function mapResultRow(columns, row) {');
    // The module's other statements (d1ToRawMapping) as drizzle wrote them, and the classes in its order.
    expect(after.statements).toEqual(before.statements.filter((s) => !left.classes.some((name) => s.startsWith(`class ${name} `))));
  });

  it("imports drizzle's own files by the package's specifiers, or the bundle's stand-ins, and only names it uses", () => {
    const file = pathToFileURL(join(root, 'node_modules', 'drizzle-orm', kind === 'sqlite' ? 'sqlite-core' : 'd1', 'session.js'));
    const imports = [...original(kind).matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)];
    const kept = [...generated(kind).matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)];
    expect(imports.length).toBeGreaterThan(3);
    const standIns: Record<string, string> = SESSION_STAND_INS[kind];
    for (const [, names = '', from = ''] of imports) {
      const to = standIns[from] ?? (kind === 'sqlite' ? packageSpecifier(from) : d1Specifier(from));
      // drizzle's errors.js: the generated copy (src/generated/drizzle-errors.js, below).
      const line = kept.find(([, , specifier]) => specifier === (GENERATED[to] ?? to));
      if (!line) continue; // only what is left out used it
      if (!(from in standIns))
        expect(realpathSync(fileURLToPath(import.meta.resolve(to))), from).toBe(realpathSync(fileURLToPath(new URL(from, file))));
      for (const name of (line[1] ?? '').split(',').map((n) => n.trim())) {
        expect(
          names.split(',').map((n) => n.trim()),
          `${name} from ${from}`,
        ).toContain(name);
        expect(generated(kind).slice(generated(kind).indexOf('\nclass ')), name).toMatch(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`));
      }
    }
    // The stand-ins the bundle puts in place of those files for drizzle's own imports of them
    // (wrangler.toml [alias]); the SQLite session is the other generated module.
    expect(toml()).toContain('"../cache/core/cache.js" = "./src/db/no-cache.ts"');
    if (kind === 'd1') expect(toml()).toContain('"../logger.js" = "./src/db/quiet-logger.ts"');
    expect(Object.values(standIns).sort()).toEqual(
      kind === 'sqlite' ? ['../db/no-cache'] : ['../db/no-cache', '../db/quiet-logger', './sqlite-session.js'],
    );
  });

  it("exports drizzle's names but the classes left out (the D1 module the SQLite session's too)", async () => {
    const exported = Object.keys(await import(pathToFileURL(generatedFile(kind)).href)).sort();
    const drizzles = Object.keys(await import(kind === 'sqlite' ? 'drizzle-orm/sqlite-core/session' : 'drizzle-orm/d1/session'));
    const own = drizzles.filter((name) => !left.classes.includes(name));
    expect(exported).toEqual([...own, ...(kind === 'd1' ? SQLITE_SESSION_EXPORTS : [])].sort());
    if (kind === 'sqlite') expect([...SQLITE_SESSION_EXPORTS].sort()).toEqual(own.sort());
  });
});

describe('the sessions in the bundle', () => {
  it('wrangler.toml aliases "./session.js", the one text by which the bundled drizzle modules import a session module', () => {
    expect(toml()).toContain('"./session.js" = "./src/generated/d1-session.js"');
    const importers = bundledDrizzle().filter((path) => /from "[./]+(sqlite-core\/|d1\/)?session\.js"/.test(drizzle(path)));
    expect(importers.sort()).toEqual(['d1/driver.js', 'd1/index.js', 'd1/session.js', 'sqlite-core/index.js']);
    for (const file of ['d1/driver.js', 'd1/index.js', 'sqlite-core/index.js'])
      expect(drizzle(file), file).toContain('from "./session.js"');
    // The SQLite session's other importer is the D1 session, which the bundle has generated too.
    expect(drizzle('d1/session.js')).toContain('from "../sqlite-core/session.js"');
    expect(generated('d1')).toContain('from "./sqlite-session.js"');
  });

  it('leave out only what nothing the app reaches calls', async () => {
    // drizzle's modules as the bundle has them (asBundled: the generated ones in their place, no
    // drizzle code for $count's and the relational query's builders, no migrator).
    expect(toml()).toContain('"./query-builders/count.js" = "./src/db/sqlite-columns.ts"');
    expect(toml()).toContain('"./query-builders/query.js" = "./src/db/no-relations.ts"');
    const left =
      /\bsession\.(run|all|get|values|count|transaction)\(|extractRaw\w+FromBatchResult|ExecuteResultSync|SQLiteTransaction|D1Transaction/;
    for (const path of bundledDrizzle()) expect(asBundled(path), path).not.toMatch(left);
    // A prepared query's methods left out: no module of drizzle's for SQLite calls isResponseInArrayMode (only other drivers' sessions do).
    expect(PREPARED_LEFT_OUT.sqlite.methods).toEqual([]);
    expect(PREPARED_LEFT_OUT.d1.methods).toEqual(['get', 'isResponseInArrayMode', 'mapGetResult']);
    const prepared = /\.isResponseInArrayMode\(/;
    for (const path of bundledDrizzle()) expect(drizzle(path), path).not.toMatch(prepared);
    expect(drizzle('neon-http/session.js')).toMatch(prepared);
    // Nor D1's get and mapGetResult: a builder's get() calls the one (`this._prepare().get(`), which
    // the app never calls (below), and a query prepared with the "get" method the other, which no
    // module of the bundle prepares (only drizzle's raw db.get did, left out of src/generated/sqlite-db.js):
    // the SQLite session's dispatch on its method is the one text that names it.
    for (const kind of ['select', 'update', 'insert', 'delete'])
      expect(drizzle(`sqlite-core/query-builders/${kind}.js`), kind).toContain(
        'get = (placeholderValues) => {\n    return this._prepare().get(placeholderValues);',
      );
    expect(drizzle('sqlite-core/db.js')).toContain('"get"');
    // (The SQLite session's dispatch on its method had a case for it, and its mapGetResult() threw:
    // both left out, SESSION_UNREAD_LEFT_OUT, as nothing prepares a query with that method.)
    for (const path of bundledDrizzle()) expect(asBundled(path), path).not.toMatch(/"get"|mapGetResult/);
    expect(drizzle('sqlite-core/session.js')).toContain('case "get": {\n        return this.mapGetResult(response, isFromBatch);');
    for (const [file, owner] of [
      ['sqlite-core/query-builders/select.d.ts', 'SQLiteSelectBase'],
      ['sqlite-core/query-builders/update.d.ts', 'SQLiteUpdateBase'],
      ['sqlite-core/query-builders/insert.d.ts', 'SQLiteInsertBase'],
      ['sqlite-core/query-builders/delete.d.ts', 'SQLiteDeleteBase'],
      ['sqlite-core/session.d.ts', 'SQLitePreparedQuery'],
      ['d1/session.d.ts', 'D1PreparedQuery'],
    ] as const)
      expect(await appUsesOf(file, ['get', 'mapGetResult'], owner), `${file} ${owner}`).toEqual([]);
    // (It finds a builder's members the app does call: an update's returning.)
    expect((await appUsesOf('sqlite-core/query-builders/update.d.ts', ['returning'], 'SQLiteUpdateBase')).length).toBeGreaterThan(0);
    // Before the generated modules and stand-ins, drizzle's own reached them from these alone.
    expect(
      bundledDrizzle()
        .filter((path) => left.test(drizzle(path)))
        .sort(),
    ).toEqual([
      'd1/migrator.js',
      'd1/session.js',
      'sqlite-core/db.js',
      'sqlite-core/dialect.js',
      'sqlite-core/query-builders/count.js',
      'sqlite-core/session.js',
    ]);
    for (const file of sources('src')) {
      const text = sourceCode(file);
      expect(text, file).not.toMatch(/drizzle-orm\/[\w-]+\/migrator|\b(ExecuteResultSync|SQLiteTransaction|D1Transaction)\b/);
    }
    // The app's own calls, read with TypeScript's checker: none of the database's raw queries or
    // transaction (src/generated/sqlite-db.js leaves them out), none of a session's methods left out.
    const database = DATABASE_LEFT_OUT.methods.filter((name) => ['run', 'all', 'get', 'values', 'transaction'].includes(name));
    expect(database.sort()).toEqual(['all', 'get', 'run', 'transaction', 'values']);
    expect(await appUsesOf('sqlite-core/db.d.ts', database)).toEqual([]);
    expect(await appUsesOf('sqlite-core/session.d.ts', [...SESSIONS_LEFT_OUT.sqlite.methods, 'transaction'], 'SQLiteSession')).toEqual([]);
    expect(await appUsesOf('d1/session.d.ts', SESSIONS_LEFT_OUT.d1.methods, 'SQLiteD1Session')).toEqual([]);
    // (The checker does find the app's calls: its selects and batches.)
    expect((await appUsesOf('sqlite-core/db.d.ts', ['select'])).length).toBeGreaterThan(5);
    expect((await appUsesOf('d1/driver.d.ts', ['batch'], 'DrizzleD1Database')).length).toBeGreaterThan(3);
  });

  it("run a prepared query as drizzle does without a cache, which is the only cache and mode the app's queries have", async () => {
    // D1's prepared query is always async; the app hands drizzle no cache (src/db/client.ts), so drizzle's D1 session makes a
    // NoopCache, which the bundle's no longer makes nor hands on (CACHE_LEFT_OUT): its prepared queries have none.
    expect(original('d1')).toContain('super("async", executeMethod, query, cache, queryMetadata, cacheConfig);');
    expect(original('d1')).toContain('this.cache = options.cache ?? new NoopCache();');
    expect(bundledDrizzle().filter((path) => /extends SQLitePreparedQuery\b/.test(drizzle(path)))).toEqual(['d1/session.js']);
    const client = readFileSync(join(root, 'src', 'db', 'client.ts'), 'utf8');
    // One argument each time, the timed database or session: no options.
    expect(client.match(/\bdrizzle\([^)]*\)?\)/g)).toEqual(['drizzle(timed(d1))', 'drizzle(timed(session, gate))']);
    expect(sources('src').filter((file) => /from 'drizzle-orm\/d1'/.test(readFileSync(join(root, file), 'utf8')))).toEqual([
      'src/db/client.ts',
    ]);
    const { SQLitePreparedQuery } = await import(pathToFileURL(generatedFile('sqlite')).href);
    const { DrizzleQueryError } = await import(pathToFileURL(join(root, 'src', 'generated', 'drizzle-errors.js')).href);
    const query = { sql: 'select 1', params: [] };
    // (No mode, cache, metadata nor cache options any more: SESSION_UNREAD_LEFT_OUT.)
    const prepared = new SQLitePreparedQuery('all', query);
    await expect(prepared.queryWithCache('select 1', [], async () => 'rows')).resolves.toBe('rows');
    const failed = prepared.queryWithCache('select 1', [7], async () => {
      throw new Error('D1_ERROR');
    });
    await expect(failed).rejects.toBeInstanceOf(DrizzleQueryError);
    await expect(failed).rejects.toMatchObject({ query: 'select 1', params: [7], cause: new Error('D1_ERROR') });
    prepared.all = async () => 'all rows';
    await expect(prepared.execute()).resolves.toBe('all rows');
    // D1's query without fields (a raw query's, which the app never runs) throws; with fields, drizzle's mapping.
    const { D1PreparedQuery } = await import(pathToFileURL(generatedFile('d1')).href);
    const stmt = { bind: () => ({ raw: async () => [[1, 'Anna']] }) };
    const prepare = (fields: unknown) => new D1PreparedQuery(stmt, query, fields, 'all');
    await expect(prepare(undefined).all()).rejects.toThrow(/not part of this build/);
    // Its get and mapGetResult are left out (PREPARED_LEFT_OUT), and the SQLite session's (SESSION_UNREAD_LEFT_OUT):
    // a batch maps what the "all" and "run" methods prepared, the only ones the bundle prepares.
    expect(prepare(undefined).get).toBeUndefined();
    expect(prepare(undefined).mapGetResult).toBeUndefined();
    expect(() => prepare(undefined).mapResult({ results: [] }, true)).not.toThrow();
    expect(new D1PreparedQuery(stmt, query, [], 'get').mapResult({ results: [] }, true)).toBeUndefined();
    const { sql } = await import('drizzle-orm');
    const fields = [
      { path: ['id'], field: sql`id`.mapWith(Number) },
      { path: ['name'], field: sql`name` },
    ];
    await expect(prepare(fields).all()).resolves.toEqual([{ id: 1, name: 'Anna' }]);
  });

  it('keep nothing they are handed that nothing reads (SESSION_UNREAD_LEFT_OUT): each text only leaves out', async () => {
    for (const kind of kinds) {
      let text = trimSession(kind, original(kind), { unread: false });
      for (const { name, from, to } of SESSION_UNREAD_LEFT_OUT[kind]) {
        expect(text.split(from).length - 1, name).toBe(1);
        expect(onlyLeavesOutWords(from, to), name).toBe(true);
        text = text.replace(from, () => to);
      }
      // (And D1's batch binding each query's own statement: D1_BATCH_BIND, its own test below.)
      if (kind === 'd1') text = text.replace(D1_BATCH_BIND.from, () => D1_BATCH_BIND.to);
      const body = (t: string) => t.slice(t.indexOf('\nclass '));
      expect(body(generated(kind)), kind).toBe(body(text));
    }
    const sqlite = generated('sqlite');
    const d1 = generated('d1');
    // The prepared query's mode, always "async": its one subclass in the bundle is D1's, which said so.
    expect(bundledDrizzle().filter((path) => /extends SQLitePreparedQuery\b/.test(drizzle(path)))).toEqual(['d1/session.js']);
    expect(original('d1')).toContain('super("async", executeMethod, query, cache, queryMetadata, cacheConfig);');
    // Its cache, always none (D1's gave it void 0: CACHE_LEFT_OUT), its metadata and cache options read
    // by nothing else than the test for no cache and the cache's branch.
    const base = trimSession('sqlite', original('sqlite'), { unread: false });
    expect(trimSession('d1', original('d1'), { unread: false })).toContain(
      'super("async", executeMethod, query, void 0, queryMetadata, cacheConfig);',
    );
    expect(base.match(/this\.(mode|cache|queryMetadata|cacheConfig)\b/g)?.sort()).toEqual(
      ['this.mode', 'this.mode', 'this.cache', 'this.cache', 'this.queryMetadata', 'this.queryMetadata', 'this.cacheConfig'].sort(),
    );
    expect(sqlite).not.toMatch(/\b(mode|cache|queryMetadata|cacheConfig)\b/);
    // (A column's config has a mode of its own: the modules that hold a prepared query are these.)
    for (const path of bundledDrizzle()) expect(asBundled(path), path).not.toMatch(/\.(queryMetadata|cacheConfig)\b/);
    const holders = ['d1/session.js', 'd1/driver.js', 'sqlite-core/session.js', 'sqlite-core/db.js'].concat(
      ['select', 'update', 'insert', 'delete'].map((kind) => `sqlite-core/query-builders/${kind}.js`),
    );
    for (const path of holders) expect(asBundled(path), path).not.toMatch(/\.mode\b/);
    // mapAllResult(): D1's own is the one a query has; mapGetResult(): nothing prepares a query with
    // the "get" method (the builders prepare "all" or "run": test/node/sqlite-dialect.test.ts).
    expect(d1).toContain('  mapAllResult(rows, isFromBatch) {');
    for (const kind of ['select', 'update', 'insert', 'delete'])
      expect(readFileSync(join(root, 'src', 'generated', `sqlite-${kind}.js`), 'utf8'), kind).toMatch(
        /this\.session\.prepareOneTimeQuery\(\n\s+this\.dialect\.sqlToQuery\(this\.getSQL\(\)\),\n\s+[^\n]+,\n\s+("all"|this\.config\.returning \? "all" : "run")\n\s+\);/,
      );
    // The arguments past the method: no builder gives them (each gives a query, its fields and the
    // method), and D1's prepared query read none of them (its _isResponseInArrayMode, customResultMapper).
    for (const name of ['isResponseInArrayMode', 'customResultMapper', 'queryMetadata', 'cacheConfig'])
      expect(`${sqlite}\n${d1}`, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(trimSession('d1', original('d1'), { unread: false }).match(/this\.(_isResponseInArrayMode|customResultMapper)\b/g)).toEqual([
      'this._isResponseInArrayMode',
      'this.customResultMapper',
    ]);
    // D1's session's schema and options: set and never read (the logger and the cache they carried are left out).
    expect(trimSession('d1', original('d1'), { unread: false }).match(/this\.(schema|options)\b/g)).toEqual([
      'this.schema',
      'this.options',
    ]);
    for (const path of bundledDrizzle()) expect(asBundled(path), path).not.toMatch(/session\.(schema|options)\b/);
    expect(await appUsesOf('d1/session.d.ts', ['schema', 'options', 'customResultMapper'])).toEqual([]);
    expect(await appUsesOf('sqlite-core/session.d.ts', ['mode', 'cache', 'queryMetadata', 'cacheConfig', 'mapGetResult'])).toEqual([]);
  });
});

it("D1's batch binds each query's own statement, also one without parameters, which drizzle prepared again on the same client: the same statements", async () => {
  const text = trimSession('d1', original('d1'), { unread: false });
  expect(text.split(D1_BATCH_BIND.from)).toHaveLength(2);
  expect(generated('d1').split(D1_BATCH_BIND.to)).toHaveLength(2);
  expect(generated('d1')).not.toContain('builtQuery2');
  // The prepared query's statement is its SQL prepared on the session's client.
  expect(generated('d1')).toContain('    const stmt = this.client.prepare(query.sql);\n');
  const run = async (
    Session: new (...args: never[]) => { prepareQuery: (...a: unknown[]) => unknown; batch: (q: unknown[]) => Promise<unknown[]> },
  ) => {
    const calls: string[] = [];
    const client = {
      prepare: (sql: string) => {
        calls.push(`prepare ${sql}`);
        return { bind: (...params: unknown[]) => ({ sql, params }) };
      },
      batch: async (statements: unknown[]) => {
        calls.push(`batch ${JSON.stringify(statements)}`);
        return statements.map(() => ({ results: [], meta: {} }));
      },
    };
    const session = new Session(client as never, {} as never);
    const queries = [
      { sql: 'delete from a', params: [] },
      { sql: 'delete from b where id = ?', params: ['x'] },
      { sql: 'update c set n = n + 1', params: [] },
    ].map((query) => {
      const prepared = session.prepareQuery(query, undefined, 'run');
      return { _prepare: () => prepared };
    });
    const results = await session.batch(queries);
    // Our statements bind the first prepare's; drizzle's prepares a query without parameters again.
    return {
      statements: calls.filter((call) => call.startsWith('batch')),
      results,
      prepares: calls.filter((call) => call.startsWith('prepare')),
    };
  };
  const ours = await run((await import(pathToFileURL(generatedFile('d1')).href)).SQLiteD1Session);
  const theirs = await run(
    (await import(pathToFileURL(join(root, 'node_modules', 'drizzle-orm', 'd1', 'session.js')).href)).SQLiteD1Session,
  );
  expect(ours.statements).toEqual(theirs.statements);
  expect(ours.results).toEqual(theirs.results);
  expect(ours.prepares).toEqual(['prepare delete from a', 'prepare delete from b where id = ?', 'prepare update c set n = n + 1']);
  expect(theirs.prepares).toEqual([...ours.prepares, 'prepare delete from a', 'prepare update c set n = n + 1']);
  // The app's client (src/db/client.ts) picks a statement's write gate by its SQL, and bind() keeps it.
  const client = sourceCode('src/db/client.ts');
  expect(client).toContain('return new TimedStatement(this.statement.bind(...values), this.gate);');
});

describe("src/generated/drizzle-errors.js, in place of drizzle-orm's errors.js for the generated sessions", () => {
  const errorsFile = join(root, 'src', 'generated', 'drizzle-errors.js');
  const ours = () => readFileSync(errorsFile, 'utf8');
  const theirs = () => drizzle('errors.js');

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), and the sessions import it', () => {
    expect(ours()).toBe(trimErrors(theirs()));
    expect(GENERATED['drizzle-orm/errors']).toBe('./drizzle-errors.js');
    expect(generated('sqlite')).toContain('import { DrizzleQueryError } from "./drizzle-errors.js";');
    // Nothing else of the bundle takes drizzle's own: the app names none of its errors (were it to
    // test a query's error against drizzle's DrizzleQueryError, it would be another class).
    for (const file of sources('src'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/drizzle-orm\/errors|DrizzleQueryError|DrizzleError/);
    const importers = bundledDrizzle().filter((path) => /from "\.\.?\/errors\.js"/.test(drizzle(path)));
    // (The dialect's import is of a relational query's DrizzleError, which src/generated/sqlite-dialect.js leaves out: below.)
    expect(importers.sort()).toEqual(['index.js', 'sqlite-core/dialect.js', 'sqlite-core/session.js']);
    expect(drizzle('index.js')).toContain('export * from "./errors.js";');
  });

  it("is drizzle's module but for the classes the bundle never makes, each made by a call marked pure", () => {
    // drizzle's text, each class of ERRORS_PURE_CLASSES as it is there.
    const pure = withPureClasses(theirs().replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'), ERRORS_PURE_CLASSES);
    expect(pure.found).toEqual(ERRORS_PURE_CLASSES);
    const body = (text: string) => text.slice(text.search(/^(class|const) /m));
    // (Less DrizzleQueryError's captureStackTrace() and second setting of its cause: the test below.)
    expect(pure.text.split(QUERY_ERROR_TAIL)).toHaveLength(2);
    expect(body(ours())).toBe(body(pure.text.replace(QUERY_ERROR_TAIL, '    this.cause = cause;\n')));
    expect(ours()).toContain('import { entityKind } from "drizzle-orm/entity";');
    expect(realpathSync(fileURLToPath(import.meta.resolve('drizzle-orm/entity')))).toBe(
      realpathSync(join(root, 'node_modules', 'drizzle-orm', 'entity.js')),
    );
  });

  it("makes a failed query's error as drizzle does but for its stack's own frame: the same name, message, query, params and cause, and nothing of the app reads a stack", async () => {
    expect(QUERY_ERROR_TAIL).toBe(
      '    this.cause = cause;\n    Error.captureStackTrace(this, DrizzleQueryError);\n    if (cause) this.cause = cause;\n',
    );
    expect(ours()).not.toContain('captureStackTrace');
    expect(() =>
      trimErrors(theirs().replace('Error.captureStackTrace(this, DrizzleQueryError);', 'Error.captureStackTrace(this);')),
    ).toThrow(/captureStackTrace not found once/);
    const { DrizzleQueryError } = await import(pathToFileURL(errorsFile).href);
    const original = await import('drizzle-orm/errors');
    for (const cause of [undefined, new Error('D1_ERROR: no such table'), 'text', 0, null]) {
      const mine = new DrizzleQueryError('select ? from t', [1, 'a'], cause);
      const theirs = new original.DrizzleQueryError('select ? from t', [1, 'a'], cause as Error | undefined);
      expect([mine.name, mine.message, mine.query, mine.params, mine.cause, 'cause' in mine, mine instanceof Error]).toEqual([
        theirs.name,
        theirs.message,
        theirs.query,
        theirs.params,
        theirs.cause,
        'cause' in theirs,
        true,
      ]);
      expect(Object.keys(mine)).toEqual(Object.keys(theirs));
      // Its stack: the same but for the constructor's own frame, which drizzle's capture leaves out.
      expect(typeof mine.stack).toBe('string');
    }
    // Nothing in src/ reads an error's stack.
    for (const file of sources('src')) expect(sourceCode(file), file).not.toMatch(/\.stack\b/);
  });

  it("leaves to esbuild only classes nothing in the bundle makes or tests for: a transaction's rollback and its base class", async () => {
    for (const path of bundledDrizzle().filter((p) => p !== 'errors.js'))
      expect(asBundled(path), path).not.toMatch(/\b(TransactionRollbackError|DrizzleError)\b/);
    // The same classes, by drizzle's entity kinds.
    const { DrizzleError, TransactionRollbackError, DrizzleQueryError } = await import(pathToFileURL(errorsFile).href);
    const original = await import('drizzle-orm/errors');
    expect(new TransactionRollbackError()).toBeInstanceOf(DrizzleError);
    expect(new TransactionRollbackError()).toMatchObject({ message: 'Rollback', name: 'DrizzleError' });
    const { entityKind } = await import('drizzle-orm/entity');
    const kind = (cls: unknown) => (cls as Record<symbol, unknown>)[entityKind];
    expect([kind(DrizzleError), kind(TransactionRollbackError)]).toEqual([
      kind(original.DrizzleError),
      kind(original.TransactionRollbackError),
    ]);
    expect(new DrizzleQueryError('q', [1], 'c')).toMatchObject({
      message: 'Failed query: q\nparams: 1',
      query: 'q',
      params: [1],
      cause: 'c',
    });
  });
});
