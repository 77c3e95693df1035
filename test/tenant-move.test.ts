import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { PURGE_AFTER_MS } from '../src/contacts/repository';
import worker from '../src/index';
import mover, { internals } from '../src/mover';
import android from './fixtures/vcf/android-2.1-qp.vcf?raw';
import { ORIGIN, seedContacts, send, type TestUser, textOf } from './helpers';

// Moving a tenant's assets to another database (src/mover/index.ts, migrations/0008): the freeze
// the database enforces, the copy, the switch by the tenant map (vitest.config.ts maps
// "seeblick" to DB_SEEBLICK) and the end of the move. The assets start in DB, as every asset of
// a tenant without a database of its own does.

const SECRET = 'test-mover-secret-0123456789abcdef0123456789';
const TABLES = ['contacts', 'contact_versions', 'asset_usage', 'import_staging'] as const;

/**
 * A buyer of one apartment; `tenant` null: the claim has none. Each test has apartments of its
 * own (storage is shared per file), and each apartment its own Lea (the write limit counts per
 * user: one Lea for every test hit 429 on a fast run).
 */
const buyer = (asset: string, tenant: string | null, sub = `u-lea-${asset}`, name = 'Lea Brandt'): TestUser => ({
  sub,
  name,
  role: 'customer',
  assets: [{ id: asset, name: `Seeblick, ${asset}`, ...(tenant === null ? {} : { tenant }) }],
});
const list = (asset: string) => `/assets/${asset}/contacts`;

