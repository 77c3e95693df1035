// Issue 8 item 3 in a real browser: what a customer types survives a session that ends while
// typing, and the way back after signing in (and a plain reload) restores it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserForSuite, listPath, login, unique, withBrowser } from './helpers.mjs';

/** What Anna's tab keeps as the draft of the form at `path` (its JSON), or null. */
const annasDraft = (page, path) => page.evaluate((k) => sessionStorage.getItem(`kontakte-draft:demo-anna:${k}`), path);

/** Adds a contact of this company through the new-contact form; the path of its card. */
async function saveNew(page, company) {
  await page.goto(`${listPath()}/new`);
  await page.getByLabel('Unternehmen', { exact: true }).fill(company);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
  return new URL(page.url()).pathname;
}

/** Jonas deletes the contact of this card at version 1 (and for good, with `purge`), in a browser of his own. */
async function deletedByJonas(card, purge) {
  await withBrowser('jonas', async ({ page: other }) => {
    await other.goto(card);
    await other.evaluate(
      async ([path, gone]) => {
        await fetch(`${path}/delete`, { method: 'POST', body: new URLSearchParams({ version: '1' }) });
        if (gone) await fetch(`${path}/purge`, { method: 'POST', body: new URLSearchParams({ version: '2' }) });
      },
      [card, purge],
    );
  });
}

/** Her notes typed on the card's edit form and left unsent, then Jonas deletes it for good: the card's path. */
async function typedThenPurged(page, name, notes) {
  const card = await saveNew(page, name);
  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await page.getByLabel('Notizen', { exact: true }).fill(notes);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await deletedByJonas(card, true);
  return card;
}

/** From the purged card's 404, her input sent as a new contact with an address the server refuses (422). */
async function refusedAsNew(page, card, email) {
  await page.goto(card);
  await page.getByRole('link', { name: 'Als neuen Kontakt anlegen' }).click();
  await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
  await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: 'Speichern', exact: true }).click(),
  ]);
  assert.equal(refused.status(), 422);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/**
 * The deleted contact's input, in the new-contact form, saved as `name`: nothing is left for the
 * deleted contact, and her own unsent new contact (`unsent`) is offered again, then discarded.
 */
async function savedThenOwnOffered(page, card, name, unsent, what) {
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
  assert.equal(await annasDraft(page, card), null, `${what}: nothing left for the deleted contact`);
  await page.goto(`${listPath()}/new`);
  await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
  assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), unsent, `${what}: her own new contact`);
  await page.getByRole('button', { name: 'Verwerfen' }).click();
  await page.waitForLoadState('load');
}

