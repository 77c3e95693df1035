import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { appFor } from '../src/app';
import { PURGE_AFTER_MS } from '../src/contacts/repository';
import { tenantDatabases } from '../src/db/tenants';
import worker from '../src/index';
import { countingD1 } from './d1-counter';
import { ORIGIN, send, type TestUser, textOf, tokenFor } from './helpers';

// One database per tenant (src/db/tenants.ts): vitest.config.ts maps the tenant "seeblick" to
// DB_SEEBLICK; every other asset lives in DB.

/** A buyer of one apartment (sb-7 unless `asset` says otherwise); `tenant` null: the claim has none. */
const seeblick = (sub: string, name: string, tenant: string | null = 'seeblick', asset = 'sb-7'): TestUser => ({
  sub,
  name,
  role: 'customer',
  assets: [{ id: asset, name: `Seeblick, ${asset}`, ...(tenant === null ? {} : { tenant }) }],
});
const lea = seeblick('u-lea', 'Lea Brandt');
const tom = seeblick('u-tom', 'Tom Brandt');
const LIST = '/assets/sb-7/contacts';

const count = async (d1: D1Database, table: string, assetId: string) =>
  d1.prepare(`SELECT count(*) AS n FROM ${table} WHERE asset_id = ?`).bind(assetId).first<number>('n');

async function create(user: TestUser, company: string, path = LIST): Promise<{ id: string; response: Response }> {
  const response = await send(path, { user, form: { form_token: crypto.randomUUID(), company } });
  expect(response.status).toBe(303);
  return { id: new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '', response };
}

describe('one database per tenant', () => {
  it('stores an asset of a tenant with its own database there and nowhere else; co-buyers share it', async () => {
    const { id } = await create(lea, 'Seeblick Pool GmbH');
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-7')).toBe(1);
    expect(await count(env.DB_SEEBLICK, 'contact_versions', 'sb-7')).toBe(1);
    expect(await count(env.DB, 'contacts', 'sb-7')).toBe(0);
    expect(await count(env.DB, 'contact_versions', 'sb-7')).toBe(0);

    // The co-buyer sees it, edits it, and the export and the history come from the same database.
    expect(textOf(await (await send(LIST, { user: tom })).text())).toContain('Seeblick Pool GmbH');
    const edit = await send(`${LIST}/${id}`, { user: tom, form: { version: '1', company: 'Seeblick Pool GmbH', phone: '08821 123' } });
    expect(edit.status).toBe(303);
    expect(await env.DB_SEEBLICK.prepare('SELECT phone, version FROM contacts WHERE id = ?').bind(id).first()).toEqual({
      phone: '08821 123',
      version: 2,
    });
    expect(await (await send('/assets/sb-7/contacts.vcf', { user: lea })).text()).toContain('ORG:Seeblick Pool GmbH');
    expect(textOf(await (await send(`${LIST}/${id}/history`, { user: lea })).text())).toContain('Tom Brandt');
    expect(await count(env.DB, 'contacts', 'sb-7')).toBe(0);
  });

  it('follows the claim, not the asset id: without the tenant the same id is another, empty book', async () => {
    await create(lea, 'Nur im Seeblick GmbH');
    const withoutTenant = seeblick('u-lea', 'Lea Brandt', null);
    const list = textOf(await (await send(LIST, { user: withoutTenant })).text());
    expect(list).not.toContain('Nur im Seeblick GmbH');
    await create(withoutTenant, 'Im Standard GmbH');
    expect(await count(env.DB, 'contacts', 'sb-7')).toBe(1);
    expect(textOf(await (await send(LIST, { user: lea })).text())).not.toContain('Im Standard GmbH');
  });

  it('keeps an asset of a tenant without a database of its own in DB', async () => {
    await create(seeblick('u-kai', 'Kai Ott', 'lindenhof', 'lh-3'), 'Lindenhof Garten GmbH', '/assets/lh-3/contacts');
    expect(await count(env.DB, 'contacts', 'lh-3')).toBe(1);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'lh-3')).toBe(0);
  });

  it('refuses a token whose tenant is not a tenant name (401)', async () => {
    for (const tenant of ['Seeblick', 'see blick', '', 'x'.repeat(65), '__proto__']) {
      const response = await send(LIST, { user: seeblick('u-lea', 'Lea Brandt', tenant) });
      expect(response.status, tenant).toBe(401);
    }
  });
});

