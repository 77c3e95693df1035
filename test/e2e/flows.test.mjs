// Issue 5 item 1: the contact book as a buyer uses it, with htmx (JavaScript on).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ASSET,
  ASSET_NAME,
  addCompanies,
  assertNoReload,
  browserForSuite,
  cardWith,
  download,
  fillContact,
  listPath,
  markWindow,
  unique,
  waitForFocus,
  watchHtmxRequests,
  withBrowser,
} from './helpers.mjs';

/** Uploads a .vcf of firms (`[name, more lines]`) on the import page and opens its preview. */
async function uploadFirms(page, firms) {
  await page.goto(`${listPath()}/import`);
  const card = ([org, more = '']) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${org}\r\nORG:${org}\r\n${more}END:VCARD\r\n`;
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'handy.vcf', mimeType: 'text/vcard', buffer: Buffer.from(firms.map(card).join('')) });
  await page.getByRole('button', { name: 'Datei prüfen' }).click();
}

describe('as Anna (customer, JavaScript on)', () => {
  const browser = browserForSuite('anna');

  test('the dev login lands on the contact list of her only asset', async () => {
    const { page } = browser;
    assert.equal(new URL(page.url()).pathname, listPath());
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor());
    // The seeded demo contacts are there.
    assert.ok(await page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).isVisible());
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  });

  test('completes a contact the book has from a card of an upload ("ergänzen"), then returns to the preview', async () => {
    const { page } = browser;
    const company = `Fliesen Ergänzt ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company, phone: '089 3100 200', notes: 'Fliesen im Bad.' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.goto(`${listPath()}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'handy.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${company}\r\nORG:${company}\r\nTEL;TYPE=WORK:089 3100 201\r\nTEL;TYPE=CELL:0171 2223334\r\nNOTE:Notdienst am Wochenende\r\nEND:VCARD\r\n`,
      ),
    });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    assert.equal(await page.locator('input[name=card]').isChecked(), false, 'likely there already: not ticked');
    await page.getByRole('button', { name: `Fehlende Angaben bei „${company}“ ergänzen` }).click();
    await page.getByRole('heading', { level: 1, name: `Fehlende Angaben bei „${company}“ ergänzen` }).waitFor();
    // Its way back is the preview's (swapped in), and from there the link again.
    await page.getByRole('link', { name: 'Zurück zur Vorschau' }).click();
    await page.getByRole('heading', { level: 1, name: '1 Kontakt in der Datei' }).waitFor();
    await page.getByRole('button', { name: `Fehlende Angaben bei „${company}“ ergänzen` }).click();
    await page.getByRole('heading', { level: 1, name: `Fehlende Angaben bei „${company}“ ergänzen` }).waitFor();
    assert.equal(await page.getByLabel('Mobilnummer', { exact: true }).inputValue(), '0171 2223334');
    assert.equal(await page.getByLabel('Telefonnummer', { exact: true }).inputValue(), '089 3100 200');
    assert.equal(
      await page.getByLabel('Notizen', { exact: true }).inputValue(),
      'Fliesen im Bad.\n\nTelefonnummer in der Datei: 089 3100 201\n\nNotdienst am Wochenende',
    );
    await page.getByRole('status').filter({ hasText: 'Aus der Datei eingetragen: Mobilnummer, Notizen.' }).waitFor();
    // Its button says what it does, not busy before anything is sent (UX walkthrough: "Speichern …", the preview's count).
    assert.equal(await page.getByRole('button', { name: 'Speichern', exact: true }).count(), 1);
    await page.getByRole('button', { name: 'Speichern' }).click();
    // Back at the preview, at that card, which says so; the card stays unticked.
    await page.getByText(`„${company}“ wurde ergänzt und gespeichert.`).waitFor();
    // A one-time notice: the address loses it (a reload says nothing again); focused where the page opens, at the card.
    await page.waitForFunction(() => !location.search.includes('completed='));
    // (The ticks it left with stay in the address: none here.)
    assert.match(page.url(), /\/contacts\/import\/[A-Za-z0-9_-]+\?on=#card-1-done$/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), `„${company}“ wurde ergänzt und gespeichert.`);
    assert.equal(await page.locator('input[name=card]').isChecked(), false);
    // Not offered again right after (UX walkthrough, stop 74).
    assert.equal(await page.getByRole('button', { name: `Fehlende Angaben bei „${company}“ ergänzen` }).count(), 0);
    await page.goto(`${listPath()}?q=${encodeURIComponent(company)}`);
    await page.getByRole('link', { name: company, exact: true }).click();
    await page.getByText('0171 2223334').first().waitFor();
  });

  test('the preview keeps the ticks the buyer changed after "ergänzen" of another card and a reload, not where the preview now ticks otherwise (walkthrough and code review, stop 80: "übernehmen" took the cards unticked)', async () => {
    const { page } = browser;
    const tag = unique();
    // No trade's word ("Gärtner", "Maler"): the phone tests search this book for "garten".
    const company = `Haken Nord ${tag}`;
    const fence = `Haken West ${tag}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company, phone: '089 4100 200' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await uploadFirms(page, [[`Haken Süd ${tag}`], [`${fence} 00`], [company, 'TEL;TYPE=CELL:0171 4100 201\r\n']]);
    const boxes = page.locator('input[name=card]');
    // The ticks as the page shows them, once the script has set them (polled: its swap settles after the content).
    const ticked = (expected) =>
      page
        .waitForFunction(
          (expected) => JSON.stringify([...document.querySelectorAll('input[name=card]')].map((box) => box.checked)) === expected,
          JSON.stringify(expected),
          { timeout: 5000 },
        )
        .catch(async () => assert.deepEqual(await Promise.all([0, 1, 2].map((i) => boxes.nth(i).isChecked())), expected));
    await ticked([true, true, false]);
    // The first unticked, the likely duplicate ticked, then completed instead ("ergänzen"): back at
    // the preview the first stays unticked, the completed one has the preview's own tick again.
    await boxes.nth(0).uncheck();
    await boxes.nth(2).check();
    await page.getByRole('button', { name: `Fehlende Angaben bei „${company}“ ergänzen` }).click();
    await page.getByRole('heading', { level: 1, name: `Fehlende Angaben bei „${company}“ ergänzen` }).waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`„${company}“ wurde ergänzt und gespeichert.`).waitFor();
    await ticked([false, true, false]);
    assert.equal(await page.locator('button.primary[type=submit]').innerText(), '1 Kontakt übernehmen');
    // All ticked, then the second card's firm is added to the book meanwhile: reloaded, the preview
    // marks it as likely there and leaves it unticked; the buyer's other ticks stay.
    await page.getByRole('button', { name: 'Alle anhaken' }).click();
    await ticked([true, true, true]);
    await addCompanies(page, fence, 1);
    await page.reload();
    await page.getByText(`Wahrscheinlich schon bei Ihren Kontakten: „${fence} 00“`).first().waitFor();
    await ticked([true, false, true]);
    // None, then one: that one is imported.
    await page.getByRole('button', { name: 'Alle Haken entfernen' }).click();
    await boxes.nth(0).check();
    await page.reload();
    await ticked([true, false, false]);
    assert.equal(await page.locator('button.primary[type=submit]').innerText(), '1 Kontakt übernehmen');
    await page.locator('button.primary[type=submit]').click();
    await page.getByText('1 Kontakt wurde übernommen').first().waitFor();
    await page.goto(`${listPath()}?q=${encodeURIComponent(`Haken ${tag}`)}`);
    assert.deepEqual(
      (await page.locator('li.contact > a.name').allInnerTexts()).sort(),
      [`Haken Süd ${tag}`, `${fence} 00`, company].sort(),
    );
  });

  test('without JS too, the preview keeps the ticks the buyer changed through "ergänzen" of another card (walkthrough, stop 81: "übernehmen" took the cards unticked)', async () => {
    const tag = unique();
    const company = `Haken Ost ${tag}`;
    await withBrowser(
      'anna',
      async ({ page }) => {
        await page.goto(`${listPath()}/new`);
        await fillContact(page, { company, phone: '089 4200 200' });
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
        await uploadFirms(page, [[`Haken Eins ${tag}`], [`Haken Zwei ${tag}`], [company, 'TEL;TYPE=CELL:0171 4200 201\r\n']]);
        const boxes = page.locator('input[name=card]');
        const ticks = () => Promise.all([0, 1, 2].map((i) => boxes.nth(i).isChecked()));
        assert.deepEqual(await ticks(), [true, true, false]);
        await boxes.nth(0).uncheck();
        await page.getByRole('button', { name: `Fehlende Angaben bei „${company}“ ergänzen` }).click();
        await page.getByRole('heading', { level: 1, name: `Fehlende Angaben bei „${company}“ ergänzen` }).waitFor();
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByText(`„${company}“ wurde ergänzt und gespeichert.`).waitFor();
        assert.deepEqual(await ticks(), [false, true, false]);
        await page.locator('button.primary[type=submit]').click();
        await page.getByText('1 Kontakt wurde übernommen').first().waitFor();
        await page.goto(`${listPath()}?q=${encodeURIComponent(`Haken ${tag}`)}`);
        assert.deepEqual((await page.locator('li.contact > a.name').allInnerTexts()).sort(), [`Haken Zwei ${tag}`, company].sort());
      },
      { javaScriptEnabled: false },
    );
  });

  test('add, see it in the list without a reload, edit, fix a validation error, search, delete and undo, export', async () => {
    const { page } = browser;
    const tag = unique();
    const company = `Poolbau Wasserfreude ${tag}`;
    const name = `Ida Nöther-${tag}`;
    await page.goto(listPath());
    await markWindow(page);

    // Add: the form comes in place (URL pushed), focus on its heading.
    await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzufügen', exact: true }).waitFor();
    await waitForFocus(page, 'form-title', 'after opening the add form');
    assert.equal(new URL(page.url()).pathname, `${listPath()}/new`);
    assert.equal(await page.getByLabel('Land', { exact: true }).inputValue(), 'Deutschland', 'the country is prefilled');

    // Validation error first: a broken e-mail and no name at all.
    await fillContact(page, { position: 'Poolbauer', email: 'ida-at-example', phone: '12' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte korrigieren Sie 3 Eingaben.').first().waitFor();
    const companyField = page.getByLabel('Unternehmen', { exact: true });
    assert.equal(await companyField.getAttribute('aria-invalid'), 'true');
    assert.ok(
      await page.locator('.field-error', { hasText: 'Bitte geben Sie mindestens Vorname, Nachname oder Unternehmen an.' }).isVisible(),
    );
    assert.equal(await page.locator('p.hint', { hasText: 'mindestens Vorname' }).count(), 0, 'the rule is said once, as the error');
    assert.ok(await page.locator('.field-error', { hasText: 'Bitte geben Sie eine vollständige E-Mail-Adresse ein' }).isVisible());
    assert.ok(
      await page.locator('.field-error', { hasText: 'Die Nummer ist zu kurz. Bitte geben Sie mindestens 3 Ziffern ein.' }).isVisible(),
    );
    // The summary at the top links to each field.
    assert.equal(await page.locator('#form-errors a[href="#f-email"]').count(), 1);
    // Focus lands on the first invalid field (Unternehmen comes first in the form), every value kept.
    await waitForFocus(page, 'f-company', 'after a 422');
    assert.equal(await page.getByLabel('E-Mail-Adresse', { exact: true }).inputValue(), 'ida-at-example');
    assert.equal(await page.getByLabel('Position / Rolle', { exact: true }).inputValue(), 'Poolbauer');
    assert.equal(await page.getByLabel('Telefonnummer', { exact: true }).inputValue(), '12');
    await assertNoReload(page, 'the 422 form');
    // The tab's title says it too, as a page loaded with the errors does (a11y review, stop 63).
    assert.equal(await page.title(), 'Bitte korrigieren Sie 3 Eingaben. Neuen Kontakt hinzufügen · Kontakte');

    // Fix it.
    await fillContact(page, {
      company,
      first_name: 'Ida',
      last_name: `Nöther-${tag}`,
      email: 'ida@example.de',
      phone: '+49 30 1234567',
      city: 'Berlin',
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    // After adding, the new contact's card says "Gespeichert" (the answer's URL named it in
    // `saved`; once shown, the page drops that one-time marker from the address).
    await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await waitForFocus(page, 'contact-title', 'after saving a new contact');
    const savedUrl = new URL(page.url());
    assert.match(savedUrl.pathname, new RegExp(`^${listPath()}/[A-Za-z0-9_-]+$`), 'the URL is the new card');
    assert.equal(savedUrl.search, '', 'no one-time marker left in the address');
    await assertNoReload(page, 'after adding');
    // The save is read out through the page's live region.
    await page.waitForFunction((text) => document.getElementById('announcer')?.textContent === text, `„${name}“ wurde gespeichert.`);

    // Then edit.
    assert.ok(await page.getByRole('link', { name: '+49 30 1234567' }).isVisible());
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten` }).waitFor();
    assert.match(new URL(page.url()).pathname, /\/edit$/);
    await fillContact(page, { position: 'Poolbauer und Schwimmteiche', notes: 'Angebot bis Freitag.\nRückruf morgens.' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(await page.getByText('Poolbauer und Schwimmteiche').isVisible());
    assert.ok(await page.getByText('Rückruf morgens.').isVisible());
    assert.match(await page.getByText('Zuletzt geändert von').textContent(), /Anna Müller/);
    assert.doesNotMatch(new URL(page.url()).pathname, /\/edit$/, 'the URL is the detail again');
    await assertNoReload(page, 'after editing');

    // Export this one contact.
    const one = await download(page, () => page.getByRole('link', { name: 'vCard herunterladen', exact: true }).click());
    assert.match(one.name, /\.vcf$/);
    assert.match(one.text, /^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    assert.match(one.text, new RegExp(`\r\nFN(;[^:\r\n]*)?:${name}\r\n`), one.text);
    assert.match(one.text.replace(/\r\n[ \t]/g, ''), /\r\nNOTE(;[^:]*)?:Angebot bis Freitag\.\\nRückruf morgens\.\r\n/, one.text);

    // Back to the contacts: a whole page, scrolled to this contact's row.
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
    assert.equal(new URL(page.url()).hash, `#c-${savedUrl.pathname.split('/').pop()}`, 'back returns to the row');
    await markWindow(page);

    // Active search: results swap in place, the URL follows (HX-Replace-Url), focus stays in the field.
    const search = page.getByRole('searchbox', { name: 'Kontakte durchsuchen' });
    await search.click();
    await search.pressSequentially(`noether-${tag}`.toUpperCase(), { delay: 20 });
    await page
      .locator('#results')
      .getByText(`1 Treffer für „${`noether-${tag}`.toUpperCase()}“`)
      .waitFor();
    assert.equal(await page.locator('#rows > li.contact').count(), 1);
    assert.ok(await page.getByRole('link', { name, exact: true }).isVisible(), 'German folding: oe finds ö');
    await page.waitForURL((url) => url.searchParams.get('q') === `noether-${tag}`.toUpperCase());
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the search field');
    await search.fill(`zzz-nichts-${tag}`);
    await page.locator('#results').getByText(`Keine Treffer für „zzz-nichts-${tag}“.`).waitFor();
    await search.fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).waitFor();
    await assertNoReload(page, 'after searching');

    // Delete (no browser confirm: undo is the safety net) and undo.
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      dialog.dismiss();
    });
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.equal(await page.title(), `${name} · Kontakte`, 'the card\u2019s title');
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await page.locator('main').getByText(`„${name}“ wurde gelöscht.`).waitFor();
    // Back on the book through htmx: its title names the apartment, "Kontakte" once.
    assert.equal(await page.title(), `${ASSET_NAME} · Kontakte`, 'the book\u2019s title after the swap');
    assert.equal(dialogs, 0, 'no native confirm');
    assert.equal(await page.getByRole('link', { name, exact: true }).count(), 0, 'gone from the list');
    await waitForFocus(page, 'book-title', 'after deleting');
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
    assert.ok(await page.getByRole('link', { name, exact: true }).isVisible(), 'back in the list');
    await assertNoReload(page, 'after delete and undo');

    // Back from a card found by a search keeps the search.
    await page.goto(`${listPath()}?q=${encodeURIComponent(`noether-${tag}`)}`);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), `noether-${tag}`, 'the search is kept');
    assert.equal(await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).inputValue(), `noether-${tag}`);
    // So it is after editing the card and after a reload of it (review: they went to the whole book).
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText('wurde gespeichert').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), `noether-${tag}`, 'the search is kept after editing');
    // A delete from that card, and its undo, come back to the same search (they went to the whole book).
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await page.locator('main').getByText(`„${name}“ wurde gelöscht.`).waitFor();
    await page.locator('#results').getByText(`Keine Treffer für „noether-${tag}“.`).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), `noether-${tag}`, 'the search is kept after a delete');
    assert.equal(await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).inputValue(), `noether-${tag}`);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
    await page.locator('#results').getByText(`1 Treffer für „noether-${tag}“`).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), `noether-${tag}`, 'and after its undo');
    // Focus on the contact that is back, not on the heading far above it.
    assert.deepEqual(await page.evaluate(() => [document.activeElement?.className, document.activeElement?.textContent]), ['name', name]);

    // Export what the list shows: the search is kept, so the file holds the contact found.
    const all = await download(page, () => page.getByRole('link', { name: '1 Treffer auf das Handy übernehmen (.vcf)' }).click());
    assert.match(all.name, /^Lindenhof.*\.vcf$/);
    assert.ok(!all.text.startsWith('\uFEFF'), 'no BOM');
    const card = cardWith(all.text, name);
    assert.ok(card, `the export holds ${name}`);
    assert.match(card, new RegExp(`\r\nORG(;[^:]*)?:${company}\r\n`), card);
    assert.match(card, /\r\nTITLE(;[^:]*)?:Poolbauer und Schwimmteiche\r\n/, card);
    assert.match(card, /\r\nEMAIL;TYPE=INTERNET(;[^:]*)?:ida@example\.de\r\n/, card);
    assert.ok(!cardWith(all.text, 'Stefan Schmidt'), 'and only the contacts the search finds (issue 16: export what you see)');
    assert.equal(browser.errors.length, 0, browser.errors.join('\n'));
  });

  test('a version restored from the history is taken back with "Rückgängig" on the card, without a reload', async () => {
    const { page } = browser;
    const company = `Haustechnik ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company, phone: '089 111' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await fillContact(page, { phone: '089 222', notes: 'Schlüssel bei Frau Huber' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText('wurde gespeichert').waitFor();
    await markWindow(page);
    await page.getByRole('link', { name: 'Verlauf' }).click();
    await page.getByRole('button', { name: 'Diese Fassung wiederherstellen' }).last().click();
    await page
      .locator('main')
      .getByText(new RegExp(`^Die Fassung von „${company}“ vom .+ ist wiederhergestellt\\.$`))
      .waitFor();
    assert.ok(await page.locator('main').getByText('089 111').first().isVisible());
    await page.locator('main').getByRole('button', { name: 'Rückgängig' }).click();
    await page.locator('main').getByText('Schlüssel bei Frau Huber').waitFor();
    assert.ok(await page.locator('main').getByText('089 222').first().isVisible());
    // Said as undone, with nothing more to undo (buyer review: it offered the undo again).
    await page.locator('main').getByText(`Rückgängig gemacht: „${company}“ ist wieder wie vor der Wiederherstellung.`).waitFor();
    assert.equal(await page.locator('main').getByRole('button', { name: 'Rückgängig' }).count(), 0);
    await assertNoReload(page, 'restore and its undo');
    assert.equal(browser.errors.length, 0, browser.errors.join('\n'));
  });

  test('the help on getting the contacts onto a phone opens, and leads back to the list as it was', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}?q=schmidt`);
    assert.ok(!(await page.getByText('Outlook (Desktop)').isVisible()), 'not on the list');
    await page.getByRole('link', { name: 'Wie kommen die Kontakte auf mein Handy?' }).click();
    await page.getByText('Outlook (Desktop)').waitFor();
    assert.equal(await page.title(), 'Wie kommen die Kontakte auf mein Handy? · Kontakte');
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    await page.getByRole('searchbox').waitFor();
    // With the search it had (buyer review: the way back forgot it).
    assert.equal(await page.getByRole('searchbox').inputValue(), 'schmidt');
    assert.ok(new URL(page.url()).search.includes('q=schmidt'), page.url());
    assert.equal(browser.errors.length, 0, browser.errors.join('\n'));
  });

  test('the postcode gets the number pad for an address in Germany, and letters once another country is typed', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/new`);
    const code = page.locator('#f-postal_code');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    await page.locator('#f-country').fill('Österreich');
    assert.equal(await code.getAttribute('inputmode'), null);
    await page.locator('#f-country').fill('Deutschland');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    // A kept draft with another country brings the letters back with it (code review).
    await page.locator('#f-company').fill(`Fenster Wien ${unique()}`);
    await page.locator('#f-country').fill('Österreich');
    await page.goto(listPath());
    await page.goto(`${listPath()}/new`);
    await page.locator('[data-draft-note]').waitFor();
    assert.equal(await page.locator('#f-country').inputValue(), 'Österreich');
    assert.equal(await page.locator('#f-postal_code').getAttribute('inputmode'), null);
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    assert.equal(browser.errors.length, 0, browser.errors.join('\n'));
  });

  test('a search URL opened directly shows the filtered list', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}?q=${encodeURIComponent('MUELLER')}`);
    // No demo contact is called Müller: the empty result says so and offers a way back.
    await page.locator('#results').getByText('Keine Treffer für „MUELLER“.').waitFor();
    await page.goto(`${listPath()}?q=${encodeURIComponent('kuche')}`);
    assert.ok(await page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).isVisible(), '"kuche" finds "Küchen Schmidt"');
    assert.equal(await page.getByRole('searchbox').inputValue(), 'kuche');
  });
});