describe('drafts and an expired session', () => {
  const browser = browserForSuite('anna');

  test('a reload keeps the unsent input, says so, and "Verwerfen" drops it', async () => {
    const { page } = browser;
    const company = `Entwurf GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByLabel('Notizen', { exact: true }).fill('Zeile 1\nZeile 2');
    await page.reload();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company);
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Zeile 1\nZeile 2');
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    // It names the fields that came back, also those below the fold (buyer walkthrough, stop 83).
    assert.equal(
      (await page.locator('[data-draft-note]').textContent()).replace(/\s+/g, ' ').trim(),
      'Ihre Eingaben wurden wiederhergestellt. (Unternehmen, Notizen) Verwerfen',
    );
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    await page.waitForLoadState('load');
    await page.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzufügen' }).waitFor();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), '');
    // Focus is back in the form, on its first field, not at the page's start.
    const first = await page.locator('form[data-draft] input:not([type=hidden])').first().getAttribute('name');
    await page.waitForFunction((name) => document.activeElement?.getAttribute('name') === name, first);
    assert.equal(await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').isVisible(), false);
  });

  test('a form sent again with another name asks, and its "ändern" button is sent through htmx too', async () => {
    const { page } = browser;
    const tag = unique();
    const typo = `Fliesen Baur ${tag}`;
    const fixed = `Fliesen Bauer ${tag}`;
    await page.goto(`${listPath()}/new`);
    const token = await page.locator('input[name=form_token]').inputValue();
    await page.getByLabel('Unternehmen', { exact: true }).fill(typo);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: typo, exact: true }).waitFor();
    // The form as the browser kept it: the same one-time token, the name corrected.
    await page.goto(`${listPath()}/new`);
    await page.locator('input[name=form_token]').evaluate((input, value) => {
      input.value = value;
    }, token);
    await page.getByLabel('Unternehmen', { exact: true }).fill(fixed);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Mit diesem Formular haben Sie schon „${typo}“ gespeichert.` })
      .waitFor();
    await page.getByRole('button', { name: `„${typo}“ ändern` }).click();
    await page.getByRole('heading', { level: 1, name: fixed, exact: true }).waitFor();
    await page.goto(`${listPath()}?q=${encodeURIComponent(tag)}`);
    assert.deepEqual(await page.locator('li.contact > a.name').allInnerTexts(), [fixed]);
    assert.deepEqual(browser.errors, []);
  });

  test('one user\u2019s unsent input never fills another\u2019s form on the same device, and nothing is typed into a form on its way', async () => {
    const { page } = browser;
    const company = `Geteilt GmbH ${unique()}`;
    const card = await saveNew(page, company);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).fill('Anna: bitte nicht anrufen, nur Mail');
    // Jonas signs in in the same tab and opens the same form: empty notes, no "restored".
    await login(page, 'jonas');
    await page.goto(`${card}/edit`);
    await page.getByLabel('Notizen', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), '');
    assert.equal(await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').isVisible(), false);
    // While his save is on its way, its fields take no typing (what is sent is what is saved).
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(`**${card}`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await held;
      await route.continue();
    });
    await page.getByLabel('Telefonnummer', { exact: true }).fill('089 4711');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForFunction(() => document.querySelector('textarea[name=notes]')?.readOnly === true);
    // A <select> has no readOnly: it is disabled until the answer.
    assert.equal(await page.locator('select[name=warranty_years]').isDisabled(), true);
    await page.getByLabel('Notizen', { exact: true }).press('x');
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), '');
    release();
    await page.getByRole('link', { name: '089 4711' }).waitFor();
    await page.unroute(`**${card}`);
    // Anna, back in this tab, still finds her own unsent notes.
    await login(page, 'anna');
    await page.goto(`${card}/edit`);
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Anna: bitte nicht anrufen, nur Mail');
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    assert.deepEqual(browser.errors, []);
  });

  test('input on a contact deleted meanwhile, saved as a new contact, leaves no draft behind for that contact', async () => {
    const { page } = browser;
    const company = `Weg GmbH ${unique()}`;
    const card = await saveNew(page, company);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).fill('Andere Firma, neue Nummer');
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(card);
      await other.evaluate(
        async (action) => fetch(action, { method: 'POST', body: new URLSearchParams({ version: '1' }) }),
        `${card}/delete`,
      );
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('button', { name: 'Mit meinen Eingaben wiederherstellen' }).waitFor();
    assert.ok((await annasDraft(page, card))?.includes('Andere Firma'), 'kept as that contact\u2019s draft while it is open');
    await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).click();
    await page.locator('main').getByText(`„${company}“ wurde gespeichert.`).waitFor();
    assert.equal(await annasDraft(page, card), null, 'saved: no draft left for the deleted contact');
    assert.equal(await annasDraft(page, listPath()), null, 'nor for the next new contact');
    assert.deepEqual(browser.errors, []);
  });

  test('an unsent new contact stays while a deleted contact\u2019s input comes back, deleted for good or saved as new (code review)', async () => {
    const { page } = browser;
    const unsent = `Fliesen Huber ${unique()}`;
    for (const purge of [true, false]) {
      const company = `Weg ${purge ? 'für immer' : 'vorerst'} ${unique()}`;
      const card = await saveNew(page, company);
      // A new contact typed and left unsent.
      await page.goto(`${listPath()}/new`);
      await page.getByLabel('Unternehmen', { exact: true }).fill(unsent);
      await page.goto(card);
      assert.ok((await annasDraft(page, listPath()))?.includes(unsent), 'kept as the new contact\u2019s draft');
      await page.getByRole('link', { name: 'Bearbeiten' }).click();
      await page.getByLabel('Notizen', { exact: true }).fill('Andere Firma, neue Nummer');
      // Jonas deletes the contact (and, the first time, for good).
      await deletedByJonas(card, purge);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Mit meinen Eingaben wiederherstellen' }).count(), purge ? 0 : 1);
      // Her input is kept as the deleted contact's, beside the unsent new contact.
      assert.ok((await annasDraft(page, listPath()))?.includes(unsent), 'the unsent new contact is still kept');
      await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).click();
      await page.locator('main').getByText(`„${company}“ wurde gespeichert.`).waitFor();
      assert.ok((await annasDraft(page, listPath()))?.includes(unsent), 'saved as new: the unsent new contact is still kept');
      assert.equal(await annasDraft(page, card), null);
      assert.equal(await annasDraft(page, `${listPath()}/`), null);
    }
    // And it comes back where it was typed.
    await page.goto(listPath());
    await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), unsent);
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    await page.waitForLoadState('load');
    assert.deepEqual(browser.errors, []);
  });

  test('a new contact whose answer was lost, deleted meanwhile and saved again as new, leaves no draft for the next new contact (code review)', async () => {
    const { page } = browser;
    const company = `Verloren GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    // The server stores it; its answer is lost on the way.
    const create = (url) => url.pathname === listPath();
    await page.route(create, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('#net').getByRole('button', { name: 'Erneut senden' }).waitFor();
    await page.unroute(create);
    // Jonas deletes it meanwhile.
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(`${listPath()}?q=${encodeURIComponent(company)}`);
      await other.getByRole('link', { name: company }).click();
      await other.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
      await other.getByRole('button', { name: 'Löschen', exact: true }).click();
      await other.locator('main').getByText(`„${company}“ wurde gelöscht.`).waitFor();
    });
    // Sent again: the deleted contact's form, the input kept as its draft, not also as a new one's.
    await page.locator('#net').getByRole('button', { name: 'Erneut senden' }).click();
    await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).waitFor();
    assert.equal(await annasDraft(page, listPath()), null, 'not kept twice');
    await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).click();
    await page.locator('main').getByText(`„${company}“ wurde gespeichert.`).waitFor();
    await page.goto(listPath());
    await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzufügen' }).waitFor();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), '');
    assert.equal(await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').isVisible(), false);
    // The lost answer is the one error expected; the suite's later tests start without it.
    const unexpected = browser.errors.filter((error) => !/Failed to fetch|ERR_CONNECTION_RESET|NetworkError|net::/.test(error));
    browser.errors.length = 0;
    assert.deepEqual(unexpected, []);
  });

  test('a draft kept before drafts were kept per user comes back once to the user the page names', async () => {
    const { page } = browser;
    const company = `Vorher GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    // As the script before this change kept it: under the path alone.
    const key = listPath();
    await page.evaluate((path) => {
      const name = `kontakte-draft:demo-anna:${path}`;
      sessionStorage.setItem(`kontakte-draft:${path}`, sessionStorage.getItem(name) ?? '');
      sessionStorage.removeItem(name);
    }, key);
    await page.reload();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company);
    assert.equal(await page.evaluate((path) => sessionStorage.getItem(`kontakte-draft:${path}`), key), null);
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    assert.deepEqual(browser.errors, []);
  });

  test('an edit left unsaved (back, another page) keeps its input: it comes back when the form opens again; "Abbrechen" drops it', async () => {
    const { page } = browser;
    const company = `Verlassen GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).fill('Angebot folgt');
    // Away by the browser's way back, then into the form again.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Angebot folgt');
    // Away by a full page load: the same.
    await page.getByLabel('Notizen', { exact: true }).fill('Angebot folgt am Montag');
    const card = page.url().replace(/\/edit$/, '');
    await page.goto(card);
    await page.goto(`${card}/edit`);
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Angebot folgt am Montag');
    // Away by the way back at the top of the form (UX review: there was none): the same, no question.
    await page.getByRole('link', { name: 'Zurück zum Kontakt' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Angebot folgt am Montag');
    // "Abbrechen" is the choice to drop it, asked first in the page (it stands beside
    // "Speichern"): "Weiter bearbeiten" (or Escape) leaves the form and its input as they are,
    // "Verwerfen" drops it.
    const ask = page.getByRole('dialog', { name: 'Ihre Eingaben verwerfen? Sie sind noch nicht gespeichert.' });
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await ask.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Weiter bearbeiten', 'focus on the safe choice');
    await ask.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await ask.waitFor({ state: 'detached' });
    assert.ok(page.url().endsWith('/edit'), 'still on the form');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Abbrechen', 'focus back on "Abbrechen"');
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Angebot folgt am Montag');
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await ask.waitFor();
    // In dark mode it stands out from the page behind it: its own surface and a border (buyer
    // review: the browser's dialog was as dark as the page under the backdrop).
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      const look = await page.locator('dialog.ask').evaluate((dialog) => {
        const style = getComputedStyle(dialog);
        return [style.backgroundColor, style.borderTopWidth, style.borderTopStyle, getComputedStyle(document.body).backgroundColor];
      });
      assert.deepEqual(look, ['rgb(27, 30, 34)', '1px', 'solid', 'rgb(18, 20, 23)']);
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Angebot folgt am Montag');
    // Ctrl+click (a new tab) leaves nothing here: no question, the form stays as it is.
    await page.getByRole('link', { name: 'Abbrechen' }).click({ modifiers: ['Control'] });
    await page.waitForTimeout(500);
    assert.equal(await ask.count(), 0, 'no question for a new tab');
    assert.ok(page.url().endsWith('/edit'), 'the form stays');
    // And its input with it: still kept (code review: the draft was dropped, a reload lost it).
    for (const other of browser.context.pages()) if (other !== page) await other.close();
    await page.reload();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Angebot folgt am Montag');
    // Alt+click is a click as any other to htmx (it leaves the form): asked first (code review).
    await page.getByRole('link', { name: 'Abbrechen' }).click({ modifiers: ['Alt'] });
    await ask.waitFor();
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await ask.getByRole('button', { name: 'Verwerfen' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), '');
    assert.equal(await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').isVisible(), false);
    // Nothing typed: "Abbrechen" leaves without a question.
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    assert.equal(await ask.count(), 0);
    assert.deepEqual(browser.errors, []);
  });

  test('a restored draft brings back only what was typed: a co-buyer\u2019s change since shows in the other fields, and saving keeps both', async () => {
    const { page } = browser;
    const company = `Zwei Hände GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByLabel('PLZ', { exact: true }).fill('80331');
    await page.getByLabel('Ort', { exact: true }).fill('München');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    const card = new URL(page.url()).pathname;
    // Anna starts changing the town and leaves the form unsaved.
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Ort', { exact: true }).fill('Garching');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // Jonas corrects the postcode meanwhile.
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(`${card}/edit`);
      await other.getByLabel('PLZ', { exact: true }).fill('80333');
      await other.getByRole('button', { name: 'Speichern' }).click();
      await other.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    });
    // Anna's draft comes back with her town; the postcode is Jonas's, not the one her form had.
    await page.goto(`${card}/edit`);
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Ort', { exact: true }).inputValue(), 'Garching');
    assert.equal(await page.getByLabel('PLZ', { exact: true }).inputValue(), '80333');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    assert.ok(await page.locator('main').getByText('80333 Garching').isVisible(), 'both changes stand');
    // Again, and this time Anna types the postcode back to the one her draft's form had: that is
    // her change of what the form shows, and it stands (not taken for "unchanged").
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Ort', { exact: true }).fill('Eching');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(`${card}/edit`);
      await other.getByLabel('PLZ', { exact: true }).fill('85386');
      await other.getByRole('button', { name: 'Speichern' }).click();
      await other.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    });
    await page.goto(`${card}/edit`);
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('PLZ', { exact: true }).inputValue(), '85386');
    await page.getByLabel('PLZ', { exact: true }).fill('80333');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    assert.ok(await page.locator('main').getByText('80333 Eching').isVisible(), 'her postcode and her town');
    assert.deepEqual(browser.errors, []);
  });

  test('input left unsaved on a contact a co-buyer deleted meanwhile comes back once it is restored (data review)', async () => {
    const { page } = browser;
    const company = `Weg und wieder da GmbH ${unique()}`;
    const card = await saveNew(page, company);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).fill('Rückruf am Montag');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // Jonas deletes it meanwhile.
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(card);
      await other.getByRole('button', { name: 'Löschen', exact: true }).click();
      await other.locator('main').getByText(`„${company}“ wurde gelöscht.`).waitFor();
    });
    // Anna finds it deleted and brings it back: her input was not part of that choice.
    await page.goto(card);
    await page.getByRole('button', { name: 'Wiederherstellen' }).click();
    await page.locator('main').getByText(`„${company}“ ist wiederhergestellt.`).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Rückruf am Montag');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    assert.ok(await page.locator('main').getByText('Rückruf am Montag').isVisible(), 'her notes are saved');
    assert.deepEqual(browser.errors, []);
  });

  test('input left unsent on a contact deleted for good is offered on its 404 and after the purge: as a new contact, or discarded (data review)', async () => {
    const { page } = browser;
    // Named (buyer review: "zu diesem Kontakt" on a 404 left her guessing whose input it was).
    const offerFor = (name) =>
      page.locator('main').getByText(`Ihre Eingaben zu „${name}“ sind noch erhalten: Sie können sie als neuen Kontakt anlegen.`);
    const offer = page.locator('main').getByText(/^Ihre Eingaben zu „.*“ sind noch erhalten/);
    /** A contact of Anna's with notes typed into its edit form and left unsent, then deleted by Jonas (for good when `purge`). */
    async function leftUnsent(company, notes, purge = true) {
      const card = await saveNew(page, company);
      await page.getByRole('link', { name: 'Bearbeiten' }).click();
      await page.getByLabel('Notizen', { exact: true }).fill(notes);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
      await deletedByJonas(card, purge);
      return card;
    }
    const company = `Weg für immer ${unique()}`;
    const card = await leftUnsent(company, 'Rückruf am Montag');
    const otherName = `Weg vorerst ${unique()}`;
    const other = await leftUnsent(otherName, 'Angebot folgt', false);
    // An unsent new contact of her own stays apart from them throughout.
    const unsent = `Fliesen Huber ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(unsent);
    // The way back to its edit form (or card) is a 404 now: it says her input is kept, and offers it.
    await page.goto(`${card}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Nicht gefunden' }).waitFor();
    await offerFor(company).waitFor();
    await page.goto(card);
    await offerFor(company).waitFor();
    // "Als neuen Kontakt anlegen": the new-contact form with what she typed (the rest went with the contact).
    await page.getByRole('link', { name: 'Als neuen Kontakt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzufügen' }).waitFor();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Rückruf am Montag');
    // With the name it had (the rest went with it), not her unsent new contact's.
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company);
    const again = `Neu angelegt ${unique()}`;
    await page.getByLabel('Unternehmen', { exact: true }).fill(again);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText(`„${again}“ wurde gespeichert.`).waitFor();
    assert.ok(await page.locator('main').getByText('Rückruf am Montag').isVisible(), 'her notes are saved');
    assert.equal(await annasDraft(page, card), null, 'saved: nothing left for the contact deleted for good');
    assert.ok((await annasDraft(page, listPath()))?.includes(unsent), 'her unsent new contact is still kept');
    await page.goto(card);
    await page.getByRole('heading', { level: 1, name: 'Nicht gefunden' }).waitFor();
    assert.equal(await offer.count(), 0, 'offered no more');

    // Deleted for good by her own hand in "Zuletzt gelöscht": offered there at once; "Verwerfen" asks first.
    const id = other.split('/').pop();
    await page.goto(`${listPath()}/deleted`);
    await page.locator(`#p-${id}`).click();
    await page.locator(`#f-${id}`).click();
    await offerFor(otherName).waitFor();
    // A screen reader hears the offer with the answer, not only that the contact is gone.
    await page.waitForFunction(
      (text) => document.getElementById('announcer')?.textContent === text,
      `„${otherName}“ wurde endgültig gelöscht. Ihre Eingaben zu „${otherName}“ sind noch erhalten: Sie können sie als neuen Kontakt anlegen.`,
    );
    const ask = page.getByRole('dialog', { name: 'Ihre Eingaben verwerfen? Sie sind noch nicht gespeichert.' });
    await page.locator('main').getByRole('button', { name: 'Verwerfen' }).click();
    await ask.getByRole('button', { name: 'Behalten' }).click();
    await ask.waitFor({ state: 'detached' });
    assert.ok((await annasDraft(page, other))?.includes('Angebot folgt'), 'kept');
    await page.locator('main').getByRole('button', { name: 'Verwerfen' }).click();
    await ask.getByRole('button', { name: 'Verwerfen' }).click();
    await offer.waitFor({ state: 'detached' });
    assert.equal(await annasDraft(page, other), null, 'discarded');
    assert.ok((await annasDraft(page, listPath()))?.includes(unsent), 'her unsent new contact is still kept');
    assert.deepEqual(browser.errors, []);
  });

  test('input of a contact deleted for good, sent as a new contact after the session ended, is back in the new-contact form after signing in (review)', async () => {
    const { page } = browser;
    const card = await saveNew(page, `Weg nach Ablauf ${unique()}`);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).fill('Schlüssel beim Hausmeister');
    await page.goBack();
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(card);
      await other.evaluate(async (path) => {
        await fetch(`${path}/delete`, { method: 'POST', body: new URLSearchParams({ version: '1' }) });
        await fetch(`${path}/purge`, { method: 'POST', body: new URLSearchParams({ version: '2' }) });
      }, card);
    });
    await page.goto(card);
    await page.getByRole('link', { name: 'Als neuen Kontakt anlegen' }).click();
    const company = `Neu nach Ablauf ${unique()}`;
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await browser.context.clearCookies();
    const [expired] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    assert.equal(expired.status(), 401);
    // "Anmelden und weitermachen" returns to the new-contact form, whose address has no #from=.
    await page.getByRole('link', { name: 'Anmelden und weitermachen' }).click();
    await page.locator('input[name="user"][value="anna"]').check();
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${listPath()}/new`),
      page.getByRole('button', { name: 'Anmelden' }).click(),
    ]);
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company);
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Schlüssel beim Hausmeister');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('main').getByText(`„${company}“ wurde gespeichert.`).waitFor();
    assert.equal(await annasDraft(page, card), null, 'saved: nothing left for the contact deleted for good');
    assert.deepEqual(browser.errors, []);
  });

  test('input of a deleted contact sent as new and sent back (session ended, an error) stays that contact\u2019s, not over the tab\u2019s own unsent new contact (review)', async () => {
    const { page } = browser;
    for (const answer of ['401', '422']) {
      const unsent = `Fliesen Eigen ${unique()}`;
      const card = await saveNew(page, `Weg beim Speichern ${unique()}`);
      // A new contact of her own, typed and left unsent.
      await page.goto(`${listPath()}/new`);
      await page.getByLabel('Unternehmen', { exact: true }).fill(unsent);
      await page.goto(`${card}/edit`);
      await page.getByLabel('Notizen', { exact: true }).fill(`Rückruf nach 17 Uhr ${answer}`);
      // (An address the server refuses: the answer to "Als neuen Kontakt speichern" is the form again.)
      if (answer === '422') await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('kein-at-zeichen');
      await deletedByJonas(card, true);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).waitFor();
      if (answer === '401') await browser.context.clearCookies();
      const [sent] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        page.getByRole('button', { name: 'Als neuen Kontakt speichern' }).click(),
      ]);
      assert.equal(String(sent.status()), answer);
      await page.getByRole('button', { name: 'Speichern', exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      assert.ok((await annasDraft(page, listPath()))?.includes(unsent), `${answer}: the unsent new contact is still kept`);
      assert.ok(
        (await annasDraft(page, card))?.includes(`Rückruf nach 17 Uhr ${answer}`),
        `${answer}: the input stays the deleted contact\u2019s`,
      );
      if (answer === '401') {
        // Signed in again in this tab: her input in the new-contact form, her own new contact after it is saved.
        await page.getByRole('link', { name: 'Anmelden und weitermachen' }).click();
        await page.locator('input[name="user"][value="anna"]').check();
        await Promise.all([
          page.waitForURL((url) => url.pathname === `${listPath()}/new`),
          page.getByRole('button', { name: 'Anmelden' }).click(),
        ]);
        await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
        assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Rückruf nach 17 Uhr 401');
      } else {
        await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('info@example.com');
      }
      const company = await page.getByLabel('Unternehmen', { exact: true }).inputValue();
      await savedThenOwnOffered(page, card, company, unsent, answer);
    }
    assert.deepEqual(browser.errors, []);
  });

  test('input of a contact deleted for good, sent as new from its 404 and refused for a typo, stays that form\u2019s when she leaves: the next new-contact form offers her own (review)', async () => {
    const { page } = browser;
    const name = `Weg mit Tippfehler ${unique()}`;
    const card = await typedThenPurged(page, name, 'Nur vormittags');
    // A new contact of her own, typed and left unsent.
    const unsent = `Fliesen Selbst ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(unsent);
    for (const leave of ['crumb', 'goto']) {
      // Offered on its 404, sent as new with an address the server refuses (422), then left.
      await refusedAsNew(page, card, `kein-at-zeichen-${leave}`);
      if (leave === 'crumb') await page.getByRole('link', { name: 'Zurück zu den Kontakten' }).click();
      else await page.goto(listPath());
      await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
      // The next plain new-contact form: her own unsent new contact, not the refused input.
      await page.goto(`${listPath()}/new`);
      await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
      assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), unsent, `${leave}: her own new contact`);
      assert.equal(await page.getByLabel('E-Mail-Adresse', { exact: true }).inputValue(), '', `${leave}: not the refused address`);
      assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), '', `${leave}: not the deleted contact\u2019s notes`);
      // The refused input is not lost: still that contact's draft, offered where it was.
      assert.ok((await annasDraft(page, card))?.includes(`kein-at-zeichen-${leave}`), `${leave}: kept for the deleted contact`);
      assert.ok((await annasDraft(page, listPath()))?.includes(unsent), `${leave}: her unsent new contact is still kept`);
    }
    await page.goto(card);
    await page.getByRole('link', { name: 'Als neuen Kontakt anlegen' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('E-Mail-Adresse', { exact: true }).inputValue(), 'kein-at-zeichen-goto');
    assert.equal(await page.getByLabel('Notizen', { exact: true }).inputValue(), 'Nur vormittags');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('info@example.com');
    await savedThenOwnOffered(page, card, name, unsent, 'saved');
    assert.deepEqual(browser.errors, []);
  });

  test('input of a contact deleted for good, sent as new and refused for a typo, then left: with no unsent new contact of her own, the next new-contact form brings it back', async () => {
    const { page } = browser;
    const card = await typedThenPurged(page, `Weg allein ${unique()}`, 'Nur nachmittags');
    // No new contact of her own is waiting in this tab.
    await page.evaluate((k) => sessionStorage.removeItem(`kontakte-draft:demo-anna:${k}`), listPath());
    await refusedAsNew(page, card, 'kein-at-zeichen-allein');
    // She looks up the right address in the list, then goes on with "Neuer Kontakt".
    await page.getByRole('link', { name: 'Zur\u00fcck zu den Kontakten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontakte', exact: true }).waitFor();
    assert.equal(await annasDraft(page, listPath()), null, 'no draft of her own');
    await page.goto(`${listPath()}/new`);
    await page.getByRole('heading', { level: 1, name: 'Neuen Kontakt hinzuf\u00fcgen' }).waitFor();
    await page.waitForLoadState('load');
    assert.equal(
      await page.getByLabel('Notizen', { exact: true }).inputValue(),
      'Nur nachmittags',
      'her input, in the one new-contact form she opens',
    );
    assert.equal(await page.getByLabel('E-Mail-Adresse', { exact: true }).inputValue(), 'kein-at-zeichen-allein');
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    await page.waitForLoadState('load');
    assert.deepEqual(browser.errors, []);
  });

  test('a form sent back with an error, reloaded and typed on, still saves as an edit of the version it was typed on (code review: a co-buyer\u2019s number was overwritten)', async () => {
    const { page } = browser;
    const company = `Echo GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByLabel('Telefonnummer', { exact: true }).fill('089 111111');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    const card = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Notizen', { exact: true }).fill('Rückruf erbeten');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('kaputt');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('#f-email-error').waitFor();
    // Jonas changes the number meanwhile.
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(`${card}/edit`);
      await other.getByLabel('Telefonnummer', { exact: true }).fill('089 222222');
      await other.getByRole('button', { name: 'Speichern' }).click();
      await other.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    });
    // Anna reloads: her form comes back as she sent it; she corrects the address, reloads once more.
    await page.reload();
    assert.equal(await page.getByLabel('E-Mail-Adresse', { exact: true }).inputValue(), 'kaputt');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('info@echo.de');
    await page.reload();
    assert.equal(await page.getByLabel('E-Mail-Adresse', { exact: true }).inputValue(), 'info@echo.de');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // Her changes and Jonas's number: she never typed the number.
    const main = page.locator('main');
    await main.getByText('info@echo.de').first().waitFor();
    assert.ok(await main.getByText('Rückruf erbeten').isVisible());
    assert.ok(await main.getByText('089 222222').first().isVisible(), 'Jonas’s number stands');
    assert.equal(await main.getByText('089 111111').count(), 0);
    assert.deepEqual(browser.errors, []);
  });

  test('a draft that moved the acceptance meets a co-buyer\u2019s new end as a clash, not as a mix of both (code review)', async () => {
    const { page } = browser;
    const company = `Abnahme GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByLabel('Abnahme am', { exact: true }).fill('2022-05-10');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('5');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    const card = new URL(page.url()).pathname;
    // Anna moves the acceptance (the period of 5 years would end 01.01.2028) and leaves the form.
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Abnahme am', { exact: true }).fill('2023-01-01');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // Jonas types an end of his own instead of the period.
    await withBrowser('jonas', async ({ page: other }) => {
      await other.goto(`${card}/edit`);
      await other.getByLabel('Frist ab Abnahme', { exact: true }).selectOption('');
      await other.getByLabel('Gewährleistung bis', { exact: true }).fill('2030-01-01');
      await other.getByRole('button', { name: 'Speichern' }).click();
      await other.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    });
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    // Her draft as she left it: the acceptance and the period she saw.
    assert.equal(await page.getByLabel('Abnahme am', { exact: true }).inputValue(), '2023-01-01');
    assert.equal(await page.getByLabel('Frist ab Abnahme', { exact: true }).inputValue(), '5');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // The two ends differ: she decides (before the fix 01.01.2030 was stored without a word).
    await page.getByRole('heading', { name: 'Bitte entscheiden Sie, welche Angabe gilt' }).waitFor();
    const choice = page.getByRole('group', { name: 'Gewährleistung bis' });
    assert.ok(await choice.getByText('01.01.2028').isVisible());
    assert.ok(await choice.getByText('01.01.2030').isVisible());
    assert.deepEqual(browser.errors, []);
  });

  test('a draft keeps the warranty period chosen, and its notice is read out without its button', async () => {
    const { page } = browser;
    const company = `Periode GmbH ${unique()}`;
    await page.goto(listPath());
    await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByLabel('Abnahme am', { exact: true }).fill('2025-06-15');
    await page.getByLabel('Frist ab Abnahme', { exact: true }).selectOption({ label: '4 Jahre – VOB/B-Vertrag (§ 13)' });
    await page.goBack();
    await page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    assert.equal(await page.getByLabel('Frist ab Abnahme', { exact: true }).inputValue(), '4');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent !== '');
    // With the fields that came back (stop 83), without the button's "Verwerfen".
    assert.equal(
      await page.locator('#announcer').textContent(),
      'Ihre Eingaben wurden wiederhergestellt. (Unternehmen, Abnahme am, Frist ab Abnahme)',
    );
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // "Gewährleistung bis": 4 years from the acceptance (before the fix: no end at all).
    await page.locator('main dd', { hasText: '15.06.2029' }).waitFor();
    assert.deepEqual(browser.errors, []);
  });

  test('the session ends while typing: the input is kept, and after signing in again it is still there and saves once', async () => {
    const { page } = browser;
    const company = `Abgelaufen GmbH ${unique()}`;
    await page.goto(`${listPath()}/new`);
    await page.getByLabel('Unternehmen', { exact: true }).fill(company);
    await page.getByLabel('Telefonnummer', { exact: true }).fill('089 123456');
    await browser.context.clearCookies();
    const [expired] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    assert.equal(expired.status(), 401);
    await page.getByRole('heading', { level: 1, name: /Anmeldung abgelaufen/ }).waitFor();
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company, 'the 401 answer holds the input');
    // With JS the main action signs in in the same tab; the new-tab way is for pages without JS.
    assert.equal(await page.getByRole('link', { name: 'In neuem Tab anmelden' }).isVisible(), false);
    const signIn = page.getByRole('link', { name: 'Anmelden und weitermachen' });
    assert.match(await signIn.getAttribute('href'), /^\/dev\/login\?returnTo=%2Fassets%2Flindenhof-whg-12%2Fcontacts%2Fnew$/);
    assert.equal(await signIn.getAttribute('target'), null);

    // Sign in again in the same tab, as a customer on a phone would, and come back.
    await signIn.click();
    await page.locator('input[name="user"][value="anna"]').check();
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${listPath()}/new`),
      page.getByRole('button', { name: 'Anmelden' }).click(),
    ]);
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), company, 'restored on return');
    assert.equal(await page.getByLabel('Telefonnummer', { exact: true }).inputValue(), '089 123456');
    await page.locator('main').getByText('Ihre Eingaben wurden wiederhergestellt.').waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    // Scoped to the page content: the screen-reader announcer (#announcer) says the same.
    await page.locator('main').getByText(`„${company}“ wurde gespeichert.`).waitFor();
    // The answer is the new contact's card.
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // The card's address without the one-time marker (?saved=) that cleared the draft.
    await page.waitForURL((url) => /^\/assets\/lindenhof-whg-12\/contacts\/[A-Za-z0-9_-]+$/.test(url.pathname) && url.search === '');

    // Saved: the draft is gone, the next new form is empty.
    await page.goto(`${listPath()}/new`);
    assert.equal(await page.getByLabel('Unternehmen', { exact: true }).inputValue(), '');
    // A new draft survives going back to that card (it no longer carries the marker).
    const next = `Nächster Entwurf ${unique()}`;
    await page.getByLabel('Unternehmen', { exact: true }).fill(next);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: company, exact: true }).waitFor();
    // Kept per user: the key names the page's user (review: a shared device's next user got it).
    const kept = await page.evaluate((key) => sessionStorage.getItem(`kontakte-draft:demo-anna:${key}`), listPath());
    assert.ok(kept?.includes(next), `the new contact's draft is kept (${kept})`);
    assert.deepEqual(browser.errors, []);
  });
});