describe('read replicas per database', () => {
  it("keeps a bookmark per database: a tenant's write sets its own cookie, which its next read starts from", async () => {
    const { db, count: seen } = countingD1(env.DB_SEEBLICK);
    const vars = { ...env, DB_SEEBLICK: db };
    const call = async (init: { form?: Record<string, string>; cookie?: string } = {}) => {
      const headers = new Headers({ Cookie: `propster_session=${await tokenFor(lea)}${init.cookie ? `; ${init.cookie}` : ''}` });
      let body: string | undefined;
      if (init.form) {
        headers.set('Content-Type', 'application/x-www-form-urlencoded');
        headers.set('Origin', ORIGIN);
        body = new URLSearchParams(init.form).toString();
      }
      const ctx = createExecutionContext();
      const response = await appFor(vars).fetch(
        new Request(`${ORIGIN}${LIST}`, { method: body ? 'POST' : 'GET', headers, body, redirect: 'manual' }),
        vars,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return response;
    };
    const write = await call({ form: { form_token: crypto.randomUUID(), company: 'Lesezeichen See GmbH' } });
    const cookie = write.headers.get('set-cookie') ?? '';
    // Its own name: a bookmark is a position in one database's log, never handed to another.
    expect(cookie).not.toMatch(/(^|[\s,])kontakte_d1=/);
    const bookmark = /kontakte_d1_DB_SEEBLICK=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(bookmark).not.toBe('');
    expect(cookie).toMatch(/HttpOnly/);
    seen.sessions.length = 0;
    // The default database's bookmark is not this database's: the read starts unconstrained.
    await call({ cookie: `kontakte_d1=${bookmark}` });
    expect(seen.sessions).toEqual(['first-unconstrained']);
    const next = await call({ cookie: `kontakte_d1_DB_SEEBLICK=${bookmark}` });
    expect(seen.sessions).toEqual(['first-unconstrained', bookmark]);
    expect(textOf(await next.text())).toContain('Lesezeichen See GmbH');
  });
});

describe('what works by asset id alone reaches every database', () => {
  const platform = (path: string, form: Record<string, string> = {}) =>
    send(path, { form, headers: { Authorization: `Bearer ${env.PLATFORM_API_SECRET}` }, sameOrigin: false });

  it('the platform wipes an asset in every database', async () => {
    await create(seeblick('u-ida', 'Ida Kern', 'seeblick', 'sb-9'), 'Weg GmbH', '/assets/sb-9/contacts');
    await create(seeblick('u-ida', 'Ida Kern', null, 'sb-9'), 'Auch weg GmbH', '/assets/sb-9/contacts');
    // The neighbour in the tenant's database keeps its book.
    await create(seeblick('u-ole', 'Ole Berg', 'seeblick', 'sb-8'), 'Bleibt GmbH', '/assets/sb-8/contacts');
    expect([await count(env.DB, 'contacts', 'sb-9'), await count(env.DB_SEEBLICK, 'contacts', 'sb-9')]).toEqual([1, 1]);
    expect((await platform('/platform/assets/sb-9/wipe')).status).toBe(204);
    for (const d1 of [env.DB, env.DB_SEEBLICK])
      for (const table of ['contacts', 'contact_versions', 'asset_usage']) expect(await count(d1, table, 'sb-9')).toBe(0);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-8')).toBe(1);
  });

  it("the platform removes a former co-buyer's name in every database", async () => {
    const { id } = await create(lea, 'Namenlos GmbH');
    const { id: other } = await create(seeblick('u-lea', 'Lea Brandt', null), 'Auch namenlos GmbH');
    expect((await platform('/platform/assets/sb-7/anonymise', { user: 'u-lea', name: 'Ehemalige Käuferin' })).status).toBe(204);
    expect(await env.DB.prepare('SELECT created_by_name AS name FROM contacts WHERE id = ?').bind(other).first('name')).toBe(
      'Ehemalige Käuferin',
    );
    const row = await env.DB_SEEBLICK.prepare('SELECT created_by_name AS name FROM contacts WHERE id = ?').bind(id).first('name');
    expect(row).toBe('Ehemalige Käuferin');
    const history = await env.DB_SEEBLICK.prepare('SELECT count(*) AS n FROM contact_versions WHERE contact_id = ? AND author_name = ?')
      .bind(id, 'Lea Brandt')
      .first('n');
    expect(history).toBe(0);
  });

  it('the daily purge runs in every database, each on its own line of the log', async () => {
    const purger = seeblick('u-uwe', 'Uwe Lenz', 'seeblick', 'sb-p');
    const { id } = await create(purger, 'Lange gelöscht GmbH', '/assets/sb-p/contacts');
    expect((await send(`/assets/sb-p/contacts/${id}/delete`, { user: purger, form: {} })).status).toBe(303);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const now = Date.now() + PURGE_AFTER_MS + 60_000;
      await worker.scheduled?.(
        createScheduledController({ scheduledTime: new Date(now), cron: '17 3 * * *' }),
        env,
        createExecutionContext(),
      );
      const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)) as { database: string; purged: number });
      expect(lines.map(({ database }) => database).sort()).toEqual(['DB', 'DB_SEEBLICK']);
      expect(lines.find(({ database }) => database === 'DB_SEEBLICK')?.purged).toBe(1);
    } finally {
      log.mockRestore();
    }
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-p')).toBe(0);
  });
});

