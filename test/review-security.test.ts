// An outside security and data-safety review (stop 35): each test failed on the code as reviewed
// (9df6d23). Helpers: ./helpers (send, seedContacts, textOf), ./import-helpers
// (household, upload, previewOf, confirm).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seedContacts, send, textOf } from './helpers';
import { confirm, household, previewOf, upload } from './import-helpers';

const vcf = (n: number) =>
  Array.from({ length: n }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Import${i};Karl;;;\r\nFN:Karl Import${i}\r\nEND:VCARD\r\n`).join('');

describe('review 1: the undo of a co-buyer\u2019s import', () => {
  it('is not offered on the history of a contact another buyer imported', async () => {
    const anna = household('rv-undo', 'u-rv-anna');
    const jonas = { ...anna, sub: 'u-rv-jonas', name: 'Jonas Müller' };
    const preview = previewOf(await (await upload(anna, vcf(5))).text());
    expect((await confirm(anna, preview, preview.ticked)).status).toBe(303);
    const { results } = await env.DB.prepare("SELECT id FROM contacts WHERE asset_id = 'rv-undo'").all<{ id: string }>();
    expect(results).toHaveLength(5);
    const history = await (await send(`/assets/rv-undo/contacts/${results[0]?.id}/history`, { user: jonas })).text();
    // The import page already hides it from co-buyers (test/import-routes.test.ts); the history offers it.
    expect(history).not.toMatch(/action="[^"]*\/contacts\/import\/[^"]+\/undo"/);
  });

  it('deletes nothing of another buyer\u2019s import (it would be gone for good, not in "Zuletzt gelöscht")', async () => {
    const anna = household('rv-undo2', 'u-rv-anna2');
    const jonas = { ...anna, sub: 'u-rv-jonas2', name: 'Jonas Müller' };
    const preview = previewOf(await (await upload(anna, vcf(5))).text());
    expect((await confirm(anna, preview, preview.ticked)).status).toBe(303);
    await send(`/assets/rv-undo2/contacts/import/${preview.importId}/undo`, { user: jonas, method: 'POST', form: {} });
    const left = await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE asset_id = 'rv-undo2'").first<{ n: number }>();
    // Actual: 0 rows left (hard DELETE), nothing in "Zuletzt gelöscht", Anna was never asked.
    expect(left?.n).toBe(5);
  });
});

describe('review 2: the cost of reading an upload', () => {
  // Reading was quadratic in lines without a property name after a NOTE (each copied the list so
  // far): 0.4 MB took about 14 s, 1 MB about 100 s and then failed with a 500 (too many
  // arguments for the stack). Within the test's time limit only if linear: no timing asserted.
  it('a .vcf at the text bound made of nameless lines after a NOTE is read, its note cut as any long note', async () => {
    const user = household('rv-cpu', 'u-rv-cpu');
    const file = `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Zeilen;Viele\r\nNOTE:Anfang\r\n${'abcd\r\n'.repeat(160_000)}END:VCARD\r\n`;
    expect(file.length).toBeGreaterThan(950_000);
    const response = await upload(user, file);
    expect(response.status).toBe(200);
    const preview = previewOf(await response.text());
    expect(preview.all).toHaveLength(1);
    expect((await confirm(user, preview, preview.ticked)).status).toBe(303);
    const row = await env.DB.prepare("SELECT notes FROM contacts WHERE asset_id = 'rv-cpu'").first<{ notes: string }>();
    expect(row?.notes.startsWith('Anfang\nabcd\nabcd\n')).toBe(true);
    // Cut after a whole line, marked (stop 74): at most 2,000, a line of "abcd" short of it at most.
    expect(row?.notes.endsWith('\nabcd…')).toBe(true);
    expect([...(row?.notes ?? '')].length).toBeGreaterThan(1995);
    expect([...(row?.notes ?? '')].length).toBeLessThanOrEqual(2000);
  });
});

describe('review 3: a create form sent with a token that already made a contact', () => {
  it('a co-buyer\u2019s new contact never overwrites the contact another buyer made with that form', async () => {
    const anna = household('rv-token', 'u-rv-tok-anna');
    const jonas = { ...anna, sub: 'u-rv-tok-jonas', name: 'Jonas Müller' };
    // The new-contact form is kept by the browser for the way back (private, no-cache, Vary without
    // Cookie): on a shared tablet the next buyer who goes back to it sends Anna's one-time token.
    const formToken = 'shared-tablet-token-0123456789';
    const first = await send('/assets/rv-token/contacts', {
      user: anna,
      form: { form_token: formToken, company: 'Fliesen Bauer', phone: '089 111111' },
    });
    expect(first.status).toBe(303);
    const second = await send('/assets/rv-token/contacts', {
      user: jonas,
      form: { form_token: formToken, company: 'Gärtnerei Schmidt', phone: '089 222222' },
    });
    expect(second.status).toBe(303); // answered as a new contact saved ("Gespeichert")
    const { results } = await env.DB.prepare(
      "SELECT company, phone FROM contacts WHERE asset_id = 'rv-token' AND deleted_at IS NULL ORDER BY company",
    ).all();
    // Actual: one row: Anna's "Fliesen Bauer" became "Gärtnerei Schmidt" with Jonas's phone.
    expect(results).toEqual([
      { company: 'Fliesen Bauer', phone: '089 111111' },
      { company: 'Gärtnerei Schmidt', phone: '089 222222' },
    ]);
  });
  it('the same buyer who types another contact into the form already sent gets a second contact, not an overwrite', async () => {
    const anna = household('rv-token2', 'u-rv-tok2-anna');
    const form_token = 'back-to-the-sent-form-0123456789';
    let token = form_token;
    const add = (company: string, phone: string) =>
      send('/assets/rv-token2/contacts', { user: anna, form: { form_token: token, company, phone } });
    expect((await add('Fliesen Bauer', '089 111111')).status).toBe(303);
    // Back to the form (kept by the browser), another contact typed over it: asked first (409, nothing
    // written), then saved as a new contact from the form that asked (its token is fresh); then sent again.
    const asked = await add('Gärtnerei Schmidt', '089 222222');
    expect(asked.status).toBe(409);
    token = /name="form_token" value="([^"]+)"/.exec(await asked.text())?.[1] ?? '';
    expect(token).not.toBe(form_token);
    expect((await add('Gärtnerei Schmidt', '089 222222')).status).toBe(303);
    expect((await add('Gärtnerei Schmidt', '089 222222')).status).toBe(303);
    // A correction of a contact keeps its name: it stays an edit of that contact.
    expect((await add('Gärtnerei Schmidt', '089 333333')).status).toBe(303);
    // A corrected name beside the same e-mail address is asked about (it may as well be a colleague
    // at the same address); the user's choice to change the contact makes it an edit of it.
    const form_token_2 = 'typo-in-the-name-0123456789';
    const mailed = (company: string, more: Record<string, string> = {}) =>
      send('/assets/rv-token2/contacts', { user: anna, form: { form_token: form_token_2, company, email: 'info@maler-k.de', ...more } });
    expect((await mailed('Maler Klecs')).status).toBe(303);
    const typo = await mailed('Maler Klecks');
    expect(typo.status).toBe(409);
    const page = await typo.text();
    expect(textOf(page)).toContain('Mit diesem Formular haben Sie schon „Maler Klecs“ gespeichert.');
    expect(page).toContain(`<button type="submit" name="edit_of" value="${form_token_2}">„Maler Klecs“ ändern</button>`);
    // The choice made, but the input has an error: the form that says so keeps the choice.
    const invalid = await mailed('Maler Klecks', { edit_of: form_token_2, website: 'www.maler .de' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain(`<input type="hidden" name="edit_of" value="${form_token_2}"/>`);
    expect((await mailed('Maler Klecks', { edit_of: form_token_2 })).status).toBe(303);
    const { results } = await env.DB.prepare(
      "SELECT company, phone, version FROM contacts WHERE asset_id = 'rv-token2' AND deleted_at IS NULL ORDER BY company",
    ).all();
    expect(results).toEqual([
      { company: 'Fliesen Bauer', phone: '089 111111', version: 1 },
      { company: 'Gärtnerei Schmidt', phone: '089 333333', version: 2 },
      { company: 'Maler Klecks', phone: '', version: 2 },
    ]);
  });

  it('asks the same for the second user of a shared device, whose contact of that form has a token of its own', async () => {
    const anna = household('rv-colleague2', 'u-rv-colleague2-anna');
    const jonas = { ...anna, sub: 'u-rv-colleague2-jonas', name: 'Jonas Müller' };
    const form_token = 'shared-device-colleague-0123456789';
    const add = (user: typeof anna, fields: Record<string, string>) =>
      send('/assets/rv-colleague2/contacts', { user, form: { form_token, ...fields } });
    expect((await add(anna, { company: 'Fliesen Bauer' })).status).toBe(303);
    // Jonas, on the same tablet, goes back to Anna's form: his contact is one of its own.
    const stefan = { company: 'Küchen Studio', first_name: 'Stefan', last_name: 'Schmidt', email: 'info@studio-x.de' };
    expect((await add(jonas, stefan)).status).toBe(303);
    // Back again, a colleague at the same address typed in: asked, nothing overwritten.
    const maria = { ...stefan, first_name: 'Maria', last_name: 'Huber' };
    const asked = await add(jonas, maria);
    expect(asked.status).toBe(409);
    expect(textOf(await asked.text())).toContain('Mit diesem Formular haben Sie schon „Stefan Schmidt“ gespeichert.');
    expect((await live('rv-colleague2')).map((row) => row.lastName).sort()).toEqual(['', 'Schmidt']);
    // His choice to change it changes his contact, never Anna's.
    expect((await add(jonas, { ...maria, edit_of: form_token })).status).toBe(303);
    expect((await live('rv-colleague2')).map((row) => `${row.company}/${row.lastName}`).sort()).toEqual([
      'Fliesen Bauer/',
      'Küchen Studio/Huber',
    ]);
  });

  it('another name typed into the form already sent, at the same e-mail address, is asked about and never overwrites the first contact', async () => {
    const anna = household('rv-colleague', 'u-rv-colleague-anna');
    const form_token = 'colleague-at-the-same-address-0123';
    const stefan = { form_token, company: 'Küchen Studio', first_name: 'Stefan', last_name: 'Schmidt', email: 'info@studio-x.de' };
    expect((await send('/assets/rv-colleague/contacts', { user: anna, form: stefan })).status).toBe(303);
    // Back to the kept form: a colleague typed over it, the office's e-mail address left as it was.
    const maria = { ...stefan, first_name: 'Maria', last_name: 'Huber', mobile: '0171 999888' };
    for (const htmx of [false, true]) {
      const asked = await send('/assets/rv-colleague/contacts', { user: anna, htmx, form: maria });
      expect(asked.status).toBe(409);
      const html = await asked.text();
      // Nothing was written; the form keeps what was typed and says what it made before.
      expect(await live('rv-colleague')).toEqual([
        { company: 'Küchen Studio', lastName: 'Schmidt', email: 'info@studio-x.de', phone: '', version: 1 },
      ]);
      expect(html).toContain('value="Maria"');
      expect(html).toContain('value="0171 999888"');
      expect(textOf(html)).toContain('Ist das ein weiterer Kontakt, oder wollen Sie „Stefan Schmidt“ ändern?');
      // The primary button (the one Enter sends) saves it as another contact, with a fresh token.
      expect(html).toMatch(/<button type="submit" class="primary">Als neuen Kontakt speichern/);
      expect(html).not.toContain(`name="form_token" value="${form_token}"`);
    }
    const fresh = /name="form_token" value="([^"]+)"/.exec(
      await (await send('/assets/rv-colleague/contacts', { user: anna, form: maria })).text(),
    )?.[1];
    expect(fresh).toBeDefined();
    expect((await send('/assets/rv-colleague/contacts', { user: anna, form: { ...maria, form_token: fresh ?? '' } })).status).toBe(303);
    expect((await live('rv-colleague')).map((row) => row.lastName).sort()).toEqual(['Huber', 'Schmidt']);
  });
});

describe('review 4: notices read from the address', () => {
  it('the list does not claim that an import was undone when none was', async () => {
    const user = household('rv-notice', 'u-rv-notice');
    await seedContacts('rv-notice', 2, (i) => ({ company: `Firma ${i}` }));
    const response = await send('/assets/rv-notice/contacts?undone=AAAAAAAAAAAAAAAAAAAA&removed=1000', { user });
    expect(response.status).toBe(200);
    // Actual: "1.000 übernommene Kontakte wurden gelöscht." on a book of two contacts that never had an import.
    expect(textOf(await response.text()).match(/[\d.]+ übernommene Kontakte wurden gelöscht/)?.[0]).toBeUndefined();
  });
  it('says what an undo without JS removed when it was one, and a co-buyer\u2019s undo removes nothing', async () => {
    const anna = household('rv-notice2', 'u-rv-notice2-anna');
    const jonas = { ...anna, sub: 'u-rv-notice2-jonas', name: 'Jonas Müller' };
    const preview = previewOf(await (await upload(anna, vcf(3))).text());
    expect((await confirm(anna, preview, preview.ticked)).status).toBe(303);
    const refused = await send(`/assets/rv-notice2/contacts/import/${preview.importId}/undo`, { user: jonas, method: 'POST', form: {} });
    expect(refused.status).toBe(303);
    const count = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE asset_id = 'rv-notice2'").first<{ n: number }>())?.n;
    expect(await count()).toBe(3);
    const undo = await send(`/assets/rv-notice2/contacts/import/${preview.importId}/undo`, { user: anna, method: 'POST', form: {} });
    expect(undo.status).toBe(303);
    expect(await count()).toBe(0);
    const list = await send(undo.headers.get('location') ?? '', { user: anna });
    expect(textOf(await list.text())).toContain('3 übernommene Kontakte wurden gelöscht.');
  });

  it('an undo of an import whose upload the daily purge removed still says what it removed', async () => {
    const anna = household('rv-notice3', 'u-rv-notice3-anna');
    const preview = previewOf(await (await upload(anna, vcf(2))).text());
    expect((await confirm(anna, preview, preview.ticked)).status).toBe(303);
    await env.DB.prepare("DELETE FROM import_staging WHERE asset_id = 'rv-notice3'").run();
    const undo = await send(`/assets/rv-notice3/contacts/import/${preview.importId}/undo`, { user: anna, method: 'POST', form: {} });
    const list = await send(undo.headers.get('location') ?? '', { user: anna });
    expect(textOf(await list.text())).toContain('2 übernommene Kontakte wurden gelöscht.');
  });
});

const live = async (assetId: string) =>
  (
    await env.DB.prepare(
      'SELECT company, last_name AS lastName, email, phone, version FROM contacts WHERE asset_id = ? AND deleted_at IS NULL ORDER BY company',
    )
      .bind(assetId)
      .all()
  ).results;

describe('code review of the fixes: a create form sent again', () => {
  it('a network retry after a co-buyer renamed the contact makes no second contact', async () => {
    const anna = household('rd-retry', 'u-rd-retry-anna');
    const jonas = { ...anna, sub: 'u-rd-retry-jonas', name: 'Jonas Müller' };
    const form = { form_token: 'retry-after-rename-0123456789', company: 'Fliesen Bauer', phone: '089 111111' };
    const first = await send('/assets/rd-retry/contacts', { user: anna, form });
    expect(first.status).toBe(303);
    const card = new URL(first.headers.get('location') ?? '', 'https://x').pathname;
    // Jonas corrects the company's name meanwhile.
    const renamed = await send(card, { user: jonas, form: { version: '1', company: 'Fliesen Bauer GmbH', phone: '089 111111' } });
    expect(renamed.status).toBe(303);
    // Anna's browser sends the very same form again (its first answer was lost; "Erneut senden").
    const retry = await send('/assets/rd-retry/contacts', { user: anna, form });
    expect(retry.status).toBe(303);
    expect(await live('rd-retry')).toEqual([{ company: 'Fliesen Bauer GmbH', lastName: '', email: '', phone: '089 111111', version: 2 }]);
  });

  it('a corrected name beside the same e-mail stays one contact also for the second contact typed into the form', async () => {
    const anna = household('rd-second', 'u-rd-second-anna');
    const form_token = 'second-contact-corrected-0123456789';
    const add = (fields: Record<string, string>) => send('/assets/rd-second/contacts', { user: anna, form: { form_token, ...fields } });
    expect((await add({ company: 'Fliesen Bauer' })).status).toBe(303);
    // Back to the kept form, another contact typed over it: asked, and saved as a contact of its own.
    const asked = await add({ company: 'Maler Klecs', email: 'info@maler-k.de' });
    expect(asked.status).toBe(409);
    const second = /name="form_token" value="([^"]+)"/.exec(await asked.text())?.[1] ?? '';
    const again = (fields: Record<string, string>) =>
      send('/assets/rd-second/contacts', { user: anna, form: { form_token: second, ...fields } });
    expect((await again({ company: 'Maler Klecs', email: 'info@maler-k.de' })).status).toBe(303);
    // Back again, the typo in that name corrected, the same e-mail beside it: asked, and changed as chosen.
    expect((await again({ company: 'Maler Klecks', email: 'info@maler-k.de' })).status).toBe(409);
    expect((await again({ company: 'Maler Klecks', email: 'info@maler-k.de', edit_of: second })).status).toBe(303);
    expect((await live('rd-second')).map((row) => row.company)).toEqual(['Fliesen Bauer', 'Maler Klecks']);
  });

  it('another contact of the same last name typed into the form already sent is a contact of its own, not an overwrite', async () => {
    const anna = household('rd-namesake', 'u-rd-namesake-anna');
    const form_token = 'namesake-in-the-same-form-0123456789';
    const add = (fields: Record<string, string>) => send('/assets/rd-namesake/contacts', { user: anna, form: { form_token, ...fields } });
    expect((await add({ last_name: 'Müller', company: 'Küchen Schmidt', phone: '089 111111' })).status).toBe(303);
    const asked = await add({ last_name: 'Müller', company: 'Gärtnerei Blum', phone: '089 222222' });
    expect(asked.status).toBe(409);
    expect((await live('rd-namesake')).map((row) => row.company)).toEqual(['Küchen Schmidt']);
    const fresh = /name="form_token" value="([^"]+)"/.exec(await asked.text())?.[1] ?? '';
    const saved = await send('/assets/rd-namesake/contacts', {
      user: anna,
      form: { form_token: fresh, last_name: 'Müller', company: 'Gärtnerei Blum', phone: '089 222222' },
    });
    expect(saved.status).toBe(303);
    expect((await live('rd-namesake')).map((row) => row.company)).toEqual(['Gärtnerei Blum', 'Küchen Schmidt']);
  });
});

describe('code review of the fixes: the undo of an import that never was', () => {
  it('writes no row: an undo of a made-up upload id leaves import_staging as it was', async () => {
    const user = household('rd-stub', 'u-rd-stub');
    for (let i = 0; i < 10; i += 1) {
      const id = `madeup${String(i).padStart(14, '0')}`;
      expect((await send(`/assets/rd-stub/contacts/import/${id}/undo`, { user, method: 'POST', form: {} })).status).toBe(303);
    }
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM import_staging WHERE asset_id = 'rd-stub'").first<{ n: number }>();
    // Actual: 10 rows ('undone', created now), one per request, outside MAX_STAGED_PER_ASSET and the byte budget.
    expect(rows?.n).toBe(0);
  });
});

describe('data-safety review (stop 52): a form kept over an ended session', () => {
  const hidden = (html: string) =>
    Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1] ?? '', m[2] ?? '']));

  it('"„…“ ändern" sent after the session ended changes that contact once signed in again, and makes no second one', async () => {
    const anna = household('rv-expired', 'u-rv-expired-anna');
    const token = 'expired-edit-of-0123456789ab';
    const list = '/assets/rv-expired/contacts';
    expect((await send(list, { user: anna, form: { form_token: token, company: 'Elektro Maier', phone: '089 1' } })).status).toBe(303);
    // The same form again with a corrected name: asks whether it is another contact or a change.
    const asked = await send(list, { user: anna, form: { form_token: token, company: 'Elektro Mayer', phone: '089 1' } });
    expect(asked.status).toBe(409);
    // "„Elektro Maier“ ändern", but the session has ended meanwhile: 401, the form kept with its choice.
    const expired = await send(list, { form: { form_token: token, edit_of: token, company: 'Elektro Mayer', phone: '089 1' } });
    expect(expired.status).toBe(401);
    const page = await expired.text();
    // What to do, true with JS and without (UX review: "the form comes back" is not what happens
    // without JS, where the sign-in opens in a new tab and this tab keeps the form).
    expect(textOf(page)).toContain('Ihre Eingaben sind erhalten: Melden Sie sich an und speichern Sie dann erneut.');
    // Without JS the sign-in opens in a new tab: that tab shows the list, not an empty form to
    // type into again, and this page says to come back here (walkthrough, stop 68).
    const newTab = /<a class="button primary no-js" href="([^"]*)" target="_blank" rel="noopener">In neuem Tab anmelden<\/a>/.exec(page);
    expect(decodeURIComponent(newTab?.[1] ?? '')).toMatch(/[?&]returnTo=\/assets\/rv-expired\/contacts$/);
    expect(page).toContain(
      '<p class="no-js">Der neue Tab zeigt danach die Kontakte. Ihre Eingaben stehen nur hier: Kommen Sie in diesen Tab zurück und speichern Sie hier.</p>',
    );
    // With JS the sign-in in this tab comes back to the form, where the draft waits.
    expect(page).toMatch(/<a class="button primary js-only" href="[^"]*returnTo=%2Fassets%2Frv-expired%2Fcontacts%2Fnew">/);
    const kept = hidden(page);
    expect(kept).toEqual({ form_token: token, edit_of: token });
    // Signed in again, the kept form as it stands: the first contact is changed.
    expect((await send(list, { user: anna, form: { ...kept, company: 'Elektro Mayer', phone: '089 1' } })).status).toBe(303);
    expect(await live('rv-expired')).toEqual([{ company: 'Elektro Mayer', lastName: '', email: '', phone: '089 1', version: 2 }]);
  });

  it('a restore or revive sent after the session ended is sent as one again', async () => {
    const path = '/assets/rv-expired2/contacts/c_abcdefghijklmnopqr';
    for (const [name, value] of [
      ['restore', '1'],
      ['restore', 'undo'],
      ['revive', '1'],
    ] as const) {
      const expired = await send(path, { form: { version: '3', [name]: value, company: 'X' } });
      expect(expired.status).toBe(401);
      const html = await expired.text();
      expect(hidden(html)).toEqual({ version: '3', [name]: value });
      // A revive is sent again from here, also with JS: signed in in this tab, the way back is the
      // deleted contact's page, with no form for the input (data review: it was lost there).
      const signIn = /<a class="([^"]*)" href="[^"]*" target="_blank" rel="noopener">In neuem Tab anmelden<\/a>/.exec(html);
      // Without JS a button as with it (a11y review, stop 63: a plain link against the alert's edge).
      expect(signIn?.[1]).toBe(name === 'revive' ? 'button primary' : 'button primary no-js');
      expect(html.includes('Anmelden und weitermachen')).toBe(name !== 'revive');
    }
    // Nothing else rides along: a value of any length or another field stays out.
    const other = await send(path, { form: { version: '3', restore: 'x'.repeat(65), sneaky: '1', company: 'X' } });
    expect(hidden(await other.text())).toEqual({ version: '3' });
  });
});
