// The Workers tests run what the bundle runs: wrangler.toml's [alias] applies here too
// (vitest.config.ts), so hono/jsx renders every tag as a plain node (src/views/jsx-plain.ts).
// hono/jsx's runtime, as the app's JSX calls it (its index module creates contexts as it loads).
import { jsx } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';

describe("wrangler.toml's [alias] in the Workers tests", () => {
  it('hono/jsx gives no tag a component of its own, as in the bundle', () => {
    for (const tag of ['form', 'input', 'button', 'title', 'meta', 'link', 'style', 'script'])
      expect(typeof (jsx(tag, {}) as unknown as { tag: unknown }).tag, tag).toBe('string');
  });

  it('hono/jsx has no render contexts, as in the bundle (src/views/jsx-no-context.ts): an <svg> in JSX would say so', () => {
    expect(() => jsx('svg', {})).toThrow(/not part of this build/);
  });
});

describe("drizzle's relations module in the Workers tests", () => {
  it('is the stand-in, as in the bundle: a relational query would say it is not part of this build', async () => {
    // The app's database (drizzle over D1, src/db/client.ts) runs as usual without it; a relational
    // query builder, had one been built, would reach the stand-in's mapper.
    const { drizzle } = await import('drizzle-orm/d1');
    expect(() => drizzle({} as D1Database, { schema: { t: {} } })).toThrow(/not part of this build/);
  });
});

describe("drizzle's SQLite dialect in the Workers tests", () => {
  it('is the one the bundle has (src/generated/sqlite-dialect.js): without its migration runner', async () => {
    const { SQLiteAsyncDialect } = await import('drizzle-orm/sqlite-core');
    expect('migrate' in SQLiteAsyncDialect.prototype).toBe(false);
    expect(typeof new SQLiteAsyncDialect().buildSelectQuery).toBe('function');
  });
});

describe("drizzle's sessions in the Workers tests", () => {
  it('are the ones the bundle has (src/generated/d1-session.js, sqlite-session.js): no transactions, no raw queries', async () => {
    const d1 = await import('drizzle-orm/d1');
    expect('D1Transaction' in d1).toBe(false);
    expect('transaction' in d1.SQLiteD1Session.prototype).toBe(false);
    expect('run' in d1.SQLiteD1Session.prototype).toBe(false);
    const { drizzle } = d1;
    const db = drizzle({} as D1Database);
    expect('run' in db).toBe(false);
    expect('transaction' in db).toBe(false);
    // What the app does use is there.
    expect(typeof db.batch).toBe('function');
    expect(typeof db.select).toBe('function');
  });
});

describe("hono's app class in the Workers tests", () => {
  it('is the one the bundle has (src/generated/hono-base.js): no mount(), no fire(), no request()', async () => {
    const { Hono } = await import('hono/tiny');
    const app = new Hono();
    expect('mount' in app).toBe(false);
    expect('fire' in app).toBe(false);
    expect('request' in app).toBe(false);
    app.get('/x', (c) => c.text('x'));
    expect(await (await app.fetch(new Request('http://localhost/x'))).text()).toBe('x');
  });
});

describe("hono's form body in the Workers tests", () => {
  it('is the stand-in (src/form-body.ts), and reads every form as hono\u2019s own parseBody does', async () => {
    const { HonoRequest } = await import('hono/request');
    const hono = await import('hono/utils/body');
    const ours = await import('../src/form-body');
    const urlencoded = 'application/x-www-form-urlencoded';
    const multipart = () => {
      const form = new FormData();
      form.append('file', new File(['BEGIN:VCARD'], 'k.vcf', { type: 'text/vcard' }));
      form.append('card', '1');
      form.append('card', '3');
      form.append('list[]', 'a');
      return form;
    };
    const bodies: [BodyInit, string | undefined][] = [
      ['company=M%C3%BCller&card=1&card=2&card=3&tags[]=a&tags[]=b&one[]=x&a.b=c&__proto__=x', urlencoded],
      ['card=1', `${urlencoded}; charset=UTF-8`],
      ['card=1', 'APPLICATION/X-WWW-FORM-URLENCODED'],
      ['{"card":1}', 'application/json'],
      ['card=1', undefined],
      ['', urlencoded],
    ];
    const requests = (body: BodyInit | FormData, type: string | undefined) =>
      [0, 1].map(
        () => new HonoRequest(new Request('https://example.de/', { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} })),
      );
    const plain = (form: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(form).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.map(String) : value instanceof File ? `file:${value.name}` : value,
        ]),
      );
    for (const [body, type] of bodies)
      for (const all of [false, true]) {
        const [mine, theirs] = requests(body, type);
        expect(plain(await ours.parseBody(mine as never, { all })), `${String(body)} ${type} all=${all}`).toEqual(
          plain(await hono.parseBody(theirs as never, { all })),
        );
      }
    for (const all of [false, true]) {
      const [mine] = requests(multipart(), undefined);
      const [, theirs] = requests(multipart(), undefined);
      expect(plain(await ours.parseBody(mine as never, { all }))).toEqual(plain(await hono.parseBody(theirs as never, { all })));
    }
    // The app's requests read it: the cache a validator reads the same body from is filled.
    const [cached] = requests('card=1', urlencoded);
    await (cached as { parseBody: (options?: object) => Promise<unknown> }).parseBody();
    expect((cached as unknown as { bodyCache: { formData?: unknown } }).bodyCache.formData).toBeInstanceOf(Promise);
    // And it is the stand-in: hono's own would nest "a.b" under `dot`, which no form of the app uses.
    const [dotted] = requests('a.b=c', urlencoded);
    expect(await (dotted as { parseBody: (options?: object) => Promise<unknown> }).parseBody({ dot: true })).toEqual({ 'a.b': 'c' });
  });
});
