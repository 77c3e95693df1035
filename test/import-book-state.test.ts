import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import mover from '../src/mover';
import { send, type TestUser } from './helpers';
import { confirm, household, previewOf, upload } from './import-helpers';

// The import preview's book state (src/contacts/imports.ts BOOK): a confirm is refused ("changed
// since your preview") exactly when the book changed since the preview was read.

const vcf = (...lines: string[]) => `${['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')}\r\n`;
const contactsOf = async (assetId: string) =>
  (await env.DB.prepare('SELECT first_name, last_name, phone FROM contacts WHERE asset_id = ?').bind(assetId).all()).results;
const rowidState = async (assetId: string) =>
  env.DB.prepare(
    `SELECT live, bytes, (SELECT v.rowid FROM contact_versions v WHERE v.asset_id = ?1 ORDER BY v.created_at DESC, v.rowid DESC LIMIT 1) AS newest
     FROM asset_usage WHERE asset_id = ?1`,
  )
    .bind(assetId)
    .first();

describe("the import preview's book state", () => {
  it('a contact deleted for good and typed anew (same sizes) after the preview still brings the preview back', async () => {
    const anna = household('ib-aba');
    const jonas: TestUser = { ...anna, sub: 'u-ib-aba-j', name: 'Jonas Müller' };
    const list = '/assets/ib-aba/contacts';
    const create = async (phone: string) => {
      const made = await send(list, {
        user: jonas,
        form: { form_token: crypto.randomUUID(), first_name: 'Sepp', last_name: 'Huber', company: 'Garten GmbH', phone },
      });
      expect(made.status).toBe(303);
      return new URL(made.headers.get('location') ?? '', 'https://x').searchParams.get('saved') ?? '';
    };
    // Jonas typed the gardener with a wrong number.
    const wrong = await create('0171 1111111');
    // Anna's preview of the gardener's card from his new firm with his right number: nothing in the book has it, ticked.
    const card = vcf('N:Huber;Sepp;;;', 'FN:Sepp Huber', 'ORG:Huber Gartenbau', 'TEL;TYPE=CELL:0171 2222222');
    const preview = previewOf(await (await upload(anna, card)).text());
    expect(preview.ticked).toEqual(['1']);
    const before = await rowidState('ib-aba');
    // Jonas deletes the wrong one for good ("Endgültig löschen") and types the gardener anew, with the right number.
    expect((await send(`${list}/${wrong}/delete`, { user: jonas, form: { version: '1' } })).status).toBe(303);
    expect((await send(`${list}/${wrong}/purge`, { user: jonas, form: { version: '2' } })).status).toBe(303);
    await create('0171 2222222');
    // The state as c4edada read it (live, bytes, newest version's rowid) is as it was: the new version row took the freed rowid.
    expect(await rowidState('ib-aba')).toEqual(before);
    // Anna's confirm: her marks are of an older book, so it must come back with the card marked and unticked.
    const answer = await confirm(anna, preview, preview.ticked);
    expect(answer.status, 'imported as ticked: a likely duplicate the preview never showed').toBe(409);
    expect(await contactsOf('ib-aba')).toHaveLength(1);
  });

  it('a preview staged before its apartment moved to another database is confirmed there as it was (nothing changed)', async () => {
    const SECRET = 'test-mover-secret-0123456789abcdef0123456789';
    const move = async (op: string, query: string) => {
      const ctx = createExecutionContext();
      const response = await mover.fetch(
        new Request(`https://mover.example/assets/ib-move/${op}?${query}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${SECRET}` },
        }),
        { ...env, MOVER_SECRET: SECRET },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return response;
    };
    const lea = household('ib-move');
    // Another apartment of the new database has written there before (its rowids are taken).
    const other = household('ib-other');
    const seeblick = (user: TestUser): TestUser => ({ ...user, assets: user.assets.map((asset) => ({ ...asset, tenant: 'seeblick' })) });
    for (const company of ['Dach GmbH', 'Keller GmbH'])
      expect(
        (await send('/assets/ib-other/contacts', { user: seeblick(other), form: { form_token: crypto.randomUUID(), company } })).status,
      ).toBe(303);
    for (const company of ['Küchen Müller GmbH', 'Fliesen Yılmaz'])
      expect((await send('/assets/ib-move/contacts', { user: lea, form: { form_token: crypto.randomUUID(), company } })).status).toBe(303);
    const card = vcf('N:Huber;Sepp;;;', 'FN:Sepp Huber', 'ORG:Huber Gartenbau', 'TEL;TYPE=CELL:0171 2222222');
    const preview = previewOf(await (await upload(lea, card)).text());
    expect(preview.ticked).toEqual(['1']);
    expect((await move('freeze', 'from=DB')).status).toBe(200);
    expect((await move('copy', 'from=DB&to=DB_SEEBLICK')).status).toBe(200);
    // The switch: her token now names the tenant, whose database is DB_SEEBLICK. Nobody wrote since her preview.
    const answer = await confirm(seeblick(lea), preview, preview.ticked);
    expect(answer.status, 'refused as "changed since your preview" though nothing changed').toBe(303);
  });
});
