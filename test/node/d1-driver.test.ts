// drizzle-orm's D1 driver as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/d1-driver.js, written by scripts/lib/drizzle-d1-driver.mjs from the installed
// drizzle-orm): drizzle's d1/driver.js, but drizzle() without a config's logger, schema and cache,
// which the app never gives (it calls drizzle(d1) only); one given throws. A database made without
// a config is drizzle's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { D1_DRIVER_EDITS, D1_DRIVER_IMPORTS, D1_DRIVER_UNREAD, trimD1Driver } from '../../scripts/lib/drizzle-d1-driver.mjs';
import { bundledDrizzle, drizzle, esmOf, onlyLeavesOutWords, root, sourceCode, sources } from './drizzle-files';

const generatedPath = join(root, 'src', 'generated', 'd1-driver.js');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');

describe('src/generated/d1-driver.js, in place of drizzle-orm/d1/driver.js in the bundle', () => {
  it("wrangler.toml aliases the texts by which drizzle's d1/index.js and src/production.ts import it, and nothing else in the bundle imports those texts", () => {
    for (const text of ['./driver.js', 'drizzle-orm/d1/driver']) expect(toml()).toContain(`"${text}" = "./src/generated/d1-driver.js"`);
    const importers = bundledDrizzle().filter((file) => drizzle(file).includes('from "./driver.js"'));
    expect(importers).toEqual(['d1/index.js']);
    const others = ['hono/dist', 'zod', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => readFileSync(join(root, 'node_modules', file), 'utf8').includes('from "./driver.js"'));
    expect(others).toEqual([]);
    // Its imports: the bundle's generated modules for drizzle's, none for the logger and relations.
    for (const [from, to] of Object.entries(D1_DRIVER_IMPORTS)) {
      expect(drizzle('d1/driver.js')).toContain(`from "${from}";`);
      if (to) expect(generated()).toContain(` from "${to}";`);
    }
    expect(generated()).not.toMatch(/logger\.js|relations\.js/);
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimD1Driver(drizzle('d1/driver.js')));
    expect(() => trimD1Driver(drizzle('d1/driver.js').replace('logger = new DefaultLogger();', 'logger = new Other();'))).toThrow(
      /the logger found 0 times/,
    );
  });

  it("is drizzle's module but for those texts and its imports", () => {
    let theirs = drizzle('d1/driver.js').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    for (const { from, to } of D1_DRIVER_EDITS) {
      expect(theirs.split(from), from).toHaveLength(2);
      theirs = theirs.replace(from, () => to);
    }
    const body = (text: string) => text.replace(/^\/\/ Generated [^\n]*\n/, '').replace(/^import \{[^}]*\} from "[^"]+";\n/gm, '');
    expect(body(trimD1Driver(drizzle('d1/driver.js'), { unread: false }))).toBe(body(theirs));
    // And without what the session and the database never read (D1_DRIVER_UNREAD, only leaving out:
    // scripts/lib/drizzle-dialect.mjs SESSION_UNREAD_LEFT_OUT and DATABASE_UNREAD_LEFT_OUT, held in
    // test/node/sqlite-session.test.ts and sqlite-dialect.test.ts).
    expect(theirs.split(D1_DRIVER_UNREAD.from)).toHaveLength(2);
    expect(onlyLeavesOutWords(D1_DRIVER_UNREAD.from, D1_DRIVER_UNREAD.to)).toBe(true);
    expect(body(generated())).toBe(body(theirs.replace(D1_DRIVER_UNREAD.from, () => D1_DRIVER_UNREAD.to)));
    // Where drizzle would take a logger, a schema or a cache, it throws.
    expect(D1_DRIVER_EDITS[0]?.to).toMatch(
      /^ {2}if \(config\.logger \|\| config\.schema \|\| config\.cache\) throw new Error\("not part of this build"\);\n/,
    );
  });

  it('the app calls drizzle() with a client only', () => {
    const calls = sources('src').flatMap((file) =>
      [...sourceCode(file).matchAll(/\bdrizzle\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].map(([, args = '']) => `${file}: ${args}`),
    );
    expect(calls.length).toBeGreaterThan(0);
    // (One argument: no comma outside the parentheses of its own calls.)
    for (const call of calls) expect(call.replace(/\([^()]*\)/g, ''), call).not.toMatch(/:.*,/);
  });

  it("makes the same database as drizzle's without a config, and throws for one", async () => {
    const ours = await import(pathToFileURL(generatedPath).href);
    const theirs = await import('drizzle-orm/d1');
    const client = { prepare() {}, batch() {} };
    type Db = { $client: unknown; $cache: unknown; session: Record<string, unknown>; resultKind: string };
    const [a, b] = [ours.drizzle(client) as Db, theirs.drizzle(client as never) as unknown as Db];
    expect(a.$client).toBe(client);
    expect(a.$cache).toBe(b.$cache);
    expect(a.session.client).toBe(client);
    // (But the session's logger and cache, a NoopLogger drizzle's queries only called and a NoopCache they
    // only tested for: LOGGER_LEFT_OUT and CACHE_LEFT_OUT in scripts/lib/drizzle-dialect.mjs; and its
    // schema and options, and the database's result kind, which nothing reads: SESSION_UNREAD_LEFT_OUT,
    // DATABASE_UNREAD_LEFT_OUT.)
    expect(Object.keys(a.session).sort()).toEqual(
      Object.keys(b.session)
        .filter((key) => !['logger', 'cache', 'schema', 'options'].includes(key))
        .sort(),
    );
    expect([b.session.logger?.constructor.name, b.session.cache?.constructor.name]).toEqual(['NoopLogger', 'NoopCache']);
    expect([b.session.schema, b.resultKind]).toEqual([undefined, 'async']);
    expect(a.resultKind).toBeUndefined();
    for (const config of [{ logger: true }, { schema: {} }, { cache: {} }])
      expect(() => ours.drizzle(client, config)).toThrow('not part of this build');
    expect(() => ours.drizzle(client, { logger: false })).not.toThrow();
  });
});
