// Issue 15: the list is scannable on a phone, and a failed request says so (with a safe resend).
// The wider screens are wide.test.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCompanies, browserForSuite, fillContact, listPath, recordAnnouncements, unique, withBrowser } from './helpers.mjs';

const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };
// Selin's Lindenhof 3: only one other test adds a contact there.
const BOOK = 'lindenhof-whg-3';

describe('the list on a phone (360×800)', () => {
  const browser = browserForSuite('selin', PHONE);

  test('shows at least 8 contacts of a 50-contact book in the first screen, with section letters and round buttons', async () => {
    const { page } = browser;
    const tag = unique();
    await page.goto(listPath(BOOK));
    // 50 contacts, sent from the page itself (same origin, the session's cookie).
    await page.evaluate(
      async ({ action, tag }) => {
        const letters = 'ABCDEFGHIKLMNOPRSTW';
        for (let index = 0; index < 50; index += 1) {
          const body = new URLSearchParams({
            form_token: `ux-${tag}-${String(index).padStart(4, '0')}`,
            // Names of a usual length (a name too long for its line wraps, test/e2e/phone.test.mjs);
            // the run's tag in the company, whose line is cut with "…".
            last_name: `${letters[index % letters.length]}mann ${index}`,
            first_name: 'Eva',
            position: 'Fliesenleger',
            company: `Bau ${tag} GmbH`,
            phone: '089 123456',
            email: `eva${index}@example.de`,
          });
          const response = await fetch(action, { method: 'POST', body, redirect: 'manual' });
          if (response.type !== 'opaqueredirect' && response.status !== 303) throw new Error(`create ${index}: ${response.status}`);
        }
      },
      { action: listPath(BOOK), tag },
    );
    await page.goto(listPath(BOOK));
    const { visible, layout } = await page.evaluate(() => ({
      visible: [...document.querySelectorAll('li.contact')].filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight)
        .length,
      layout: [...document.querySelectorAll('main > section > *, li')]
        .slice(0, 14)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().top)}+${Math.round(el.getBoundingClientRect().height)}`,
        ),
    }));
    assert.ok(visible >= 8, `${visible} contacts in the first screen: ${layout.join(', ')}`);
    // The letters of the name order, and the header names the asset once.
    assert.ok(await page.getByRole('heading', { level: 2, name: 'A', exact: true }).isVisible());
    assert.equal(await page.getByText('Lindenhof, Wohnung 3', { exact: true }).count(), 1);
    // Whole, beside "Objekt wechseln": the apartment's number is what tells Selin's two apart.
    const asset = page.locator('header .asset');
    assert.ok(
      await asset.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth),
      'not cut off',
    );
    // Round call and e-mail buttons of 44 px with an accessible name.
    const call = page.getByRole('link', { name: /^Eva Amann 0 anrufen$/ });
    const box = await call.boundingBox();
    assert.ok(box && box.width >= 44 && box.height >= 44, JSON.stringify(box));
    assert.match(await call.getAttribute('href'), /^tel:/);
    // The add button is compact here and keeps its name.
    assert.ok(await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).isVisible());
    // The search stays reachable while scrolling.
    await page.mouse.wheel(0, 3000);
    await page.waitForFunction(() => window.scrollY > 1000);
    const search = await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).boundingBox();
    assert.ok(search && search.y >= 0 && search.y < 100, `search at ${JSON.stringify(search)}`);
    // A tap anywhere on the row (not on a button) opens the contact.
    const row = page.locator('li.contact', { hasText: `Bau ${tag} GmbH` }).filter({ hasText: 'Eva Amann 0' });
    await row.scrollIntoViewIfNeeded();
    const rowBox = await row.boundingBox();
    await page.mouse.click(rowBox.x + 40, rowBox.y + rowBox.height - 6);
    await page.getByRole('heading', { level: 1, name: 'Eva Amann 0', exact: true }).waitFor();
    assert.deepEqual(browser.errors, []);
  });

  test('input too long for one request (413): the form stays with everything typed, the reason beside the longest field', async () => {
    const { page } = browser;
    const company = `Zu lang GmbH ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company, notes: '😀'.repeat(6000) });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    assert.equal(answer.status(), 413);
    await page
      .locator('#limit-alert')
      .getByText('Ihre Eingaben sind zu lang, um sie auf einmal zu speichern. Bitte kürzen Sie sie')
      .waitFor();
    // Said without a way back that is not there (review: the page replaced the form and sent the buyer Back, to the list).
    assert.equal(await page.getByText('Zurück-Taste').count(), 0);
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company, 'the input stays');
    // Tied to the field to shorten, which has the focus (walkthrough, stop 68: tied to none).
    const notes = page.getByLabel('Notizen', { exact: true });
    assert.equal(await notes.getAttribute('aria-invalid'), 'true');
    assert.match((await notes.getAttribute('aria-describedby')) ?? '', /(^| )limit-alert$/);
    assert.ok(await notes.evaluate((field) => field === document.activeElement), 'focus on the notes');
    assert.equal(await page.locator('.field.invalid #limit-alert').count(), 1);
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).getAttribute('aria-invalid'), null);
    await page.screenshot({ path: 'test-results/screenshots/phone-413-form.png' });
    await page.getByLabel('Notizen', { exact: true }).fill('kurz');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
  });

  test('too many writes (429) on a contact form: the form stays with what was typed, the server\u2019s words above it', async () => {
    const { page } = browser;
    const company = `Zu viele GmbH ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company, notes: 'bleibt' });
    // The limiter's answer to a contact form is that form again with its words in an alert
    // (test/round-trips.test.ts pins it); replayed here, since reaching the real limit (60 writes
    // in 10 s) would refuse the writes of the other test files that run meanwhile.
    const said =
      'Sie haben in kurzer Zeit sehr viele Änderungen gesendet. Bitte warten Sie einen Moment und versuchen Sie es erneut. Ihre Eingaben sind unten erhalten. Senden Sie das Formular einfach erneut.';
    const create = new RegExp(`${listPath(BOOK)}$`);
    await page.route(create, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            contentType: 'text/html; charset=utf-8',
            body: `<section class="editor" aria-labelledby="form-title"><h1 id="form-title" tabindex="-1" data-focus>Zu viele Änderungen</h1><p class="alert" role="alert">${said}</p><form method="post" class="contact-form"></form></section>`,
          })
        : route.continue(),
    );
    try {
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.locator('#limit-alert').getByText(said).waitFor();
    } finally {
      await page.unroute(create);
    }
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company, 'the input stays');
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'bleibt');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
  });

  test('offline: saving says so, keeps the input, and "Erneut senden" saves once', async () => {
    const { page, context } = browser;
    const company = `Offline GmbH ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company, phone: '089 55555' });
    await context.setOffline(true);
    // By keyboard: focus is not lost to the page's start, it waits on "Erneut senden" (or the button pressed).
    await page.getByRole('button', { name: 'Speichern' }).focus();
    await page.keyboard.press('Enter');
    const message = page
      .locator('#net')
      .getByText('Keine Verbindung. Ihre Eingaben bleiben erhalten; erneut senden legt nichts doppelt an.');
    await message.waitFor();
    await page.waitForTimeout(100);
    assert.ok(
      ['Erneut senden', 'Speichern'].includes(await page.evaluate(() => document.activeElement?.textContent?.trim())),
      `focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`,
    );
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company, 'the input stays');
    // A landmark of its own, as one jumping by landmarks finds it (a11y walkthrough, stop 79).
    assert.equal(await page.getByRole('region', { name: 'Keine Verbindung.' }).count(), 1);
    // The box covers neither the save bar's buttons (it stands above the box) nor the page's end.
    for (const name of ['Speichern', 'Abbrechen']) {
      const control = page
        .getByRole('button', { name, exact: true })
        .or(page.getByRole('link', { name, exact: true }))
        .first();
      const box = await control.boundingBox();
      assert.ok(box, `${name} shown`);
      const onTop = await control.evaluate((el, { x, y }) => el.contains(document.elementFromPoint(x, y)), {
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
      });
      assert.ok(onTop, `${name} is not under the box`);
    }
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Erneut senden' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    assert.equal(await message.isVisible(), false);
    await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(company)}`);
    assert.equal(await page.locator('li.contact').count(), 1, 'stored once');
    // Network errors are expected in this test; nothing else may fail.
    assert.deepEqual(
      browser.errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|NetworkError/.test(error)),
      [],
    );
  });

  test("offline: the card's way back to the list (a whole page load) says so in the box, not on the browser's error page (UX review); back online it leads there", async () => {
    const { page, context } = browser;
    const company = `Zurück Offline ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    const card = page.url();
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    const box = page.locator('#net');
    await box.waitFor({ state: 'visible' });
    assert.equal((await box.locator('p').innerText()).trim(), 'Keine Verbindung.');
    assert.equal(page.url(), card, 'the card stays');
    await context.setOffline(false);
    await box.getByRole('button', { name: 'Erneut senden' }).click();
    await page.waitForURL((url) => url.pathname === listPath(BOOK) && url.hash.startsWith('#c-'));
    await page.getByRole('heading', { level: 1, name: 'Kontakte' }).waitFor();
  });

  test('offline: a search or a page that did not come says only that, and a retried search keeps focus in the field', async () => {
    const { page, context } = browser;
    await page.goto(listPath(BOOK));
    const field = page.getByRole('searchbox');
    await field.click();
    await context.setOffline(true);
    await field.pressSequentially('mann');
    const box = page.locator('#net');
    await box.waitFor({ state: 'visible' });
    assert.equal((await box.locator('p').innerText()).trim(), 'Keine Verbindung.', 'nothing about input that was not sent');
    await context.setOffline(false);
    await box.getByRole('button', { name: 'Erneut senden' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'mann');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus back in the search field');
    assert.equal(await box.isVisible(), false);
    assert.deepEqual(
      browser.errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|NetworkError/.test(error)),
      [],
    );
  });
  test('offline: a search looks through the rows on the page and says so; back online the server answers again', async () => {
    const { page, context } = browser;
    const tag = unique();
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company: `Offlinesuche ${tag} Müller`, phone: '+49 89 4455 66' });
    // An end 40 days ahead: the row shows it in numbers ("Gewährleistung endet am 14.01.2027").
    const end = new Date(Date.now() + 40 * 864e5);
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill(end.toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: `Offlinesuche ${tag} Müller` }).waitFor();
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company: `Offlinesuche ${tag} Fliesen-Bauer` });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: `Offlinesuche ${tag} Fliesen-Bauer` }).waitFor();
    await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(`Offlinesuche ${tag}`)}`);
    const rows = page.locator('li.contact');
    assert.equal(await rows.count(), 2);
    const field = page.getByRole('searchbox');
    await field.click();
    await page.keyboard.press('End');
    const said = await recordAnnouncements(page);
    await context.setOffline(true);
    // Spelled as typed on a phone without umlauts: folded as the server folds it.
    await field.pressSequentially(' mueller');
    const line = page.locator('#offline-found');
    await line.waitFor();
    assert.equal(
      await line.innerText(),
      `Ohne Verbindung gesucht: Einer der 2 angezeigten Kontakte passt zu „Offlinesuche ${tag} mueller“ (gesucht nur in dem, was die Seite zeigt).`,
    );
    // The count of the server's answer would contradict the line: it goes while rows stand filtered.
    assert.equal(await page.locator('#count').isVisible(), false);
    assert.deepEqual(
      await rows
        .filter({ visible: true })
        .allInnerTexts()
        .then((texts) => texts.map((t) => t.split('\n')[0])),
      [`Offlinesuche ${tag} Müller`],
    );
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent.includes('Ohne Verbindung gesucht'));
    assert.ok(
      said.some((text) => text.startsWith('Keine Verbindung. Ohne Verbindung gesucht: Einer der 2')),
      said.join(' | '),
    );
    // Typed back to the words the server answered: the rows come back (code review: the search
    // was not sent, and one row stood filtered).
    await field.fill(`Offlinesuche ${tag}`);
    await page.waitForFunction(() => document.querySelectorAll('li.contact:not([hidden])').length === 2);
    // A number by its digits, however it is spaced, +49 as 0 (code review).
    await field.fill(`${tag} 0894455`);
    await page.waitForFunction(() => document.getElementById('offline-found')?.textContent.includes('0894455'));
    assert.equal(await rows.filter({ visible: true }).count(), 1);
    await field.fill(`${tag} +49 (0)89 4455-66`);
    await page.waitForFunction(() => document.getElementById('offline-found')?.textContent.includes('4455-66'));
    assert.equal(await rows.filter({ visible: true }).count(), 1);
    // Its groups in another order are no number of the row, though each stands in it (stop 67,
    // as the server: "+49" is in every number written so).
    await field.fill(`${tag} +49 66 4455 89`);
    await page.waitForFunction(() => document.getElementById('offline-found')?.textContent.includes('4455 89'));
    assert.equal(await rows.filter({ visible: true }).count(), 0);
    // A legal form or salutation the row does not show is left out, as the server leaves it out.
    await field.fill(`Offlinesuche ${tag} Müller GmbH`);
    await page.waitForFunction(() => document.getElementById('offline-found')?.textContent.includes('GmbH'));
    assert.equal(await rows.filter({ visible: true }).count(), 1);
    // Also written onto another word, in brackets, or as a label on its number (code review).
    for (const typed of [
      `Offlinesuche ${tag} Müller GmbH&Co`,
      `(Frau) Offlinesuche ${tag} Müller`,
      `${tag} Tel.:0894455`,
      // A word with a hyphen by its parts, and a word's comma, as the server reads them.
      `Müller-${tag}`,
      `Offlinesuche, ${tag} Müller,`,
    ]) {
      await field.fill(typed);
      await page.waitForFunction((q) => document.getElementById('offline-found')?.textContent.includes(q), typed);
      assert.equal(await rows.filter({ visible: true }).count(), 1, typed);
    }
    // A date in words finds the row that shows it in numbers, as the server's search does.
    const month = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'][
      end.getUTCMonth()
    ];
    // Also in English, in the American order or with an ordinal day (stop 61: they found nothing here).
    const english = new Date(end).toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
    const day = end.getUTCDate();
    const ordinal = `${day}${['th', 'st', 'nd', 'rd'][day % 10 > 3 || Math.floor(day / 10) === 1 ? 0 : day % 10]}`;
    for (const typed of [
      `${tag} ${month} ${end.getUTCFullYear()}`,
      `${tag} ${day}. ${month} ${end.getUTCFullYear()}`,
      `${tag} ${english} ${day}, ${end.getUTCFullYear()}`,
      `${tag} ${ordinal} ${english.slice(0, 3)} ${end.getUTCFullYear()}`,
      // The ordinal day after the month too (review: found by the server, not here).
      `${tag} ${english} ${ordinal}, ${end.getUTCFullYear()}`,
      `${tag} ${english.slice(0, 3)} ${ordinal} ${end.getUTCFullYear()}`,
    ]) {
      await field.fill(typed);
      await page.waitForFunction((q) => document.getElementById('offline-found')?.textContent.includes(q), typed);
      assert.equal(await rows.filter({ visible: true }).count(), 1, typed);
    }
    // Another day of that month is no match, though its digit is in the row's number +49 89 4455 66
    // (stop 60: the day counted as digits anywhere); a hyphenated firm typed as one word is one.
    const other = `${tag} ${end.getUTCDate() === 4 ? 5 : 4}. ${month} ${end.getUTCFullYear()}`;
    await field.fill(other);
    await page.waitForFunction((q) => document.getElementById('offline-found')?.textContent.includes(q), other);
    assert.equal(await rows.filter({ visible: true }).count(), 0, other);
    // A date in numbers as the row shows it, padded ("5.1.2027" finds "05.01.2027").
    // Also with a year of two digits, read as the form and the server read it (keys.ts fullYear).
    for (const year of [end.getUTCFullYear(), end.getUTCFullYear() % 100]) {
      const numeric = `${tag} ${end.getUTCDate()}.${end.getUTCMonth() + 1}.${year}`;
      await field.fill(numeric);
      await page.waitForFunction((q) => document.getElementById('offline-found')?.textContent.includes(q), numeric);
      assert.equal(await rows.filter({ visible: true }).count(), 1, numeric);
    }
    await field.fill(`${tag} Fliesenbauer`);
    await page.waitForFunction((q) => document.getElementById('offline-found')?.textContent.includes(q), `${tag} Fliesenbauer`);
    assert.equal(await rows.filter({ visible: true }).count(), 1, 'Fliesenbauer');
    // Nothing that matches: no row, and the line says so.
    await field.fill(`${tag} Schreiner`);
    await page.waitForFunction(() => document.getElementById('offline-found')?.textContent.includes('Keiner der 2'));
    assert.equal(await rows.filter({ visible: true }).count(), 0);
    // The field emptied: every row again, no line.
    await field.fill('');
    await line.waitFor({ state: 'detached' });
    assert.equal(await rows.filter({ visible: true }).count(), 2);
    assert.equal(await page.locator('#count').isVisible(), true);
    // Online again: the server's search replaces rows and line.
    await context.setOffline(false);
    await field.fill(`Offlinesuche ${tag} Bauer`);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, `Offlinesuche ${tag} Bauer`);
    await page.locator('#net').waitFor({ state: 'hidden' });
    assert.equal(await line.count(), 0);
    assert.equal(await rows.count(), 1);
    assert.deepEqual(
      browser.errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|NetworkError/.test(error)),
      [],
    );
  });
  test('offline: a delete that did not go out says nothing about input, and "Erneut senden" deletes once', async () => {
    const { page, context } = browser;
    const company = `Offline Weg ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    const box = page.locator('#net');
    await box.waitFor({ state: 'visible' });
    // Nothing was typed for a delete: "Ihre Eingaben bleiben erhalten" would promise what is not there.
    assert.equal((await box.locator('p').innerText()).trim(), 'Keine Verbindung.');
    await context.setOffline(false);
    await box.getByRole('button', { name: 'Erneut senden' }).click();
    await page.getByRole('button', { name: 'Rückgängig' }).waitFor();
    await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(company)}`);
    assert.equal(await page.locator('li.contact').count(), 0, 'deleted');
    assert.deepEqual(
      browser.errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|NetworkError/.test(error)),
      [],
    );
  });
});

test('offline in English: a month in words, or a date with slashes, finds the date the row shows in words, and another day is no match though its digit is in the number (buyer review, stop 60)', async () => {
  await withBrowser(
    'selin',
    async ({ page, context, errors }) => {
      const tag = unique();
      await page.goto(`${listPath(BOOK)}/new`);
      const end = new Date(Date.now() + 40 * 864e5);
      const other = end.getUTCDate() === 4 ? 5 : 4;
      await page.locator('#f-company').fill(`Offline English ${tag}`);
      await page.locator('#f-phone').fill('089 4455 66');
      await page.getByLabel('Warranty until', { exact: true }).fill(end.toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: `Offline English ${tag}` }).waitFor();
      await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(`Offline English ${tag}`)}`);
      const rows = page.locator('li.contact');
      assert.equal(await rows.count(), 1);
      const field = page.getByRole('searchbox');
      await context.setOffline(true);
      const month = end.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
      const year = end.getUTCFullYear();
      for (const [typed, shown] of [
        [`${tag} ${month} ${year}`, 1],
        [`${tag} ${end.getUTCDate()} ${month} ${year}`, 1],
        [`${tag} ${other} ${month} ${year}`, 0],
        // With slashes, day first, as a British buyer writes it (stop 74), as the server reads it.
        [`${tag} ${String(end.getUTCDate()).padStart(2, '0')}/${String(end.getUTCMonth() + 1).padStart(2, '0')}/${year}`, 1],
        [`${tag} ${other}/${end.getUTCMonth() + 1}/${year}`, 0],
      ]) {
        await field.fill(typed);
        await page.waitForFunction((q) => document.getElementById('offline-found')?.textContent.includes(q), typed);
        assert.equal(await rows.filter({ visible: true }).count(), shown, typed);
      }
      await context.setOffline(false);
      assert.deepEqual(
        errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|NetworkError/.test(error)),
        [],
      );
    },
    { locale: 'en-GB' },
  );
});

