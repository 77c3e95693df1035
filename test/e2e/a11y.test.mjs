// Issue 5 item 3: axe-core inside the page (WCAG 2.2 AA) on every view a buyer sees, and the
// whole flow with the keyboard alone, focus landing sensibly after each htmx swap.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoAxeViolations,
  assertNoReload,
  browserForSuite,
  fillContact,
  focused,
  listPath,
  login,
  markWindow,
  tabTo,
  tabToText,
  unique,
  waitForFocus,
  withBrowser,
} from './helpers.mjs';

describe('axe-core, WCAG 2.2 AA (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  // bypassCSP only here: axe is injected as an inline script, which the app's CSP forbids.
  const browser = browserForSuite('anna', { bypassCSP: true });

  test('the list', async () => {
    const { page } = browser;
    await page.goto(listPath());
    await assertNoAxeViolations(page, 'the list');
    await page.getByRole('link', { name: 'Wie kommen die Kontakte auf mein Handy?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie kommen die Kontakte auf mein Handy?' }).waitFor();
    await assertNoAxeViolations(page, 'the help page');
  });

  test('the warranty view in dark mode, with an ended and a near end', async () => {
    const { page } = browser;
    const tag = unique();
    const day = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    for (const [name, end] of [
      [`Vorbei ${tag}`, day(-10)],
      [`Bald ${tag}`, day(60)],
    ]) {
      await page.goto(`${listPath()}/new`);
      await fillContact(page, { company: name });
      await page.locator('input[name="warranty_until"]').fill(end);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await page.goto(`${listPath()}?view=warranty&q=${tag}`);
      await page.locator('.wb.ended').waitFor();
      // The ended badge was salmon on pink in dark mode (2:1): axe's colour contrast sees it.
      await assertNoAxeViolations(page, 'the warranty view in dark mode');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('the card with a notice (after saving), the list and search results, swapped in by htmx', async () => {
    const { page } = browser;
    const name = `Schreinerei Holz ${unique()}`;
    // From the list (the way back leads to the list this browser showed last: here the warranty view before).
    await page.goto(listPath());
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: name, position: 'Schreiner' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    await assertNoAxeViolations(page, 'the new card with the saved notice');
    await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
    await page.getByRole('searchbox').fill('schmidt');
    await page.locator('#results').getByText('1 Treffer für „schmidt“').waitFor();
    await assertNoAxeViolations(page, 'search results');
    await page.getByRole('searchbox').fill(`nichts-${unique()}`);
    await page
      .locator('#results')
      .getByText(/Keine Treffer für/)
      .waitFor();
    await assertNoAxeViolations(page, 'no search results');
  });

  test('the new-contact form, empty and with errors (page and htmx fragment)', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/new`);
    await assertNoAxeViolations(page, 'the empty form');
    await fillContact(page, { email: 'kaputt', website: 'ftp://x', phone: 'abc' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte korrigieren Sie 4 Eingaben.').first().waitFor();
    await assertNoAxeViolations(page, 'the form with errors (htmx swap)');
  });

  test('the detail view and the edit form', async () => {
    const { page } = browser;
    await page.goto(listPath());
    await page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Stefan Schmidt', exact: true }).waitFor();
    await assertNoAxeViolations(page, 'the detail view');
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stefan Schmidt bearbeiten', exact: true }).waitFor();
    await assertNoAxeViolations(page, 'the edit form');
  });

  test('the delete confirmation page (the no-JavaScript way)', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/demo-garten/delete`);
    await page.getByRole('heading', { level: 1, name: '„Lena Özdemir“ löschen?', exact: true }).waitFor();
    await assertNoAxeViolations(page, 'the delete confirmation');
  });

  test('the merge choice (a clash)', async () => {
    const { page } = browser;
    const name = `Konflikt Fliesen ${unique()}`;
    // A fresh form: the earlier test left the new-contact form with input, which would come back.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { company: name, phone: '030 111 222' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
    // Someone else saves in another tab meanwhile.
    const other = await browser.context.newPage();
    await other.goto(new URL(page.url()).pathname);
    await other.getByLabel('Telefonnummer', { exact: true }).fill('030 999 888');
    await other.getByLabel('Notizen', { exact: true }).fill('Fugenfarbe: grau\nSockelleisten: ja');
    await other.getByRole('button', { name: 'Speichern' }).click();
    await other.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await other.close();
    await fillContact(page, { phone: '030 444 555', notes: 'Fugenfarbe: anthrazit\nSockelleisten: ja' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: 'Bitte entscheiden Sie, welche Angabe gilt' }).waitFor();
    // The notes' differing lines marked (their contrast checked by axe below), the common one not.
    assert.deepEqual(await page.locator('.pick mark').allTextContents(), ['Nur hier: Fugenfarbe: anthrazit', 'Nur hier: Fugenfarbe: grau']);
    await assertNoAxeViolations(page, 'the merge choice (htmx swap)');
  });

  test('the empty state and the asset picker (Selin)', async () => {
    await withBrowser(
      'selin',
      async ({ page }) => {
        await assertNoAxeViolations(page, 'the asset picker');
        await page.goto(listPath('seeblick-whg-7'));
        await page.getByRole('heading', { name: 'Hier sind noch keine Kontakte' }).waitFor();
        await assertNoAxeViolations(page, 'the empty state');
      },
      { bypassCSP: true },
    );
  });

  test('"Seit Ihrem letzten Besuch" on the list and the page of changes it leads to, swapped in by htmx, focus on its heading', async () => {
    await withBrowser(
      'anna',
      async ({ page, context }) => {
        // Anna's last visit ended an hour ago (the list's cookie); Jonas has added a contact since.
        // (The cookie the list sets, whose: its times set back.)
        const hour = Date.now() - 3_600_000;
        await page.goto(listPath());
        const { hostname } = new URL(page.url());
        const seen = (await context.cookies()).find((cookie) => cookie.name === 'kontakte_seen');
        const who = seen?.value.split('.')[2];
        assert.ok(who, 'the list keeps the visit');
        await context.addCookies([
          { name: 'kontakte_seen', value: `${hour.toString(36)}.${hour.toString(36)}.${who}`, domain: hostname, path: listPath() },
        ]);
        const name = `Neu von Jonas ${unique()}`;
        await withBrowser('jonas', async ({ page: other }) => {
          await other.goto(`${listPath()}/new`);
          await fillContact(other, { company: name });
          await other.getByRole('button', { name: 'Speichern' }).click();
          await other.getByRole('heading', { level: 1, name, exact: true }).waitFor();
        });
        await page.goto(listPath());
        const since = page.locator('.since');
        await since.waitFor();
        // (Others may have changed more in this run's hour: what the notice says of them too.)
        assert.match(
          await since.innerText(),
          /^Seit Ihrem letzten Besuch ha(t|ben) .*Jonas Müller.* (einen Kontakt|[0-9.]+ Kontakte) hinzugefügt.*\. Änderungen ansehen$/,
        );
        await assertNoAxeViolations(page, 'the list with "Seit Ihrem letzten Besuch"');
        await since.getByRole('link', { name: 'Änderungen ansehen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Änderungen seit Ihrem letzten Besuch' }).waitFor();
        await waitForFocus(page, 'changes-title', 'after opening the changes');
        await page.getByRole('link', { name, exact: true }).waitFor();
        await page.getByText('Jonas Müller hat den Kontakt angelegt').first().waitFor();
        // Each contact's history link is named with the contact.
        await page.getByRole('link', { name: `Verlauf ${name}`, exact: true }).waitFor();
        await assertNoAxeViolations(page, 'the changes since the last visit');
      },
      { bypassCSP: true },
    );
  });

  test('the 403 page (Petra), the 401 page and the dev login', async () => {
    await withBrowser(
      null,
      async ({ page }) => {
        await page.goto(listPath());
        await assertNoAxeViolations(page, 'the 401 page');
        await page.goto('/dev/login');
        await assertNoAxeViolations(page, 'the dev login');
        await login(page, 'petra');
        await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
        await assertNoAxeViolations(page, 'the 403 page');
      },
      { bypassCSP: true },
    );
  });
});