describe('a tenant map that names no database', () => {
  it('is refused as it is read, never served from another database', () => {
    expect(() => tenantDatabases('[]')).toThrow(/JSON object/);
    expect(() => tenantDatabases('{"seeblick": "KV_SEEBLICK"}')).toThrow(/seeblick/);
    expect(() => tenantDatabases('{"seeblick": 7}')).toThrow(/seeblick/);
    expect(() => tenantDatabases('{"seeblick"')).toThrow();
    expect([...tenantDatabases('{"seeblick": "DB_SEEBLICK", "see-2": "DB_SEEBLICK"}')]).toEqual([
      ['seeblick', 'DB_SEEBLICK'],
      ['see-2', 'DB_SEEBLICK'],
    ]);
  });

  it('answers 500 and writes nothing where the binding is missing', async () => {
    const vars = { ...env, TENANT_DATABASES: JSON.stringify({ seeblick: 'DB_GONE' }) };
    const before = [await count(env.DB, 'contacts', 'sb-7'), await count(env.DB_SEEBLICK, 'contacts', 'sb-7')];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const headers = new Headers({
        Cookie: `propster_session=${await tokenFor(lea)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: ORIGIN,
      });
      const body = new URLSearchParams({ form_token: crypto.randomUUID(), company: 'Nirgends GmbH' }).toString();
      const ctx = createExecutionContext();
      const response = await appFor(vars).fetch(
        new Request(`${ORIGIN}${LIST}`, { method: 'POST', headers, body, redirect: 'manual' }),
        vars,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(response.status).toBe(500);
      expect(error.mock.calls.join(' ')).toContain('DB_GONE');
    } finally {
      vi.restoreAllMocks();
    }
    expect([await count(env.DB, 'contacts', 'sb-7'), await count(env.DB_SEEBLICK, 'contacts', 'sb-7')]).toEqual(before);
  });
});
