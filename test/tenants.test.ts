import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { appFor } from '../src/app';
import { EMPTY_FIELDS } from '../src/contacts/fields';
import { createContact, PURGE_AFTER_MS } from '../src/contacts/repository';
import { connect } from '../src/db/client';
import { tenantDatabases } from '../src/db/tenants';
import worker from '../src/index';
import { countingD1 } from './d1-counter';
import { ORIGIN, send, type TestUser, textOf, tokenFor } from './helpers';

// One database per tenant (src/db/tenants.ts): vitest.config.ts maps the tenant "seeblick" to
// DB_SEEBLICK; every other asset lives in DB.

/** A buyer of one apartment; `tenant` null: the claim has none. Each test has apartments of its own (storage is shared per file). */
const buyer = (asset: string, sub: string, name: string, tenant: string | null = 'seeblick'): TestUser => ({
  sub,
  name,
  role: 'customer',
  assets: [{ id: asset, name: `Seeblick, ${asset}`, ...(tenant === null ? {} : { tenant }) }],
});
const list = (asset: string) => `/assets/${asset}/contacts`;

const count = async (d1: D1Database, table: string, assetId: string) =>
  d1.prepare(`SELECT count(*) AS n FROM ${table} WHERE asset_id = ?`).bind(assetId).first<number>('n');

async function create(user: TestUser, company: string): Promise<string> {
  const response = await send(list(user.assets[0]?.id ?? ''), { user, form: { form_token: crypto.randomUUID(), company } });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
}

describe('one database per tenant', () => {
  it('stores an asset of a tenant with its own database there and nowhere else; co-buyers share it', async () => {
    const [lea, tom] = [buyer('sb-1', 'u-lea', 'Lea Brandt'), buyer('sb-1', 'u-tom', 'Tom Brandt')];
    const id = await create(lea, 'Seeblick Pool GmbH');
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-1')).toBe(1);
    expect(await count(env.DB_SEEBLICK, 'contact_versions', 'sb-1')).toBe(1);
    for (const d1 of [env.DB, env.DB_OLD]) {
      expect(await count(d1, 'contacts', 'sb-1')).toBe(0);
      expect(await count(d1, 'contact_versions', 'sb-1')).toBe(0);
    }

    // The co-buyer sees it, edits it, and the export and the history come from the same database.
    expect(textOf(await (await send(list('sb-1'), { user: tom })).text())).toContain('Seeblick Pool GmbH');
    const edit = await send(`${list('sb-1')}/${id}`, {
      user: tom,
      form: { version: '1', company: 'Seeblick Pool GmbH', phone: '08821 123' },
    });
    expect(edit.status).toBe(303);
    expect(await env.DB_SEEBLICK.prepare('SELECT phone, version FROM contacts WHERE id = ?').bind(id).first()).toEqual({
      phone: '08821 123',
      version: 2,
    });
    expect(await (await send('/assets/sb-1/contacts.vcf', { user: lea })).text()).toContain('ORG:Seeblick Pool GmbH');
    expect(textOf(await (await send(`${list('sb-1')}/${id}/history`, { user: lea })).text())).toContain('Tom Brandt');
    expect(await count(env.DB, 'contacts', 'sb-1')).toBe(0);
  });

  it('takes the database from the signed claim alone: a token without the tenant reads and writes DB (why the platform must always send it)', async () => {
    await create(buyer('sb-2', 'u-lea', 'Lea Brandt'), 'Nur im Seeblick GmbH');
    const withoutTenant = buyer('sb-2', 'u-lea', 'Lea Brandt', null);
    expect(textOf(await (await send(list('sb-2'), { user: withoutTenant })).text())).not.toContain('Nur im Seeblick GmbH');
    await create(withoutTenant, 'Im Standard GmbH');
    expect([await count(env.DB, 'contacts', 'sb-2'), await count(env.DB_SEEBLICK, 'contacts', 'sb-2')]).toEqual([1, 1]);
  });

  it('keeps an asset of a tenant without a database of its own in DB', async () => {
    await create(buyer('lh-3', 'u-kai', 'Kai Ott', 'lindenhof'), 'Lindenhof Garten GmbH');
    expect(await count(env.DB, 'contacts', 'lh-3')).toBe(1);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'lh-3')).toBe(0);
  });

  it('refuses a token whose tenant is not a tenant name (401)', async () => {
    for (const tenant of ['Seeblick', 'see blick', '', 'x'.repeat(65), '__proto__']) {
      const response = await send(list('sb-4'), { user: buyer('sb-4', 'u-lea', 'Lea Brandt', tenant) });
      expect(response.status, tenant).toBe(401);
    }
  });
});

