// Issue 5 item 1, last part: the core flow once more with JavaScript disabled (plain HTML
// forms, links and 303 redirects; contract §4).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserForSuite, cardWith, download, fillContact, listPath, unique, withBrowser } from './helpers.mjs';

describe('with JavaScript disabled', () => {
  const browser = browserForSuite('anna', { javaScriptEnabled: false });

  test('add (with a validation error first), edit, search, delete and undo, export', async () => {
    const { page } = browser;
    const htmxType = await page.evaluate(() => typeof window.htmx).catch(() => 'undefined');
    assert.equal(htmxType, 'undefined', 'scripts really are off: htmx never ran');
    const tag = unique();
    const name = `Bodenleger Eiche ${tag}`;
    assert.equal(new URL(page.url()).pathname, listPath());
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();

    // Add: a plain link to the form page.
    await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await page.waitForURL((url) => url.pathname === `${listPath()}/new`);
    await fillContact(page, { position: 'Bodenleger', website: 'javascript:alert(1)' });
    const [invalid] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    assert.equal(invalid.status(), 422);
    await page.getByText('Bitte korrigieren Sie 2 Eingaben.').waitFor();
    assert.ok(await page.locator('.field-error', { hasText: 'Bitte geben Sie eine Webadresse wie www.firma.de ein.' }).isVisible());
    assert.equal(await page.getByLabel('Position / Rolle', { exact: true }).inputValue(), 'Bodenleger', 'input kept');
    assert.equal(await page.getByLabel('Webseite des Unternehmens', { exact: true }).inputValue(), 'javascript:alert(1)', 'input kept');

    await fillContact(page, { company: name, website: 'parkett-eiche.example.de' });
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    assert.equal(created.status(), 303, 'a successful write without JS answers 303');
    await page.getByText(`„${name}“ wurde gespeichert.`).waitFor();
    // The 303 leads to the new contact's card.
    assert.match(new URL(page.url()).pathname, new RegExp(`^${listPath()}/[A-Za-z0-9_-]+$`));
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

    // Edit.
    assert.ok(
      await page.getByRole('link', { name: /^https:\/\/parkett-eiche\.example\.de/ }).isVisible(),
      'https:// added to a bare domain',
    );
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
    await fillContact(page, { phone: '0711 / 44 55 66', notes: 'Muster bringen\nEiche geölt' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(await page.getByRole('link', { name: '0711 / 44 55 66' }).isVisible());
    assert.equal(await page.getByRole('link', { name: '0711 / 44 55 66' }).getAttribute('href'), 'tel:0711445566');

    // Search through the form's button.
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill(`eiche ${tag}`);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === `eiche ${tag}`);
    await page.getByText(`1 Treffer für „eiche ${tag}“`).waitFor();
    // The other language at the page's foot, and back: the same search, the same page (since stop 75).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(`1 match for “eiche ${tag}”`).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByText(`1 Treffer für „eiche ${tag}“`).waitFor();

    // Export one contact from its page, then all.
    await page.getByRole('link', { name, exact: true }).click();
    const one = await download(page, () => page.getByRole('link', { name: 'vCard herunterladen', exact: true }).click());
    assert.ok(cardWith(one.text, name), one.text);
    assert.match(one.text, /\r\nURL:https:\/\/parkett-eiche\.example\.de\r\n/);
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    const all = await download(page, () => page.getByRole('link', { name: '1 Treffer auf das Handy übernehmen (.vcf)' }).click());
    assert.ok(cardWith(all.text, name), 'the export of the search holds the contact found');
    assert.ok(!cardWith(all.text, 'Stefan Schmidt'), 'and only what the search finds (issue 16: export what you see)');

    // Delete: without JS a confirmation page asks first.
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('link', { name: 'Löschen' }).click();
    await page.getByRole('heading', { level: 1, name: `„${name}“ löschen?`, exact: true }).waitFor();
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Ja, löschen' }).click(),
    ]);
    assert.equal(deleted.status(), 303);
    await page.getByText(`„${name}“ wurde gelöscht.`).waitFor();
    assert.equal(await page.getByRole('link', { name, exact: true }).count(), 0);

    // Undo.
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await page.getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
    assert.ok(await page.getByRole('link', { name, exact: true }).isVisible());
  });

  test('a contact form offers no other language without JS, whose page asked again lost what was typed; with JS it does, and the input comes back (walkthrough, stop 80)', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: `Sprachwechsel ${unique()}`, notes: 'Angebot bis Freitag' });
    assert.equal(await page.locator('footer.foot button').count(), 1);
    assert.equal(await page.getByRole('button', { name: 'English' }).count(), 0);
    await page.goto(listPath());
    assert.equal(await page.getByRole('button', { name: 'English' }).isVisible(), true);
    await withBrowser('anna', async ({ page: withJs }) => {
      await withJs.goto(`${listPath()}/new`);
      await fillContact(withJs, { notes: 'Angebot bis Freitag' });
      await withJs.getByRole('button', { name: 'English' }).click();
      await withJs.locator('html[lang="en"]').waitFor();
      await withJs.getByRole('heading', { level: 1, name: 'Add new contact' }).waitFor();
      await withJs.waitForFunction(() => document.getElementById('f-notes')?.value === 'Angebot bis Freitag');
      await withJs.getByRole('button', { name: 'Deutsch' }).click();
      await withJs.locator('html[lang="de"]').waitFor();
    });
    // With JS but the site's storage blocked, nothing keeps the input: hidden as without JS (code review, stop 80).
    await withBrowser('anna', async ({ page: blocked }) => {
      await blocked.addInitScript(() => {
        Object.defineProperty(window, 'sessionStorage', {
          get() {
            throw new DOMException('blocked', 'SecurityError');
          },
        });
      });
      await blocked.goto(`${listPath()}/new`);
      await blocked.waitForFunction(() => typeof window.htmx === 'object');
      await blocked.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzufügen' }).waitFor();
      assert.equal(await blocked.getByRole('button', { name: 'English' }).count(), 0);
      await blocked.goto(listPath());
      assert.equal(await blocked.getByRole('button', { name: 'English' }).isVisible(), true);
    });
  });

  test('cancelling the delete confirmation keeps the contact', async () => {
    const { page } = browser;
    await page.goto(listPath());
    await page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).click();
    await page.getByRole('link', { name: 'Löschen' }).click();
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stefan Schmidt', exact: true }).waitFor();
  });

  test('saved, back and corrected: the correction is an edit of the contact made, not a second one', async () => {
    const { page } = browser;
    const name = `Zurück ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: name, phone: '089 1111' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.goBack();
    await page.getByLabel('Telefonnummer', { exact: true }).fill('089 2222');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(await page.getByRole('link', { name: '089 2222' }).isVisible(), 'the correction is saved');
    // The same after an answer that never came: sent again from the way back, still one contact.
    const lost = `Verloren ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: lost });
    await page.route(/\/contacts$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch(); // the server stores it; the answer is lost on the way
      await route.abort('connectionreset');
    });
    await page
      .getByRole('button', { name: 'Speichern' })
      .click()
      .catch(() => {});
    await page.waitForLoadState();
    await page.unroute(/\/contacts$/);
    await page.goBack();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: lost, exact: true }).waitFor();
    for (const company of [name, lost]) {
      await page.goto(`${listPath()}?q=${encodeURIComponent(company)}`);
      assert.equal(await page.locator('li.contact').count(), 1, `${company}: one contact`);
    }
  });

  test('back to the sent form with another name: asked, never overwritten; changed or added as chosen', async () => {
    const { page } = browser;
    const tag = unique();
    const typo = `Maler Klecs ${tag}`;
    const fixed = `Maler Klecks ${tag}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: typo, email: `buero-${tag}@maler.de` });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: typo, exact: true }).waitFor();
    // Back to the kept form, the typo corrected: asked first, then changed as chosen.
    await page.goBack();
    await page.getByLabel('Unternehmen', { exact: true }).fill(fixed);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Mit diesem Formular haben Sie schon „${typo}“ gespeichert.` })
      .waitFor();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), fixed);
    await page.getByRole('button', { name: `„${typo}“ ändern` }).click();
    await page.getByRole('heading', { level: 1, name: fixed, exact: true }).waitFor();
    // A colleague at the same address typed over a sent form: Enter adds a contact of its own.
    const first = `Stefan Sommer ${tag}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: first, email: `buero-${tag}@maler.de` });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: first, exact: true }).waitFor();
    await page.goBack();
    const colleague = `Maria Huber ${tag}`;
    await page.getByLabel('Unternehmen', { exact: true }).fill(colleague);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).waitFor();
    await page.getByLabel('Unternehmen', { exact: true }).press('Enter');
    await page.getByRole('heading', { level: 1, name: colleague, exact: true }).waitFor();
    await page.goto(`${listPath()}?q=${encodeURIComponent(tag)}`);
    assert.deepEqual((await page.locator('li.contact > a.name').allInnerTexts()).sort(), [colleague, fixed, first].sort());
  });

  test('a save that fails offline keeps every field for the way back, the notes and dates too', async () => {
    const { page, context } = browser;
    const name = `Offline ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: name, phone: '089 3333', notes: 'Schlüssel beim Hausmeister, Tor-Code 4711' });
    await page.getByLabel('Abnahme am').fill('2024-05-02');
    await page.getByLabel('Gewährleistung bis').fill('2029-05-02');
    await context.setOffline(true);
    // The form is sent in a task of its own after the click: wait until its request has failed
    // and the browser's error page stands, or going online again could let it through.
    const failed = page.waitForEvent('requestfailed', (request) => request.method() === 'POST');
    await page
      .getByRole('button', { name: 'Speichern' })
      .click()
      .catch(() => {});
    await failed;
    await page.waitForURL((url) => url.protocol === 'chrome-error:');
    await context.setOffline(false);
    await page.goBack();
    await page.getByLabel('Unternehmen', { exact: true }).waitFor();
    assert.deepEqual(
      {
        company: await page.getByLabel('Unternehmen', { exact: true }).inputValue(),
        notes: await page.getByLabel('Notizen', { exact: true }).inputValue(),
        accepted: await page.getByLabel('Abnahme am').inputValue(),
        until: await page.getByLabel('Gewährleistung bis').inputValue(),
      },
      { company: name, notes: 'Schlüssel beim Hausmeister, Tor-Code 4711', accepted: '2024-05-02', until: '2029-05-02' },
    );
  });
  test('"Alle Haken entfernen" in a long import preview comes back at its buttons, not at the top', async () => {
    const { page } = browser;
    const tag = unique();
    await page.goto(`${listPath()}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'viele.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        Array.from(
          { length: 30 },
          (_, n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Haken ${tag} ${n}\r\nORG:Haken ${tag} ${n}\r\nEND:VCARD\r\n`,
        ).join(''),
      ),
    });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    await page.getByRole('heading', { level: 1, name: '30 Kontakte in der Datei' }).waitFor();
    await page.getByRole('button', { name: 'Alle Haken entfernen' }).click();
    await page.waitForURL((url) => url.hash === '#ticks');
    assert.equal(await page.locator('input[name="card"]:checked').count(), 0, 'every box unticked');
    const buttons = await page.getByRole('button', { name: 'Alle anhaken' }).boundingBox();
    const height = await page.evaluate(() => window.innerHeight);
    assert.ok(await page.evaluate(() => window.scrollY > 0), 'not at the top');
    assert.ok(buttons && buttons.y >= 0 && buttons.y + buttons.height <= height, `the buttons in view: ${JSON.stringify(buttons)}`);
    // Nothing was imported.
    await page.goto(`${listPath()}?q=${encodeURIComponent(`Haken ${tag}`)}`);
    assert.equal(await page.locator('li.contact').count(), 0);
  });

  test('the import\u2019s preview has an address of its own: a reload, "Alle Haken entfernen" and Back never ask to send the form again (walkthrough, stop 64)', async () => {
    const { page } = browser;
    const tag = unique();
    await page.goto(`${listPath()}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'zurueck.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        [1, 2].map((n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zurück ${tag} ${n}\r\nORG:Zurück ${tag} ${n}\r\nEND:VCARD\r\n`).join(''),
      ),
    });
    await page.getByRole('button', { name: 'Datei prüfen' }).click();
    const heading = page.getByRole('heading', { level: 1, name: '2 Kontakte in der Datei' });
    await heading.waitFor();
    const preview = page.url();
    assert.match(new URL(preview).pathname, /\/contacts\/import\/[A-Za-z0-9_-]+$/);
    // A reload reads the preview again (a POST's page would ask to send the file again).
    await page.reload();
    await heading.waitFor();
    assert.equal(page.url(), preview);
    await page.getByRole('button', { name: 'Alle Haken entfernen' }).click();
    await page.waitForURL((url) => url.search === '?tick=none' && url.hash === '#ticks');
    assert.equal(await page.locator('input[name="card"]:checked').count(), 0);
    await page.goBack();
    await heading.waitFor();
    assert.equal(page.url(), preview);
    assert.equal(await page.locator('input[name="card"]:checked').count(), 2, 'the preview as it first came');
    await page.getByRole('button', { name: 'Angehakte Kontakte übernehmen' }).click();
    await page.getByText('2 Kontakte wurden übernommen.').waitFor();
    // Back from the list: the preview's address leads to where its import went, not to an error page.
    const back = await page.goBack();
    assert.equal(back?.status(), 200);
    assert.equal(new URL(page.url()).pathname, listPath());
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Nothing was staged or imported twice.
    await page.goto(`${listPath()}?q=${encodeURIComponent(`Zurück ${tag}`)}`);
    assert.equal(await page.locator('li.contact').count(), 2);
  });

  test('on a phone, no field reached with Tab stands under the save bar, the notes neither (a11y review, stop 63)', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`${listPath()}/new`);
      await page.locator('form.contact-form input:not([type=hidden])').first().focus();
      const seen = [];
      for (let press = 0; press < 40; press += 1) {
        const field = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el.closest('form.contact-form') || el.closest('.save-bar')) return null;
          const box = el.getBoundingClientRect();
          const bar = document.querySelector('.save-bar').getBoundingClientRect();
          // What of the field the bar covers, in pixels (0: nothing).
          return { name: el.name, covered: Math.max(0, Math.min(box.bottom, bar.bottom) - Math.max(box.top, bar.top)) };
        });
        if (!field) break;
        seen.push(field);
        await page.keyboard.press('Tab');
      }
      assert.ok(
        seen.some((field) => field.name === 'notes'),
        'tabbed to the notes',
      );
      assert.deepEqual(
        seen.filter((field) => field.covered > 0),
        [],
      );
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('"Keine Frist" chosen where the page says the period\u2019s end is saved: asked beside the end first, saved without it only when sent again (walkthrough, stop 81)', async () => {
    const { page } = browser;
    const name = `Frist Weg ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: name, website: 'www.frist-weg.example.de' });
    await page.getByLabel('Abnahme am', { exact: true }).fill('2024-03-12');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('5');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByText('12.03.2029', { exact: true }).waitFor();
    const card = page.url();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
    // Without JS the sentence under the period stays as the page came, whatever is chosen.
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('');
    assert.equal(
      await page.locator('#f-warranty_years-end').textContent(),
      'Die Frist ergibt 12.03.2029, das wird gespeichert. Füllen Sie „Gewährleistung bis“ nur für ein anderes Ende aus.',
    );
    await page.getByRole('button', { name: 'Speichern' }).click();
    const words =
      'Ohne Frist fällt das Ende am 12.03.2029 weg. Tragen Sie es hier ein, wählen Sie wieder eine Frist, oder speichern Sie noch einmal ohne Ende.';
    const error = page.locator('#f-warranty_until-error');
    await error.waitFor();
    assert.equal(await error.textContent(), words);
    // Focus on the field where the end can be typed, described by the error.
    await page.waitForFunction(() => document.activeElement?.id === 'f-warranty_until');
    assert.match((await page.locator('#f-warranty_until').getAttribute('aria-describedby')) ?? '', /f-warranty_until-error/);
    // Nothing was saved meanwhile.
    assert.match(await (await page.request.get(card)).text(), /12\.03\.2029/);
    // Sent again as it stands: saved, without an end.
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByText('wurde gespeichert').first().waitFor();
    assert.equal(await page.getByText('12.03.2029', { exact: true }).count(), 0, 'no end on the card');
  });

  test('a date the browser cannot read is not sent: the browser stops it at the field, and the stored warranty end stays (buyer review, stop 61)', async () => {
    const { page } = browser;
    const name = `Ende Halten ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: name, website: 'www.ende-halten.example.de' });
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('2027-03-12');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    const card = page.url();
    await page.getByText('12.03.2027', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
    const edit = page.url();
    // The month taken out: the field holds a date the browser cannot read, which went out empty
    // and removed the end with "wurde gespeichert".
    const end = page.getByLabel('Gewährleistung bis', { exact: true });
    await end.focus();
    await page.keyboard.press('Backspace');
    assert.equal(await end.evaluate((input) => input.validity.badInput), true, 'the browser holds a date it cannot read');
    const posts = [];
    const counting = (request) => request.method() === 'POST' && posts.push(request.url());
    page.on('request', counting);
    await page.getByRole('button', { name: 'Speichern' }).click();
    // The browser's check stops it and puts focus on the field (its own message, in its language).
    await page.waitForFunction(() => document.activeElement?.id === 'f-warranty_until');
    page.off('request', counting);
    assert.deepEqual(posts, [], 'nothing sent');
    assert.equal(page.url(), edit);
    await page.goto(card);
    await page.getByText('12.03.2027', { exact: true }).waitFor();
  });
});
