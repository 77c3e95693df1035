// Issue 15: the list is scannable on a phone, and a failed request says so (with a safe resend).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addCompanies,
  assertNoAxeViolations,
  browserForSuite,
  fillContact,
  listPath,
  recordAnnouncements,
  unique,
  withBrowser,
} from './helpers.mjs';

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

  test('input too long for one request (413): the form stays with everything typed, the reason above it', async () => {
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
    await fillContact(page, { company: `Offlinesuche ${tag} Müller`, phone: '089 4455 66' });
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
    // Another day of that month is no match, though its digit is in the row's number 089 4455 66
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

test('offline in English: a month in words finds the date the row shows in words, and another day is no match though its digit is in the number (buyer review, stop 60)', async () => {
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

describe('the form on a desktop', () => {
  const browser = browserForSuite('anna', { viewport: { width: 1280, height: 900 } });

  test('fields side by side share their lines: with and without a hint, with and without an error', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { position: 'Küchenbauer', phone: '089 12', email: 'info@kuechen' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte korrigieren Sie 2 Eingaben.').first().waitFor();
    const top = async (label) => (await page.getByLabel(label, { exact: true }).boundingBox()).y;
    // Position has a hint, Unternehmen an error; Telefonnummer a hint; E-Mail an error, Webseite a hint.
    for (const [left, right] of [
      ['Position / Rolle', 'Unternehmen'],
      ['Telefonnummer', 'Mobilnummer'],
      ['E-Mail-Adresse', 'Webseite des Unternehmens'],
    ])
      assert.equal(await top(left), await top(right), `${left} and ${right} on one line`);
  });

  test('an e-mail address with an umlaut in its domain is saved and shown as typed, and found by the umlaut', async () => {
    const { page } = browser;
    const tag = unique();
    const email = `info-${tag}@müller-fliesen.de`;
    await page.goto(`${listPath()}/new`);
    // The company does not say "Müller": only the address can be found by it.
    await fillContact(page, { company: `Fliesenleger ${tag}`, email });
    // The mobile keyboard for addresses, and no capital letter or correction put in by the phone.
    const field = page.getByLabel('E-Mail-Adresse', { exact: true });
    assert.equal(await field.getAttribute('inputmode'), 'email');
    assert.equal(await field.getAttribute('autocapitalize'), 'none');
    assert.equal(await field.getAttribute('spellcheck'), 'false');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // Chromium turns the domain of an <input type="email"> into punycode (xn--mller-fliesen-…).
    await page.getByRole('link', { name: email, exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: email, exact: true }).getAttribute('href'), `mailto:${email}`);
    await page.goto(`${listPath()}?q=${encodeURIComponent(`müller ${tag}`)}`);
    await page.getByRole('link', { name: `Fliesenleger ${tag}`, exact: true }).waitFor();
    assert.deepEqual(browser.errors, []);
  });

  test('a date the browser cannot read is said beside its field, nothing is sent; corrected, it is saved', async () => {
    const { page } = browser;
    const name = `Datum ${unique()}`;
    await page.goto(`${listPath()}/new`);
    // The test before left its form with errors: its input comes back as a draft; not wanted here.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillContact(page, { company: name });
    // Only the day typed: the browser sends an empty value for it (badInput), which dropped the end.
    const end = page.getByLabel('Gewährleistung bis', { exact: true });
    await end.focus();
    await page.keyboard.type('15');
    assert.equal(await end.evaluate((input) => input.validity.badInput), true, 'the browser holds a date it cannot read');
    let posts = 0;
    const counting = (request) => {
      if (request.method() === 'POST') posts += 1;
    };
    page.on('request', counting);
    await page.getByRole('button', { name: 'Speichern' }).click();
    const error = page.locator('#f-warranty_until-error');
    await error.waitFor();
    assert.equal(
      await error.textContent(),
      'Dieses Datum gibt es nicht, oder es ist unvollständig. Bitte prüfen Sie Tag, Monat und Jahr, z. B. 12.03.2027.',
    );
    assert.equal(posts, 0, 'nothing sent');
    page.off('request', counting);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-warranty_until', 'focus on the field');
    assert.equal(await end.getAttribute('aria-invalid'), 'true');
    assert.match((await end.getAttribute('aria-describedby')) ?? '', /(^| )f-warranty_until-error$/);
    // Sent again from the field itself (Enter): focus moves nowhere, so the error is said.
    const said = await recordAnnouncements(page);
    page.on('request', counting);
    await end.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent);
    page.off('request', counting);
    assert.deepEqual(said, [
      'Dieses Datum gibt es nicht, oder es ist unvollständig. Bitte prüfen Sie Tag, Monat und Jahr, z. B. 12.03.2027.',
    ]);
    assert.equal(posts, 0, 'nothing sent');
    // Corrected: saved with the end.
    await end.fill('2030-03-12');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(await page.locator('main').getByText('12.03.2030').first().isVisible());
    assert.deepEqual(browser.errors, []);
  });

  test('a year of two digits typed into a date field is read as 2027 (or 1995) when the field is left or its form sent (walkthrough, stop 65)', async () => {
    const { page } = browser;
    const name = `Jahr ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillContact(page, { company: name });
    const accepted = page.getByLabel('Abnahme am', { exact: true });
    await accepted.focus();
    // Day and month the same, so the field's order (its locale's) does not matter.
    await page.keyboard.type('121227');
    assert.equal(await accepted.inputValue(), '0027-12-12', 'the browser holds the year 27');
    // Left for the next field (Tab first reaches the field's own calendar button).
    await page.getByLabel('Frist ab Abnahme', { exact: true }).focus();
    assert.equal(await accepted.inputValue(), '2027-12-12');
    // The period's end follows the year as read.
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('2');
    assert.equal(await page.locator('#f-warranty_years-end').textContent(), 'Gewährleistung bis 12.12.2029');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('');
    await accepted.fill('');
    // "95" is 1995; the end sent straight from its field (Enter, never left) is read so too.
    await accepted.focus();
    await page.keyboard.type('010195');
    const end = page.getByLabel('Gewährleistung bis', { exact: true });
    await end.focus();
    assert.equal(await accepted.inputValue(), '1995-01-01');
    await page.keyboard.type('030330');
    assert.equal(await end.inputValue(), '0030-03-03');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    const main = page.locator('main');
    assert.ok(await main.getByText('03.03.2030').first().isVisible());
    assert.ok(await main.getByText('01.01.1995').first().isVisible());
    assert.deepEqual(browser.errors, []);
  });

  test('an acceptance more than a year ahead is asked about under its field, and saved as typed (walkthrough, stop 65)', async () => {
    const { page } = browser;
    const name = `Zukunft ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillContact(page, { company: name });
    const accepted = page.getByLabel('Abnahme am', { exact: true });
    const hint = page.locator('#f-accepted_on-ahead');
    const year = new Date().getFullYear();
    const said = await recordAnnouncements(page);
    await accepted.fill(`${year + 3}-05-10`);
    assert.equal(await hint.textContent(), 'Die Abnahme liegt mehr als ein Jahr in der Zukunft. Stimmt das Jahr?');
    assert.match((await accepted.getAttribute('aria-describedby')) ?? '', /(^| )f-accepted_on-ahead$/);
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.startsWith('Die Abnahme'));
    // Said last (after the end's hint, here that there is none without a period).
    assert.equal(said.at(-1), 'Die Abnahme liegt mehr als ein Jahr in der Zukunft. Stimmt das Jahr?');
    // Within a year (or past) nothing is asked.
    await accepted.fill(`${year - 1}-05-10`);
    assert.equal(await hint.count(), 0);
    assert.doesNotMatch((await accepted.getAttribute('aria-describedby')) ?? '', /ahead/);
    // Nothing refused: a planned acceptance years ahead is saved.
    await accepted.fill(`${year + 3}-05-10`);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(
      await page
        .locator('main')
        .getByText(`10.05.${year + 3}`)
        .first()
        .isVisible(),
    );
    assert.deepEqual(browser.errors, []);
  });

  test('the end a period gives stands under it and follows the acceptance, the period and a typed end; the edit form shows it again', async () => {
    const { page } = browser;
    const name = `Frist ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    const end = page.locator('#f-warranty_years-end');
    assert.equal(await end.isVisible(), false, 'no end before there is one');
    await fillContact(page, { company: name });
    await page.getByLabel('Abnahme am', { exact: true }).fill('2024-02-29');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('5');
    // BGB § 188 as the server counts: 29.02.2024 + 5 years is the last day of February 2029.
    assert.equal(await end.textContent(), 'Gewährleistung bis 28.02.2029');
    assert.ok(await end.isVisible());
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('4');
    assert.equal(await end.textContent(), 'Gewährleistung bis 29.02.2028', '2028 has a 29 February');
    // An end after 2100 is none the server takes (it says so beside the acceptance): none shown.
    await page.getByLabel('Abnahme am', { exact: true }).fill('2098-06-01');
    assert.equal(await end.isVisible(), false, 'no end after 2100');
    await page.getByLabel('Abnahme am', { exact: true }).fill('2023-05-10');
    assert.equal(await end.textContent(), 'Gewährleistung bis 10.05.2027');
    // A typed end wins, and one that differs from the period's says so under the period (buyer
    // review: the period was dropped without a word); one that is the period's end says nothing.
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('2027-12-31');
    assert.equal(await end.textContent(), 'Die Frist ergäbe 10.05.2027; es gilt das eingetragene Ende.');
    assert.ok(await end.isVisible());
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('2027-05-10');
    assert.equal(await end.isVisible(), false);
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('');
    assert.equal(await end.textContent(), 'Gewährleistung bis 10.05.2027');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(await page.locator('main').getByText('10.05.2027', { exact: true }).first().isVisible());
    // The edit form: the period chosen, the end field empty (computed again), the end under it.
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten` }).waitFor();
    assert.equal(await page.getByLabel('Frist ab Abnahme', { exact: true }).inputValue(), '4');
    assert.equal(await end.textContent(), 'Gewährleistung bis 10.05.2027');
    assert.ok(await end.isVisible());
    assert.deepEqual(browser.errors, []);
  });

  test('a pasted "mailto:" or "tel:" link address becomes the address or number alone (buyer review)', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/new`);
    const paste = (selector, text) =>
      page.locator(selector).evaluate((field, pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        field.focus();
        field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    await paste('#f-email', ' mailto:Info@Fliesen-Meier.de?subject=Angebot%20Bad ');
    assert.equal(await page.locator('#f-email').inputValue(), 'Info@Fliesen-Meier.de');
    await paste('#f-phone', 'tel:+49%2089%20123456');
    assert.equal(await page.locator('#f-phone').inputValue(), '+49 89 123456');
    // Pasted into what is there, at the caret: only the scheme goes.
    await page.locator('#f-mobile').fill('0171 ');
    await paste('#f-mobile', 'TEL:2345678');
    assert.equal(await page.locator('#f-mobile').inputValue(), '0171 2345678');
    // Anything else is left to the browser (whose own paste a synthetic event does not make).
    await page.locator('#f-company').fill('');
    await paste('#f-company', 'mailto:GmbH');
    assert.equal(await page.locator('#f-company').inputValue(), '');
    await fillContact(page, { company: `Eingefügt ${unique()}` });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('link', { name: 'Info@Fliesen-Meier.de' }).waitFor();
    assert.deepEqual(browser.errors, []);
  });

  test('clearing the only end of a warranty whose period is not kept says that no end is left (buyer review)', async () => {
    const { page } = browser;
    const name = `Ohne Ende ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillContact(page, { company: name });
    await page.getByLabel('Abnahme am', { exact: true }).fill('2023-01-15');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('4');
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('2027-06-30');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten` }).waitFor();
    // The typed end is stored, the period beside it is not: "Keine Frist".
    assert.equal(await page.getByLabel('Frist ab Abnahme', { exact: true }).inputValue(), '');
    const end = page.locator('#f-warranty_years-end');
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('');
    assert.equal(await end.textContent(), 'Ohne Frist und ohne „Gewährleistung bis“ hat dieser Kontakt kein Ende der Gewährleistung.');
    assert.ok(await end.isVisible());
    // Read out (the page's live region), not only shown.
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent.startsWith('Ohne Frist und ohne'));
    // A period chosen again gives the end again.
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('4');
    assert.equal(await end.textContent(), 'Gewährleistung bis 15.01.2027');
    assert.deepEqual(browser.errors, []);
  });

  test('a period without an acceptance date says before saving that it counts from the acceptance (walkthrough, stop 65)', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/new`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillContact(page, { company: `Ohne Abnahme ${unique()}` });
    const end = page.locator('#f-warranty_years-end');
    const noStart =
      'Die Frist zählt ab der Abnahme: Bitte geben Sie das Datum an oder das Ende der Gewährleistung, oder wählen Sie „Keine Frist“.';
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('5');
    assert.equal(await end.textContent(), noStart);
    assert.ok(await end.isVisible());
    await page.waitForFunction((text) => document.getElementById('announcer')?.textContent === text, noStart);
    // An acceptance gives the end; cleared again, the same words.
    await page.getByLabel('Abnahme am', { exact: true }).fill('2024-03-12');
    assert.equal(await end.textContent(), 'Gewährleistung bis 12.03.2029');
    await page.getByLabel('Abnahme am', { exact: true }).fill('');
    assert.equal(await end.textContent(), noStart);
    // A typed end needs no acceptance; "Keine Frist" none either.
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('2029-03-12');
    assert.equal(await end.isVisible(), false);
    await page.getByLabel('Gewährleistung bis', { exact: true }).fill('');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('');
    assert.equal(await end.isVisible(), false);
    // Saved so, the page says it beside the acceptance date, and the hint does not say it twice.
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('#f-accepted_on-error').waitFor();
    assert.equal(await page.locator('#f-accepted_on-error').textContent(), noStart);
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('4');
    assert.equal(await end.isVisible(), false);
    assert.deepEqual(browser.errors, []);
  });

  test('"Mit meinen Eingaben wiederherstellen" (a button with a request of its own) sends no date it cannot read either', async () => {
    const { page } = browser;
    const company = `Zurückholen ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await fillContact(page, { company });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    const card = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Telefonnummer', { exact: true }).waitFor();
    // Jonas deletes it meanwhile; Anna's save offers to bring it back with her input.
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(card);
      await other.evaluate(
        async (action) => fetch(action, { method: 'POST', body: new URLSearchParams({ version: '1' }) }),
        `${card}/delete`,
      );
    });
    await page.getByLabel('Telefonnummer', { exact: true }).fill('089 7654321');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const revive = page.getByRole('button', { name: 'Mit meinen Eingaben wiederherstellen' });
    await revive.waitFor();
    const end = page.getByLabel('Gewährleistung bis', { exact: true });
    await end.focus();
    await page.keyboard.type('15');
    let posts = 0;
    const counting = (request) => {
      if (request.method() === 'POST') posts += 1;
    };
    page.on('request', counting);
    await revive.click();
    await page.locator('#f-warranty_until-error').waitFor();
    await page.waitForTimeout(300);
    page.off('request', counting);
    assert.equal(posts, 0, 'nothing sent');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-warranty_until');
    await end.fill('2030-03-12');
    await revive.click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    assert.ok(await page.locator('main').getByText('12.03.2030').first().isVisible(), 'back, with the end');
    assert.deepEqual(browser.errors, []);
  });
});

describe('a new contact the book already has (buyer review: co-buyers entered the same firm twice)', () => {
  test('its number, e-mail address or name says where it stands already, with a link; an edit and another firm say nothing', async () => {
    const tag = unique();
    const firm = `Elektro Maier ${tag} GmbH`;
    let card = '';
    // Anna saved the firm yesterday; Jonas, on his phone, starts to add it again.
    await withBrowser('anna', async ({ page }) => {
      await page.goto(`${listPath()}/new`);
      await fillContact(page, { company: firm, phone: '089 4711 0815', email: `info@maier-${tag}.de` });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: firm }).waitFor();
      card = new URL(page.url()).pathname;
    });
    await withBrowser(
      'jonas',
      async ({ page, errors }) => {
        await page.goto(`${listPath()}/new`);
        const said = await recordAnnouncements(page);
        const requests = [];
        let answered = 0;
        page.on('request', (request) => requests.push(request.url()));
        const done = (request) => {
          if (request.url().includes('.vcf?q=')) answered += 1;
        };
        page.on('requestfinished', done);
        page.on('requestfailed', done);
        const asked = () => requests.filter((url) => url.includes('.vcf?q='));
        // The name without its legal form, as Jonas types it.
        await page.getByLabel('Unternehmen', { exact: true }).fill(`Elektro Maier ${tag}`);
        await page.getByLabel('Telefonnummer', { exact: true }).focus();
        const byName = page.locator('#f-company-twin');
        await byName.waitFor();
        assert.equal(await byName.innerText(), `Schon bei Ihren Kontakten: „${firm}“.`);
        assert.equal(new URL(await byName.getByRole('link').getAttribute('href'), 'http://x').pathname, card);
        assert.match(await page.getByLabel('Unternehmen', { exact: true }).getAttribute('aria-describedby'), /f-company-twin/);
        await page.waitForFunction(() => document.getElementById('announcer')?.textContent.startsWith('Schon bei Ihren Kontakten'));
        // The number in another spelling: compared by its digits.
        await page.getByLabel('Telefonnummer', { exact: true }).fill('+49 (0)89 47110815');
        await page.getByLabel('Mobilnummer', { exact: true }).focus();
        await page.locator('#f-phone-twin').waitFor();
        assert.equal(await page.locator('#f-phone-twin').innerText(), `Diese Nummer steht schon bei „${firm}“.`);
        // The address in capitals.
        await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(`INFO@Maier-${tag}.de`);
        await page.getByLabel('Webseite des Unternehmens', { exact: true }).focus();
        await page.locator('#f-email-twin').waitFor();
        assert.equal(await page.locator('#f-email-twin').innerText(), `Diese E-Mail-Adresse steht schon bei „${firm}“.`);
        // A number that only contains the firm's, and another firm: nothing is said, what was said goes.
        await page.getByLabel('Telefonnummer', { exact: true }).fill('089 4711 08159');
        await page.getByLabel('Unternehmen', { exact: true }).fill(`Elektro Huber ${tag}`);
        await page.getByLabel('Mobilnummer', { exact: true }).focus();
        await page.waitForFunction(() => !document.getElementById('f-phone-twin') && !document.getElementById('f-company-twin'));
        for (let wait = 0; answered < asked().length; wait += 1) {
          assert.ok(wait < 100, `${answered} of ${asked().length} answered`);
          await page.waitForTimeout(50);
        }
        await page.waitForTimeout(100);
        assert.equal(await page.locator('.twin').count(), 1, 'only the e-mail address is still in the book');
        assert.equal(await page.getByLabel('Unternehmen', { exact: true }).getAttribute('aria-describedby'), null);
        // The question went to the export of a search, never to the list (whose way back it would move).
        assert.ok(asked().length >= 4, asked().join('\n'));
        assert.equal(requests.filter((url) => /\/contacts\?/.test(url)).length, 0);
        assert.ok(
          said.some((text) => text.startsWith('Diese Nummer steht schon bei')),
          said.join(' | '),
        );
        // The link opens the contact; the way back brings the form with what was typed.
        await page.locator('#f-email-twin').getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: firm }).waitFor();
        await page.goBack();
        await page.getByLabel('E-Mail-Adresse', { exact: true }).waitFor();
        assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), `Elektro Huber ${tag}`);
        // An edit of the contact itself says nothing about it.
        await page.goto(`${card}/edit`);
        await page.getByLabel('Telefonnummer', { exact: true }).fill('089 4711 0815 ');
        await page.getByLabel('Mobilnummer', { exact: true }).focus();
        await page.waitForTimeout(500);
        assert.equal(await page.locator('.twin').count(), 0);
        assert.deepEqual(errors, []);
      },
      { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true },
    );
  });

  // Buyer review: typed anew while the old one, with its notes and history, waited under "Zuletzt gelöscht".
  test('a contact deleted within 30 days is said as restorable, with a link to it under "Zuletzt gelöscht"', async () => {
    const tag = unique();
    const firm = `Malerei Sturm ${tag} GmbH`;
    const number = `0171 ${String(Date.now()).slice(-7)}`;
    await withBrowser('anna', async ({ page, errors }) => {
      await page.goto(`${listPath()}/new`);
      await fillContact(page, { company: firm, mobile: number });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: firm }).waitFor();
      const id = new URL(page.url()).pathname.split('/').pop();
      await page.getByRole('button', { name: 'Löschen', exact: true }).click();
      await page.locator('main').getByText(`„${firm}“ wurde gelöscht.`).waitFor();
      await page.goto(`${listPath()}/new`);
      await page.getByLabel('Unternehmen', { exact: true }).fill(`Malerei Sturm ${tag}`);
      await page.getByLabel('Mobilnummer', { exact: true }).focus();
      const byName = page.locator('#f-company-twin');
      await byName.waitFor();
      assert.equal(await byName.textContent(), `Gelöscht, aber unter „Zuletzt gelöscht“ wiederherstellbar: „${firm}“.`);
      const href = new URL(await byName.getByRole('link').getAttribute('href'), 'http://x');
      assert.equal(href.pathname + href.hash, `${listPath()}/deleted#c-${id}`);
      await page.getByLabel('Mobilnummer', { exact: true }).fill(number.replace(' ', ''));
      await page.getByLabel('E-Mail-Adresse', { exact: true }).focus();
      await page.locator('#f-mobile-twin').waitFor();
      assert.equal(
        await page.locator('#f-mobile-twin').textContent(),
        `Gelöscht, aber unter „Zuletzt gelöscht“ wiederherstellbar: „${firm}“.`,
      );
      // The link leads to it, where one tap brings it back.
      await byName.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Zuletzt gelöscht' }).waitFor();
      await page.getByRole('button', { name: `Wiederherstellen ${firm}` }).click();
      await page.locator('main').getByText(`„${firm}“ ist wiederhergestellt.`).waitFor();
      assert.deepEqual(errors, []);
    });
  });

  // Code review: what the search finds but is not the same contact, a slow answer, the contact the form made.
  test('what the search finds is compared: part of a number or word, a colleague at the firm, a first name alone say nothing', async () => {
    const tag = unique();
    await withBrowser('anna', async ({ page }) => {
      await page.goto(`${listPath()}/new`);
      await fillContact(page, {
        company: `Elektro Maierhofer${tag}`,
        first_name: 'Hans',
        last_name: `Huber${tag}`,
        phone: '089 5511 2233',
      });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: `Hans Huber${tag}` }).waitFor();
      await page.goto(`${listPath()}/new`);
      const asked = [];
      page.on('response', (response) => {
        if (response.url().includes('.vcf?q=')) asked.push(response.status());
      });
      const leave = async (label, value) => {
        const before = asked.length;
        await page.getByLabel(label, { exact: true }).fill(value);
        await page.getByLabel('Notizen', { exact: true }).focus();
        for (let wait = 0; asked.length === before; wait += 1) {
          assert.ok(wait < 100, `no question for ${label}`);
          await page.waitForTimeout(50);
        }
        await page.waitForTimeout(150);
      };
      // The server finds each of these (a number inside the stored one, a word's start, the firm
      // of another person), and none is this contact.
      await leave('Telefonnummer', '089 5511 22');
      await leave('Unternehmen', `Elektro Maierhofer${tag.slice(0, -2)}`);
      assert.deepEqual(asked, [200, 200], 'the server found them');
      assert.equal(await page.locator('.twin').count(), 0, (await page.locator('.twin').allInnerTexts()).join());
      // A new colleague at that firm: asked about as a person, not as the firm.
      await page.getByLabel('Unternehmen', { exact: true }).fill(`Elektro Maierhofer${tag}`);
      await leave('Nachname', `Schulz${tag}`);
      await leave('Vorname', 'Eva');
      assert.equal(await page.locator('.twin').count(), 0, (await page.locator('.twin').allInnerTexts()).join());
      // Hans himself is.
      await leave('Vorname', 'Hans');
      await leave('Nachname', `Huber${tag}`);
      assert.equal(await page.locator('#f-last_name-twin').innerText(), `Schon bei Ihren Kontakten: „Hans Huber${tag}“.`);
      // A new firm named like a person in the book is not that person (second code review).
      // (The form kept as a draft brings Hans back: his names go first.)
      await page.getByLabel('Vorname', { exact: true }).fill('');
      await page.getByLabel('Nachname', { exact: true }).fill('');
      await leave('Unternehmen', `Huber${tag} GmbH`);
      assert.equal(asked.at(-1), 200, 'the server found Hans Huber');
      assert.equal(await page.locator('.twin').count(), 0, (await page.locator('.twin').allInnerTexts()).join());
      // A first name alone asks nothing (it is in many other contacts).
      await page.getByLabel('Unternehmen', { exact: true }).fill('');
      await page.getByLabel('Notizen', { exact: true }).focus();
      await page.waitForTimeout(300);
      const before = asked.length;
      await page.getByLabel('Vorname', { exact: true }).fill('Hans');
      await page.getByLabel('Notizen', { exact: true }).focus();
      await page.waitForTimeout(800);
      assert.equal(asked.length, before, 'no question');
      assert.equal(await page.locator('.twin').count(), 0);
    });
  });

  test('a slow answer for a name since emptied says nothing; a firm spelled without its special letters is found', async () => {
    const tag = unique();
    await withBrowser('anna', async ({ page }) => {
      await page.goto(`${listPath()}/new`);
      await fillContact(page, { company: `Yıldız Bau ${tag} GmbH` });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: `Yıldız Bau ${tag} GmbH` }).waitFor();
      await page.goto(`${listPath()}/new`);
      await page.route('**/contacts.vcf?q=*', async (route) => {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.fulfill({ response });
      });
      const company = page.getByLabel('Unternehmen', { exact: true });
      await company.fill(`Yildiz Bau ${tag}`);
      await page.getByLabel('Vorname', { exact: true }).focus();
      await company.fill('');
      await page.getByLabel('Vorname', { exact: true }).focus();
      await page.waitForTimeout(2500);
      assert.equal(await page.locator('.twin').count(), 0, (await page.locator('.twin').allInnerTexts()).join());
      await company.fill(`Yildiz Bau ${tag}`);
      await page.getByLabel('Vorname', { exact: true }).focus();
      await page.locator('#f-company-twin').waitFor();
      assert.equal(await page.locator('#f-company-twin').innerText(), `Schon bei Ihren Kontakten: „Yıldız Bau ${tag} GmbH“.`);
    });
  });

  test('a number four contacts share names two and links "2 weiteren" to the search for it', async () => {
    const tag = unique();
    const number = `0171 ${String(Date.now()).slice(-7)}`;
    await withBrowser('anna', async ({ page }) => {
      await page.goto(listPath());
      await page.evaluate(
        async ({ action, tag, number }) => {
          for (const firm of ['Alpha', 'Beta', 'Gamma', 'Delta']) {
            const body = new URLSearchParams({ form_token: `${firm}-${Math.random()}`, company: `${firm} ${tag}`, mobile: number });
            const response = await fetch(action, { method: 'POST', body, redirect: 'manual' });
            if (response.type !== 'opaqueredirect') throw new Error(`create ${firm}: ${response.status}`);
          }
        },
        { action: listPath(), tag, number },
      );
      await page.goto(`${listPath()}/new`);
      await page.getByLabel('Mobilnummer', { exact: true }).fill(number.replace(' ', ''));
      await page.getByLabel('E-Mail-Adresse', { exact: true }).focus();
      const said = page.locator('#f-mobile-twin');
      await said.waitFor();
      assert.equal(await said.innerText(), `Diese Nummer steht schon bei „Alpha ${tag}“, „Beta ${tag}“ und 2 weiteren.`);
      const all = said.getByRole('link', { name: '2 weiteren' });
      assert.equal(new URL(await all.getAttribute('href'), 'http://x').searchParams.get('q'), number.replace(' ', ''));
      await all.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
      assert.equal(await page.locator('li.contact').count(), 4);
    });
  });

  test('in English', async () => {
    const tag = unique();
    const firm = `Pool Blau ${tag}`;
    await withBrowser(
      'anna',
      async ({ page }) => {
        await page.goto(`${listPath()}/new`);
        await page.getByLabel('Company', { exact: true }).fill(firm);
        await page.getByLabel('Mobile number', { exact: true }).fill('0171 555 77 88');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByRole('heading', { level: 1, name: firm }).waitFor();
        await page.goto(`${listPath()}/new`);
        await page.getByLabel('Phone number', { exact: true }).fill('0171 5557788');
        await page.getByLabel('Company', { exact: true }).fill(`Pool Blau ${tag} GmbH & Co. KG`);
        await page.getByLabel('Position / role', { exact: true }).focus();
        await page.locator('#f-phone-twin').waitFor();
        assert.equal(await page.locator('#f-phone-twin').innerText(), `This number is already saved for “${firm}”.`);
        await page.locator('#f-company-twin').waitFor();
        assert.equal(await page.locator('#f-company-twin').innerText(), `Already in your contacts: “${firm}”.`);
        // Its links are told from the text by more than their colour (axe: link-in-text-block).
        await assertNoAxeViolations(page, 'the new-contact form with both hints');
      },
      // bypassCSP: axe is injected as an inline script (the German test above runs under the CSP).
      { locale: 'en-GB', bypassCSP: true },
    );
  });
});