async function move(op: string, asset: string, query: string, options: { method?: string; secret?: string; vars?: object } = {}) {
  const ctx = createExecutionContext();
  const path = op ? `/assets/${asset}/${op}` : `/assets/${asset}`;
  const response = await mover.fetch(
    new Request(`https://mover.example${path}?${query}`, {
      method: options.method ?? 'POST',
      headers: { Authorization: `Bearer ${options.secret ?? SECRET}` },
    }),
    { ...env, MOVER_SECRET: SECRET, ...options.vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}
const FROM_TO = 'from=DB&to=DB_SEEBLICK';

/**
 * `d1` as the mover sees it, with `race` run once around the copy's batch (the one statement
 * list longer than a read): `before` it, as a write landing between the copy's read and its
 * batch, or `after` it, as one landing right after. `raced()` tells whether it ran.
 */
function racing(d1: D1Database, when: 'before' | 'after', race: () => Promise<void>) {
  let ran = false;
  const binding = {
    withSession: () => d1.withSession(),
    prepare: (query: string) => d1.prepare(query),
    batch: async (statements: D1PreparedStatement[]) => {
      const copying = !ran && statements.length > TABLES.length + 1;
      if (copying && when === 'before') {
        ran = true;
        await race();
      }
      const result = await d1.batch(statements);
      if (copying && when === 'after') {
        ran = true;
        await race();
      }
      return result;
    },
  };
  return { binding, raced: () => ran };
}

/** Every row of the asset in `d1`, table by table, read straight from SQLite (not by the mover). */
async function rowsOf(d1: D1Database, asset: string) {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const { results } = await d1.prepare(`SELECT * FROM ${table} WHERE asset_id = ? ORDER BY rowid`).bind(asset).all();
    tables[table] = results.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return tables;
}
const count = async (d1: D1Database, table: string, asset: string) =>
  d1.prepare(`SELECT count(*) AS n FROM ${table} WHERE asset_id = ?`).bind(asset).first<number>('n');

async function create(user: TestUser, fields: Record<string, string>): Promise<Response> {
  return send(list(user.assets[0]?.id ?? ''), { user, form: { form_token: crypto.randomUUID(), ...fields } });
}
async function created(user: TestUser, company: string): Promise<string> {
  const response = await create(user, { company });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
}
async function upload(user: TestUser, vcf: string) {
  const form = new FormData();
  form.set('file', new File([vcf], 'kontakte.vcf', { type: 'text/vcard' }));
  const staged = await send(`${list(user.assets[0]?.id ?? '')}/import`, { user, method: 'POST', body: form });
  // Staged, it redirects to its preview's address (stop 64), which the browser reads.
  return staged.status === 303 ? send(staged.headers.get('location') ?? '', { user }) : staged;
}

/** An apartment's book in DB as buyers leave it: edits, a deleted contact, an upload waiting for its confirmation. */
async function bookInDb(asset: string) {
  const lea = buyer(asset, null);
  const id = await created(lea, 'Küchen Müller GmbH');
  const edit = await send(`${list(asset)}/${id}`, {
    user: lea,
    form: { version: '1', company: 'Küchen Müller GmbH', phone: '+49 89 123' },
  });
  expect(edit.status).toBe(303);
  const gone = await created(lea, 'Gelöscht & Co. KG');
  expect((await send(`${list(asset)}/${gone}/delete`, { user: lea, form: {} })).status).toBe(303);
  const preview = await upload(lea, android);
  expect(preview.status).toBe(200);
  const html = await preview.text();
  const importId = /action="[^"]*\/contacts\/import\/([A-Za-z0-9_-]+)"/.exec(html)?.[1] ?? '';
  const ticked = [...html.matchAll(/<input type="checkbox" id="card-(\d+)" name="card" value="\d+" checked=""/g)].map(
    (match) => match[1] ?? '',
  );
  expect(importId).not.toBe('');
  expect(ticked.length).toBeGreaterThan(0);
  return { lea, id, importId, ticked };
}

describe('the freeze', () => {
  it('refuses every write of a frozen asset with 503, the input kept and nothing written; reads and other assets go on', async () => {
    const { lea, id } = await bookInDb('mv-1');
    const before = await rowsOf(env.DB, 'mv-1');
    const frozen = await move('freeze', 'mv-1', 'from=DB');
    expect(frozen.status).toBe(200);
    expect(await frozen.json()).toMatchObject({ frozen: { copied_to: null }, contacts: 2, deleted: 1, staged: 1 });

    const typed = await create(lea, { company: 'Neu während des Umzugs GmbH' });
    expect(typed.status).toBe(503);
    const page = await typed.text();
    expect(textOf(page)).toContain('Vorübergehend nicht erreichbar');
    expect(page).toContain('value="Neu während des Umzugs GmbH"');
    const edit = await send(`${list('mv-1')}/${id}`, {
      user: lea,
      form: { version: '2', company: 'Küchen Müller GmbH', phone: '0171 999' },
    });
    expect(edit.status).toBe(503);
    expect(await edit.text()).toContain('value="0171 999"');
    expect((await send(`${list('mv-1')}/${id}/delete`, { user: lea, form: { version: '2' } })).status).toBe(503);
    expect((await send(`${list('mv-1')}/${id}/history/1/restore`, { user: lea, form: { version: '2' } })).status).toBe(503);
    expect((await upload(lea, android)).status).toBe(503);
    expect(await rowsOf(env.DB, 'mv-1')).toEqual(before);

    // Reads go on, from the same database.
    const read = await send(list('mv-1'), { user: lea });
    expect(read.status).toBe(200);
    expect(textOf(await read.text())).toContain('Küchen Müller GmbH');
    expect((await send('/assets/mv-1/contacts.vcf', { user: lea })).status).toBe(200);
    // Another apartment in the same database is not frozen.
    expect((await create(buyer('mv-1n', null), { company: 'Nachbar GmbH' })).status).toBe(303);
  });

  it("holds the platform's wipe and anonymise (503, repeated until 204) and keeps the purge off the asset", async () => {
    const { lea } = await bookInDb('mv-p');
    const neighbour = buyer('mv-pn', null);
    const other = await created(neighbour, 'Nachbar gelöscht GmbH');
    expect((await send(`${list('mv-pn')}/${other}/delete`, { user: neighbour, form: {} })).status).toBe(303);
    expect((await move('freeze', 'mv-p', 'from=DB')).status).toBe(200);
    const before = await rowsOf(env.DB, 'mv-p');
    const platform = (path: string, form: Record<string, string> = {}) =>
      send(path, { form, headers: { Authorization: `Bearer ${env.PLATFORM_API_SECRET}` }, sameOrigin: false });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect((await platform('/platform/assets/mv-p/wipe')).status).toBe(503);
      expect((await platform('/platform/assets/mv-p/anonymise', { user: lea.sub })).status).toBe(503);
      const controller = createScheduledController({ scheduledTime: new Date(Date.now() + PURGE_AFTER_MS + 60_000), cron: '17 3 * * *' });
      await worker.scheduled?.(controller, env);
      const purged = log.mock.calls
        .map(([line]) => JSON.parse(String(line)) as { message: string; database: string; purged: number })
        .find(({ message, database }) => message === 'scheduled purge' && database === 'DB');
      expect(purged?.purged).toBeGreaterThanOrEqual(1);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await rowsOf(env.DB, 'mv-p')).toEqual(before);
    // The neighbour's expired contact went; the frozen asset's deleted one and its upload stayed.
    expect(await count(env.DB, 'contacts', 'mv-pn')).toBe(0);
    expect(await count(env.DB, 'import_staging', 'mv-p')).toBe(1);
  });
});

