// The QR code on a contact's card, read from the pixels the browser shows (jsQR, an independent
// decoder): a well-filled contact makes a dense code, and at 240 CSS px a 1× screen gave its
// modules 2 or 3 pixels in turn, which jsQR (and a phone camera) could not read (review, stop 36).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import jsQR from 'jsqr';
import { fillContact, listPath, unique, withBrowser } from './helpers.mjs';

describe('the QR code on the card', () => {
  test('opened on a phone, the code is on the screen, whole (walkthrough, stop 66: it opened below it)', async () => {
    await withBrowser(
      'jonas',
      async ({ page }) => {
        const company = `Bildschirm ${unique()}`;
        await page.goto(`${listPath()}/new`);
        await fillContact(page, { company, phone: '089 1234567', street: 'Lindenallee 4', postal_code: '80331', city: 'München' });
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('heading', { level: 1, name: company }).waitFor();
        const summary = page.getByText('QR-Code zeigen');
        await summary.scrollIntoViewIfNeeded();
        const below = await page.locator('details.qr').evaluate((details) => details.getBoundingClientRect().top + 320 > innerHeight);
        assert.ok(below, 'the test opens the code where it would not fit below its summary');
        await summary.click();
        await page.waitForFunction(() => {
          const box = document.querySelector('.qr img')?.getBoundingClientRect();
          return box && box.top >= 0 && box.bottom <= innerHeight;
        });
      },
      { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 },
    );
  });

  test('a well-filled contact\u2019s code reads at the size it is shown on a 1\u00d7 screen', async () => {
    await withBrowser(
      'jonas',
      async ({ page }) => {
        const company = `Müller-Lüdenscheidt Küchen & Innenausbau GmbH & Co. KG ${unique()}`;
        await page.goto(`${listPath()}/new`);
        await fillContact(page, {
          title: 'Dr.-Ing.',
          first_name: 'Hans-Jürgen',
          last_name: 'Müller-Lüdenscheidt',
          company,
          position: 'Geschäftsführer Küchenplanung',
          phone: '+49 89 12345678-0',
          mobile: '+49 171 9876543',
          email: 'hans-juergen.mueller-luedenscheidt@kuechen-innenausbau.example.de',
          website: 'https://www.kuechen-innenausbau.example.de/kontakt/ansprechpartner',
          street: 'Große Straße der Einheit 123a',
          postal_code: '80331',
          city: 'München',
        });
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('heading', { level: 1, name: /Müller-Lüdenscheidt/ }).waitFor();
        await page.getByText('QR-Code zeigen').click();
        const img = page.locator('.qr img');
        await img.waitFor();
        await page.waitForFunction(() => document.querySelector('.qr img')?.complete);
        // The image drawn at the size it is shown, one pixel per CSS pixel (a 1× screen).
        const { width, height, data } = await img.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(box.width);
          canvas.height = Math.round(box.height);
          const context = canvas.getContext('2d');
          context.imageSmoothingEnabled = false;
          context.drawImage(element, 0, 0, canvas.width, canvas.height);
          return {
            width: canvas.width,
            height: canvas.height,
            data: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data),
          };
        });
        const code = jsQR(Uint8ClampedArray.from(data), width, height);
        assert.ok(code, `read at ${width}×${height} px`);
        assert.ok(code.version >= 17, `a dense code: version ${code.version}`);
        assert.ok(code.data.includes('Müller-Lüdenscheidt'), code.data);
      },
      { deviceScaleFactor: 1 },
    );
  });
});