describe('the list on a desktop (1280×800)', () => {
  const browser = browserForSuite('selin', { viewport: { width: 1280, height: 800 } });

  test('a warranty badge sits under the name, never over it', async () => {
    const { page } = browser;
    const name = `Fliesen Breit ${unique()}`;
    // An end within the next six months: the list shows its badge.
    const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company: name, position: 'Fliesenleger', phone: '089 1', email: 'breit@example.de' });
    await page.locator('input[name="warranty_until"]').fill(soon);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(name)}`);
    const row = page.locator('li.contact', { hasText: name });
    const link = row.getByRole('link', { name, exact: true });
    const badge = row.locator('.wb');
    const [nameBox, badgeBox] = [await link.boundingBox(), await badge.boundingBox()];
    assert.ok(nameBox && badgeBox, 'both shown');
    assert.ok(badgeBox.y >= nameBox.y + nameBox.height - 1, `badge ${JSON.stringify(badgeBox)} under the name ${JSON.stringify(nameBox)}`);
    // What is on top at the name's centre is the name itself.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.textContent ?? '', {
      x: nameBox.x + 10,
      y: nameBox.y + nameBox.height / 2,
    });
    assert.equal(onTop, name);
    // On one line: "Gewährleistung endet am …" may use the position's column too.
    const lineHeight = await badge.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    assert.ok(badgeBox.height < 1.5 * lineHeight, `one line: ${badgeBox.height} px at a line height of ${lineHeight}`);
    // On a phone too: under the two buttons, on one line across the row (buyer review: beside
    // them it broke into two lines).
    await page.setViewportSize({ width: 360, height: 800 });
    const [phoneBadge, buttons] = [await badge.boundingBox(), await row.locator('.acts').boundingBox()];
    assert.ok(phoneBadge && buttons, 'both shown on a phone');
    assert.ok(phoneBadge.height < 1.5 * lineHeight, `one line on a phone: ${JSON.stringify(phoneBadge)}`);
    assert.ok(phoneBadge.y >= buttons.y + buttons.height - 1, `under the buttons: ${JSON.stringify({ phoneBadge, buttons })}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The card says it too, under the name.
    await link.click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.match((await page.locator('.bar .wb').textContent()) ?? '', /^Gewährleistung endet am \d\d\.\d\d\.\d{4}$/);
    assert.deepEqual(browser.errors, []);
  });

  test('a long number, firm and e-mail address are shown whole in their columns, never cut off (buyer review)', async () => {
    const { page } = browser;
    const name = `Sanitär und Heizung Haustechnik Breitbrunn am Ammersee ${unique()}`;
    const phone = '+49 (0) 8151 / 97 12 34-56';
    const email = `kundendienst.haustechnik.breitbrunn.${unique()}@example-sanitaer.de`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { first_name: 'Eva', last_name: 'Lang', company: name, position: 'Installateurin', phone, email });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eva Lang', exact: true }).waitFor();
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${listPath(BOOK)}?q=${encodeURIComponent(email)}`);
      const cells = await page.locator('li.contact', { hasText: 'Eva Lang' }).evaluate((row) =>
        ['.meta', '.tel', '.mail'].map((cell) => {
          const el = row.querySelector(cell);
          return { cell, text: el.textContent, cut: el.scrollWidth > el.clientWidth + 0.5 || el.scrollHeight > el.clientHeight + 0.5 };
        }),
      );
      assert.deepEqual(
        cells.map((cell) => [cell.text, cell.cut]),
        [
          [`Installateurin · ${name}`, false],
          [phone, false],
          [email, false],
        ],
        `${width} px: ${JSON.stringify(cells)}`,
      );
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(browser.errors, []);
  });

  test('"Kontakte aus einer Datei übernehmen" (and "Zuletzt gelöscht" beside it) comes before the list on a wide screen, on screen and by Tab', async () => {
    const { page } = browser;
    await page.goto(listPath(BOOK));
    const imports = page.getByRole('link', { name: 'Kontakte aus einer Datei übernehmen (.vcf)' });
    const firstRow = page.locator('li.contact').first();
    const [importBox, rowBox] = [await imports.boundingBox(), await firstRow.boundingBox()];
    assert.ok(importBox && rowBox && importBox.y < rowBox.y, 'above the first row');
    // Beside the help, in one line of text under the buttons: the search one line higher.
    const helpBox = await page.getByRole('link', { name: 'Wie kommen die Kontakte auf mein Handy?' }).boundingBox();
    assert.equal(Math.round(importBox.y), Math.round(helpBox.y), 'the import beside the help');
    assert.ok(importBox.x > helpBox.x + helpBox.width, 'right of it');
    // By keyboard: reached before the search field, not after every row.
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll('a[href], button, input, summary')];
      return [all.findIndex((el) => el.textContent === 'Kontakte aus einer Datei übernehmen (.vcf)'), all.findIndex((el) => el.id === 'q')];
    });
    assert.ok(order[0] >= 0 && order[0] < order[1], `import link before the search (${order})`);
    // The section letters stand in the names' column, where the column head "Name" stands.
    const lefts = await page.evaluate(() => {
      const textLeft = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.round(range.getBoundingClientRect().left);
      };
      return {
        letter: textLeft(document.querySelector('li.group h2')),
        head: textLeft(document.querySelector('li.head span')),
        name: textLeft(document.querySelector('li.contact a.name')),
      };
    });
    assert.deepEqual([lefts.letter, lefts.head], [lefts.name, lefts.name], JSON.stringify(lefts));
  });

  test("a German postcode's error spans PLZ and Ort on a wide screen and a phone, the fields staying in their columns (buyer review)", async () => {
    const { page } = browser;
    await page.goto(`${listPath(BOOK)}/new`);
    await page.locator('#f-company').fill('PLZ Fehler GmbH');
    await page.locator('#f-postal_code').fill('8033');
    await page.locator('#f-city').fill('München');
    await page.locator('.save-bar button.primary').click();
    await page.locator('#f-postal_code-error').waitFor();
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const boxes = await page.evaluate(() =>
        Object.fromEntries(
          ['.plz-ort', '#f-postal_code-error', '#f-postal_code', '#f-city', '#f-country'].map((selector) => {
            const { x, y, width, height } = document.querySelector(selector).getBoundingClientRect();
            return [selector, { x, y, width, height }];
          }),
        ),
      );
      const error = boxes['#f-postal_code-error'];
      const said = `${width} px: ${JSON.stringify(boxes)}`;
      // As wide as the row, in two lines at most (eight in the PLZ column at 360 px before).
      assert.ok(Math.abs(error.width - boxes['.plz-ort'].width) < 1, said);
      assert.ok(error.height < 60, said);
      assert.ok(boxes['#f-postal_code'].x + boxes['#f-postal_code'].width < boxes['#f-city'].x, `PLZ left of Ort: ${said}`);
      if (width > 800) assert.equal(boxes['#f-country'].y, boxes['#f-postal_code'].y, `Land beside them: ${said}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(browser.errors, []);
  });

  test('the form in columns: Titel, Vorname and Nachname in one row, the title narrow; "Notizen" said once', async () => {
    const { page } = browser;
    await page.goto(`${listPath(BOOK)}/new`);
    // Each field by its label (the labels head the fields; a hint may stand between label and input).
    const box = async (name) => {
      const found = await page.locator(`label[for="f-${name}"]`).boundingBox();
      assert.ok(found, `${name} shown`);
      return found;
    };
    const [position, company, title, first, last] = [
      await box('position'),
      await box('company'),
      await box('title'),
      await box('first_name'),
      await box('last_name'),
    ];
    assert.equal(company.y, position.y, 'Unternehmen beside Position');
    // Titel alone in its row left half of it empty (buyer review): the three names share it.
    assert.ok(title.y > position.y + position.height, 'Titel below Position');
    assert.equal(first.y, title.y, 'Vorname beside Titel');
    assert.equal(last.y, first.y, 'Nachname beside Vorname');
    assert.equal(title.x, position.x, 'Titel starts the row');
    const input = async (name) => page.locator(`#f-${name}`).boundingBox();
    const [titleInput, firstInput, lastInput, companyInput] = [
      await input('title'),
      await input('first_name'),
      await input('last_name'),
      await input('company'),
    ];
    assert.ok(firstInput.x > titleInput.x + titleInput.width, 'Vorname right of Titel');
    assert.ok(lastInput.x > firstInput.x + firstInput.width, 'Nachname right of Vorname');
    assert.ok(titleInput.width < firstInput.width / 1.5, 'Titel narrower');
    assert.ok(titleInput.width >= 140, `Titel wide enough for "Prof. Dr." (${titleInput.width} px)`);
    assert.equal(Math.round(firstInput.width), Math.round(lastInput.width));
    assert.equal(
      Math.round(lastInput.x + lastInput.width),
      Math.round(companyInput.x + companyInput.width),
      'the row ends where the one above does',
    );
    // The notes group's heading is the field's label: one "Notizen" on screen, and the field is named by it.
    assert.equal(await page.getByText('Notizen', { exact: true }).count(), 1);
    await page.getByText('Notizen', { exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-notes');
    assert.deepEqual(browser.errors, []);
  });
});
