// A code review of this stop's src/client/app.js changes (stop 35): each test failed on 53393d7.
// Helpers: ./helpers.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCompanies, browserForSuite, fillContact, listPath, recordAnnouncements, unique, withBrowser } from './helpers.mjs';

const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };
const BOOK = 'lindenhof-whg-3';

describe('what the live region says', () => {
  const browser = browserForSuite('selin', PHONE);

  test('"Erneut senden" of a save still on its way after a second says "Speichern …", not the whole form', async () => {
    const { page, context } = browser;
    const company = `Wieder ${unique()}`;
    await page.goto(`${listPath(BOOK)}/new`);
    await fillContact(page, { company });
    const said = await recordAnnouncements(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Speichern' }).click();
    const box = page.locator('#net');
    await box.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent.startsWith('Keine Verbindung'));
    await context.setOffline(false);
    // The connection is back but slow: the resent form takes two seconds.
    const slow = async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    };
    await page.route(/\/contacts$/, slow);
    said.length = 0;
    await box.getByRole('button', { name: 'Erneut senden' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent.includes('gespeichert'));
    await page.unroute(/\/contacts$/, slow);
    // Actual: the first is the whole form's text ("Neuen Kontakt hinzufügen … Position / Rolle … Speichern  Abbrechen …").
    assert.deepEqual(said, ['Speichern …', `„${company}“ wurde gespeichert.`]);
  });
});

describe('an alert is read once', () => {
  test('the session ended while typing: its alert is not said a second time through the live region', async () => {
    await withBrowser('anna', async ({ page, context }) => {
      await page.goto(`${listPath()}/new`);
      await page.getByLabel('Unternehmen', { exact: true }).fill(`Abgelaufen ${unique()}`);
      const said = await recordAnnouncements(page);
      await context.clearCookies();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { level: 1, name: /Anmeldung abgelaufen/ }).waitFor();
      assert.equal(await page.locator('main [role="alert"]').count(), 1);
      await page.waitForTimeout(500);
      // Actual: ['Ihre Anmeldung ist abgelaufen, bevor das Formular ankam. …'] beside the alert that says it.
      assert.deepEqual(said, []);
    });
  });
});

describe('the way back, then a reload', () => {
  // Jonas, in Anna's book: Selin's writes are spent by the other phone tests (the write limit).
  const browser = browserForSuite('jonas', PHONE);

  test('a row of a name alone stands in the middle beside its call button (buyer review, stop 36)', async () => {
    const { page } = browser;
    const name = `Nur Name ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await fillContact(page, { last_name: name, phone: '089 123' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.goto(`${listPath()}?q=${encodeURIComponent(name)}`);
    const row = page.locator('li.contact', { hasText: name });
    const middle = async (locator) => {
      const box = await locator.boundingBox();
      return box.y + box.height / 2;
    };
    const [text, button] = [await middle(row.locator('a.name')), await middle(row.locator('.acts'))];
    assert.ok(Math.abs(text - button) <= 3, `name at ${text}, buttons at ${button}`);
  });

  test('after Back took up the place in the list, a reload of the page keeps the place as any reload does', async () => {
    const { page } = browser;
    const tag = unique();
    await page.goto(listPath());
    await addCompanies(page, `Platz ${tag}`, 25);
    const list = `${listPath()}?q=${encodeURIComponent(`Platz ${tag}`)}`;
    // The browser's own restoring on a reload (nothing of app.js involved): the place is kept.
    await page.goto(list);
    await page.getByRole('link', { name: `Platz ${tag} 20`, exact: true }).focus();
    const place = await page.evaluate(() => window.scrollY);
    assert.ok(place > 500, `scrolled down: ${place}`);
    await page.reload();
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(300);
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - place) < 5, 'a plain reload keeps the place');
    // Card, Back (app.js takes the place up), then the same reload.
    await page.getByRole('link', { name: `Platz ${tag} 20`, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Platz ${tag} 20`, exact: true }).waitFor();
    await page.goBack();
    await page.waitForFunction(() => document.activeElement?.tagName === 'A');
    const back = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(back - place) < 5, `Back took the place up: ${back}`);
    await page.reload();
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(300);
    const reloaded = await page.evaluate(() => window.scrollY);
    // Actual: 0 (history.scrollRestoration stays 'manual' on that entry).
    assert.ok(Math.abs(reloaded - place) < 5, `the reload after Back keeps the place: ${reloaded} against ${place}`);
    assert.deepEqual(browser.errors, []);
  });
});