/** A request straight to the app with bindings of the test's choosing (`vars`). */
async function call(vars: typeof env, user: TestUser, init: { form?: Record<string, string>; cookie?: string } = {}) {
  const headers = new Headers({ Cookie: `propster_session=${await tokenFor(user)}${init.cookie ? `; ${init.cookie}` : ''}` });
  let body: string | undefined;
  if (init.form) {
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    headers.set('Origin', ORIGIN);
    body = new URLSearchParams(init.form).toString();
  }
  const ctx = createExecutionContext();
  const path = list(user.assets[0]?.id ?? '');
  const response = await appFor(vars).fetch(
    new Request(`${ORIGIN}${path}`, { method: body ? 'POST' : 'GET', headers, body, redirect: 'manual' }),
    vars,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe('read replicas per database', () => {
  it("keeps a bookmark per database: a tenant's write sets its own cookie, which its next read starts from", async () => {
    const { db, count: seen } = countingD1(env.DB_SEEBLICK);
    const vars = { ...env, DB_SEEBLICK: db };
    const lea = buyer('sb-5', 'u-lea', 'Lea Brandt');
    const write = await call(vars, lea, { form: { form_token: crypto.randomUUID(), company: 'Lesezeichen See GmbH' } });
    const cookie = write.headers.get('set-cookie') ?? '';
    // Its own name: a bookmark is a position in one database's log, never handed to another.
    expect(cookie).not.toMatch(/(^|[\s,])kontakte_d1=/);
    const bookmark = /kontakte_d1_DB_SEEBLICK=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(bookmark).not.toBe('');
    expect(cookie).toMatch(/HttpOnly/);
    seen.sessions.length = 0;
    // The default database's bookmark is not this database's: the read starts unconstrained.
    await call(vars, lea, { cookie: `kontakte_d1=${bookmark}` });
    expect(seen.sessions).toEqual(['first-unconstrained']);
    const next = await call(vars, lea, { cookie: `kontakte_d1_DB_SEEBLICK=${bookmark}` });
    expect(seen.sessions).toEqual(['first-unconstrained', bookmark]);
    expect(textOf(await next.text())).toContain('Lesezeichen See GmbH');
  });
});

describe('what works by asset id alone reaches every database, mapped or not', () => {
  const platform = (path: string, form: Record<string, string> = {}) =>
    send(path, { form, headers: { Authorization: `Bearer ${env.PLATFORM_API_SECRET}` }, sameOrigin: false });
  /** A contact straight into a database no tenant maps to (the old copy of a tenant that moved). */
  const intoOld = async (asset: string, company: string, author = { userId: 'u-ida', name: 'Ida Kern' }) => {
    const made = await createContact(connect(env.DB_OLD), asset, { ...EMPTY_FIELDS, company }, crypto.randomUUID(), author);
    if (made.kind !== 'created') throw new Error(made.kind);
    return made.contact.id;
  };

  it('the platform wipes an asset in every database', async () => {
    await create(buyer('sb-9', 'u-ida', 'Ida Kern'), 'Weg GmbH');
    await create(buyer('sb-9', 'u-ida', 'Ida Kern', null), 'Auch weg GmbH');
    await intoOld('sb-9', 'Alte Kopie GmbH');
    // The neighbour in the tenant's database keeps its book.
    await create(buyer('sb-8', 'u-ole', 'Ole Berg'), 'Bleibt GmbH');
    const everywhere = async () => Promise.all([env.DB, env.DB_SEEBLICK, env.DB_OLD].map((d1) => count(d1, 'contacts', 'sb-9')));
    expect(await everywhere()).toEqual([1, 1, 1]);
    expect((await platform('/platform/assets/sb-9/wipe')).status).toBe(204);
    for (const d1 of [env.DB, env.DB_SEEBLICK, env.DB_OLD])
      for (const table of ['contacts', 'contact_versions', 'asset_usage']) expect(await count(d1, table, 'sb-9')).toBe(0);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-8')).toBe(1);
  });

  it("the platform removes a former co-buyer's name in every database", async () => {
    const lea = buyer('sb-6', 'u-lea', 'Lea Brandt');
    const id = await create(lea, 'Namenlos GmbH');
    const other = await create(buyer('sb-6', 'u-lea', 'Lea Brandt', null), 'Auch namenlos GmbH');
    const old = await intoOld('sb-6', 'Alt und namenlos GmbH', { userId: 'u-lea', name: 'Lea Brandt' });
    expect((await platform('/platform/assets/sb-6/anonymise', { user: 'u-lea', name: 'Ehemalige Käuferin' })).status).toBe(204);
    const creator = (d1: D1Database, contact: string) =>
      d1.prepare('SELECT created_by_name AS name FROM contacts WHERE id = ?').bind(contact).first('name');
    expect(await creator(env.DB_SEEBLICK, id)).toBe('Ehemalige Käuferin');
    expect(await creator(env.DB, other)).toBe('Ehemalige Käuferin');
    expect(await creator(env.DB_OLD, old)).toBe('Ehemalige Käuferin');
    for (const d1 of [env.DB, env.DB_SEEBLICK, env.DB_OLD]) {
      const named = await d1
        .prepare('SELECT count(*) AS n FROM contact_versions WHERE asset_id = ? AND author_name = ?')
        .bind('sb-6', 'Lea Brandt')
        .first('n');
      expect(named).toBe(0);
    }
  });

  it('the daily purge runs in every database, each on its own line of the log, also with a broken tenant map', async () => {
    const purger = buyer('sb-p', 'u-uwe', 'Uwe Lenz');
    const id = await create(purger, 'Lange gelöscht GmbH');
    expect((await send(`/assets/sb-p/contacts/${id}/delete`, { user: purger, form: {} })).status).toBe(303);
    const old = await intoOld('sb-p', 'Alt gelöscht GmbH');
    await env.DB_OLD.prepare('UPDATE contacts SET deleted_at = ? WHERE id = ?').bind(Date.now(), old).run();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const now = Date.now() + PURGE_AFTER_MS + 60_000;
      // The map does not decide which databases are purged: every D1 binding is.
      await worker.scheduled?.(createScheduledController({ scheduledTime: new Date(now), cron: '17 3 * * *' }), {
        ...env,
        TENANT_DATABASES: '{',
      });
      const lines = log.mock.calls
        .map(([line]) => JSON.parse(String(line)) as { message: string; database: string; purged: number })
        .filter(({ message }) => message === 'scheduled purge');
      expect(lines.map(({ database }) => database).sort()).toEqual(['DB', 'DB_OLD', 'DB_SEEBLICK']);
      expect(lines.find(({ database }) => database === 'DB_SEEBLICK')?.purged).toBe(1);
      expect(lines.find(({ database }) => database === 'DB_OLD')?.purged).toBe(1);
    } finally {
      log.mockRestore();
    }
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-p')).toBe(0);
    expect(await count(env.DB_OLD, 'contacts', 'sb-p')).toBe(0);
  });
});

describe('one database failing', () => {
  /** A D1 binding whose every call fails, as a database that is down. */
  const broken = {
    withSession: () => broken,
    prepare: () => {
      const statement = { bind: () => statement, all: fail, raw: fail, run: fail, first: fail };
      return statement;
    },
    batch: fail,
  };
  function fail(): Promise<never> {
    return Promise.reject(new Error('D1_ERROR: the database is down'));
  }
  const vars = { ...env, DB_BROKEN: broken as unknown as D1Database };
  const platformCall = async (path: string, bindings: Record<string, unknown> = vars) => {
    const ctx = createExecutionContext();
    const request = new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${env.PLATFORM_API_SECRET}` } });
    const workerEnv = bindings as unknown as typeof env;
    const response = await appFor(workerEnv).fetch(request, workerEnv, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };

  it('stops no other database: the wipe clears the rest and answers 503 (to be repeated), logged per database', async () => {
    await create(buyer('sb-b', 'u-ida', 'Ida Kern'), 'Trotzdem weg GmbH');
    await create(buyer('sb-b', 'u-ida', 'Ida Kern', null), 'Auch trotzdem weg GmbH');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect((await platformCall('/platform/assets/sb-b/wipe')).status).toBe(503);
      const failures = error.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('failed in one database'));
      expect(failures.map((line) => (JSON.parse(line) as { database: string }).database)).toEqual(['DB_BROKEN']);
      expect(failures[0]).toContain('the database is down');
    } finally {
      vi.restoreAllMocks();
    }
    expect(await Promise.all([env.DB, env.DB_SEEBLICK, env.DB_OLD].map((d1) => count(d1, 'contacts', 'sb-b')))).toEqual([0, 0, 0]);
  });

  it('stops no other database: the purge runs in the rest and then fails', async () => {
    const purger = buyer('sb-q', 'u-uwe', 'Uwe Lenz');
    const id = await create(purger, 'Trotzdem gelöscht GmbH');
    expect((await send(`/assets/sb-q/contacts/${id}/delete`, { user: purger, form: {} })).status).toBe(303);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const controller = createScheduledController({ scheduledTime: new Date(Date.now() + PURGE_AFTER_MS + 60_000), cron: '17 3 * * *' });
      await expect(worker.scheduled?.(controller, vars)).rejects.toThrow();
      const purged = log.mock.calls
        .map(([line]) => JSON.parse(String(line)) as { message: string; database: string })
        .filter(({ message }) => message === 'scheduled purge')
        .map(({ database }) => database);
      expect(purged.sort()).toEqual(['DB', 'DB_OLD', 'DB_SEEBLICK']);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await count(env.DB_SEEBLICK, 'contacts', 'sb-q')).toBe(0);
  });

  it('without a D1 DB the wipe fails rather than answer 204 for having done nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect((await platformCall('/platform/assets/sb-b/wipe', { ...env, DB: undefined })).status).toBe(500);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('a tenant map that names no database', () => {
  it('is refused as it is read', () => {
    expect(() => tenantDatabases('[]')).toThrow(/JSON object/);
    expect(() => tenantDatabases('{"seeblick": "KV_SEEBLICK"}')).toThrow(/seeblick/);
    expect(() => tenantDatabases('{"seeblick": "DB"}')).toThrow(/seeblick/);
    expect(() => tenantDatabases('{"seeblick": 7}')).toThrow(/seeblick/);
    // A key no claim can carry would leave that tenant's apartments in DB unnoticed.
    expect(() => tenantDatabases('{"Seeblick": "DB_SEEBLICK"}')).toThrow(/Seeblick/);
    expect(() => tenantDatabases({ seeblick: 'DB_SEEBLICK' })).toThrow(/string/);
    expect(() => tenantDatabases('{"seeblick"')).toThrow();
    expect([...tenantDatabases('{"seeblick": "DB_SEEBLICK", "see-2": "DB_SEEBLICK", "constructor": "DB_OLD"}')]).toEqual([
      ['seeblick', 'DB_SEEBLICK'],
      ['see-2', 'DB_SEEBLICK'],
      ['constructor', 'DB_OLD'],
    ]);
  });

  it("answers 500 to a tenant's asset where its binding is missing, reads and writes alike, and writes nothing", async () => {
    const lea = buyer('sb-3', 'u-lea', 'Lea Brandt');
    await create(lea, 'Schon da GmbH');
    const before = await Promise.all([env.DB, env.DB_SEEBLICK, env.DB_OLD].map((d1) => count(d1, 'contacts', 'sb-3')));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const broken of [JSON.stringify({ seeblick: 'DB_GONE' }), '{']) {
        const vars = { ...env, TENANT_DATABASES: broken };
        expect((await call(vars, lea)).status).toBe(500);
        expect((await call(vars, lea, { form: { form_token: crypto.randomUUID(), company: 'Nirgends GmbH' } })).status).toBe(500);
        // An asset without a tenant does not need the map: it is served from DB as ever.
        expect((await call(vars, buyer('sb-3', 'u-lea', 'Lea Brandt', null))).status).toBe(200);
      }
      expect(error.mock.calls.join(' ')).toContain('DB_GONE');
    } finally {
      vi.restoreAllMocks();
    }
    expect(await Promise.all([env.DB, env.DB_SEEBLICK, env.DB_OLD].map((d1) => count(d1, 'contacts', 'sb-3')))).toEqual(before);
    expect(before).toEqual([0, 1, 0]);
  });
});