describe('co-buyers share one list', () => {
  test('what Anna adds, Jonas sees (and the other way round)', async () => {
    await withBrowser('anna', (anna) =>
      withBrowser('jonas', async (jonas) => {
        const tag = unique();
        await anna.page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
        await fillContact(anna.page, { company: `Elektro Funke ${tag}`, position: 'Elektriker' });
        await anna.page.getByRole('button', { name: 'Speichern' }).click();
        await anna.page.locator('main').getByText(`„Elektro Funke ${tag}“ wurde gespeichert.`).waitFor();

        await jonas.page.reload();
        assert.equal(new URL(jonas.page.url()).pathname, listPath());
        await jonas.page.getByRole('link', { name: `Elektro Funke ${tag}`, exact: true }).waitFor();
        assert.ok(await jonas.page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).isVisible(), 'and the demo contacts');
        await jonas.page.getByRole('link', { name: `Elektro Funke ${tag}`, exact: true }).click();
        await jonas.page.getByRole('heading', { level: 1, name: `Elektro Funke ${tag}` }).waitFor();
        assert.match(await jonas.page.getByText('Zuletzt geändert von').textContent(), /Anna Müller/);
        await jonas.page.getByRole('link', { name: 'Bearbeiten' }).click();
        await fillContact(jonas.page, { first_name: 'Frieda', last_name: `Funke ${tag}` });
        await jonas.page.getByRole('button', { name: 'Speichern' }).click();
        await jonas.page.locator('main').getByText(`„Frieda Funke ${tag}“ wurde gespeichert.`).waitFor();

        await anna.page.goto(listPath());
        await anna.page.getByRole('link', { name: `Frieda Funke ${tag}`, exact: true }).click();
        await anna.page.getByRole('heading', { level: 1, name: `Frieda Funke ${tag}` }).waitFor();
        assert.match(await anna.page.getByText('Zuletzt geändert von').textContent(), /Jonas Müller/);
      }),
    );
  });
});

