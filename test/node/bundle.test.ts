// What CI can check of the production deployment offline: the production environment builds
// (wrangler's dry run) and its bundle stays small. Byte sizes are deterministic.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const outdir = mkdtempSync(join(tmpdir(), 'kontakte-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('production bundle', () => {
  it('builds with wrangler deploy --dry-run --env production and stays within its size guard', () => {
    const result = spawnSync(
      join(root, 'node_modules', '.bin', 'wrangler'),
      ['deploy', '--dry-run', '--env', 'production', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', XDG_CONFIG_HOME: join(root, '.wrangler', 'config') },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('env.BASE_PATH ("/kontakte")');
    expect(result.stdout).not.toContain('DEV_LOGIN');
    // The production entry (src/production.ts) is bundled as production.js.
    const bundle = readFileSync(join(outdir, 'production.js'));
    // Without the dev login: neither its demo users nor its page nor its texts are in what deploys.
    const code = bundle.toString('utf8');
    for (const devOnly of ['demo-anna', 'lindenhof-whg-12', 'dev-login-title', 'Entwicklungs-Anmeldung', 'Development sign-in'])
      expect(code).not.toContain(devOnly);
    // Nor its path (the dev login's form writes it, not src/paths.ts).
    expect(code).not.toContain('/dev/login');
    // Nor the mover of a tenant's move (src/mover/index.ts, a Worker of its own): the app only skips frozen assets in its purge.
    expect(code).not.toContain('MOVER_SECRET');
    expect(code).toContain('frozen_assets');
    // drizzle-orm's Postgres classes stay out (wrangler.toml [alias], src/db/sqlite-only.ts); the SQLite ones are there.
    expect(code).not.toContain('"PgColumn"');
    expect(code).toContain('"SQLiteColumn"');
    // Nor drizzle's list of the tables an SQL names (src/generated/drizzle-sql.js), nor a subquery's own field of them (no subquery: below).
    expect(code).not.toContain('usedTables');
    // Nor hono/jsx's hoisting components (wrangler.toml [alias], src/views/jsx-plain.ts).
    expect(code).not.toContain('data-precedence');
    // Nor drizzle's relational queries (wrangler.toml [alias], src/db/no-relations.ts).
    expect(code).not.toContain('"Relations"');
    expect(code).not.toContain('"SQLiteAsyncRelationalQuery"');
    expect(code).toContain('"SQLiteSelect"');
    // Nor the column classes no table uses, nor $count (wrangler.toml [alias], src/db/sqlite-columns.ts).
    for (const kind of ['"SQLiteBlobJson"', '"SQLiteReal"', '"SQLiteCountBuilderAsync"', 'SQLiteNumericBigInt'])
      expect(code).not.toContain(kind);
    // Nor drizzle's query logger (src/db/quiet-logger.ts), nor its alias proxies (src/db/no-alias.ts).
    expect(code).not.toContain('"ConsoleLogWriter"');
    expect(code).not.toContain('"RelationTableAliasProxyHandler"');
    // Nor drizzle's Subquery and WithSubquery: the bundle makes none (a select's as() and $with are left out),
    // and with the getSQL() drizzle's sql.js sets on it left out (src/generated/drizzle-sql.js), nothing names them.
    expect(code).not.toMatch(/"(With)?Subquery"/);
    expect(code).toContain('"SQLiteText"');
    // Nor hono/jsx's render contexts (wrangler.toml [alias], src/views/jsx-no-context.ts).
    expect(code).not.toContain('AsyncLocalStorage is unavailable');
    // Nor its CSS writer for style objects and its SVG attribute names (wrangler.toml [alias]
    // "./base.js", src/generated/jsx-base.js from scripts/lib/hono-jsx.mjs).
    expect(code).not.toContain('border-im');
    expect(code).not.toContain('marker[EMS]');
    // Nor its and hono/html's renders that wait for a promise, whose buffers held it after their string
    // (scripts/lib/hono-jsx.mjs ASYNC, hono-html.mjs): the app renders none (test/node/render-sync.test.ts).
    expect(code).not.toMatch(/\.unshift\((""|'"'),/);
    // Nor the mark of a render's result that only that render and the precompiled JSX's jsxTemplate() set
    // (scripts/lib/hono-jsx.mjs RENDERED_MARK): the app's JSX is jsx-dev-runtime's (src/views/jsx-factory.ts).
    expect(code).not.toContain('RENDERED_JSX');
    // That alias matches the text "./base.js" from any importer: only hono's JSX modules may have
    // it, never a module of the app or of another package (code review: a file search missed src/).
    const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as {
      inputs: Record<string, { imports: { path: string }[] }>;
    };
    // (The precompiled JSX's runtime, whose jsxTemplate() marks its results, is not in the bundle.)
    expect(Object.keys(meta.inputs)).not.toContain('node_modules/hono/dist/jsx/jsx-runtime.js');
    // Nor its jsx-dev-runtime: the app's JSX factory calls the base's jsxFn itself (src/views/jsx-factory.ts).
    expect(Object.keys(meta.inputs)).not.toContain('node_modules/hono/dist/jsx/jsx-dev-runtime.js');
    const importers = Object.entries(meta.inputs)
      .filter(([, input]) => input.imports.some((entry) => entry.path === 'src/generated/jsx-base.js'))
      .map(([file]) => file);
    expect(importers.length).toBeGreaterThan(0);
    // (And the app's JSX factory, which names the generated file by its path, not by that text.)
    expect(importers).toContain('src/views/jsx-factory.ts');
    for (const file of importers) expect(file).toMatch(/^node_modules\/hono\/dist\/jsx\/[a-z-]+\.js$|^src\/views\/jsx-factory\.ts$/);
    // So does "./utils/body.js" (src/form-body.ts): only hono's request module may import it, which
    // the bundle takes as src/generated/hono-request.js (scripts/lib/hono-context.mjs), naming it itself.
    const formBody = Object.entries(meta.inputs)
      .filter(([, input]) => input.imports.some((entry) => entry.path === 'src/form-body.ts'))
      .map(([file]) => file);
    expect(formBody).toEqual(['src/generated/hono-request.js']);
    // And "./common.js" (src/generated/sqlite-column-common.js): only drizzle's SQLite column modules, and the app's stand-in of two of them.
    const columnCommon = Object.entries(meta.inputs)
      .filter(([, input]) => input.imports.some((entry) => entry.path === 'src/generated/sqlite-column-common.js'))
      .map(([file]) => file);
    expect(columnCommon).toContain('src/db/plain-columns.ts');
    for (const file of columnCommon)
      expect(file).toMatch(/^node_modules\/drizzle-orm\/sqlite-core\/columns\/[\w-]+\.js$|^src\/db\/plain-columns\.ts$/);
    // And "../core/index.js" (src/generated/zod-core.js): only zod/mini's modules may import it;
    // drizzle's upstash cache has that very text, and would get zod's core were it ever bundled (code review, stop 64).
    const zodCore = Object.entries(meta.inputs)
      .filter(([, input]) => input.imports.some((entry) => entry.path === 'src/generated/zod-core.js'))
      .map(([file]) => file);
    expect(zodCore.length).toBeGreaterThan(0);
    for (const file of zodCore) expect(file).toMatch(/^node_modules\/zod\/v4\/mini\/[a-z-]+\.js$|^src\/generated\/zod-mini-[a-z-]+\.js$/);
    // And "../v4/mini/external.js" (src/generated/zod-mini-external.js): only zod/mini's entry imports it.
    const zodMini = Object.entries(meta.inputs)
      .filter(([, input]) => input.imports.some((entry) => entry.path === 'src/generated/zod-mini-external.js'))
      .map(([file]) => file);
    expect(zodMini).toEqual(['node_modules/zod/mini/index.js']);
    // And "./util.js" and "./core.js" (src/generated/zod-util.js and zod-constructor.js): only zod's
    // core modules and the generated zod copies; zod's own util.js and core.js are not in the bundle.
    for (const copy of ['src/generated/zod-util.js', 'src/generated/zod-constructor.js']) {
      const importers = Object.entries(meta.inputs)
        .filter(([, input]) => input.imports.some((entry) => entry.path === copy))
        .map(([file]) => file);
      expect(importers.length).toBeGreaterThan(1);
      for (const file of importers) expect(file).toMatch(/^node_modules\/zod\/v4\/core\/[a-z-]+\.js$|^src\/generated\/zod-[a-z-]+\.js$/);
    }
    // Nor zod's messages of its global config nor its post-processor hook (the same generated copies),
    // nor a locale of zod's, which would set one (zod's own util.js is parsed for them, never bundled).
    const zodOutput = Object.values(
      (
        JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as {
          outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }>;
        }
      ).outputs,
    ).find((entry) => entry.inputs?.['src/production.ts'])?.inputs;
    for (const [file, { bytesInOutput }] of Object.entries(zodOutput ?? {}))
      if (/node_modules\/zod\/v4\/(core\/(util|core)|locales\/[\w-]+)\.js$/.test(file)) expect(bytesInOutput, file).toBe(0);
    expect(zodOutput?.['src/generated/zod-util.js']?.bytesInOutput).toBeGreaterThan(0);
    for (const left of ['customError', 'localeError', 'postProcessor']) expect(code).not.toContain(left);
    // Nor hono's c.render(), c.setRenderer(), c.event, c.req.blob() and the like (src/generated/hono-context.js
    // and hono-request.js from scripts/lib/hono-context.mjs); its own context and request are there.
    expect(code).not.toContain('This context has no FetchEvent');
    // Nor hono's own request module (whose cloneRawRequest asks for all headers) nor its proxy helper:
    // the generated request asks for each header by its name, and its body cache for an arrayBuffer only.
    for (const file of Object.keys(meta.inputs)) expect(file).not.toMatch(/hono\/dist\/(request|helper\/proxy\/index)\.js$/);
    expect(code).not.toContain('Cannot clone request');
    // Nor a module of hono's that attaches callbacks to an escaped string (Suspense, ErrorBoundary,
    // streaming, css): the context's html() resolves a page without them (scripts/lib/hono-context.mjs).
    for (const file of Object.keys(meta.inputs)) expect(file).not.toMatch(/hono\/dist\/(jsx\/(components|streaming)\.js|helper\/css\/)/);
    // (The generated context is there: src/generated/hono-context.js, without the executionCtx getter's throw, below.)
    expect(zodOutput?.['src/generated/hono-context.js']?.bytesInOutput).toBeGreaterThan(0);
    // Nor drizzle's SQL of views, subqueries, enums and inlined parameters (src/generated/drizzle-sql.js
    // from scripts/lib/drizzle-sql.mjs), nor a view's builder, the one module that inlines them.
    expect(code).not.toContain('Unexpected param value');
    expect(code).not.toContain('"SQLiteView"');
    for (const file of Object.keys(meta.inputs)) expect(file).not.toMatch(/drizzle-orm\/sql\/sql\.js/);
    // drizzle's row mapping, field order and table name without joins, subqueries and nested selections
    // (src/generated/drizzle-utils.js from scripts/lib/drizzle-utils.mjs, which the generated drizzle modules import).
    expect(Object.keys(meta.inputs)).toContain('src/generated/drizzle-utils.js');
    // Nor drizzle's own utils.js (the app's getTableColumns through that module too: wrangler.toml [alias]
    // "drizzle-orm/utils"), nor its TextDecoder, which nothing of the bundle reads (marked pure there).
    expect(zodOutput?.['node_modules/drizzle-orm/utils.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toMatch(/typeof TextDecoder>"u"\?null:new TextDecoder/);
    // Nor hono's validator's targets 'json', 'header' and 'cookie', nor zValidator's header key map and
    // options (src/generated/hono-validator.js and zod-validator.js from scripts/lib/hono-validator.mjs).
    expect(code).not.toContain('Malformed JSON in request body');
    expect(code).not.toContain('validationFunction');
    // (Its target 'form' kept: the media types it reads; a malformed one's 400 without its message, below.)
    expect(code).toMatch(/!=="multipart\/form-data"&&\w+!=="application\/x-www-form-urlencoded"/);
    for (const file of Object.keys(meta.inputs)) expect(file).not.toMatch(/@hono\/zod-validator|hono\/dist\/validator\//);
    // Nor drizzle's dialect for relational queries, set operations and migrations (wrangler.toml
    // [alias], src/generated/sqlite-dialect.js from scripts/lib/drizzle-dialect.mjs).
    for (const left of [
      'You need to have at least one item in',
      'Cannot pass undefined values to any set operator',
      '__drizzle_migrations',
    ])
      expect(code).not.toContain(left);
    // Nor a select's joins and set operations, an update's joins, an insert from a select or an
    // upsert (wrangler.toml [alias] "./select.js", "./update.js", "./insert.js":
    // src/generated/sqlite-*.js from scripts/lib/drizzle-dialect.mjs).
    // Nor hono's nested form objects (wrangler.toml [alias] "./utils/body.js", src/form-body.ts).
    expect(code).not.toContain('__proto__\\.');
    expect(code).not.toContain('Set operator error');
    expect(code).not.toContain('is already used in this query');
    expect(code).not.toContain('Insert select error');
    expect(code).not.toContain('You cannot use both "where" and "targetWhere"');
    // Nor an update's or delete's orderBy and limit (wrangler.toml [alias] "./update.js", "./delete.js").
    for (const file of Object.keys(meta.inputs))
      expect(file).not.toMatch(/drizzle-orm\/sqlite-core\/query-builders\/(select|update|insert|delete)\.js/);
    // Nor lean-qr's canvas methods (src/generated/lean-qr-nano.js from scripts/lib/lean-qr.mjs); its QR code is there.
    expect(code).not.toContain('toCanvas');
    expect(code).toContain('lean-qr error');
    // Nor hono's factory helper, whose module imports hono's own app class and with it its routers:
    // the app's middlewares are plain functions of hono's MiddlewareHandler type.
    for (const file of Object.keys(meta.inputs)) expect(file).not.toMatch(/hono\/dist\/(hono|helper\/factory\/index)\.js$/);
    // Nor hono's app.mount() and app.fire() (wrangler.toml [alias], src/generated/hono-base.js from scripts/lib/hono-base.mjs).
    expect(code).not.toContain('Invalid mounted path');
    expect(code).not.toContain('addEventListener');
    // Nor drizzle's constraint builders, span tracer and query hash (wrangler.toml [alias],
    // src/db/no-constraints.ts, no-tracing.ts, no-cache.ts), nor hono's timingSafeEqual (src/security/bearer.ts).
    for (const kind of [
      '"SQLiteIndexBuilder"',
      '"SQLiteForeignKeyBuilder"',
      '"SQLitePrimaryKeyBuilder"',
      '"SQLiteUniqueConstraintBuilder"',
    ])
      expect(code).not.toContain(kind);
    expect(code).not.toContain('SpanStatusCode');
    // Nor the schema's indexes (drizzle-kit's, src/db/schema.ts: wrangler.toml `define`).
    expect(code).not.toContain('contacts_asset_list');
    expect(code).toContain('"contacts"');
    expect(code).not.toContain('padStart(2,"0")).join("")');
    // Nor drizzle's NoopCache and its Cache base: the D1 session no longer makes one to hand on
    // (src/generated/d1-session.js; its prepared queries run as without a cache).
    expect(code).not.toMatch(/"(Noop)?Cache"/);
    // Nor drizzle's column-name conversions (src/db/no-casing.ts), nor its columns' modes (src/db/plain-columns.ts).
    expect(code).not.toContain('[A-Z]+(?![a-z])');
    for (const kind of ['"SQLiteTextJson"', '"SQLiteTimestamp"', '"SQLiteBoolean"']) expect(code).not.toContain(kind);
    // Nor what only drizzle-kit reads of a text or integer column: its SQL type, enum values and autoIncrement (src/db/plain-columns.ts).
    for (const name of ['getSQLType', 'enumValues', 'autoIncrement']) expect(code).not.toContain(name);
    // Nor the column builder's settings of keys of a config that nothing reads (src/generated/drizzle-column-builder.js).
    for (const name of ['hasDefault', 'config.notNull', 'config.primaryKey']) expect(code).not.toContain(name);
    // Nor drizzle's raw queries (db.run and the like), its transactions and sync results
    // (wrangler.toml [alias] "./session.js", src/generated/sqlite-session.js and d1-session.js); its D1 session is there.
    for (const kind of ['"SQLiteRaw"', '"SQLiteTransaction"', '"D1Transaction"', '"ExecuteResultSync"']) expect(code).not.toContain(kind);
    expect(code).not.toContain('savepoint');
    expect(code).toContain('"SQLiteD1Session"');
    // Nor drizzle's errors but a failed query's (src/generated/drizzle-errors.js, in place of drizzle's for the sessions).
    expect(code).not.toContain('"TransactionRollbackError"');
    expect(code).not.toContain('"DrizzleError"');
    expect(code).toContain('Failed query: ');
    const bytesOf = (file: string) =>
      Object.values(
        (
          JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as {
            outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }>;
          }
        ).outputs,
      ).find((entry) => entry.inputs?.['src/production.ts'])?.inputs?.[file]?.bytesInOutput ?? 0;
    expect(bytesOf('node_modules/drizzle-orm/errors.js')).toBe(0);
    expect(bytesOf('src/generated/drizzle-errors.js')).toBeGreaterThan(0);
    // Nor its QueryPromise's catch() and finally() (src/generated/drizzle-query-promise.js, in place of drizzle's for the builders).
    expect(bytesOf('node_modules/drizzle-orm/query-promise.js')).toBe(0);
    expect(bytesOf('src/generated/drizzle-query-promise.js')).toBeGreaterThan(0);
    // The bearer check is the runtime's; hono's helper would bring its hash's alias along (code review).
    expect(code).toContain('subtle.timingSafeEqual(');
    expect(code).not.toContain('alias:"sha256"');
    // Nor zod's util namespace as an object (`z.catch` reaches it; src/contacts/or-else.ts): its
    // helpers the schemas use stay, each on its own.
    expect(code).not.toContain('BIGINT_FORMAT_RANGES');
    expect(code).not.toContain('uint8ArrayToBase64url');
    // Nor zod's coerce namespace as an object (`z.coerce.number` reaches it; src/contacts/or-else.ts):
    // with it its boolean, bigint and date schemas.
    for (const kind of ['"ZodMiniBigInt"', '"ZodMiniDate"', '"ZodMiniBoolean"']) expect(code).not.toContain(kind);
    // Nor zod's Standard Schema interface (wrangler.toml [alias] "../core/index.js", src/generated/zod-schemas.js
    // from scripts/lib/zod-schemas.mjs); its schemas are there.
    expect(code).not.toContain('vendor:"zod"');
    expect(code).toContain('"$ZodObject"');
    // Nor its encode direction (the same generated module): no schema's branch reads it, and no
    // encode function of zod's (z.encode and its kin, core/parse.js) sets it.
    expect(code).not.toContain('"backward"');
    expect(code).not.toContain('skipChecks');
    // Nor an object's catchall (no schema sets one) nor the lazy propValues that only its
    // discriminated union, not in the bundle either, reads (the same generated module).
    expect(code).not.toContain('catchall:');
    expect(code).not.toContain('propValues');
    expect(code).not.toContain('DiscriminatedUnion');
    // Every parse in the bundle is synchronous (zod's parse() and safeParse() pass `async: false`;
    // nothing passes `async: true`), which src/generated/zod-schemas.js's schemas without the
    // branches of an asynchronous parse rely on (scripts/lib/zod-schemas.mjs ASYNC_BRANCHES).
    expect(code).not.toMatch(/async:(?:!0|true)\b/);
    // Its only checks are zod's $ZodCheck base and the app's refinements ($ZodCustom): none of zod's
    // size or length checks, which give a check a `when` (src/generated/zod-schemas.js runs none).
    expect(code.match(/"\$ZodCheck\w*"/g)?.every((name) => name === '"$ZodCheck"')).toBe(true);
    // (Once since safeParse's context is one literal: SAFE_PARSE_CTX, below.)
    expect(code.match(/async:!1\b/g)?.length).toBeGreaterThanOrEqual(1);
    // No parse in the bundle aborts early (zod's validate() sets it, the app gives no parse a context):
    // an object's parse no longer reads it (src/generated/zod-schemas.js, OBJECT_SYNC_EDITS).
    expect(code).not.toContain('abortEarly');
    // Nor zod/mini's schema methods that nothing calls: with, parseAsync, brand, register, apply
    // (wrangler.toml [alias] "../v4/mini/external.js", src/generated/zod-mini-schemas.js from scripts/lib/zod-mini.mjs).
    expect(code).not.toContain('brand(){return this}');
    expect(code).not.toContain('get with(){');
    // Nor an object's shape accessor (the same generated module), nor zod's helper that installs it.
    expect(code).not.toContain('_zod.def.shape,!1)');
    for (const file of Object.keys(meta.inputs)) expect(file).not.toMatch(/zod\/v4\/mini\/(schemas|external)\.js/);
    expect(code).toContain('"ZodMiniType"');
    // Nor zod's record and unknown schemas, which only the forms' and queries' validators used (fieldsThen, src/contacts/or-else.ts).
    for (const kind of ['"ZodMiniRecord"', '"ZodMiniUnknown"']) expect(code).not.toContain(kind);
    // Nor its union schema, which only the token's audience used (src/session/claims.ts).
    expect(code).not.toContain('"ZodMiniUnion"');
    // Nor the readers of a schema's lazy values and pattern, which the generated schemas leave out
    // (scripts/lib/zod-schemas.mjs): zod's record, template literal and JIT compiler.
    for (const kind of ['"$ZodRecord"', '"$ZodTemplateLiteral"', '"$ZodUnion"']) expect(code).not.toContain(kind);
    const output = Object.values(
      (
        JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as {
          outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }>;
        }
      ).outputs,
    ).find((entry) => entry.inputs?.['src/production.ts']);
    expect(output?.inputs?.['node_modules/zod/v4/core/compile.js']?.bytesInOutput ?? 0).toBe(0);
    // Nor hono's own html`` helper (the app's pages take src/generated/hono-html.js), nor the callbacks' runner only it kept.
    expect(output?.inputs?.['node_modules/hono/dist/helper/html/index.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toContain('phase:');
    // Nor hono's own HTML utility (the app, html`` and the renderer take src/generated/hono-utils-html.js), nor a string's callbacks.
    expect(output?.inputs?.['node_modules/hono/dist/utils/html.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toContain('callbacks');
    // Nor hono's own body limit (the app takes src/generated/hono-body-limit.js), nor its default error's text.
    expect(output?.inputs?.['node_modules/hono/dist/middleware/body-limit/index.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toContain('Payload Too Large');
    // Nor drizzle's own entity.js (src/generated/drizzle-entity.js, without its check of a class not drizzle's).
    expect(output?.inputs?.['node_modules/drizzle-orm/entity.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toContain('look like a Drizzle entity');
    // Nor hono's own getCookie (the app takes src/generated/hono-cookie.js), nor its prefixes.
    expect(output?.inputs?.['node_modules/hono/dist/helper/cookie/index.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toContain('__Host-');
    // Nor hono's own URL utilities (src/generated/hono-url.js, through wrangler.toml's [alias]), nor getQueryParam's fast path for one key.
    expect(output?.inputs?.['node_modules/hono/dist/utils/url.js']?.bytesInOutput ?? 0).toBe(0);
    expect(output?.inputs?.['src/generated/hono-url.js']?.bytesInOutput ?? 0).toBeGreaterThan(0);
    expect(code).not.toContain('(?:^|&)[^=&]*[%+]');
    expect(code).not.toContain('[%+&=]');
    // Nor the schema's notNull() calls, which do nothing in the Worker (src/db/schema.ts, test/node/schema-columns.test.ts).
    expect(code).not.toContain('.notNull()');
    // Nor zod's newError() (src/generated/zod-constructor.js): a failed parse's error is built with its stack.
    expect(code).not.toContain('stackTraceLimit');
    // Nor hono's own HTTPException (src/generated/hono-http-exception.js, through wrangler.toml's [alias]), nor its getResponse().
    expect(output?.inputs?.['node_modules/hono/dist/http-exception.js']?.bytesInOutput ?? 0).toBe(0);
    expect(output?.inputs?.['src/generated/hono-http-exception.js']?.bytesInOutput ?? 0).toBeGreaterThan(0);
    expect(code).not.toContain('getResponse');
    // Nor hono's own PatternRouter (src/generated/hono-pattern-router.js, through wrangler.toml's [alias]), nor its optional parameter or UnsupportedPathError.
    expect(output?.inputs?.['node_modules/hono/dist/router/pattern-router/router.js']?.bytesInOutput ?? 0).toBe(0);
    expect(output?.inputs?.['src/generated/hono-pattern-router.js']?.bytesInOutput ?? 0).toBeGreaterThan(0);
    expect(code).not.toContain('.at(-1)==="?"');
    expect(code).not.toMatch(/catch\{throw new \w+\}/);
    // Nor hono's own compose() (src/generated/hono-compose.js, through wrangler.toml's [alias]), nor its guard against a second next().
    expect(output?.inputs?.['node_modules/hono/dist/compose.js']?.bytesInOutput ?? 0).toBe(0);
    expect(output?.inputs?.['src/generated/hono-compose.js']?.bytesInOutput ?? 0).toBeGreaterThan(0);
    expect(code).not.toContain('called multiple times');
    // Nor zod's global config (src/generated/zod-constructor.js: the module's own object, read by nothing of the bundle), nor config().
    expect(code).not.toContain('__zod_globalConfig');
    expect(code).not.toMatch(/jitless|memoizer/);
    // Nor the context's throw for a context made without an ExecutionContext, which the Worker always gives (src/generated/hono-context.js).
    expect(code).not.toContain('no ExecutionContext');
    // Nor hono's router.js (its METHODS): an app's methods are the four and `all` its routes have (src/generated/hono-base.js).
    expect(output?.inputs?.['node_modules/hono/dist/router.js']?.bytesInOutput ?? 0).toBe(0);
    expect(code).not.toMatch(/"options","patch","query"/);
    // Nor a column's shouldDisableInsert(), false for every column of the bundle, none generated (src/generated/drizzle-column.js, sqlite-dialect.js).
    expect(code).not.toContain('shouldDisableInsert');
    // Nor a stack captured again for a failed query's error (src/generated/drizzle-errors.js): nothing reads its stack.
    expect(code).not.toContain('captureStackTrace');
    // Nor hono's own cookie utilities (src/generated/hono-utils-cookie.js, through wrangler.toml's [alias]), nor parse()'s shortcut.
    expect(output?.inputs?.['node_modules/hono/dist/utils/cookie.js']?.bytesInOutput ?? 0).toBe(0);
    expect(output?.inputs?.['src/generated/hono-utils-cookie.js']?.bytesInOutput ?? 0).toBeGreaterThan(0);
    expect(code).not.toMatch(/\.indexOf\(\w\)===-1\)return\{\}/);
    // Nor an object's symbol keys and lazy copy of its shape, nor a catch's context for its fallback (src/generated/zod-schemas.js, LEAN_EDITS).
    expect(code).not.toMatch(/getOwnPropertySymbols|catchValue\(\{|\{get:\w+\}/);
    // Nor a schema's bag, which nothing in the bundle writes or reads (src/generated/zod-schemas.js, LEAN_EDITS).
    expect(code).not.toMatch(/\.bag\b/);
    // Nor c.html()'s resolving of a page it is handed (src/generated/hono-context.js): its toString() at once.
    expect(code).not.toMatch(/instanceof String\|\|\w+ instanceof Promise/);
    // Nor the message of a malformed form's 400, which the app's error handler never reads (src/generated/hono-validator.js).
    expect(code).not.toContain('Malformed FormData');
    // Nor an answer's ResponseInit and a header's list of values, which no answer of the bundle gives (src/generated/hono-context.js).
    expect(code).not.toMatch(/of new Headers\(\w\.headers\)|typeof \w=="number"\?\w:\w\?\.status/);
    // Nor $ZodAsyncError's message, never thrown by the app's synchronous schemas (src/generated/zod-constructor.js).
    expect(code).not.toContain('Encountered Promise');
    // Nor D1's batch's second prepare of a query without parameters (src/generated/d1-session.js): its own statement, bound.
    expect(code).not.toMatch(/\.params\.length>0\)/);
    // Nor the names of the search key's priorities (src/contacts/keys.ts: constants esbuild inlines).
    expect(code).not.toContain('headPlain');
    // Nor its literal and enum schemas: the query's choices are one refinement each (oneOf, src/contacts/or-else.ts).
    for (const kind of ['"ZodMiniLiteral"', '"ZodMiniEnum"', '"$ZodEnum"']) expect(code).not.toContain(kind);
    // Nor its array schema: the claims' lists pass or fail by listOf (src/contacts/or-else.ts).
    for (const kind of ['"ZodMiniArray"', '"$ZodArray"']) expect(code).not.toContain(kind);
    // Nor its number schema: a route's version, the query's numbers and the claims' times pass or
    // fail by coercedNumber and finiteNumber (src/contacts/or-else.ts).
    for (const kind of ['"ZodMiniNumber"', '"$ZodNumber"']) expect(code).not.toContain(kind);
    // Nor its default schema: a missing form field is '' by `?? ''` (src/contacts/schema.ts).
    expect(code).not.toContain('"ZodMiniDefault"');
    // Nor its integer format and comparisons (z.int(), z.minimum, …): the query's integers are
    // checked by one refinement (integerIn, src/contacts/or-else.ts).
    for (const kind of ['"ZodMiniNumberFormat"', '"$ZodCheckGreaterThan"', '"$ZodCheckLessThan"']) expect(code).not.toContain(kind);
    // Nor its length checks (z.minLength, z.maxLength): the claims' and the query's lengths are
    // one refinement each (lengthIn, src/contacts/or-else.ts); nor its overwrite check (the
    // search's text is cut and trimmed by a transform, src/contacts/routes.tsx).
    for (const kind of ['"$ZodCheckMinLength"', '"$ZodCheckMaxLength"', '"$ZodCheckOverwrite"']) expect(code).not.toContain(kind);
    // Nor its regex and string-format checks: the ids are matched by one refinement (matching, src/contacts/or-else.ts).
    for (const kind of ['"$ZodCheckRegex"', '"$ZodCheckStringFormat"']) expect(code).not.toContain(kind);
    // At zlib's default level, as wrangler reports the size it uploads and as the bench measures.
    const gzip = gzipSync(bundle).length;
    // performance.md (updated for issue 18) budgets 100 KB gzip: the libraries the design
    // mandates (hono with jsx, drizzle's D1 driver, zod/mini) take about 55 KB. It fits since
    // esbuild no longer keeps function names (`keep_names = false`, -7 KB), hono/tiny's router and
    // five small parts of our own instead of hono's helpers (src/session/jwt.ts,
    // src/security/headers.ts, src/security/method-not-allowed.ts, the Accept-Language weight,
    // the request id): 98.9 KB; without the dev login's code (about 0.9 KB), 99.3 KB after the
    // write gate of the rate limit; 99.8 KB with one database per tenant (src/db/tenants.ts,
    // 573 B, of which the dev login's texts leaving the app's catalogs paid 108 B); 99,969 B with
    // the purge's skip of frozen assets (30 B) and the fixes of a buyer's review (187 B), one bearer check shared with the mover (15 B);
    // 98,867 B without drizzle-orm's Postgres classes (wrangler.toml [alias], -1,102 B); 99,944 B
    // with two buyers' reviews (the clash as groups, restore notices, the import preview);
    // 98,853 B without hono/jsx's hoisting components (src/views/jsx-plain.ts, -1,091 B); 99,496 B
    // with a third and fourth review's fixes (restore marked as such, import undo and preview, search);
    // 99,972 B with two more reviews' fixes (stop 31); 98,757 B without drizzle's relational
    // queries (src/db/no-relations.ts, -1,215 B); 99,595 B with the rest of those reviews' fixes;
    // 99,740 B at stop 32 (drizzle's db.query builder out, -434 B; two reviews' fixes, +579 B);
    // 99,982 B at stop 41; 99,492 B without a select's joins and set operations (-490 B), 159 B
    // less without an update's joins, 292 B less without an insert's select and upsert; 99,875 B
    // at stop 42's end; 98,872 B with the help pages' steps in static files (src/i18n/help.ts,
    // -1,003 B); 99,280 B with the search review's rules (+408 B); 99,831 B with words only the
    // page's script says moved into app.js (-207 B) and four reviews' fixes; 99,876 B at stop 43's
    // end (the help pages' download buttons), 99,877 B with the address parts derived from FIELDS;
    // 100,962 B with stop 44's first fixes (the undo of a restore, the delete page's changes, the
    // search's salutations, the German postcode check); 99,920 B after the print rules left the
    // inline CSS (-151 B), drizzle's constraint builders, tracer and query cache left the bundle
    // (src/db/no-constraints.ts, no-tracing.ts, no-cache.ts: -641 B) and the bearer check used the
    // runtime's timingSafeEqual instead of hono's helper (-250 B); 100,002 B with stop 45's review
    // fixes (the postcode said with every error, quick actions at large text, UTF-8 beside a stray
    // byte in an import: +107 B); 99,716 B without the text and integer columns' modes
    // (src/db/plain-columns.ts: -286 B); 99,938 B with a warranty end's and a phone number's
    // messages; 99,659 B without drizzle's column-name conversions (src/db/no-casing.ts: -279 B);
    // 99,958 B at stop 52: drizzle's having, $withCache, $dynamic and its dialect's joins out
    // (-206 B) paid for three reviews' fixes (base64 notes and joined files in an import, a note
    // line kept by both co-buyers, the import's ticks within the room, "+49 (089)" dialled right);
    // 99,577 B without drizzle's CTEs, $count, selectDistinct and transaction (src/generated/sqlite-db.js: -381 B);
    // 99,944 B at the stop's end (more review fixes: the delete page, invisible names, the kept form, the import's texts);
    // 99,741 B without lean-qr's canvas methods (src/generated/lean-qr-nano.js: -203 B); 99,869 B at stop 53's end
    // (a security review's and a buyer's review's fixes: multipart UTF-8, bidi controls, a search's file name, a revive);
    // 96,851 B with nine zod schema kinds replaced by small refinements and hono/jsx's style and SVG
    // writers left out (src/contacts/or-else.ts, src/generated/jsx-base.js: -3,018 B); 97,708 B at
    // stop 54's end (the reviews' fixes: the way back's form signature, revive rules, one number
    // per phone field and the import's split, numbers in the notes searched, the warranty's last days).
    // 99,753 B at 7f08b28; 98,906 B without drizzle's raw queries, transactions, query cache and
    // sync results (src/generated/sqlite-session.js, d1-session.js: -847 B); 98,688 B without
    // hono's app.mount() and app.fire() (src/generated/hono-base.js: -218 B); 98,533 B without
    // zod's regex check (matching, src/contacts/or-else.ts: -155 B); 100,045 B with stop 62's
    // reviews' fixes (Outlook's numbers, categories, charsets, restores, "Keine weiteren Treffer"),
    // 99,797 B without zod's enum schema (oneOf, src/contacts/or-else.ts: -248 B); 99,998 B with
    // the search's own names ranked first; 99,671 B without zod's array schema (listOf: -327 B);
    // 100,007 B with the review's fixes of the import's categories and charsets; 99,858 B without
    // zod's number schema (coercedNumber, finiteNumber: -149 B); 99,998 B at af67770; 99,842 B
    // without hono's c.render() and its kin, c.event, c.req.blob(), bytes(), matchedRoutes and
    // routePath (src/generated/hono-context.js, hono-request.js: -156 B); 99,697 B without zod's
    // Standard Schema interface (src/generated/zod-schemas.js: -145 B); 99,939 B at 1f26222,
    // 99,707 B without zod's encode direction (src/generated/zod-schemas.js: -232 B); 99,646 B
    // with the list's query built once (src/paths.ts: -61 B); 99,628 B without the dev login's path (-18 B);
    // 99,353 B without zod's catchall and propValues (src/generated/zod-schemas.js: -275 B);
    // 99,796 B at 6fb2ac0; 97,363 B with the catalogs, the form's schema, the vCard import and the
    // routes imported first (src/production.ts: the same modules in an order gzip's window likes, -2,433 B);
    // 97,131 B with the calendar and the QR code beside them (-232 B); 96,989 B with the import's note
    // labels read from the German catalog (src/contacts/vcard-import.ts: -142 B); 99,972 B at d274ef6,
    // 99,403 B with base64url and strict UTF-8 written once (src/base64url.ts), without
    // c.notFound(), c.req.json(), text() and formData() (src/generated/hono-context.js,
    // hono-request.js) and with nine more modules placed for gzip's window (src/production.ts): -569 B
    // together (-594 B on b256ab3, where a helper measured them: -157, -47 and -374 B).
    // 99,956 B at e3de131, 99,828 B without zod/mini's schema methods nothing calls (src/generated/zod-mini-schemas.js: -128 B);
    // 99,752 B without an update's and a delete's orderBy and limit (src/generated/sqlite-update.js, sqlite-delete.js: -76 B);
    // 99,690 B without zod/mini's object shape accessor (src/generated/zod-mini-schemas.js: -62 B);
    // 99,999 B at fda549e, 99,783 B without drizzle's row mapping of joins, subqueries and nested
    // selections (src/generated/drizzle-utils.js: -216 B); 99,698 B without a select's as() and
    // getSelectedFields() and an update's from() (src/generated/sqlite-select.js, sqlite-update.js: -85 B).
    // 99,984 B at 638b273, 99,646 B without what nothing of the bundle reaches (stop 74, a helper:
    // drizzle's unused classes and objects kept for their computed static fields, hono's factory,
    // drizzle's errors but a failed query's, its QueryPromise's catch() and finally(), the caches'
    // methods nothing calls, the dialect's four stubs, SQL's if(), a view's members; -338 B).
    // 99,754 B at fe198ac, 99,123 B without what nothing of the bundle reaches (stop 78, a helper:
    // drizzle's builders' run(), all(), get(), values() and prepare(), -84 B; what its builders,
    // sessions, database and driver are handed and keep that nothing reads, -127 and -201 B; hono's
    // body cache for another kind of body and header() without a name, -86 B; zod's abortEarly and
    // check() of a function, -75 B; drizzle's SQL of a wrapper without parentheses, -19 B; lean-qr
    // past version 20, its minVersion and string check, -39 B).
    // 99,005 B at c4338cb, 98,761 B without hono/jsx's and hono/html's renders that wait for a
    // promise (src/generated/jsx-base.js, hono-html.js: -244 B); 98,729 B without the mark of a
    // render's result that nothing of the bundle sets any more (src/generated/jsx-base.js: -32 B).
    // 99,908 B at e3d7577, 99,861 B without zod's config lookups of a message and its postProcessor
    // hook (src/generated/zod-util.js, zod-constructor.js: -47 B); 99,814 B with an error handler
    // that throws in place of hono's default, which no app that answers keeps (src/generated/hono-base.js: -47 B).
    // 99,697 B without what only drizzle-kit reads of a text or integer column (src/db/plain-columns.ts: -117 B).
    // 99,680 B without the column builder's settings of a config's notNull, hasDefault and primaryKey (src/generated/drizzle-column-builder.js: -17 B).
    // 99,658 B without the request's read of a router's parameter stash, which hono/tiny's PatternRouter never gives (src/generated/hono-request.js: -22 B).
    // 99,633 B with that error handler in place of hono's default 404, which no app that answers keeps (src/generated/hono-base.js: -25 B).
    // 99,989 B at d191585, 99,910 B without zod's reading of a schema's or check's params, which the app never gives (src/generated/zod-util.js: -79 B);
    // 99,810 B without zod's lookups of an issue's message in a def's or a parse's error, which only params set (src/generated/zod-util.js: -100 B);
    // 99,750 B without the checks' stamp of their schema on an issue, which only those lookups read, and a refinement's params (src/generated/zod-schemas.js: -60 B).
    // 99,892 B at stop 80's end (a walkthrough's and two reviews' fixes: the other language hidden on forms, tabs as spaces, "mindestens", notes added to by lines: +142 B).
    // 99,868 B at a04a4ba, 99,720 B without hono's getQueryParam fast path for one key (src/generated/hono-url.js: -148 B).
    // 99,683 B without the schema's notNull() calls, which the bundle's column builder ignores (src/db/schema.ts: -37 B).
    // 99,663 B without c.status() and the context's reads of the status it keeps (src/generated/hono-context.js: -20 B).
    // 99,586 B without zod's newError(), which built its errors without stack frames (src/generated/zod-constructor.js: -77 B).
    // 99,549 B without the context's shortcut for an answer's one header, which the Response makes the same Headers of (src/generated/hono-context.js: -37 B).
    // 99,439 B with the search key's priorities constants of their own, whose numbers esbuild writes where they are read (src/contacts/keys.ts: -110 B).
    // 99,605 B at 2fa0caa, 99,552 B without HTTPException's getResponse() and `res`, which only hono's own error handler reads (src/generated/hono-http-exception.js: -53 B).
    // 99,512 B without the router's optional last parameter and UnsupportedPathError, which no route of the app reaches (src/generated/hono-pattern-router.js: -40 B).
    // 99,477 B without compose()'s guard against a middleware's second next(), which none of the bundle's calls (src/generated/hono-compose.js: -35 B).
    // 99,427 B without zod's global config on globalThis and finalizeIssue's config, which it no longer reads (src/generated/zod-constructor.js, zod-parse.js, zod-schemas.js: -50 B).
    // 99,390 B with the JSX factory calling hono's jsxFn itself, not jsx-dev-runtime's jsxDEV, which only set the key the node has (src/views/jsx-factory.ts: -37 B).
    // 99,361 B without the executionCtx getter's throw for a context without one, as no context of the bundle is (src/generated/hono-context.js: -29 B).
    // 99,321 B without an app's options(), patch() and query(), which no app of the bundle calls, and hono's METHODS with them (src/generated/hono-base.js: -40 B).
    // 99,275 B without a column's shouldDisableInsert() and the insert's filter by it, which kept every column (src/generated/drizzle-column.js, sqlite-dialect.js: -46 B).
    // 99,251 B without DrizzleQueryError's captureStackTrace() and second setting of its cause (src/generated/drizzle-errors.js: -24 B).
    // 99,228 B without two shortcuts of hono's cookie parser, optimisations only (src/generated/hono-utils-cookie.js: -23 B).
    // At 99,725 B: 99,663 B with the contacts table's columns selected by name through one helper (src/contacts/repository.ts columnsNamed: -62 B).
    // 99,547 B with the module order searched again after stop 82 (src/production.ts: -116 B).
    // 99,425 B without an object's symbol keys and lazy copy of its shape and a catch's context for its fallback (src/generated/zod-schemas.js: -122 B).
    // 99,384 B with c.html() answering with its page's toString() at once (src/generated/hono-context.js: -41 B).
    // 99,337 B without the message of a malformed form's 400, which the app's error handler never reads (src/generated/hono-validator.js: -47 B).
    // 99,271 B without #newResponse()'s ResponseInit and a header's list of values, which no answer gives (src/generated/hono-context.js: -66 B).
    // 99,239 B with $ZodAsyncError's message the bundle's for a path it never reaches (src/generated/zod-constructor.js: -32 B).
    // 99,216 B without D1's batch's second prepare of a query without parameters (src/generated/d1-session.js: -23 B).
    // 99,211 B with the module order searched again (src/production.ts: -5 B).
    // 99,201 B without a schema's bag, which nothing in the bundle writes or reads (src/generated/zod-schemas.js: -10 B).
    // At 99,981 B (stop 83): 99,949 B without drizzle's utils.js and its TextDecoder (src/generated/drizzle-utils.js, a whole copy: -32 B).
    // 99,945 B with safeParse's context one literal (src/generated/zod-parse.js: -4 B).
    // 99,923 B without mergePath's rest arguments, which no call gives (src/generated/hono-url.js: -22 B).
    // 99,920 B with the forms' htmx attributes written once (src/views/jsx-factory.ts postForm: -3 B).
    // 99,910 B without a select's orderBy() copy of its columns (src/generated/sqlite-select.js: -10 B).
    // 99,837 B with the module order searched again, two passes (src/production.ts: -62 and -11 B).
    // safeParse's context without its second literal for no context (src/generated/zod-parse.js, SAFE_PARSE_CTX).
    expect(code).toMatch(/\{let \w+=\{\.\.\.\w+,async:!1\},/);
    expect(code).not.toMatch(/\?\{\.\.\.\w+,async:!1\}:\{async:!1\}/);
    // hono's mergePath without its rest arguments, which no call of the bundle gives (src/generated/hono-url.js, MERGE_PATH_REST).
    expect(code).toMatch(/=\(\w+,\w+\)=>`\$\{\w+\?\.\[0\]==="\/"\?"":"\/"\}/);
    expect(code).not.toMatch(/\(\w+,\w+,\.\.\.\w+\)=>\(\w+\.length&&/);
    // The attributes of the forms posted through htmx written once (src/views/jsx-factory.ts postForm).
    expect(code.split('"hx-disable":"find button[type=submit]"')).toHaveLength(2);
    // The select's orderBy() without its copy of the columns (src/generated/sqlite-select.js, BUILDER_REWRITES).
    expect(code).toMatch(/orderBy\(\.\.\.(\w+)\)\{return this\.config\.orderBy=\1,this\}/);
    expect(gzip).toBeLessThanOrEqual(100_000);
    console.log(`production bundle: ${bundle.length} B raw, ${gzip} B gzip`);
  });
});