describe('the copy, the switch and the end of a move', () => {
  it('copies a frozen asset exactly; after the switch its buyers find the same book and go on writing there', async () => {
    const { lea, importId, ticked } = await bookInDb('mv-2');
    // Enough to need several insert statements per table (the mover writes about 500 KB of JSON each).
    await seedContacts('mv-2', 400, (i) => ({
      lastName: `Handwerker ${i}`,
      company: `Betrieb ${i} GmbH`,
      notes: `Notiz ${i}: ${'ä'.repeat(1500)}`,
    }));
    const tomOld = buyer('mv-2', null, 'u-tom', 'Tom Brandt');
    const vcfBefore = await (await send('/assets/mv-2/contacts.vcf', { user: tomOld })).text();
    const listBefore = textOf(await (await send(list('mv-2'), { user: tomOld })).text());

    // Not before the freeze: the source could change while it is copied.
    const early = await move('copy', 'mv-2', FROM_TO);
    expect(early.status).toBe(409);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-2')).toBe(0);

    expect((await move('freeze', 'mv-2', 'from=DB')).status).toBe(200);
    const copy = await move('copy', 'mv-2', FROM_TO);
    expect(copy.status).toBe(200);
    expect(await copy.json()).toMatchObject({ copied: { contacts: 402, deleted: 1, staged: 1 } });
    const source = await rowsOf(env.DB, 'mv-2');
    expect(source.contacts).toHaveLength(402);
    expect(source.contact_versions).toHaveLength(404); // one each, and the deleted contact's two (created, deleted)
    expect(await rowsOf(env.DB_SEEBLICK, 'mv-2')).toEqual(source);
    // Again: the same rows, nothing doubled.
    expect((await move('copy', 'mv-2', FROM_TO)).status).toBe(200);
    expect(await rowsOf(env.DB_SEEBLICK, 'mv-2')).toEqual(source);
    const status = await move('', 'mv-2', FROM_TO, { method: 'GET' });
    expect(await status.json()).toMatchObject({ identical: true, from: { frozen: { copied_to: 'DB_SEEBLICK' } }, to: { frozen: null } });

    // The switch: tokens carry the tenant, which the map sends to DB_SEEBLICK.
    const tom = buyer('mv-2', 'seeblick', 'u-tom', 'Tom Brandt');
    expect(await (await send('/assets/mv-2/contacts.vcf', { user: tom })).text()).toBe(vcfBefore);
    expect(textOf(await (await send(list('mv-2'), { user: tom })).text())).toBe(listBefore);
    // The upload staged before the move is confirmed in the new database.
    const confirm = await send(`${list('mv-2')}/import/${importId}`, {
      user: buyer('mv-2', 'seeblick'),
      method: 'POST',
      body: new URLSearchParams(ticked.map((card) => ['card', card])).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(confirm.status).toBe(303);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-2')).toBe(402 + ticked.length);
    expect((await create(tom, { company: 'Nach dem Umzug GmbH' })).status).toBe(303);
    // The counters came along and go on counting (the cap of live contacts reads them).
    expect(await env.DB_SEEBLICK.prepare('SELECT live FROM asset_usage WHERE asset_id = ?').bind('mv-2').first('live')).toBe(
      402 + ticked.length,
    );
    // The old copy stays frozen: a token without the tenant cannot write a second book there.
    expect((await create(lea, { company: 'Zweites Buch GmbH' })).status).toBe(503);

    // A copy now would drop what was written in the new database since: refused, unless asked for.
    const late = await move('copy', 'mv-2', FROM_TO);
    expect(late.status).toBe(409);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-2')).toBe(403 + ticked.length);

    const finish = await move('finish', 'mv-2', FROM_TO);
    expect(finish.status).toBe(200);
    for (const table of TABLES) expect(await count(env.DB, table, 'mv-2'), table).toBe(0);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-2')).toBe(403 + ticked.length);
    // Again: nothing left to delete, the same answer.
    const again = await move('finish', 'mv-2', FROM_TO);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ removed: { contacts: 0, versions: 0 } });

    // The line stays as the marker of the move: a token still without the tenant finds an empty
    // book in DB and cannot start a second one there.
    expect(
      await env.DB.prepare('SELECT finished_at IS NOT NULL AS done FROM frozen_assets WHERE asset_id = ?').bind('mv-2').first('done'),
    ).toBe(1);
    expect(textOf(await (await send(list('mv-2'), { user: lea })).text())).not.toContain('Küchen Müller GmbH');
    expect((await create(lea, { company: 'Zweites Buch GmbH' })).status).toBe(503);
    expect(await count(env.DB, 'contacts', 'mv-2')).toBe(0);
    // Nor does a copy or a thaw open it again, unless the tenant moves back (force=1).
    expect((await move('copy', 'mv-2', FROM_TO)).status).toBe(409);
    expect((await move('copy', 'mv-2', `${FROM_TO}&replace=1`)).status).toBe(409);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-2')).toBe(403 + ticked.length);
    expect((await move('thaw', 'mv-2', 'from=DB')).status).toBe(409);
    // The platform's wipe now goes through everywhere (DB holds no row of the asset to refuse).
    const wipe = await send('/platform/assets/mv-2/wipe', {
      form: {},
      headers: { Authorization: `Bearer ${env.PLATFORM_API_SECRET}` },
      sameOrigin: false,
    });
    expect(wipe.status).toBe(204);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-2')).toBe(0);
    expect((await move('thaw', 'mv-2', 'from=DB&force=1')).status).toBe(200);
    expect((await create(lea, { company: 'Zurück in DB GmbH' })).status).toBe(303);
  });

  it('takes an inexact copy out again and notes nothing; a purge in the new database since the copy is not a difference', async () => {
    await bookInDb('mv-5');
    // Older than the purge keeps: the deleted contact 31 days ago, the upload 2 hours ago.
    const past = Date.now() - 31 * 86_400_000;
    await env.DB.prepare('UPDATE contacts SET deleted_at = ? WHERE asset_id = ? AND deleted_at IS NOT NULL').bind(past, 'mv-5').run();
    await env.DB.prepare('UPDATE import_staging SET created_at = ? WHERE asset_id = ?')
      .bind(Date.now() - 7_200_000, 'mv-5')
      .run();
    // Counters as they may have drifted: the copy carries them as they are.
    await env.DB.prepare('UPDATE asset_usage SET bytes = bytes + 7 WHERE asset_id = ?').bind('mv-5').run();
    expect((await move('freeze', 'mv-5', 'from=DB')).status).toBe(200);

    // A target that alters what it is given (here a trigger of the test's own): the comparison sees it.
    await env.DB_OLD.prepare(
      "CREATE TRIGGER test_alters AFTER INSERT ON contacts BEGIN UPDATE contacts SET notes = notes || '!' WHERE id = NEW.id; END",
    ).run();
    try {
      const inexact = await move('copy', 'mv-5', 'from=DB&to=DB_OLD');
      expect(inexact.status).toBe(500);
      expect(await inexact.json()).toEqual({ error: 'mv-5: contacts differ after the copy; taken out of to again' });
    } finally {
      await env.DB_OLD.prepare('DROP TRIGGER test_alters').run();
    }
    for (const table of TABLES) expect(await count(env.DB_OLD, table, 'mv-5'), table).toBe(0);
    expect((await move('finish', 'mv-5', 'from=DB&to=DB_OLD')).status).toBe(409);
    expect(await count(env.DB, 'contacts', 'mv-5')).toBe(2);

    const copy = await move('copy', 'mv-5', 'from=DB&to=DB_OLD');
    expect(copy.status).toBe(200);
    expect(await rowsOf(env.DB_OLD, 'mv-5')).toEqual(await rowsOf(env.DB, 'mv-5'));
    // The daily purge runs in DB_OLD (and skips the frozen source): the expired rows go there only.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await worker.scheduled?.(createScheduledController({ scheduledTime: new Date(), cron: '17 3 * * *' }), env);
    } finally {
      vi.restoreAllMocks();
    }
    expect([await count(env.DB_OLD, 'contacts', 'mv-5'), await count(env.DB_OLD, 'import_staging', 'mv-5')]).toEqual([1, 0]);
    expect([await count(env.DB, 'contacts', 'mv-5'), await count(env.DB, 'import_staging', 'mv-5')]).toEqual([2, 1]);
    const status = await move('', 'mv-5', 'from=DB&to=DB_OLD', { method: 'GET' });
    expect(await status.json()).toMatchObject({ identical: true });
    expect((await move('copy', 'mv-5', 'from=DB&to=DB_OLD')).status).toBe(200);
  });

  it('refuses a target where the asset is frozen too, and holds a co-buyer known only from the history against anonymising', async () => {
    const { lea, id } = await bookInDb('mv-6');
    const tom = buyer('mv-6', null, 'u-tom', 'Tom Brandt');
    const edit = await send(`${list('mv-6')}/${id}`, {
      user: tom,
      form: { version: '2', company: 'Küchen Müller GmbH', phone: '+49 89 456' },
    });
    expect(edit.status).toBe(303);
    const third = await send(`${list('mv-6')}/${id}`, {
      user: lea,
      form: { version: '3', company: 'Küchen Müller GmbH', phone: '+49 89 789' },
    });
    expect(third.status).toBe(303);
    // Tom is now named only in the contact's versions.
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM contacts WHERE asset_id = ? AND (updated_by = ? OR created_by = ?)')
        .bind('mv-6', 'u-tom', 'u-tom')
        .first('n'),
    ).toBe(0);
    expect((await move('freeze', 'mv-6', 'from=DB')).status).toBe(200);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const anonymise = await send('/platform/assets/mv-6/anonymise', {
        form: { user: 'u-tom' },
        headers: { Authorization: `Bearer ${env.PLATFORM_API_SECRET}` },
        sameOrigin: false,
      });
      expect(anonymise.status).toBe(503);
    } finally {
      vi.restoreAllMocks();
    }
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM contact_versions WHERE asset_id = ? AND author_name = ?')
        .bind('mv-6', 'Tom Brandt')
        .first('n'),
    ).toBe(1);

    await env.DB_OLD.prepare('INSERT INTO frozen_assets (asset_id, since) VALUES (?, ?)').bind('mv-6', Date.now()).run();
    const frozenTarget = await move('copy', 'mv-6', 'from=DB&to=DB_OLD');
    expect(frozenTarget.status).toBe(409);
    expect(await frozenTarget.json()).toEqual({ error: 'mv-6 is frozen in to' });
    expect(await count(env.DB_OLD, 'contacts', 'mv-6')).toBe(0);
  });

  it('deletes nothing before a copy to that very database; a move given up thaws the asset', async () => {
    const { lea } = await bookInDb('mv-3');
    const before = await rowsOf(env.DB, 'mv-3');
    expect((await move('finish', 'mv-3', FROM_TO)).status).toBe(409);
    expect((await move('freeze', 'mv-3', 'from=DB')).status).toBe(200);
    expect((await move('finish', 'mv-3', FROM_TO)).status).toBe(409);
    expect((await move('copy', 'mv-3', 'from=DB&to=DB_OLD')).status).toBe(200);
    const wrongTarget = await move('finish', 'mv-3', FROM_TO);
    expect(wrongTarget.status).toBe(409);
    expect((await wrongTarget.json()) as object).toEqual({ error: 'mv-3 was not copied to DB_SEEBLICK: nothing deleted' });
    expect(await rowsOf(env.DB, 'mv-3')).toEqual(before);

    expect((await move('thaw', 'mv-3', 'from=DB')).status).toBe(200);
    expect((await create(lea, { company: 'Wieder offen GmbH' })).status).toBe(303);
    expect(await count(env.DB, 'contacts', 'mv-3')).toBe(3);
    // The copy left in DB_OLD differs now: a new copy there replaces it only when asked to.
    expect((await move('freeze', 'mv-3', 'from=DB')).status).toBe(200);
    expect((await move('copy', 'mv-3', 'from=DB&to=DB_OLD')).status).toBe(409);
    expect((await move('copy', 'mv-3', 'from=DB&to=DB_OLD&replace=1')).status).toBe(200);
    expect(await rowsOf(env.DB_OLD, 'mv-3')).toEqual(await rowsOf(env.DB, 'mv-3'));
  });

  it('answers only its own secret, and only between two D1 databases it has', async () => {
    expect((await move('freeze', 'mv-4', 'from=DB', { secret: 'wrong-secret-0123456789abcdef0123456789abcdef' })).status).toBe(401);
    expect((await move('freeze', 'mv-4', 'from=DB', { secret: '', vars: { MOVER_SECRET: '' } })).status).toBe(401);
    expect((await move('freeze', 'mv-4', 'from=DB', { secret: 'short', vars: { MOVER_SECRET: 'short' } })).status).toBe(401);
    expect((await move('freeze', 'mv-4', 'from=DB_NOTE')).status).toBe(400);
    expect((await move('freeze', 'mv-4', 'from=SESSION_SECRET')).status).toBe(400);
    expect((await move('copy', 'mv-4', 'from=DB&to=DB')).status).toBe(400);
    expect((await move('copy', 'mv-4', 'from=DB')).status).toBe(400);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM frozen_assets WHERE asset_id = ?').bind('mv-4').first('n')).toBe(0);
  });

  it('never replaces a write that lands in the target between the copy reading it and writing it', async () => {
    await bookInDb('mv-7');
    expect((await move('freeze', 'mv-7', 'from=DB')).status).toBe(200);
    const { rows } = await internals.readAsset(env.DB, 'mv-7');
    const held = internals.fingerprintOf((await internals.readAsset(env.DB_SEEBLICK, 'mv-7')).rows);
    // Meanwhile a buyer with the tenant writes there (the switch came early).
    expect((await create(buyer('mv-7', 'seeblick'), { company: 'Schon im neuen Buch GmbH' })).status).toBe(303);
    await expect(env.DB_SEEBLICK.batch(internals.replaceStatements(env.DB_SEEBLICK, 'mv-7', rows, held))).rejects.toThrow(
      /NOT NULL constraint failed: frozen_assets\.since/,
    );
    expect(textOf(await (await send(list('mv-7'), { user: buyer('mv-7', 'seeblick') })).text())).toContain('Schon im neuen Buch GmbH');
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-7')).toBe(1);
    expect(await env.DB_SEEBLICK.prepare('SELECT count(*) AS n FROM frozen_assets').first('n')).toBe(0);
    // With the fingerprint as it is now, the same batch goes through.
    const now = internals.fingerprintOf((await internals.readAsset(env.DB_SEEBLICK, 'mv-7')).rows);
    await env.DB_SEEBLICK.batch(internals.replaceStatements(env.DB_SEEBLICK, 'mv-7', rows, now));
    expect(await rowsOf(env.DB_SEEBLICK, 'mv-7')).toEqual(await rowsOf(env.DB, 'mv-7'));
  });

  it("a copy run again after the switch never takes out a buyer's write made right after it, and a finish needs the book in to", async () => {
    // Found by a review: the read-back came after the batch, a write between them made the copy
    // "differ", the target was emptied (the write with it), and the earlier copy's note let a
    // finish delete the source too: the book was gone from both databases.
    await bookInDb('mv-11');
    expect((await move('freeze', 'mv-11', 'from=DB')).status).toBe(200);
    expect((await move('copy', 'mv-11', FROM_TO)).status).toBe(200);
    const before = (await count(env.DB, 'contacts', 'mv-11')) ?? 0;
    // Switched (tokens carry the tenant); the operator copies again, and right after its batch a buyer saves there.
    const target = racing(env.DB_SEEBLICK, 'after', async () => {
      expect((await create(buyer('mv-11', 'seeblick'), { company: 'Nach dem Umzug GmbH' })).status).toBe(303);
    });
    const again = await move('copy', 'mv-11', FROM_TO, { vars: { DB_SEEBLICK: target.binding } });
    expect(target.raced()).toBe(true);
    expect(again.status).toBe(200);
    expect(await count(env.DB_SEEBLICK, 'contacts', 'mv-11')).toBe(before + 1);
    expect(textOf(await (await send(list('mv-11'), { user: buyer('mv-11', 'seeblick') })).text())).toContain('Nach dem Umzug GmbH');
    // A target that lost the book (emptied by hand, say) is no place to finish to, whatever the note says.
    for (const table of TABLES) await env.DB_OLD.prepare(`DELETE FROM ${table} WHERE asset_id = ?`).bind('mv-11').run();
    await env.DB.prepare("UPDATE frozen_assets SET copied_to = 'DB_OLD' WHERE asset_id = ?").bind('mv-11').run();
    const finish = await move('finish', 'mv-11', 'from=DB&to=DB_OLD');
    expect(finish.status).toBe(409);
    expect(await finish.json()).toEqual({ error: 'mv-11: to holds none of its rows; nothing deleted' });
    expect(await count(env.DB, 'contacts', 'mv-11')).toBe(before);
  });

  it('a copy refused with "nothing copied" keeps the earlier exact copy and its note: a finish still goes through', async () => {
    // Found by a review of the fix above: the note went before the batch, and a batch that
    // failed (the target changed, or D1 failed) left an exact copy without it: stuck after a switch.
    await bookInDb('mv-13');
    expect((await move('freeze', 'mv-13', 'from=DB')).status).toBe(200);
    expect((await move('copy', 'mv-13', FROM_TO)).status).toBe(200);
    const target = racing(env.DB_SEEBLICK, 'before', async () => {
      expect((await create(buyer('mv-13', 'seeblick'), { company: 'Nach dem Umzug GmbH' })).status).toBe(303);
    });
    const again = await move('copy', 'mv-13', FROM_TO, { vars: { DB_SEEBLICK: target.binding } });
    expect(target.raced()).toBe(true);
    expect(await again.json()).toEqual({ error: 'mv-13: to changed while the copy was prepared; nothing copied' });
    expect(textOf(await (await send(list('mv-13'), { user: buyer('mv-13', 'seeblick') })).text())).toContain('Nach dem Umzug GmbH');
    expect((await move('finish', 'mv-13', FROM_TO)).status).toBe(200);
    expect(await count(env.DB, 'contacts', 'mv-13')).toBe(0);
  });

  it('a copy that fails leaves no earlier note behind: a finish after it deletes nothing', async () => {
    await bookInDb('mv-12');
    expect((await move('freeze', 'mv-12', 'from=DB')).status).toBe(200);
    expect((await move('copy', 'mv-12', 'from=DB&to=DB_OLD')).status).toBe(200);
    await env.DB_OLD.prepare(
      "CREATE TRIGGER test_alters_12 AFTER INSERT ON contacts BEGIN UPDATE contacts SET notes = notes || '!' WHERE id = NEW.id; END",
    ).run();
    try {
      const inexact = await move('copy', 'mv-12', 'from=DB&to=DB_OLD');
      expect(inexact.status).toBe(500);
      // It held the exact copy before: what this copy wrote stays for a look, nothing more is taken out.
      expect(await inexact.json()).toEqual({
        error: 'mv-12: contacts differ after the copy; left in to (it held rows of the asset before), not noted',
      });
    } finally {
      await env.DB_OLD.prepare('DROP TRIGGER test_alters_12').run();
    }
    expect(await count(env.DB_OLD, 'contacts', 'mv-12')).toBe(await count(env.DB, 'contacts', 'mv-12'));
    expect((await move('finish', 'mv-12', 'from=DB&to=DB_OLD')).status).toBe(409);
    expect(await count(env.DB, 'contacts', 'mv-12')).toBeGreaterThan(0);
    // Copied again, exactly: noted, and the finish goes through.
    expect((await move('copy', 'mv-12', 'from=DB&to=DB_OLD&replace=1')).status).toBe(200);
    expect((await move('finish', 'mv-12', 'from=DB&to=DB_OLD')).status).toBe(200);
  });

  it('notes no copy when the asset was thawed and frozen again while it was copied (its writes in between may be missing)', async () => {
    await bookInDb('mv-8');
    expect((await move('freeze', 'mv-8', 'from=DB')).status).toBe(200);
    // The target's batch is where the copy spends its time: someone thaws and freezes again right then.
    const target = racing(env.DB_OLD, 'before', async () => {
      expect((await move('thaw', 'mv-8', 'from=DB')).status).toBe(200);
      expect((await create(buyer('mv-8', null), { company: 'Dazwischen GmbH' })).status).toBe(303);
      expect((await move('freeze', 'mv-8', 'from=DB')).status).toBe(200);
    });
    const copy = await move('copy', 'mv-8', 'from=DB&to=DB_OLD', { vars: { DB_OLD: target.binding } });
    expect(target.raced()).toBe(true);
    expect(copy.status).toBe(409);
    expect(await copy.json()).toEqual({ error: 'mv-8: its freeze changed during the copy; copy again' });
    expect((await move('finish', 'mv-8', 'from=DB&to=DB_OLD')).status).toBe(409);
    expect(await count(env.DB, 'contacts', 'mv-8')).toBe(3);
  });
});