describe('Selin (customer of two assets)', () => {
  test('picks an asset, adds a contact there, switches to the other asset and sees its own list', async () => {
    await withBrowser('selin', async ({ page }) => {
      const tag = unique();
      assert.equal(new URL(page.url()).pathname, '/');
      await page.getByRole('heading', { level: 1, name: 'Ihre Objekte', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Lindenhof, Wohnung 3' }).click();
      await page.locator('.top .asset', { hasText: 'Lindenhof, Wohnung 3' }).waitFor();
      assert.equal(new URL(page.url()).pathname, listPath('lindenhof-whg-3'));
      assert.equal(await page.getByRole('link', { name: 'Stefan Schmidt' }).count(), 0, 'nothing of Wohnung 12 here');

      await page
        .getByRole('link', { name: /Kontakt hinzufügen/ })
        .first()
        .click();
      await fillContact(page, { company: `Maler Bunt ${tag}` });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.locator('main').getByText(`„Maler Bunt ${tag}“ wurde gespeichert.`).waitFor();
      assert.ok(await page.getByRole('heading', { level: 1, name: `Maler Bunt ${tag}`, exact: true }).isVisible());

      await page.getByRole('link', { name: 'Objekt wechseln' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ihre Objekte', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Seeblick, Wohnung 7' }).click();
      await page.locator('.top .asset', { hasText: 'Seeblick, Wohnung 7' }).waitFor();
      assert.equal(await page.getByRole('link', { name: `Maler Bunt ${tag}` }).count(), 0, 'contacts stay with their asset');
      // Seeblick 7 is never written to by any test: its list is the empty state.
      assert.ok(await page.getByRole('heading', { name: 'Hier sind noch keine Kontakte' }).isVisible());
      assert.ok(await page.getByRole('link', { name: 'Ersten Kontakt hinzufügen' }).isVisible());
      assert.equal(await page.getByRole('link', { name: 'Auf das Handy übernehmen (.vcf)' }).count(), 0, 'no export of an empty list');

      // Wohnung 12 is not hers: 404, and it does not say that it exists.
      const response = await page.goto(listPath(ASSET));
      assert.equal(response.status(), 404);
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Nicht gefunden', exact: true }).isVisible());
    });
  });
});

describe('Petra (project manager)', () => {
  test('sees the 403 page that explains the feature is for buyers', async () => {
    await withBrowser(null, async ({ page }) => {
      await page.goto('/dev/login');
      await page.locator('input[name="user"][value="petra"]').check();
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/' && r.request().method() === 'GET'),
        page.getByRole('button', { name: 'Anmelden' }).click(),
      ]);
      assert.equal(response.status(), 403);
      await page.getByRole('heading', { level: 1, name: 'Kein Zugriff', exact: true }).waitFor();
      assert.ok(await page.getByText('Die Kontakte sind nur für die Käufer eines Objekts da.').isVisible());
      const direct = await page.goto(listPath());
      assert.equal(direct.status(), 403);
      assert.equal(await page.getByRole('link', { name: 'Stefan Schmidt' }).count(), 0, 'no contact leaks');
    });
  });

  test('without a session the list is a 401 page with a login link', async () => {
    await withBrowser(null, async ({ page }) => {
      const response = await page.goto(listPath());
      assert.equal(response.status(), 401);
      await page.getByRole('heading', { level: 1, name: 'Bitte melden Sie sich an', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
      await page.getByRole('heading', { level: 1, name: 'Entwicklungs-Anmeldung', exact: true }).waitFor();
    });
  });
});
