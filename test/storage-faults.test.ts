import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp, configOf } from '../src/app';
import { BUDGET_HEADROOM_BYTES, STORAGE_BUDGET_BYTES } from '../src/contacts/repository';
import { anna, ORIGIN, seedContacts, send, type TestUser, textOf, tokenFor } from './helpers';

const ASSET = 'whg-12';
const LIST = `/assets/${ASSET}/contacts`;

type Fault = 'before' | 'after';

/**
 * Wraps the real D1 binding so that chosen calls fail: 'before' fails without executing (the
 * statement never ran); 'after' executes, then fails (the write landed but its answer was lost).
 */
function faultyDatabase(plan: (call: number, kind: string) => Fault | undefined, message = 'D1_ERROR: Network connection lost.') {
  let calls = 0;
  const real = new WeakMap<object, D1PreparedStatement>();
  const fire = async <T>(kind: string, run: () => Promise<T>): Promise<T> => {
    calls += 1;
    const fault = plan(calls, kind);
    if (fault === 'before') throw new Error(message);
    const result = await run();
    if (fault === 'after') throw new Error(message);
    return result;
  };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property) {
        if (property === 'bind') return (...values: unknown[]) => wrap(target.bind(...values));
        if (property === 'run' || property === 'all' || property === 'raw' || property === 'first') {
          return (...args: unknown[]) => fire(String(property), () => Reflect.apply(Reflect.get(target, property), target, args));
        }
        return Reflect.get(target, property);
      },
    });
    real.set(proxy, statement);
    return proxy;
  };
  const database = new Proxy(env.DB, {
    get(target, property) {
      if (property === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (property === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          fire('batch', () => target.batch(statements.map((statement) => real.get(statement) ?? statement)));
      }
      // The app reads through a D1 session (Sessions API): the session is this same faulty database.
      if (property === 'withSession')
        return () => ({ prepare: database.prepare.bind(database), batch: database.batch.bind(database), getBookmark: () => null });
      return Reflect.get(target, property);
    },
  });
  return { database, calls: () => calls };
}

