// Screen-reader announcements and keyboard focus after the partial swaps that do not replace
// the whole page: active search, "Mehr laden" and undoing an import.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, browserForSuite, listPath, recordAnnouncements, unique, withBrowser } from './helpers.mjs';

/** Adds contacts through the app's own form endpoint, as the browser would post them; their ids. */
async function addThroughHttp(page, count, prefix) {
  const ids = [];
  for (let index = 0; index < count; index += 1) {
    const form = { form_token: `announce-${prefix}-${index}-${unique()}`, company: `${prefix} ${String(index).padStart(3, '0')}` };
    let response = await page.request.post(listPath(), { headers: { Origin: BASE_URL }, form, maxRedirects: 0 });
    // Two tests that add a hundred each come close to a user's write limit (60 in 10 s): wait it out.
    for (let wait = 0; response.status() === 429 && wait < 12; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      response = await page.request.post(listPath(), { headers: { Origin: BASE_URL }, form, maxRedirects: 0 });
    }
    assert.equal(response.status(), 303);
    ids.push(new URL(response.headers().location, BASE_URL).searchParams.get('saved'));
  }
  return ids;
}

describe('announcements and focus after partial swaps', () => {
  const anna = browserForSuite('anna');
  const jonas = browserForSuite('jonas');

  test('active search swaps the results once and reads the new count out', async () => {
    const { page } = anna;
    await page.goto(listPath());
    await page.getByLabel('Kontakte durchsuchen').fill('schmidt');
    await page.locator('#results').getByText('1 Treffer für „schmidt“').waitFor();
    assert.equal(await page.locator('[id="results"]').count(), 1, 'one #results after the swap');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '1 Treffer für „schmidt“');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the search field');
    // The tab's title says it, as the page loaded with the search does (stop 62).
    const book = 'Lindenhof, Wohnung 12 · Kontakte';
    assert.equal(await page.title(), `1 Treffer für „schmidt“ · ${book}`);
    await page.reload();
    assert.equal(await page.title(), `1 Treffer für „schmidt“ · ${book}`);
    // The view switch follows the search (sent out of band): "Nach Position" keeps it.
    await Promise.all([page.waitForURL(/group=position/), page.getByRole('link', { name: 'Nach Position' }).click()]);
    await page.locator('#results').getByText('1 Treffer für „schmidt“').waitFor();
    assert.equal(new URL(page.url()).search, '?q=schmidt&group=position', 'grouped, the search kept');
    assert.equal(await page.locator('#rows li.group').count(), 1, 'the match under its position');
    await page.goto(listPath());
    // No match: that is read out too, not the last count.
    await page.getByLabel('Kontakte durchsuchen').fill('xyzzy');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Keine Treffer für „xyzzy“.');
    assert.equal(await page.title(), `Keine Treffer für „xyzzy“ · ${book}`);
    // Emptied, the book's title again.
    await page.getByLabel('Kontakte durchsuchen').fill('');
    await page.waitForFunction((book) => document.title === book, book);
  });

  test('a search typed a letter at a time says its count once, when the typing pauses (a11y walkthrough, stop 79)', async () => {
    const { page } = anna;
    await page.goto(listPath());
    const said = await recordAnnouncements(page);
    const answers = [];
    page.on('response', (response) => {
      if (response.url().includes('part=results')) answers.push(new URL(response.url()).searchParams.get('q'));
    });
    // As a phone's screen reader types: each letter a request of its own, answered before the next.
    await page.getByLabel('Kontakte durchsuchen').pressSequentially('schmidt', { delay: 450 });
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '1 Treffer für „schmidt“');
    assert.ok(answers.length >= 4, `answered as typed: ${answers.join(', ')}`);
    assert.deepEqual(said, ['1 Treffer für „schmidt“']);
  });

  test('a letter typed and taken back while the count waits for the typing to pause: the count is still said, once (code review, stop 80)', async () => {
    const { page } = anna;
    await page.goto(listPath());
    const said = await recordAnnouncements(page);
    const field = page.getByLabel('Kontakte durchsuchen');
    await field.fill('schmidt');
    await page.locator('#results').getByText('1 Treffer für „schmidt“').waitFor();
    // Within the second the count waits (the answer comes in a few hundred milliseconds here):
    // typed on and taken back, which asks nothing again (the results answer it).
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '1 Treffer für „schmidt“', null, {
      timeout: 5000,
    });
    await page.waitForTimeout(1200);
    assert.deepEqual(said, ['1 Treffer für „schmidt“']);
  });

  test('Enter in the search field and "Suchen" swap the results in place; focus stays in the field', async () => {
    const { page } = anna;
    await page.goto(listPath());
    // A page load would drop this mark (and focus with it).
    await page.evaluate(() => {
      window.stayed = true;
    });
    // Each search goes out once (Chromium fires the field's own "search" event after the submit).
    const searches = [];
    page.on('request', (request) => {
      if (request.url().includes('part=results')) searches.push(new URL(request.url()).searchParams.get('q'));
    });
    const field = page.getByLabel('Kontakte durchsuchen');
    await field.fill('schmidt');
    await page.keyboard.press('Enter');
    await page.locator('#results').getByText('1 Treffer für „schmidt“').waitFor();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '1 Treffer für „schmidt“');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the search field after Enter');
    await field.fill('xyzzy');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Keine Treffer für „xyzzy“.');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Suchen',
      'and on "Suchen" after it (no keyboard popping up)',
    );
    assert.equal(await page.evaluate(() => window.stayed), true, 'no page load');
    await page.waitForTimeout(600);
    assert.deepEqual(searches, ['schmidt', 'xyzzy'], 'one request per search');
    // "Suche leeren": the whole list again in place, the field empty and focused for the next search.
    await page.getByRole('link', { name: 'Suche leeren' }).click();
    await page.locator('#results li.contact').first().waitFor();
    assert.equal(await field.inputValue(), '');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus in the search field');
    assert.equal(await page.evaluate(() => window.stayed), true, 'still no page load');
    assert.equal(new URL(page.url()).searchParams.get('q'), null, 'the address without the search');
  });

  test('"Mehr laden" continues the list in place and keyboard focus moves to the first new row', async () => {
    // The book needs more than 100 contacts: two co-buyers add them (each under the write limit).
    const prefix = `Zzz Mehr ${unique()}`; // sorts last: other tests keep their contacts on page 1
    await addThroughHttp(anna.page, 50, `${prefix} A`);
    await addThroughHttp(jonas.page, 50, `${prefix} B`);
    const { page } = anna;
    await page.goto(listPath());
    assert.equal(await page.locator('nav.pages').isVisible(), false, 'with JavaScript the page links give way to "Mehr laden"');
    const shown = Number((await page.locator('#count').innerText()).replace(/\D/g, ''));
    // Jonas adds one more while Anna reads: the count above the list follows with the rows.
    await addThroughHttp(jonas.page, 1, `${prefix} C`);
    const more = page.getByRole('link', { name: 'Mehr laden' });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('li.more'));
    const focused = await page.evaluate(
      () => document.activeElement?.closest('li.contact')?.querySelector('.name')?.textContent ?? document.activeElement?.tagName,
    );
    const rows = await page.locator('li.contact > a.name').allInnerTexts();
    assert.ok(rows.length > 100, `all rows in one list (${rows.length})`);
    assert.equal(focused, rows[100], 'focus on the first row that "Mehr laden" brought');
    assert.equal(await page.locator('#count').innerText(), `${shown + 1} Kontakte`, 'the count includes the co-buyer\u2019s new contact');
    assert.equal(await page.locator('#count').count(), 1);
    // Without JavaScript the same list offers only "Weiter" (no "Mehr laden" that would be the same link).
    await withBrowser(
      'anna',
      async ({ page: noJs }) => {
        await noJs.goto(listPath());
        assert.equal(await noJs.getByRole('link', { name: 'Weiter' }).isVisible(), true);
        assert.equal(await noJs.getByRole('link', { name: 'Mehr laden' }).isVisible(), false);
      },
      { javaScriptEnabled: false },
    );
    // And it is read out how many came.
    await page.waitForFunction(
      (n) => document.getElementById('announcer')?.textContent === `${n} weitere Kontakte geladen.`,
      rows.length - 100,
    );
    // A row that "Mehr laden" brought, opened and left by Back: the list comes again with it
    // (the address now holds how far it went), at the same place, focus on that row.
    const target = rows[rows.length - 2];
    const link = page.getByRole('link', { name: target, exact: true });
    await link.focus();
    const place = await page.evaluate(() => window.scrollY);
    assert.ok(place > 1000, `scrolled down to the second page: ${place}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: target, exact: true }).waitFor();
    await page.goBack();
    await page.waitForFunction((target) => document.activeElement?.textContent === target, target);
    assert.equal(await page.locator('li.contact > a.name').count(), rows.length, 'every row up to it again');
    const back = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(back - place) < 5, `the same place: ${back} against ${place}`);
  });

  test('"Mehr laden" after a co-buyer deleted the rest says that nothing follows, where focus stays (search review, stop 62)', async () => {
    const prefix = `Zzz Rest ${unique()}`; // sorts last: other tests keep their contacts on page 1
    await addThroughHttp(anna.page, 50, `${prefix} A`);
    const ids = (await addThroughHttp(jonas.page, 53, `${prefix} B`)).slice(-3);
    const wrote = Date.now();
    const { page } = anna;
    await page.goto(`${listPath()}?q=${encodeURIComponent(prefix)}`);
    assert.equal(await page.locator('li.contact').count(), 100);
    // Jonas deletes the three not shown yet (they sort last: B 050-052).
    for (const id of ids) assert.equal(await page.locator(`#c-${id}`).count(), 0);
    for (const id of ids) {
      const deleted = await jonas.page.request.post(`${listPath()}/${id}/delete`, {
        headers: { Origin: BASE_URL },
        form: { version: '1' },
        maxRedirects: 0,
      });
      assert.equal(deleted.status(), 303);
    }
    const said = await recordAnnouncements(page);
    await page.waitForLoadState('load');
    await page.getByRole('link', { name: 'Mehr laden' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('li.end').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('li.end'));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Keine weiteren Treffer.');
    assert.equal(await page.getByRole('link', { name: 'Mehr laden' }).count(), 0, 'no button that does nothing');
    assert.match(await page.locator('#count').innerText(), /^100 Treffer/);
    assert.match(await page.locator('#export-vcf').innerText(), /100 Treffer/);
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Keine weiteren Treffer.');
    assert.deepEqual(said, ['Keine weiteren Treffer.']);
    // The next tests write as Anna and Jonas again: their write limit's window (10 s) passes first.
    await page.waitForTimeout(Math.max(0, 10_500 - (Date.now() - wrote)));
  });

  test('the import preview\u2019s "Alle Haken entfernen" and "Alle anhaken" change the boxes at once, without a request', async () => {
    const { page } = anna;
    const tag = `Haken ${unique()}`;
    await page.goto(`${listPath()}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'drei.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        [1, 2, 3].map((n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${tag} ${n}\r\nORG:${tag} ${n}\r\nEND:VCARD\r\n`).join(''),
      ),
    });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    const boxes = page.locator('input[name=card]');
    await boxes.first().waitFor();
    const states = () => boxes.evaluateAll((all) => all.map((box) => box.checked));
    assert.deepEqual(await states(), [true, true, true]);
    let requests = 0;
    const count = () => {
      requests += 1;
    };
    page.on('request', count);
    const said = (text) => page.waitForFunction((text) => document.getElementById('announcer')?.textContent === text, text);
    await page.getByRole('button', { name: 'Alle Haken entfernen' }).click();
    assert.deepEqual(await states(), [false, false, false]);
    // The boxes change out of sight: a screen reader hears what happened.
    await said('Kein Kontakt angehakt.');
    // The confirm says how many it adds (UX review); with none, as it came.
    const confirm = page.locator('button.primary[type=submit]');
    assert.equal(await confirm.textContent(), 'Angehakte Kontakte übernehmen');
    await page.getByRole('button', { name: 'Alle anhaken' }).click();
    assert.deepEqual(await states(), [true, true, true]);
    await said('3 Kontakte angehakt.');
    assert.equal(await confirm.textContent(), '3 Kontakte übernehmen');
    await page.getByRole('button', { name: 'Alle Haken entfernen' }).click();
    await boxes.nth(1).check();
    assert.equal(await confirm.textContent(), '1 Kontakt übernehmen');
    page.off('request', count);
    assert.equal(requests, 0, 'no round trip for ticking');
    await page.getByRole('button', { name: '1 Kontakt übernehmen' }).click();
    await page.getByText('1 Kontakt wurde übernommen.').waitFor();
    assert.equal(await page.getByRole('link', { name: `${tag} 2`, exact: true }).count(), 1, 'the one ticked is in the book');
    assert.equal(await page.getByRole('link', { name: `${tag} 1`, exact: true }).count(), 0);
    // Two steps: "Import rückgängig" opens what it does; only the confirmation deletes.
    await page.getByText('Import rückgängig', { exact: true }).click();
    await page.getByText('werden endgültig gelöscht').waitFor();
    assert.equal(await page.getByRole('link', { name: `${tag} 2`, exact: true }).count(), 1, 'nothing deleted by the first tap');
    await page.getByRole('button', { name: 'Ja, Import rückgängig machen' }).click();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '1 übernommener Kontakt wurde gelöscht.');
  });

  test('in English the ticks are said in English', async () => {
    await withBrowser(
      'jonas',
      async ({ page }) => {
        const tag = `Ticks ${unique()}`;
        await page.goto(`${listPath()}/import`);
        await page.locator('input[type=file]').setInputFiles({
          name: 'two.vcf',
          mimeType: 'text/vcard',
          buffer: Buffer.from([1, 2].map((n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${tag} ${n}\r\nEND:VCARD\r\n`).join('')),
        });
        await page.getByRole('button', { name: 'Check the file' }).click();
        await page.locator('input[name=card]').first().waitFor();
        const said = (text) => page.waitForFunction((text) => document.getElementById('announcer')?.textContent === text, text);
        await page.getByRole('button', { name: 'Untick all' }).click();
        await said('No contact ticked.');
        await page.getByRole('button', { name: 'Tick all', exact: true }).click();
        await said('2 contacts ticked.');
        assert.equal(await page.locator('button.primary[type=submit]').textContent(), 'Add 2 contacts');
      },
      { locale: 'en-GB' },
    );
  });

  test('the import\u2019s message takes focus; undoing an import swaps the list in, reads out what was removed and leaves the address on the list', async () => {
    const { page } = jonas;
    const name = `Import Zurück ${unique()}`;
    await page.goto(`${listPath()}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'eins.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nORG:${name}\r\nEND:VCARD\r\n`),
    });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    await page.getByRole('button', { name: '1 Kontakt übernehmen' }).click();
    await page.getByText('1 Kontakt wurde übernommen.').waitFor();
    // The confirm is a plain form: the list arrives as a whole page, and its message takes focus
    // (a screen reader says it; Tab reaches "Rückgängig machen" next).
    await page.waitForFunction(() => document.activeElement?.matches('.notice[role="status"]'));
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^1 Kontakt wurde übernommen\./);
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement.textContent.trim()), /rückgängig/i);
    // Said once: the address loses the notice's marker, so a reload does not say it again.
    await page.waitForURL((url) => url.pathname === listPath() && url.search === '');
    await page.reload();
    await page.getByRole('link', { name, exact: true }).waitFor();
    assert.equal(await page.getByText('1 Kontakt wurde übernommen.').count(), 0, 'no notice after a reload');
    // The undo stays where the import page offers it ("Ihr letzter Import").
    await page.goto(`${listPath()}/import`);
    await page.getByText('Import rückgängig', { exact: true }).click();
    await page.getByRole('button', { name: 'Ja, Import rückgängig machen' }).click();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '1 übernommener Kontakt wurde gelöscht.');
    assert.equal(new URL(page.url()).pathname, listPath(), 'the address is the list again');
    assert.equal(await page.getByRole('link', { name, exact: true }).count(), 0, 'the imported contact is gone');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the list heading');
    // No script error or CSP violation on the way (a review once reported one after the undo).
    assert.deepEqual(jonas.errors, []);
  });
  test('a message that arrives as an alert is read once, by the alert, not again through the live region', async () => {
    const company = `Alarm ${unique()}`;
    const created = await anna.page.request.post(listPath(), {
      headers: { Origin: BASE_URL },
      form: { form_token: `announce-alert-${unique()}`, company },
      maxRedirects: 0,
    });
    const card = new URL(created.headers().location, BASE_URL).pathname;
    const { page } = anna;
    await page.goto(card);
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // Jonas changes the contact meanwhile.
    const edited = await jonas.page.request.post(card, {
      headers: { Origin: BASE_URL },
      form: { version: '1', company, notes: 'Von Jonas' },
      maxRedirects: 0,
    });
    assert.equal(edited.status(), 303);
    const said = await recordAnnouncements(page);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Jonas Müller/);
    await page.waitForTimeout(300);
    assert.deepEqual(said, [], 'the live region does not say the alert again');
    assert.deepEqual(anna.errors, []);
  });
});