describe('keyboard only', () => {
  const browser = browserForSuite('anna');

  test('skip link, add with an error and its fix, open, edit, delete and undo: Tab and Enter only', async () => {
    const { page } = browser;
    const tag = unique();
    // A leading digit files it under "#", first in the book: the undo below finds its row on the first page.
    const name = `1 Hausverwaltung Tast ${tag}`;
    await page.goto(listPath());
    await markWindow(page);

    // The first Tab reaches the skip link; it leads into the main content.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Zum Inhalt springen');
    assert.ok(await page.getByRole('link', { name: 'Zum Inhalt springen' }).isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'main', 'after the skip link');

    // Add.
    await tabToText(page, 'Neuen Kontakt hinzufügen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzufügen', exact: true }).waitFor();
    await waitForFocus(page, 'form-title', 'after opening the form');
    // The next Tab reaches the first field.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'f-position');
    await page.keyboard.type('Hausverwaltung');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'f-company', 'Tab order follows the visual order');
    // Submit with Enter from a field without a name: the 422 moves focus to the field to fix.
    await page.keyboard.press('Enter');
    await page.getByText('Bitte korrigieren Sie 1 Eingabe.').first().waitFor();
    await waitForFocus(page, 'f-company', 'after the 422');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    // After adding, its card opens with focus on the name.
    await waitForFocus(page, 'contact-title', 'after saving');

    // Edit and save with the submit button.
    await tabToText(page, 'Bearbeiten');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'form-title', 'after opening the edit form');
    await tabTo(page, 'Telefon', () => document.activeElement?.id === 'f-phone');
    await page.keyboard.type('+49 89 555 0000');
    await tabToText(page, 'Speichern');
    await page.keyboard.press('Enter');
    await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    await waitForFocus(page, 'contact-title', 'after saving the edit');
    assert.ok(await page.getByRole('link', { name: '+49 89 555 0000' }).isVisible());

    // Cancel an edit: back on the contact.
    await tabToText(page, 'Bearbeiten');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'form-title', 'after opening the edit form again');
    await tabToText(page, 'Abbrechen');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'contact-title', 'after cancelling');

    // Delete (the confirm dialog is accepted as a user would) and undo.
    page.once('dialog', (dialog) => dialog.accept());
    // With JS it deletes at once, so it is a button (a link to the confirmation page without JS): Space presses it.
    await tabToText(page, 'Löschen');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'button');
    await page.keyboard.press(' ');
    await page.locator('main').getByText(`„${name}“ wurde gelöscht.`).waitFor();
    await waitForFocus(page, 'book-title', 'after deleting');
    await tabToText(page, 'Rückgängig');
    await page.keyboard.press('Enter');
    await page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
    // Focus on the contact that is back (it went to the top of the page, far from it).
    await page.waitForFunction(
      (expected) => document.activeElement?.matches('li.contact a.name') && document.activeElement.textContent === expected,
      name,
      { timeout: 5_000 },
    );
    // On from the top of the page.
    await page.locator('#book-title').focus();

    // Search from the keyboard: focus stays in the field while results change.
    await tabTo(page, 'the search field', () => document.activeElement?.id === 'q');
    await page.keyboard.type(`tast ${tag}`);
    await page.locator('#results').getByText(`1 Treffer für „tast ${tag}“`).waitFor();
    assert.equal((await focused(page)).id, 'q');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Suchen');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Nach Position', 'then the choice of order');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Gewährleistung', 'and the warranty view');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, name, 'then the first result');
    await assertNoReload(page, 'the keyboard flow');
    assert.equal(browser.errors.length, 0, browser.errors.join('\n'));
  });

  test('Escape closes an open disclosure and puts focus back on its summary', async () => {
    const { page } = browser;
    await page.goto(listPath());
    await page.getByRole('link', { name: 'Stefan Schmidt', exact: true }).click();
    const summary = page.locator('details.qr summary');
    assert.equal(await summary.textContent(), 'QR-Code zeigen');
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('details.qr').getAttribute('open'), '');
    // Open, it says what it does next (UX review: it kept saying "zeigen").
    await page.waitForFunction(() => document.querySelector('details.qr summary')?.textContent === 'QR-Code ausblenden');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('details.qr').getAttribute('open'), null, 'closed');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY', 'focus on its summary');
    await page.waitForFunction(() => document.querySelector('details.qr summary')?.textContent === 'QR-Code zeigen');
  });

  test('on a phone Tab follows the order shown: search and rows first, the export after them, where it stands', async () => {
    const { page } = browser;
    const size = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(listPath());
      await page.locator('a.add').focus();
      const order = [];
      for (let i = 0; i < 400 && !order.includes('export'); i += 1) {
        await page.keyboard.press('Tab');
        order.push(
          await page.evaluate(() => {
            const el = document.activeElement;
            if (el?.id === 'q') return 'search';
            if (el?.closest('.contacts')) return 'row';
            if (el?.closest('.export')) return 'export';
            return el?.tagName ?? '';
          }),
        );
      }
      assert.equal(order[0], 'search', `after "Neuen Kontakt hinzufügen": ${order.slice(0, 5).join(', ')}`);
      assert.ok(order.includes('row'), 'the rows come before the export');
      // And the export is drawn below the rows, as Tab reaches it.
      const [rows, exported] = await Promise.all(['.contacts', '.export'].map((selector) => page.locator(selector).boundingBox()));
      assert.ok(exported.y > rows.y + rows.height - 1, 'the export stands below the list');
    } finally {
      await page.setViewportSize(size);
    }
  });

  test('every focusable element shows a visible focus indicator', async () => {
    const { page } = browser;
    await page.goto(listPath());
    const missing = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          text: (el.textContent || el.id).trim().slice(0, 40),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (!info) break;
      if (!info.outline) missing.push(info.text);
    }
    assert.deepEqual(missing, [], 'elements without a focus outline');
  });

  test('the focus ring stands out 3:1 from every surface it sits on, the search placeholder reads 4.5:1, light and dark', async () => {
    const { page } = browser;
    await page.goto(`${listPath()}/demo-fliesen`);
    try {
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        const ratios = await page.evaluate(() => {
          const rgb = (css) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const lum = (css) => {
            const [r, g, b] = rgb(css)
              .map((v) => v / 255)
              .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
          const root = getComputedStyle(document.documentElement);
          const colour = (name) => {
            const probe = document.createElement('i');
            probe.style.color = root.getPropertyValue(name);
            document.body.append(probe);
            const value = getComputedStyle(probe).color;
            probe.remove();
            return value;
          };
          const focus = document.querySelector('.act');
          focus.focus();
          const shown = getComputedStyle(focus).outlineColor;
          const surfaces = ['--bg', '--soft', '--accent-soft', '--ok-soft', '--warn-soft', '--danger-soft'];
          const search = document.createElement('input');
          search.placeholder = 'x';
          const row = document.createElement('div');
          row.className = 'search-row';
          row.append(search);
          document.querySelector('main').append(row);
          const placeholder = ratio(getComputedStyle(search, '::placeholder').color, getComputedStyle(search).backgroundColor);
          row.remove();
          return { placeholder, surfaces: surfaces.map((name) => [name, ratio(shown, colour(name))]) };
        });
        for (const [name, value] of ratios.surfaces) assert.ok(value >= 3, `${scheme}: the ring against ${name}: ${value.toFixed(2)}:1`);
        assert.ok(ratios.placeholder >= 4.5, `${scheme}: the placeholder: ${ratios.placeholder.toFixed(2)}:1`);
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
});