describe('a slow network on a phone (360×800)', () => {
  const browser = browserForSuite('selin', PHONE);

  test('a second tap while a page is on its way is dropped: the form comes once and keeps what is typed', async () => {
    const { page } = browser;
    const name = `Doppelt ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company: name });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    // Every request for a form takes 1.5 s (a slow mobile network).
    const asked = [];
    const slow = async (route) => {
      asked.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    };
    await page.route(/\/(edit|new)(\?|$)/, slow);
    const edit = page.getByRole('link', { name: 'Bearbeiten' });
    await edit.click();
    await page.waitForTimeout(250);
    await edit.click();
    const notes = page.getByLabel('Notizen');
    await notes.waitFor();
    await notes.pressSequentially('Termin am Montag');
    // Long after the second tap's answer would have come.
    await page.waitForTimeout(2500);
    assert.equal(await notes.inputValue(), 'Termin am Montag', 'what was typed stays');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-notes', 'focus stays in the field');
    assert.equal(asked.length, 1, `one request for the form: ${asked.join(', ')}`);
    // "Mehr laden"-like buttons and the save itself are covered the same way: the next tap after
    // the answer goes out again.
    await page.unroute(/\/(edit|new)(\?|$)/, slow);
    await page
      .getByRole('button', { name: 'Abbrechen' })
      .or(page.getByRole('link', { name: 'Abbrechen' }))
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwerfen' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen').waitFor();
    assert.deepEqual(browser.errors, []);
  });

  test('a save still on its way after a second is said to screen readers as the button shows it, then its answer', async () => {
    const { page } = browser;
    const company = `Langsam ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company });
    const slow = async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    };
    await page.route(/\/contacts$/, slow);
    const said = await recordAnnouncements(page);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent.includes('gespeichert'));
    await page.unroute(/\/contacts$/, slow);
    assert.deepEqual(said, ['Speichern …', `„${company}“ wurde gespeichert.`]);
    assert.deepEqual(browser.errors, []);
  });

  test('while a delete is on its way, "Bearbeiten" sends nothing: the answer is the delete with its undo', async () => {
    const { page } = browser;
    const company = `Weg ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    const asked = [];
    const slow = async (route) => {
      asked.push(`${route.request().method()} ${new URL(route.request().url()).pathname}`);
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    };
    await page.route(/\/contacts\/[^/]+\/(delete|edit)(\?|$)/, slow);
    await page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await page.waitForTimeout(300);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('button', { name: 'Rückgängig' }).waitFor();
    await page.waitForTimeout(1000);
    await page.unroute(/\/contacts\/[^/]+\/(delete|edit)(\?|$)/, slow);
    assert.deepEqual(
      asked.map((line) => line.replace(/\/assets\/.*\/contacts\/[^/]+\//, '')),
      ['POST delete'],
      asked.join(', '),
    );
    assert.ok(await page.getByRole('button', { name: 'Rückgängig' }).isVisible(), 'the undo stays');
    assert.deepEqual(browser.errors, []);
  });

  test('an upload on its way shows the loading bar and takes no second tap (each one started it anew)', async () => {
    const { page } = browser;
    const tag = `Upload ${unique()}`;
    await page.goto(`${listPath(BOOK)}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'zwei.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from([1, 2].map((n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${tag} ${n}\r\nORG:${tag} ${n}\r\nEND:VCARD\r\n`).join('')),
    });
    const uploads = [];
    const slow = async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      uploads.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    };
    await page.route(/\/import$/, slow);
    // While the upload is on its way (the page itself is gone once the answer comes): what the
    // loading bar shows, then a second tap, from inside the page.
    await page.evaluate(() => {
      document.addEventListener(
        'submit',
        () => {
          setTimeout(() => {
            sessionStorage.setItem('bar', getComputedStyle(document.body, '::before').content);
            document.querySelector('form.stack button[type=submit]')?.click();
          }, 100);
        },
        { once: true },
      );
    });
    await page.getByRole('button', { name: 'Datei prüfen' }).click({ noWaitAfter: true });
    await page.getByRole('heading', { level: 1, name: '2 Kontakte in der Datei' }).waitFor();
    const bar = await page.evaluate(() => sessionStorage.getItem('bar'));
    await page.unroute(/\/import$/, slow);
    assert.notEqual(bar, 'none', 'the loading bar runs');
    assert.equal(uploads.length, 1, 'sent once');
    // Back on the upload page (the back/forward cache), the form takes a tap again.
    await page.goBack();
    assert.equal(await page.locator('form.htmx-request').count(), 0);
    assert.deepEqual(browser.errors, []);
  });
});