async function sendWith(
  database: D1Database,
  path: string,
  init: { method?: string; form?: Record<string, string>; htmx?: boolean; body?: FormData; user?: TestUser } = {},
) {
  const faultyEnv = { ...env, DB: database };
  const headers = new Headers({ Cookie: `propster_session=${await tokenFor(init.user ?? anna)}` });
  if (init.htmx) headers.set('HX-Request', 'true');
  let body: string | FormData | undefined = init.body;
  if (init.body) headers.set('Origin', ORIGIN);
  if (init.form) {
    headers.set('Origin', ORIGIN);
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.form).toString();
  }
  const ctx = createExecutionContext();
  const response = await buildApp(configOf(faultyEnv)).fetch(
    new Request(`${ORIGIN}${path}`, {
      method: init.method ?? (init.form || init.body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    }),
    faultyEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

async function rows() {
  const { results } = await env.DB.prepare('SELECT * FROM contacts WHERE asset_id = ? ORDER BY id').bind(ASSET).all();
  return results;
}

let loggedErrors: string[] = [];
beforeEach(() => {
  loggedErrors = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void loggedErrors.push(String(line)));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('storage faults', () => {
  it('retries a transient failure before the insert and stores the contact once', async () => {
    const { database, calls } = faultyDatabase((call) => (call === 1 ? 'before' : undefined));
    const response = await sendWith(database, LIST, { form: { form_token: 'fault-token-before-0001', company: 'Wackelig GmbH' } });
    expect(response.status).toBe(303);
    expect(calls()).toBeGreaterThan(1);
    expect((await rows()).filter((row) => row.company === 'Wackelig GmbH')).toHaveLength(1);
  });

  it('stores once when the insert landed but its answer was lost', async () => {
    const { database } = faultyDatabase((call) => (call === 1 ? 'after' : undefined));
    const response = await sendWith(database, LIST, { form: { form_token: 'fault-token-after-00001', company: 'Verloren GmbH' } });
    expect(response.status).toBe(303);
    expect((await rows()).filter((row) => row.company === 'Verloren GmbH')).toHaveLength(1);
  });

  it('stages an upload once when the staging landed but its answer was lost, and shows the preview', async () => {
    const { database } = faultyDatabase((call, kind) => (call === 1 && kind === 'batch' ? 'after' : undefined));
    const form = new FormData();
    form.set('file', new File(['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Verloren Import\r\nN:Import;Verloren;;;\r\nEND:VCARD\r\n'], 'k.vcf'));
    const staged = () =>
      env.DB.prepare("SELECT count(*) AS n FROM import_staging WHERE asset_id = ? AND cards LIKE '%Verloren%'")
        .bind(ASSET)
        .first<number>('n');
    const before = await staged();
    const response = await sendWith(database, `${LIST}/import`, { body: form });
    expect(response.status).toBe(303);
    expect(await (await send(response.headers.get('location') ?? '', { user: anna })).text()).toContain('Verloren Import');
    expect((await staged()) ?? 0).toBe((before ?? 0) + 1);
  });

  it('imports once when the confirm landed but its answer was lost, and says it was imported (code review: 503)', async () => {
    const form = new FormData();
    form.set('file', new File(['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Doppelt Bestätigt\r\nN:Bestätigt;Doppelt;;;\r\nEND:VCARD\r\n'], 'k.vcf'));
    const uploaded = await send(`${LIST}/import`, { user: anna, method: 'POST', body: form });
    const preview = await (await send(uploaded.headers.get('location') ?? '', { user: anna })).text();
    const action = /action="([^"]*\/import\/[A-Za-z0-9_-]+)"/.exec(preview)?.[1] ?? '';
    const book = /name="book" value="([^"]*)"/.exec(preview)?.[1] ?? '';
    expect(action).not.toBe('');
    // The confirm's batch (the second call: a read of the upload comes first) lands, its answer is lost, and `guarded` sends it again.
    const { database, calls } = faultyDatabase((call, kind) => (call === 2 && kind === 'batch' ? 'after' : undefined));
    const response = await sendWith(database, action, { form: { card: '1', book } });
    expect(calls()).toBeGreaterThan(2);
    expect(response.status).toBe(303);
    const notice = await send(response.headers.get('location') ?? '', { user: anna });
    expect(textOf(await notice.text())).toContain('1 Kontakt wurde übernommen.');
    expect((await rows()).filter((row) => row.last_name === 'Bestätigt')).toHaveLength(1);
  });

  it('makes room in a full book once when the confirm landed but its answer was lost (second code review: twice)', async () => {
    // A book of its own, its budget nearly used by old versions of 1,000 bytes each.
    const asset = 'whg-faults-budget';
    const user = { ...anna, sub: 'u-faults-budget', assets: [{ id: asset, name: 'Voll' }] };
    const [owner = ''] = await seedContacts(asset, 1, () => ({ company: 'Verlauf GmbH' }));
    const count = (sql: string, ...values: unknown[]) =>
      env.DB.prepare(sql)
        .bind(...values)
        .first<number>('n')
        .then(Number);
    const old = () => count("SELECT count(*) AS n FROM contact_versions WHERE contact_id = ? AND author_id = 'seed'", owner);
    const fill = async () => {
      const usage = await count('SELECT bytes AS n FROM asset_usage WHERE asset_id = ?', asset);
      const low = await count('SELECT coalesce(min(version), 1) AS n FROM contact_versions WHERE contact_id = ?', owner);
      await env.DB.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?2)
         INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes)
         SELECT ?1, ?3 - i, ?4, 'update', '{}', 'seed', 'Seed', i, 1000 FROM k`,
      )
        .bind(owner, Math.floor((STORAGE_BUDGET_BYTES - BUDGET_HEADROOM_BYTES - 500 - usage) / 1000), low, asset)
        .run();
      return old();
    };
    const importOne = async (name: string, lost: boolean) => {
      const form = new FormData();
      form.set(
        'file',
        new File([`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nN:${name};X;;;\r\nNOTE:${'x'.repeat(1500)}\r\nEND:VCARD\r\n`], 'k.vcf'),
      );
      const uploaded = await send(`/assets/${asset}/contacts/import`, { user, method: 'POST', body: form });
      const preview = await (await send(uploaded.headers.get('location') ?? '', { user })).text();
      const action = /action="([^"]*\/import\/[A-Za-z0-9_-]+)"/.exec(preview)?.[1] ?? '';
      const book = /name="book" value="([^"]*)"/.exec(preview)?.[1] ?? '';
      const { database } = faultyDatabase((call, kind) => (lost && call === 2 && kind === 'batch' ? 'after' : undefined));
      return sendWith(database, action, { form: { card: '1', book }, user });
    };
    const before = await fill();
    expect((await importOne('Einmal', false)).status).toBe(303);
    const once = before - (await old());
    expect(once).toBeGreaterThan(0);
    const again = await fill();
    expect((await importOne('Wiederholt', true)).status).toBe(303);
    expect(again - (await old())).toBe(once);
  });

  it('answers 503 with the typed input kept and stores nothing when storage stays down', async () => {
    const before = await rows();
    const { database } = faultyDatabase(() => 'before');
    const response = await sendWith(database, LIST, {
      form: { form_token: 'fault-token-down-000001', company: 'Nie gespeichert 🛠', notes: 'Zeile 1\nZeile 2' },
    });
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(textOf(html)).toContain('Vorübergehend nicht erreichbar');
    expect(html).toContain('value="Nie gespeichert 🛠"');
    expect(html).toContain('Zeile 1\nZeile 2</textarea>');
    expect(html).toContain('value="fault-token-down-000001"');
    expect(html).not.toMatch(/at \w+ \(|D1_ERROR|Network connection lost/);
    expect(await rows()).toEqual(before);
    const logged = loggedErrors.join('\n');
    expect(logged).toContain('Network connection lost');
    expect(logged).not.toContain('Nie gespeichert');
  });

  it('does not retry an error that is not transient, and still keeps the input', async () => {
    const { database, calls } = faultyDatabase(() => 'before', 'D1_ERROR: no such table: contacts');
    const response = await sendWith(database, LIST, { form: { form_token: 'fault-token-fatal-00001', company: 'Fatal GmbH' } });
    expect(response.status).toBe(503);
    expect(calls()).toBe(1);
    expect(await response.text()).toContain('value="Fatal GmbH"');
  });

  it('treats an update whose answer was lost as done, not as a conflict with oneself', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Update Alt' }));
    const { database } = faultyDatabase((call) => (call === 1 ? 'after' : undefined));
    const response = await sendWith(database, `${LIST}/${id}`, { form: { version: '1', company: 'Update Neu' } });
    expect(response.status).toBe(303);
    const row = await env.DB.prepare('SELECT company, version FROM contacts WHERE id = ?').bind(id).first();
    expect(row).toEqual({ company: 'Update Neu', version: 2 });
  });

  it('keeps the edit form with the input on 503 during an update, nothing half-written', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Bleibt', phone: '089 1' }));
    const { database } = faultyDatabase(() => 'before');
    const response = await sendWith(database, `${LIST}/${id}`, { form: { version: '1', company: 'Bleibt nicht', phone: '089 2' } });
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('value="Bleibt nicht"');
    expect(html).toContain('name="version" value="1"');
    expect(html).toContain(`action="${LIST}/${id}"`);
    const row = await env.DB.prepare('SELECT company, phone, version FROM contacts WHERE id = ?').bind(id).first();
    expect(row).toEqual({ company: 'Bleibt', phone: '089 1', version: 1 });
  });

  it('keeps a revive or a restore\u2019s choice as such in the form of a 503, to be sent again (data review)', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Zurückholen' }));
    const { database } = faultyDatabase(() => 'before');
    for (const sent of [{ revive: '1' }, { restore: '1' }, { restore: 'undo' }] as Record<string, string>[]) {
      const response = await sendWith(database, `${LIST}/${id}`, {
        form: { version: '1', company: 'Zurückholen', notes: 'getippt', ...sent },
      });
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('>getippt</textarea>');
      const [name, value] = Object.entries(sent)[0] ?? [];
      expect(html).toContain(`<input type="hidden" name="${name}" value="${value}"/>`);
    }
    // An edit's form keeps no more than it sent.
    const plain = await (await sendWith(database, `${LIST}/${id}`, { form: { version: '1', company: 'Zurückholen' } })).text();
    expect(plain).not.toMatch(/name="(revive|restore)"/);
  });

  it('deletes once when the delete landed but its answer was lost', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Weg damit' }));
    const { database } = faultyDatabase((call) => (call === 1 ? 'after' : undefined));
    const response = await sendWith(database, `${LIST}/${id}/delete`, { form: { version: '1' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${LIST}?deleted=${id}`);
  });

  it('shows the 503 page on a read that keeps failing', async () => {
    const { database } = faultyDatabase(() => 'before');
    const response = await sendWith(database, LIST);
    expect(response.status).toBe(503);
    expect(textOf(await response.text())).toContain('Bitte versuchen Sie es in einem Moment noch einmal');
  });
});
