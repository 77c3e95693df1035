import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { EMPTY_FIELDS } from '../src/contacts/fields';
import { BUDGET_HEADROOM_BYTES, STORAGE_BUDGET_BYTES, writeContact } from '../src/contacts/repository';
import { connect } from '../src/db/client';
import { seedContacts, send, textOf } from './helpers';
import { confirm, household, previewOf, upload } from './import-helpers';

// An import's confirm and the byte budget (contract §6, docs/architecture.md "Versions and bounded
// storage"): old versions give way for an import as for any other write, so only live data can
// fill the budget; what live data cannot hold is refused whole (409), nothing written.

const num = async (sql: string, ...args: unknown[]) =>
  Number(
    (
      await env.DB.prepare(sql)
        .bind(...args)
        .first<{ n: number | null }>()
    )?.n ?? 0,
  );
const usage = (asset: string) => num('SELECT bytes AS n FROM asset_usage WHERE asset_id = ?', asset);
/** What the rows and versions of an asset take, counted anew (the trigger-kept counter must equal it). */
const measured = async (asset: string) =>
  (await num('SELECT sum(bytes) AS n FROM contacts WHERE asset_id = ?', asset)) +
  (await num('SELECT sum(bytes) AS n FROM contact_versions WHERE asset_id = ?', asset));
const liveContacts = (asset: string) => num('SELECT count(*) AS n FROM contacts WHERE asset_id = ? AND deleted_at IS NULL', asset);

/** A file of `count` ordinary cards with a few hundred bytes of notes each. */
const cards = (count: number, tag: string) =>
  Array.from(
    { length: count },
    (_, i) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Handwerker${i};Karl;;;\r\nFN:Karl Handwerker${i}\r\nORG:${tag} Betrieb ${i} GmbH\r\nTEL;TYPE=WORK:089 ${100000 + i}\r\nNOTE:${'Termin und Angebot, Rückruf erbeten. '.repeat(15)}\r\nEND:VCARD\r\n`,
  ).join('');

/** The 409's alert text, or '' for any other answer. */
async function alertOf(response: Response): Promise<string> {
  if (response.status === 303) return '';
  const html = await response.text();
  return textOf(/<p[^>]*role="alert"[^>]*>[\s\S]*?<\/p>/.exec(html)?.[0] ?? html.slice(0, 300));
}

describe('an import and the byte budget', () => {
  it('imports 200 cards into a book whose budget is mostly old versions: they give way, and the book stays within its budget', async () => {
    const asset = 'whg-imp-history';
    const db = connect(env.DB);
    const author = { userId: 'u-hist', name: 'Historie' };
    // 70 contacts, each edited 19 times with 8 KB of notes a version: the history fills the budget.
    const notes = (n: number) => `${n} ${'😀'.repeat(1990)}`;
    const ids = await seedContacts(asset, 70, (i) => ({ company: `Verlauf ${i}`, notes: notes(0) }));
    for (let round = 1; round < 20; round += 1)
      for (const [index, id] of ids.entries()) {
        const written = await writeContact(
          db,
          asset,
          id,
          round,
          { ...EMPTY_FIELDS, company: `Verlauf ${index}`, notes: notes(round) },
          author,
        );
        if (written.kind !== 'written') throw new Error(written.kind);
      }
    expect(await usage(asset)).toBeGreaterThan(STORAGE_BUDGET_BYTES - BUDGET_HEADROOM_BYTES - 50_000);

    const user = household(asset, 'u-imp-history');
    const preview = await upload(user, cards(200, 'Verlauf'));
    expect(preview.status).toBe(200);
    const parsed = previewOf(await preview.text());
    expect(parsed.ticked).toHaveLength(200);
    const done = await confirm(user, parsed, parsed.ticked);
    expect(await alertOf(done)).toBe('');
    expect(done.status).toBe(303);
    expect(await liveContacts(asset)).toBe(270);
    // Old versions went for them; every contact keeps its current version; the counter is exact.
    expect(await usage(asset)).toBeLessThanOrEqual(STORAGE_BUDGET_BYTES);
    expect(await usage(asset)).toBe(await measured(asset));
    expect(
      await num(
        'SELECT count(*) AS n FROM contacts c WHERE asset_id = ? AND NOT EXISTS (SELECT 1 FROM contact_versions v WHERE v.contact_id = c.id AND v.version = c.version)',
        asset,
      ),
    ).toBe(0);
  }, 120_000);

  it('refuses an import that live data cannot hold (409, the buyer told why), writes none of it, and imports a smaller one', async () => {
    const asset = 'whg-imp-full';
    // Contacts of about 16 KB each (row and version; no history): live data, nothing the budget
    // may purge, until less than 250 KB of the budget is left.
    let seeded = 0;
    while (STORAGE_BUDGET_BYTES - (await usage(asset)) > 250_000) {
      await seedContacts(asset, 1, () => ({ company: `Voll ${seeded}`, notes: `${seeded} ${'😀'.repeat(1990)}` }));
      seeded += 1;
    }
    const before = await usage(asset);
    expect(STORAGE_BUDGET_BYTES - before).toBeGreaterThan(150_000);

    const user = household(asset, 'u-imp-full');
    const preview = await upload(user, cards(400, 'Zuviel'));
    expect(preview.status).toBe(200);
    const parsed = previewOf(await preview.text());
    const refused = await confirm(user, parsed, parsed.ticked);
    expect(refused.status).toBe(409);
    expect(await alertOf(refused)).toContain('Speicherplatz dieses Objekts ist aufgebraucht');
    expect(await liveContacts(asset)).toBe(seeded);
    expect(await usage(asset)).toBe(before);

    // Ten of them fit: imported.
    const small = previewOf(await (await upload(user, cards(10, 'Passt'))).text());
    const done = await confirm(user, small, small.ticked);
    expect(await alertOf(done)).toBe('');
    expect(await liveContacts(asset)).toBe(seeded + 10);
    expect(await usage(asset)).toBeLessThanOrEqual(STORAGE_BUDGET_BYTES);
    // A create of a small contact still fits.
    expect(
      (
        await send(`/assets/${asset}/contacts`, {
          user,
          form: { form_token: crypto.randomUUID(), company: 'Einzeln GmbH' },
        })
      ).status,
    ).toBe(303);
  }, 120_000);
});
