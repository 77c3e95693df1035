// The list inlines only its own rules; the other pages' rules are a stylesheet of their own
// (src/views/pages.css, src/views/render.tsx). A browser's first page other than the list must
// not wait a round trip more for it (throttle bench: 2.7 s on Regular 3G), and the list must not
// hold up its script for it (code review: htmx started 3 s late with the file held back 3 s).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoReload, listPath, markWindow, withBrowser } from './helpers.mjs';

const PAGES_CSS = '**/static/pages-*.css';
/** The form's groups: a line above each, no box around (pages.css), not the browser's groove. */
const fieldsetLook = (page) =>
  page
    .locator('fieldset')
    .first()
    .evaluate((set) => {
      const style = getComputedStyle(set);
      return `${style.borderTopStyle} ${style.borderLeftStyle}`;
    });

describe('the other pages’ stylesheet', () => {
  test('a first page other than the list brings those rules itself; the next links the file', async () => {
    await withBrowser('anna', async ({ context, page, errors }) => {
      // A browser that never had the file (the dev login told this one): the file cannot come at all.
      await context.clearCookies({ name: 'kontakte_css' });
      let asked = 0;
      await page.route(PAGES_CSS, (route) => {
        asked += 1;
        return route.abort();
      });
      await page.goto(`${listPath()}/new`);
      assert.equal(await fieldsetLook(page), 'solid none', 'the form is drawn with its rules, inline');
      assert.equal(await page.locator('head style').count(), 2);
      // Told now; the file was asked for (at the end of the page, for the next one), no script error, no CSP report.
      const told = (await context.cookies()).find((cookie) => cookie.name === 'kontakte_css');
      assert.match(told?.value ?? '', /%2Fstatic%2Fpages-[0-9a-f]+\.css$/);
      assert.equal(asked, 1);
      assert.deepEqual(errors, []);
      // The next page links it in its head and carries no copy.
      await page.unroute(PAGES_CSS);
      await page.goto(`${listPath()}/new`);
      assert.equal(await page.locator('head style').count(), 1);
      assert.equal(await page.locator('head link[rel="stylesheet"][href*="/static/pages-"]').count(), 1);
      assert.equal(await fieldsetLook(page), 'solid none');
    });
  });

  test('held back three seconds, the file holds up neither the list nor its script; a form htmx brings has its rules', async () => {
    await withBrowser('anna', async ({ page, errors }) => {
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      // Routing turns the browser's cache off: every load of the file is held back.
      await page.route(PAGES_CSS, async (route) => {
        await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 3000))]);
        await route.continue();
      });
      const start = Date.now();
      await page.goto(listPath(), { waitUntil: 'commit' });
      // app.js has run (it applies the file to the list) and htmx with it, long before the file came.
      await page.waitForFunction(() => window.htmx && document.querySelector('link[data-apply]')?.rel === 'stylesheet', null, {
        timeout: 2500,
      });
      const ran = Date.now() - start;
      assert.ok(ran < 2500, `the script ran after ${ran} ms`);
      release();
      await page.waitForLoadState('load');
      await markWindow(page);
      await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
      await page.locator('fieldset').first().waitFor();
      assert.equal(new URL(page.url()).pathname, `${listPath()}/new`);
      await assertNoReload(page, 'the form');
      assert.equal(await fieldsetLook(page), 'solid none');
      // The rules the inline ones left to this file (the list never shows them): the notes' box,
      // and "Speichern" in the middle of its button, its hidden dots aside (UX review).
      const look = await page.evaluate(() => {
        const button = document.querySelector('button.primary');
        const range = document.createRange();
        range.selectNodeContents(button.firstChild);
        const [text, box] = [range.getBoundingClientRect(), button.getBoundingClientRect()];
        // While it is sent, its dots stand beside the word, not over it (code review).
        button.classList.add('htmx-request');
        const dots = button.querySelector('.htmx-indicator').getBoundingClientRect();
        button.classList.remove('htmx-request');
        return {
          notes: getComputedStyle(document.querySelector('textarea')).minHeight,
          sides: Math.abs(text.left - box.left - (box.right - text.right)) <= 1,
          dots: dots.left >= text.right && dots.right <= box.right,
        };
      });
      assert.deepEqual(look, { notes: '112px', sides: true, dots: true });
      assert.deepEqual(errors, []);
    });
  });

  test('a history\u2019s marked line of the old notes reads clearly in dark mode (code review: 3.96:1)', async () => {
    await withBrowser(
      'anna',
      async ({ page, errors }) => {
        await page.goto(`${listPath()}/new`);
        const company = `Kontrast ${Date.now()}`;
        await page.getByLabel('Unternehmen', { exact: true }).fill(company);
        await page.getByLabel('Notizen', { exact: true }).fill('Aufmaß Montag\nLieferung KW 12');
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('link', { name: 'Bearbeiten' }).click();
        await page.getByLabel('Notizen', { exact: true }).fill('Aufmaß Montag\nLieferung KW 14');
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('link', { name: 'Verlauf' }).click();
        const mark = page.locator('.changes del mark');
        await mark.waitFor();
        const colours = await mark.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
        assert.deepEqual(colours, ['rgb(236, 238, 241)', 'rgb(90, 67, 0)']);
        // Only the line that went is struck through; the line kept is not (walkthrough, stop 68:
        // every old line looked deleted).
        const struck = await page.locator('.changes del').evaluate((del) => {
          const line = (node) => getComputedStyle(node).textDecorationLine;
          return { kept: line(del), went: line(del.querySelector('mark')) };
        });
        assert.deepEqual(struck, { kept: 'none', went: 'line-through' });
        // A line only added: nothing of the old notes is struck (walkthrough, stop 69: all of it was).
        await page.getByRole('link', { name: 'Zurück zum Kontakt' }).click();
        await page.getByRole('link', { name: 'Bearbeiten' }).click();
        await page.getByLabel('Notizen', { exact: true }).fill('Aufmaß Montag\nLieferung KW 14\nSchlüssel beim Hausmeister');
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('link', { name: 'Verlauf' }).click();
        await page.locator('.changes ins mark').first().waitFor();
        const added = await page
          .locator('.changes del')
          .first()
          .evaluate((del) => ({ marks: del.querySelectorAll('mark').length, line: getComputedStyle(del).textDecorationLine }));
        assert.deepEqual(added, { marks: 0, line: 'none' });
        assert.deepEqual(errors, []);
      },
      { colorScheme: 'dark' },
    );
  });
});
