// Issue 14: two co-buyers edit the same contact at once, on a 360 px phone, with and without
// JavaScript. Changes to different fields are merged and named; only a field both changed is a
// choice, and the choice is applied exactly. Nothing a co-buyer saved is ever dropped silently.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { fillContact, listPath, recordAnnouncements, unique, withBrowser } from './helpers.mjs';

const phone = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };
const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

async function openEditor(page, name) {
  await page.goto(listPath());
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
}

/** Jonas deletes the contact (with JS, from its card) while Anna edits it; her save is told so. */
async function deletedWhileEditing(anna, jonas, name) {
  await jonas.page.goto(listPath());
  await jonas.page.getByRole('link', { name, exact: true }).click();
  await jonas.page.getByRole('button', { name: 'Löschen', exact: true }).click();
  await jonas.page.locator('main').getByText(`„${name}“ wurde gelöscht.`).waitFor();
  await anna.page.getByRole('button', { name: 'Speichern' }).click();
  await anna.page.getByText('Jonas Müller hat den Kontakt gelöscht, während Sie ihn bearbeitet haben.').waitFor();
}

/** Anna and Jonas, each in a browser of their own with `options`, once Anna has added a contact with `values`. */
async function withCoBuyers(options, values, fn) {
  await withBrowser(
    'anna',
    (anna) =>
      withBrowser(
        'jonas',
        async (jonas) => {
          await anna.page.goto(`${listPath()}/new`);
          await fillContact(anna.page, values);
          await anna.page.getByRole('button', { name: 'Speichern' }).click();
          await anna.page.getByRole('heading', { level: 1, name: values.company, exact: true }).waitFor();
          await fn(anna, jonas);
        },
        options,
      ),
    options,
  );
}

for (const javaScript of [true, false]) {
  test(`Anna and Jonas edit the same contact on a phone (JavaScript ${javaScript ? 'on' : 'off'}): merged where they differ, a choice where they clash`, async () => {
    const options = { javaScriptEnabled: javaScript, ...phone };
    await withBrowser('anna', (anna) => withBrowser('jonas', (jonas) => scenario(anna, jonas, javaScript), options), options);
  });
}

/** Both open the contact's form; Jonas changes `fields` and saves first. */
async function jonasSavesFirst(anna, jonas, name, fields) {
  await openEditor(anna.page, name);
  await openEditor(jonas.page, name);
  await fillContact(jonas.page, fields);
  await jonas.page.getByRole('button', { name: 'Speichern' }).click();
  await jonas.page.locator('main').getByText('Zuletzt geändert von Jonas Müller').waitFor();
}

