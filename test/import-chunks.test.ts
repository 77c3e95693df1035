import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appFor } from '../src/app';
import { anna, ORIGIN, type TestUser, tokenFor } from './helpers';

// The import's INSERT chunks are sized in UTF-8 bytes (not UTF-16 units): a file of long CJK,
// umlaut or emoji values imports whole, each statement within D1's limits.

const utf8 = new TextEncoder();

/** env with a DB binding that records every bound parameter's UTF-8 size and every SQL text's. */
function recording() {
  const seen = { maxParamBytes: 0, maxChunkBytes: 0, maxSqlBytes: 0, inserts: 0 };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property === 'bind')
          return (...args: unknown[]) => {
            for (const arg of args) if (typeof arg === 'string') seen.maxParamBytes = Math.max(seen.maxParamBytes, utf8.encode(arg).length);
            if (sql.includes('json_each')) {
              seen.inserts += 1;
              seen.maxChunkBytes = Math.max(seen.maxChunkBytes, utf8.encode(String(args[0])).length);
            }
            return wrap((value as (...a: unknown[]) => D1PreparedStatement).apply(target, args), sql);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  const wrapDb = <T extends object>(inner: T): T =>
    new Proxy(inner, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        const t = target as unknown as D1Database;
        if (property === 'prepare')
          return (sql: string) => {
            seen.maxSqlBytes = Math.max(seen.maxSqlBytes, utf8.encode(sql).length);
            return wrap(t.prepare(sql), sql);
          };
        if (property === 'batch') return (statements: D1PreparedStatement[]) => t.batch(statements.map((s) => originals.get(s) ?? s));
        if (property === 'withSession') return (bookmark?: string) => wrapDb(t.withSession(bookmark));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const db = wrapDb(env.DB);
  return { vars: { ...env, DB: db }, seen };
}

async function call(vars: typeof env, user: TestUser, path: string, body?: BodyInit, contentType?: string) {
  const headers = new Headers({ Cookie: `propster_session=${await tokenFor(user)}`, Origin: ORIGIN });
  if (contentType) headers.set('Content-Type', contentType);
  const ctx = createExecutionContext();
  const response = await appFor(vars).fetch(
    new Request(`${ORIGIN}${path}`, { method: body === undefined ? 'GET' : 'POST', headers, body, redirect: 'manual' }),
    vars,
    ctx,
  );
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { response, text };
}

const vcf = (...lines: string[]) => `${['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')}\r\n`;

/** A card with every text field at its limit, in `ch` (CJK: 3 UTF-8 bytes per UTF-16 unit). */
function fullCard(index: number, ch: string) {
  const s = (n: number) => ch.repeat(n);
  return vcf(
    `N:${s(96)}${String(index).padStart(4, '0')};${s(100)};;${s(50)};`,
    `ORG:${s(200)}`,
    `TITLE:${s(100)}`,
    `ADR;TYPE=WORK:;;${s(200)};${s(100)};;${'1'.repeat(20)};${s(100)}`,
    `NOTE:${s(2000)}`,
  );
}

describe('the import\u2019s statements, whatever the script of the values', () => {
  it('local D1 enforces D1 limits: local D1 refuses SQL text over 100 KB, takes a bound string of 1.5 MB', async () => {
    await expect(env.DB.prepare(`SELECT '${'x'.repeat(100_100)}' AS v`).first()).rejects.toThrow(/too big|TOOBIG|too long/i);
    const big = '漢'.repeat(500_000); // 1.5 MB UTF-8, bound
    expect(await env.DB.prepare('SELECT length(?) AS n').bind(big).first('n')).toBe(500_000);
  });

  for (const [name, ch] of [
    ['CJK', '漢'],
    ['umlauts', 'ä'],
    ['emoji', '😀'],
  ] as const) {
    it(`a file of cards with every field at its limit in ${name}, up to 1 MB of text, imports whole`, async () => {
      const assetId = `imp-chunk-${name}`;
      const user: TestUser = { ...anna, sub: `u-imp-chunk-${name}`, assets: [{ id: assetId, name: 'Chunks' }] };
      const cards: string[] = [];
      let size = 0;
      for (let index = 0; ; index++) {
        const card = fullCard(index, ch);
        const bytes = utf8.encode(card).length;
        if (size + bytes > 1024 * 1024 - 1024) break;
        cards.push(card);
        size += bytes;
      }
      const { vars, seen } = recording();
      const form = new FormData();
      form.set('file', new File([cards.join('')], 'k.vcf', { type: 'text/vcard' }));
      const upload = await call(vars, user, `/assets/${assetId}/contacts/import`, form);
      expect(upload.response.status, upload.text.slice(-800)).toBe(303);
      // The preview at its own address, as the browser follows the upload's answer.
      const staged = await call(vars, user, upload.response.headers.get('location') ?? '');
      expect(staged.response.status, staged.text.slice(-800)).toBe(200);
      const importId = /action="[^"]*\/contacts\/import\/([A-Za-z0-9_-]+)"/.exec(staged.text)?.[1] ?? '';
      const ticked = [...staged.text.matchAll(/name="card" value="(\d+)" checked=""/g)].map((m) => ['card', m[1] ?? '']);
      expect(ticked).toHaveLength(cards.length);
      const done = await call(
        vars,
        user,
        `/assets/${assetId}/contacts/import/${importId}`,
        new URLSearchParams(ticked).toString(),
        'application/x-www-form-urlencoded',
      );
      expect(done.response.status, done.text.slice(0, 400)).toBe(303);
      const stored = await env.DB.prepare('SELECT notes FROM contacts WHERE asset_id = ?').bind(assetId).all<{ notes: string }>();
      expect(stored.results).toHaveLength(cards.length);
      for (const row of stored.results) expect(row.notes).toBe(ch.repeat(2000));
      // Every statement's SQL text stays under D1's 100 KB, and each chunk's JSON parameter within
      // the 90,000 bytes the code means (counted in UTF-16 units it was 2.8 times that for CJK).
      expect(seen.maxSqlBytes).toBeLessThan(100_000);
      expect(seen.inserts).toBeGreaterThan(1);
      expect(seen.maxChunkBytes).toBeLessThanOrEqual(90_000);
    });
  }
});