describe('the way back on a phone (360×800)', () => {
  const browser = browserForSuite('selin', PHONE);

  test('Back from a card opened far down the list returns to that row, with focus on it, not to the top', async () => {
    const { page } = browser;
    const tag = unique();
    await page.goto(listPath(BOOK));
    await addCompanies(page, `Zurück ${tag}`, 25, BOOK);
    await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(`Zurück ${tag}`)}`);
    const link = page.getByRole('link', { name: `Zurück ${tag} 20`, exact: true });
    await link.focus();
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 500, `scrolled down to the row: ${before}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Zurück ${tag} 20`, exact: true }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'A');
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) < 5, `back at the row: ${after} against ${before}`);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), `Zurück ${tag} 20`);
    assert.deepEqual(browser.errors, []);
  });
});

describe('the list arriving slowly on a phone (360×800)', () => {
  // Anna's book: the demo contacts and more.
  const browser = browserForSuite('anna', PHONE);

  test('the export block, last on a phone but first in the page, is not drawn before the page is whole (no layout shift)', async () => {
    const { page } = browser;
    const list = listPath();
    await page.goto(list);
    const html = await (await page.request.get(list)).text();
    const cut = html.indexOf('<form role="search"');
    assert.ok(cut > html.indexOf('class="export"'), 'the export block comes first in the page');
    // The page as far as a slow network has brought it: up to the search, rows and live region.
    await page.route(list, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html.slice(0, cut) }));
    await page.goto(list);
    assert.equal(await page.locator('.export').evaluate((el) => getComputedStyle(el).visibility), 'hidden');
    await page.unroute(list);
    await page.goto(list);
    assert.equal(await page.locator('.export').evaluate((el) => getComputedStyle(el).visibility), 'visible');
    // And measured: a slow 3G network (400 ms, 50 KB/s), three loads, no shift a buyer would see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 50_000,
      uploadThroughput: 20_000,
    });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const shifts = [];
    for (let load = 0; load < 3; load += 1) {
      await page.goto(list, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      shifts.push(await page.evaluate(() => window.__shift));
    }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.ok(
      shifts.every((shift) => shift < 0.1),
      `layout shift per load: ${shifts.map((shift) => shift.toFixed(3)).join(', ')}`,
    );
  });
});
