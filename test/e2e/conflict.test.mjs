// Issue 5 item 2: two co-buyers edit the same contact at once. The second save must not
// overwrite the first: it shows the conflict view with both values, and nothing is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillContact, listPath, unique, waitForFocus, withBrowser } from './helpers.mjs';

async function openEditor(page, name) {
  await page.goto(listPath());
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await page.getByRole('heading', { level: 1, name: `${name} bearbeiten`, exact: true }).waitFor();
}

for (const javaScript of [true, false]) {
  test(`Anna and Jonas edit the same contact (JavaScript ${javaScript ? 'on' : 'off'}): conflict view, then either version wins on purpose`, async () => {
    const options = { javaScriptEnabled: javaScript };
    await withBrowser(
      'anna',
      (anna) =>
        withBrowser(
          'jonas',
          async (jonas) => {
            const tag = unique();
            const name = `Sanitär Klar ${tag}`;

            // Anna creates the contact, then both open its edit form.
            await anna.page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
            await fillContact(anna.page, { company: name, phone: '089 100 100', notes: 'Wartung jährlich' });
            await anna.page.getByRole('button', { name: 'Speichern' }).click();
            await anna.page.locator('main').getByText(`„${name}“ wurde gespeichert.`).waitFor();
            await openEditor(anna.page, name);
            await openEditor(jonas.page, name);

            // Jonas saves first.
            await fillContact(jonas.page, { phone: '089 200 200', email: 'service@sanitaer-klar.example' });
            await jonas.page.getByRole('button', { name: 'Speichern' }).click();
            await jonas.page.locator('main').getByText('Zuletzt geändert von Jonas Müller').waitFor();

            // Anna saves her (older) form: 409, the conflict view shows her input beside the stored values.
            await fillContact(anna.page, { phone: '089 300 300', notes: 'Wartung jährlich\nSchlüssel beim Hausmeister' });
            const [response] = await Promise.all([
              anna.page.waitForResponse((r) => r.request().method() === 'POST'),
              anna.page.getByRole('button', { name: 'Speichern' }).click(),
            ]);
            assert.equal(response.status(), 409);
            const conflict = anna.page.locator('.conflict');
            await conflict.getByRole('heading', { name: 'Jemand hat diesen Kontakt inzwischen geändert' }).waitFor();
            assert.match(await conflict.innerText(), /Jonas Müller hat den Kontakt am .* geändert/);
            const row = (label) =>
              conflict.locator('tbody tr').filter({ has: anna.page.getByRole('rowheader', { name: label, exact: true }) });
            assert.deepEqual(
              await row('Telefon').locator('td').allInnerTexts(),
              ['089 300 300', '089 200 200'],
              'phone: hers and the stored one',
            );
            assert.deepEqual(
              await row('E-Mail').locator('td').allInnerTexts(),
              ['—', 'service@sanitaer-klar.example'],
              'e-mail: hers (empty) and the stored one',
            );
            assert.deepEqual(await row('Notizen').locator('td').allInnerTexts(), [
              'Wartung jährlich\nSchlüssel beim Hausmeister',
              'Wartung jährlich',
            ]);
            assert.equal(await conflict.locator('tbody tr').count(), 3, 'only the fields that differ');
            // Her input is still in the form, nothing was overwritten on the server.
            assert.equal(await anna.page.getByLabel('Telefon', { exact: true }).inputValue(), '089 300 300');
            assert.equal(
              await anna.page.getByLabel('Notizen', { exact: true }).inputValue(),
              'Wartung jährlich\nSchlüssel beim Hausmeister',
            );
            if (javaScript) await waitForFocus(anna.page, 'form-title', 'after the 409 swap');
            await jonas.page.reload();
            assert.ok(await jonas.page.getByRole('link', { name: '089 200 200' }).isVisible(), "Jonas's save stands");

            // Taking the stored version loads it into the form; Anna adds her phone again and saves.
            await conflict.getByRole('link', { name: 'Gespeicherte Fassung übernehmen' }).click();
            await anna.page.waitForFunction(() => !document.querySelector('.conflict'));
            assert.equal(await anna.page.getByLabel('Telefon', { exact: true }).inputValue(), '089 200 200');
            assert.equal(await anna.page.getByLabel('E-Mail', { exact: true }).inputValue(), 'service@sanitaer-klar.example');

            // A second conflict: Jonas changes the notes again, and this time Anna keeps her input.
            await openEditor(jonas.page, name);
            await fillContact(jonas.page, { notes: 'Wartung im März' });
            await jonas.page.getByRole('button', { name: 'Speichern' }).click();
            await jonas.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
            await fillContact(anna.page, { mobile: '0170 1234567' });
            await anna.page.getByRole('button', { name: 'Speichern' }).click();
            await conflict.waitFor();
            assert.deepEqual(await row('Notizen').locator('td').allInnerTexts(), ['Wartung jährlich', 'Wartung im März']);
            await anna.page.getByRole('button', { name: 'Meine Eingaben trotzdem speichern' }).click();
            await anna.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
            assert.ok(await anna.page.getByRole('link', { name: '0170 1234567' }).isVisible());
            await jonas.page.reload();
            assert.ok(await jonas.page.getByRole('link', { name: '0170 1234567' }).isVisible(), 'Jonas sees what Anna decided');
            assert.equal(anna.errors.length + jonas.errors.length, 0, [...anna.errors, ...jonas.errors].join('\n'));
          },
          options,
        ),
      options,
    );
  });
}