async function scenario(anna, jonas, javaScript) {
  const tag = unique();
  const name = `Sanitär Klar ${tag}`;
  await anna.page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
  await fillContact(anna.page, { company: name, email: 'alt@sanitaer-klar.example', notes: 'Wartung jährlich' });
  await anna.page.getByRole('button', { name: 'Speichern' }).click();
  await anna.page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();

  // Both open the form. Jonas adds a landline and changes the notes, and saves first.
  await jonasSavesFirst(anna, jonas, name, { phone: '089 200 200', notes: 'Wartung im März' });

  // Anna changed the e-mail and the notes: only the notes clash.
  await fillContact(anna.page, { email: 'service@sanitaer-klar.example', notes: 'Schlüssel beim Hausmeister' });
  const [response] = await Promise.all([
    anna.page.waitForResponse((r) => r.request().method() === 'POST'),
    anna.page.getByRole('button', { name: 'Speichern' }).click(),
  ]);
  assert.equal(response.status(), 409);
  await anna.page.getByRole('heading', { level: 1, name: 'Bitte entscheiden Sie, welche Angabe gilt' }).waitFor();
  // The heading and the tab name the contact the choice is about (with JS the title follows the swap).
  assert.equal(await anna.page.getByRole('heading', { level: 1 }).textContent(), `Bitte entscheiden Sie, welche Angabe gilt: ${name}`);
  // Read out as shown, the colon without a space before it (walkthrough, stop 68: "gilt : …").
  assert.equal(
    await anna.page.getByRole('heading', { level: 1, name: `Bitte entscheiden Sie, welche Angabe gilt: ${name}`, exact: true }).count(),
    1,
  );
  assert.equal(await anna.page.title(), `Bitte entscheiden Sie, welche Angabe gilt: ${name} · Kontakte`);
  const groups = anna.page.getByRole('group');
  assert.equal(await groups.count(), 1, 'only the field both changed');
  assert.equal(await anna.page.getByRole('group', { name: 'Notizen' }).count(), 1);
  // Each choice says whose it is, and neither value is broken into pieces at 360 px.
  const mine = anna.page.getByRole('radio', { name: 'Meine Eingabe Schlüssel beim Hausmeister' });
  const theirs = anna.page.getByRole('radio', { name: 'Von Jonas Müller Wartung im März' });
  // And both: his line, then hers.
  const both = anna.page.getByRole('radio', { name: 'Beide Änderungen Wartung im März Schlüssel beim Hausmeister' });
  assert.ok(
    (await mine.count()) === 1 && (await theirs.count()) === 1 && (await both.count()) === 1,
    'both values offered, and both together',
  );
  assert.ok(!(await mine.isChecked()) && !(await theirs.isChecked()) && !(await both.isChecked()), 'none is chosen before Anna picks');
  for (const choice of [mine, theirs, both]) {
    const label = await anna.page.locator('label.choice', { has: choice }).boundingBox();
    assert.ok(label && label.width >= 300, `each choice takes the phone's whole width (${label?.width} px)`);
  }
  // Both actions sit directly under the choices, in the first screen of the phone.
  const save = anna.page.getByRole('button', { name: 'Auswahl speichern' });
  const box = await save.boundingBox();
  assert.ok(box && box.y + box.height <= 800, `the save button is in the first screen (y=${box?.y})`);
  await anna.page.screenshot({ path: `${shots}/phone-merge-choice-${javaScript ? 'js' : 'nojs'}.png`, fullPage: true });
  // Nothing was overwritten yet: Jonas still sees his values.
  await jonas.page.reload();
  assert.ok(await jonas.page.getByText('Wartung im März').isVisible());

  // Without a choice nothing is sent (with or without JS): the browser asks for one.
  let posts = 0;
  const counting = (request) => {
    if (request.method() === 'POST') posts += 1;
  };
  anna.page.on('request', counting);
  const heardFirst = javaScript ? await recordAnnouncements(anna.page) : [];
  await save.click();
  await anna.page.waitForTimeout(300);
  anna.page.off('request', counting);
  assert.equal(posts, 0, 'no save without a choice');
  assert.equal(await mine.evaluate((radio) => radio.validity.valueMissing), true);
  if (javaScript) {
    // The page's words beside the group (not the browser's bubble), focus on its first choice,
    // its choices marked invalid and the words said as focus lands (a11y review, stop 63: focus alone said nothing).
    const said = anna.page.getByRole('group', { name: 'Notizen' }).locator('.field-error');
    assert.equal(await said.textContent(), 'Bitte wählen Sie, welche Angabe gilt. Noch ist nichts gespeichert.');
    assert.equal(await anna.page.getByRole('group', { name: 'Notizen' }).getAttribute('aria-describedby'), await said.getAttribute('id'));
    assert.equal(await mine.evaluate((radio) => radio === document.activeElement), true, 'focus on the first choice');
    assert.equal(await mine.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(heardFirst, ['Bitte wählen Sie, welche Angabe gilt. Noch ist nichts gespeichert.']);
    // Sent again from there (Enter): focus moves nowhere, and the words are said again.
    const heard = await recordAnnouncements(anna.page);
    await anna.page.evaluate(() => {
      document.getElementById('announcer').textContent = '';
    });
    await anna.page.keyboard.press('Enter');
    await anna.page.waitForFunction(() => document.getElementById('announcer')?.textContent);
    assert.deepEqual(heard, ['Bitte wählen Sie, welche Angabe gilt. Noch ist nichts gespeichert.']);
  }
  // Anna keeps her notes (the words beside the group go with the choice).
  await mine.check();
  assert.equal(await anna.page.locator('fieldset.pick .field-error').count(), 0);
  assert.equal(await mine.getAttribute('aria-invalid'), null);
  await save.click();
  await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await jonas.page.reload();
  for (const value of ['089 200 200', 'service@sanitaer-klar.example', 'Schlüssel beim Hausmeister']) {
    assert.ok(await jonas.page.getByText(value, { exact: true }).first().isVisible(), `${value} stands`);
  }

  // Different fields only: saved at once, and the card says what was combined.
  await jonasSavesFirst(anna, jonas, name, { mobile: '0170 1234567' });
  await fillContact(anna.page, { city: 'München', street: 'Weg 1' });
  await anna.page.getByRole('button', { name: 'Speichern' }).click();
  await anna.page
    .locator('main')
    .getByText('Jonas Müller hat inzwischen die Mobilnummer geändert – diese Änderung ist übernommen.')
    .waitFor();
  assert.ok(await anna.page.getByRole('link', { name: '0170 1234567' }).isVisible());
  await anna.page.screenshot({ path: `${shots}/phone-merged-${javaScript ? 'js' : 'nojs'}.png` });

  // Another clash; this time Anna opens the whole form once more, without choosing: her own
  // input is there, the rest merged, and nothing is saved until she sends it.
  await jonasSavesFirst(anna, jonas, name, { notes: 'Hausmeister: Herr Pohl' });
  await fillContact(anna.page, { notes: 'Schlüssel bei Frau Roth', postal_code: '80331' });
  await anna.page.getByRole('button', { name: 'Speichern' }).click();
  await anna.page.getByRole('heading', { level: 1, name: 'Bitte entscheiden Sie, welche Angabe gilt' }).waitFor();
  // On a wide screen its two buttons stand side by side, as every other pair (they were stacked).
  await anna.page.setViewportSize({ width: 1280, height: 800 });
  const tops = [];
  for (const name of ['Auswahl speichern', 'Alles noch einmal bearbeiten'])
    tops.push((await anna.page.getByRole('button', { name }).boundingBox())?.y);
  assert.equal(tops[0], tops[1], `one row: ${tops}`);
  await anna.page.setViewportSize(phone.viewport);
  await anna.page.getByRole('button', { name: 'Alles noch einmal bearbeiten' }).click();
  await anna.page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
  // Its long button over "Abbrechen" is no sticky bar covering a fifth of the phone's screen.
  assert.equal(await anna.page.locator('.save-bar').evaluate((bar) => getComputedStyle(bar).position), 'static');
  // Its comparison on the phone: every value on the whole width under its column's name (three
  // columns in 290 px broke words and phone numbers in the middle).
  const cells = await anna.page
    .locator('.conflict td')
    .evaluateAll((tds) => tds.map((td) => ({ width: td.getBoundingClientRect().width, label: getComputedStyle(td, '::before').content })));
  assert.ok(cells.length > 0 && cells.every((cell) => cell.width >= 250), JSON.stringify(cells));
  assert.deepEqual([...new Set(cells.map((cell) => cell.label))], ['"Meine Eingabe"', '"Von Jonas Müller"']);
  assert.equal(await anna.page.getByLabel('Notizen', { exact: true }).inputValue(), 'Schlüssel bei Frau Roth');
  assert.equal(await anna.page.getByLabel('PLZ', { exact: true }).inputValue(), '80331');
  await jonas.page.reload();
  assert.ok(await jonas.page.getByText('Hausmeister: Herr Pohl').isVisible(), 'nothing saved yet');
  await fillContact(anna.page, { notes: 'Schlüssel bei Frau Roth, Hausmeister Herr Pohl' });
  await anna.page.getByRole('button', { name: 'Speichern' }).click();
  await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await jonas.page.reload();
  for (const value of ['Schlüssel bei Frau Roth, Hausmeister Herr Pohl', '0170 1234567']) {
    assert.ok(await jonas.page.getByText(value, { exact: true }).first().isVisible(), `${value} stands`);
  }

  // The notes once more, each adding a line to the same text: "Beide Änderungen" keeps his line and hers,
  // the common one once, the lines as typed (the browser sends the choice's line breaks).
  await jonasSavesFirst(anna, jonas, name, { notes: 'Schlüssel bei Frau Roth, Hausmeister Herr Pohl\nWartung im Mai' });
  await fillContact(anna.page, { notes: 'Schlüssel bei Frau Roth, Hausmeister Herr Pohl\nRechnung bezahlt' });
  await anna.page.getByRole('button', { name: 'Speichern' }).click();
  await anna.page.getByRole('heading', { level: 1, name: 'Bitte entscheiden Sie, welche Angabe gilt' }).waitFor();
  await anna.page.getByRole('radio', { name: /^Beide Änderungen / }).check();
  await anna.page.getByRole('button', { name: 'Auswahl speichern' }).click();
  await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await jonas.page.reload();
  assert.equal(
    await jonas.page.locator('dd.pre', { hasText: 'Wartung im Mai' }).innerText(),
    'Schlüssel bei Frau Roth, Hausmeister Herr Pohl\nWartung im Mai\nRechnung bezahlt',
  );
  assert.equal(anna.errors.length + jonas.errors.length, 0, [...anna.errors, ...jonas.errors].join('\n'));
}

for (const javaScript of [true, false]) {
  test(`Jonas deletes the contact Anna is editing (JavaScript ${javaScript ? 'on' : 'off'}): she brings it back with her input, and his undo leaves no copy`, async () => {
    const options = { javaScriptEnabled: javaScript, ...phone };
    const name = `Weg und zurück ${unique()}`;
    await withCoBuyers(options, { company: name }, async (anna, jonas) => {
      await openEditor(anna.page, name);
      await fillContact(anna.page, { notes: 'Annas Notiz' });
      // Jonas deletes it meanwhile (on his card; without JS through the confirmation page).
      await jonas.page.goto(listPath());
      await jonas.page.getByRole('link', { name, exact: true }).click();
      // With JS a button (it deletes at once), without a link to the page that asks.
      await jonas.page.getByRole(javaScript ? 'button' : 'link', { name: 'Löschen', exact: true }).click();
      if (!javaScript) await jonas.page.getByRole('button', { name: 'Ja, löschen' }).click();
      await jonas.page.locator('main').getByText(`„${name}“ wurde gelöscht.`).waitFor();
      await anna.page.getByRole('button', { name: 'Speichern' }).click();
      await anna.page.getByText('Jonas Müller hat den Kontakt gelöscht, während Sie ihn bearbeitet haben.').waitFor();
      // Its three actions stay in the flow of the page: a sticky bar of three would cover a quarter of the phone.
      assert.equal(await anna.page.locator('.save-bar').evaluate((bar) => getComputedStyle(bar).position), 'static');
      await anna.page.getByRole('button', { name: 'Mit meinen Eingaben wiederherstellen' }).click();
      await anna.page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
      assert.ok(await anna.page.locator('main').getByText('Annas Notiz').isVisible(), 'her notes are on the card');
      // Jonas's undo, still on his screen: the contact is there once, said as brought back by Anna
      // (stop 60: "ist wiederhergestellt", as if his undo had done it).
      await jonas.page.getByRole('button', { name: 'Rückgängig' }).click();
      await jonas.page.locator('main').getByText(`„${name}“ ist schon wieder da, zuletzt geändert von Anna Müller am`).waitFor();
      await jonas.page.goto(`${listPath()}?q=${encodeURIComponent(name)}`);
      assert.equal(await jonas.page.getByRole('link', { name, exact: true }).count(), 1, 'one contact, no copy');
    });
  });
}

test('"Mit meinen Eingaben wiederherstellen" pressed while focus stays in a date of two-digit year (a screen reader\'s browse mode) sends the year read in full (review, stop 65)', async () => {
  const name = `Jahr zurück ${unique()}`;
  await withCoBuyers(phone, { company: name }, async (anna, jonas) => {
    await openEditor(anna.page, name);
    await deletedWhileEditing(anna, jonas, name);
    const end = anna.page.getByLabel('Gewährleistung bis', { exact: true });
    await end.focus();
    await anna.page.keyboard.type('030330');
    assert.equal(await end.inputValue(), '0030-03-03');
    // Activated without moving focus, as a screen reader's browse mode does: no focusout.
    await anna.page.getByRole('button', { name: 'Mit meinen Eingaben wiederherstellen' }).evaluate((button) => button.click());
    await anna.page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
    assert.ok(await anna.page.locator('main').getByText('03.03.2030').first().isVisible(), 'the end as read in full');
  });
});

test('"Mit meinen Eingaben wiederherstellen" that did not go out, sent again by "Erneut senden", brings the contact back: no copy (data review)', async () => {
  const name = `Offline zurück ${unique()}`;
  await withCoBuyers({}, { company: name }, async (anna, jonas) => {
    await openEditor(anna.page, name);
    await fillContact(anna.page, { notes: 'Annas Notiz' });
    await deletedWhileEditing(anna, jonas, name);
    // The connection drops as she brings it back; back online, she sends it again.
    await anna.context.setOffline(true);
    await anna.page.getByRole('button', { name: 'Mit meinen Eingaben wiederherstellen' }).click();
    const box = anna.page.locator('#net');
    await box.getByRole('button', { name: 'Erneut senden' }).waitFor();
    await anna.context.setOffline(false);
    await box.getByRole('button', { name: 'Erneut senden' }).click();
    await anna.page.locator('main').getByText(`„${name}“ ist wiederhergestellt.`).waitFor();
    assert.ok(await anna.page.locator('main').getByText('Annas Notiz').isVisible(), 'her notes are on the card');
    // Once in the book, and no longer among the deleted (its history came back with it).
    await jonas.page.goto(`${listPath()}?q=${encodeURIComponent(name)}`);
    assert.equal(await jonas.page.getByRole('link', { name, exact: true }).count(), 1, 'one contact, no copy');
    await jonas.page.goto(`${listPath()}/deleted`);
    assert.equal(await jonas.page.locator('main').getByText(name).count(), 0, 'not left among the deleted');
  });
});

test('Without JavaScript, the way back to an edit form never puts typed values over a co-buyer\u2019s save in between', async () => {
  const options = { javaScriptEnabled: false, ...phone };
  const name = `Zurück und weiter ${unique()}`;
  await withCoBuyers(options, { company: name, phone: '089 100 100' }, async (anna, jonas) => {
    const phoneField = () => anna.page.getByLabel('Telefonnummer', { exact: true });

    // Nobody saved meanwhile: the browser puts her typing back, and it saves.
    await openEditor(anna.page, name);
    await fillContact(anna.page, { phone: '089 200 200' });
    await anna.page.getByRole('link', { name: 'Zurück zum Kontakt' }).click();
    await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await anna.page.goBack();
    await anna.page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
    assert.equal(await phoneField().inputValue(), '089 200 200', 'her typing is back');
    await anna.page.getByRole('button', { name: 'Speichern' }).click();
    await anna.page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
    assert.ok(await anna.page.getByRole('link', { name: '089 200 200' }).isVisible());

    // Again, and Jonas saves another number while she is away from the form: back there,
    // the form is his version, with his number, and saving it keeps his number.
    await openEditor(anna.page, name);
    await fillContact(anna.page, { phone: '089 300 300' });
    await anna.page.getByRole('link', { name: 'Zurück zum Kontakt' }).click();
    await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await openEditor(jonas.page, name);
    await fillContact(jonas.page, { phone: '089 999 999' });
    await jonas.page.getByRole('button', { name: 'Speichern' }).click();
    await jonas.page.locator('main').getByText('Zuletzt geändert von Jonas Müller').waitFor();
    await anna.page.goBack();
    await anna.page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
    assert.equal(await phoneField().inputValue(), '089 999 999', 'the form shows what Jonas saved, not her typing over it');
    assert.ok(await anna.page.locator('main').getByText('Zuletzt geändert von Jonas Müller').isVisible(), 'and says whose values they are');
    await anna.page.getByRole('button', { name: 'Speichern' }).click();
    await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    assert.ok(await anna.page.getByRole('link', { name: '089 999 999' }).isVisible(), 'his number is kept');
  });
});

for (const javaScript of [true, false]) {
  test(`"Gespeicherte Werte übernehmen" after "Alles noch einmal bearbeiten" (JavaScript ${javaScript ? 'on' : 'off'}): Jonas's notes in the form, Anna's other input kept (buyer review, stop 60)`, async () => {
    const options = { javaScriptEnabled: javaScript, ...phone };
    const name = `Werte nehmen ${unique()}`;
    await withCoBuyers(options, { company: name, notes: 'Zeile eins', email: 'alt@werte.example' }, async (anna, jonas) => {
      await jonasSavesFirst(anna, jonas, name, { phone: '089 123456', notes: 'Jonas schreibt' });
      await fillContact(anna.page, { email: 'anna@werte.example', notes: 'Anna schreibt', street: 'Annastr. 5', city: 'München' });
      await anna.page.getByRole('button', { name: 'Speichern' }).click();
      await anna.page.getByRole('button', { name: 'Alles noch einmal bearbeiten' }).click();
      await anna.page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
      await anna.page.getByRole('button', { name: 'Gespeicherte Werte übernehmen' }).click();
      await anna.page.getByText('Die gespeicherten Werte stehen jetzt im Formular, Ihre übrigen Eingaben sind erhalten.').waitFor();
      assert.equal(await anna.page.getByLabel('Notizen', { exact: true }).inputValue(), 'Jonas schreibt');
      for (const [label, value] of [
        ['E-Mail-Adresse', 'anna@werte.example'],
        ['Straße und Hausnummer', 'Annastr. 5'],
        ['Ort', 'München'],
        ['Telefonnummer', '089 123456'],
      ])
        assert.equal(await anna.page.getByLabel(label, { exact: true }).inputValue(), value, label);
      assert.equal(await anna.page.locator('.conflict').count(), 0, 'nothing left to compare');
      await anna.page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await jonas.page.reload();
      for (const value of ['Jonas schreibt', 'anna@werte.example', '089 123456'])
        assert.ok(await jonas.page.locator('main').getByText(value, { exact: true }).first().isVisible(), `${value} stands`);
      assert.ok(await jonas.page.locator('main').getByText('Annastr. 5').first().isVisible(), 'her address stands');
      assert.equal(anna.errors.length + jonas.errors.length, 0, [...anna.errors, ...jonas.errors].join('\n'));
    });
  });
}
