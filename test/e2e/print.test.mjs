// Issue 16 items 3 and 4 in the browser: the phone list of 50 contacts prints on at most two A4
// pages (measured in Chromium's own PDF), printing any page hides buttons, navigation, search and
// forms, and "Teilen" / the export links follow the search.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { ASSET_NAME, assertNoAxeViolations, BASE_URL, listPath, login, openBrowser, unique } from './helpers.mjs';

const FIRST = ['Stefan', 'Julia', 'Thomas', 'Lena', 'Markus', 'Sabine', 'Jürgen', 'Aylin', 'Katarzyna', 'Henrik'];
const LAST = ['Schmidt', 'Ähler', 'Müller', 'Özdemir', 'Weiß', 'Hoffmann', 'Brandstätter', 'Yılmaz', 'Nowak', 'Lindqvist'];
const TRADES = [
  'Küchenbauer',
  'Fliesenleger',
  'Sanitär und Heizung',
  'Elektriker',
  'Gartenbauer',
  'Bauleiter',
  'Maler und Lackierer',
  'Schreiner',
  'Bodenleger',
  'Hausverwaltung',
];
const FIRMS = [
  'Küchenstudio',
  'Fliesen',
  'Haustechnik',
  'Elektrotechnik',
  'Garten- und Landschaftsbau',
  'Bauunternehmung',
  'Malerbetrieb',
  'Schreinerei',
  'Bodenbeläge',
  'Immobilienverwaltung',
];
const FORMS = ['GmbH', 'GmbH & Co. KG', 'e. K.', 'GmbH', 'und Söhne GbR'];
const PLACES = [
  ['Hauptstraße 5', '80331', 'München'],
  ['Gewerbering 14', '85716', 'Unterschleißheim'],
  ['Maximilianstraße 112', '86150', 'Augsburg'],
  ['Am Anger 2', '85521', 'Ottobrunn'],
  ['Industriestraße 27a', '82008', 'Unterhaching'],
];

/** A contact as real books hold them: every printed field filled, names and companies of real lengths. */
function realistic(index, tag) {
  const first = FIRST[index % FIRST.length];
  const last = LAST[(index + Math.floor(index / 10) * 3) % LAST.length];
  const trade = TRADES[index % TRADES.length];
  const [street, postal, city] = PLACES[index % PLACES.length];
  const ascii = (text) =>
    text
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .replace(/[^a-z]/g, '');
  const firm = FIRMS[index % FIRMS.length];
  return {
    first_name: first,
    last_name: last,
    company: `${last} ${firm} ${FORMS[index % FORMS.length]}`,
    position: trade,
    phone: `+49 89 ${3100200 + index * 7919}`,
    mobile: `+49 (0)171 ${5550100 + index * 131}`,
    email: `${ascii(first)}.${ascii(last)}@${ascii(last)}-${ascii(firm).slice(0, 12)}.de`,
    street,
    postal_code: postal,
    city,
    country: 'Deutschland',
    notes: `Hausakte ${tag}: Angebot Nr. ${1000 + index}, Gewährleistung bis 2031.`,
  };
}

/** Adds contacts through the app's own form endpoint; waits out the write limit (60 per 10 s) if it answers 429. */
async function addThroughHttp(page, contacts) {
  for (const [index, contact] of contacts.entries()) {
    for (let attempt = 0; ; attempt += 1) {
      const response = await page.request.post(listPath(), {
        headers: { Origin: BASE_URL },
        form: { form_token: `print-${index}-${unique()}`, ...contact },
        maxRedirects: 0,
      });
      if (response.status() === 429 && attempt < 5) {
        await delay(2500);
        continue;
      }
      assert.equal(response.status(), 303, `contact ${index}: ${response.status()}`);
      break;
    }
  }
}

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('the printable phone list and printing', () => {
  let anna;
  const tag = `akte${unique()}`;
  const printPath = `${listPath()}/print?q=${tag}`;
  const shortTag = `kurz${unique()}`;

  before(async () => {
    anna = await openBrowser();
    await login(anna.page, 'anna');
    await addThroughHttp(anna.page, [
      ...Array.from({ length: 50 }, (_, index) => realistic(index, tag)),
      // Numbers short enough to make their column narrower than its header (UX review).
      { last_name: `Notruf ${shortTag}`, phone: '110', position: 'Polizei' },
    ]);
  });
  after(async () => {
    await anna?.close();
  });

  test('50 contacts print on at most two A4 pages, headed by the asset and the date', async () => {
    const { page, errors } = anna;
    await page.goto(printPath);
    assert.equal(await page.locator('table.phones tbody tr').count(), 50, 'the 50 contacts of the search');
    const heading = (await page.locator('h1').innerText()).replace(/\s+/g, ' ');
    const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(Date.now());
    assert.ok(heading.startsWith(ASSET_NAME), heading);
    assert.ok(heading.includes(`Stand: ${today}`), heading);

    // Chromium's PDF, as "Drucken" / "Als PDF speichern" makes it: with the page's own margins
    // (page.pdf() passes none, so the @page rule decides), and with 10 mm set by the dialog.
    for (const margin of [undefined, { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' }]) {
      const pdf = await page.pdf({ format: 'A4', margin });
      // PRINT_PDF_DIR=/tmp/x keeps the PDFs for a look at the printout.
      if (process.env.PRINT_PDF_DIR)
        writeFileSync(join(process.env.PRINT_PDF_DIR, `phone-list-margin-${margin ? '10mm' : 'css'}.pdf`), pdf);
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1 && pages <= 2, `50 contacts on ${pages} A4 pages (margin ${JSON.stringify(margin)})`);
    }
    assert.deepEqual(errors, []);
  });

  test('"Drucken" opens the print dialog with JavaScript; the hint for printing without it is then hidden', async () => {
    const { page } = anna;
    await page.goto(printPath);
    const button = page.getByRole('button', { name: 'Drucken' });
    await button.waitFor({ state: 'visible' });
    assert.equal(await page.getByText('Drucken Sie diese Seite über die Druckfunktion Ihres Browsers').isVisible(), false);
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = (window.__printed ?? 0) + 1;
      };
    });
    await button.click();
    assert.equal(await page.evaluate(() => window.__printed), 1, 'window.print() called once');
  });

  test('the phone list meets WCAG 2.2 AA (axe-core), on screen and as printed', async () => {
    const checked = await openBrowser({ bypassCSP: true });
    try {
      await login(checked.page, 'anna');
      await checked.page.goto(printPath);
      await checked.page.getByRole('button', { name: 'Drucken' }).waitFor();
      await assertNoAxeViolations(checked.page, 'the phone list');
      await checked.page.emulateMedia({ media: 'print' });
      await assertNoAxeViolations(checked.page, 'the printed phone list');
      // Paper is white: a phone or desktop in dark mode printed the list in grey (2.8:1).
      await checked.page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const inks = await checked.page.evaluate(() => {
        const style = (selector) => getComputedStyle(document.querySelector(selector));
        return { text: style('table.phones td').color, page: style('body').backgroundColor };
      });
      assert.deepEqual(inks, { text: 'rgb(22, 24, 27)', page: 'rgb(255, 255, 255)' });
      // The list printed from dark mode: its call and mail discs are not printed (UX review: they
      // printed as blue discs), its names in the paper's ink.
      await checked.page.goto(listPath());
      assert.equal(await checked.page.locator('.round').first().isVisible(), false);
      const name = await checked.page.evaluate(() => getComputedStyle(document.querySelector('li.contact a.name')).color);
      assert.equal(name, 'rgb(22, 24, 27)', "in the paper's ink");
    } finally {
      await checked.close();
    }
  });

  test('without JavaScript there is no "Drucken" button but the hint says how to print', async () => {
    const noJs = await openBrowser({ javaScriptEnabled: false });
    try {
      await login(noJs.page, 'anna');
      await noJs.page.goto(printPath);
      assert.equal(await noJs.page.getByRole('button', { name: 'Drucken' }).count(), 0);
      assert.ok(await noJs.page.getByText('Drucken Sie diese Seite über die Druckfunktion Ihres Browsers').isVisible());
      assert.equal(await noJs.page.locator('table.phones tbody tr').count(), 50);
    } finally {
      await noJs.close();
    }
  });

  test('printing the list (or the phone list) hides buttons, navigation, search and forms, and keeps the contacts', async () => {
    const { page } = anna;
    for (const path of [listPath(), printPath]) {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      try {
        const controls = page.locator('button, .button, form, input, nav, header.top a, details, a.skip, .round');
        const count = await controls.count();
        assert.ok(path === printPath || count > 5, `the page has controls to hide (${count})`);
        for (let index = 0; index < count; index += 1) {
          const control = controls.nth(index);
          assert.equal(
            await control.isVisible(),
            false,
            `${path}: printed: ${await control.evaluate((element) => element.outerHTML.slice(0, 120))}`,
          );
        }
        const content = path === printPath ? page.locator('table.phones tbody tr').first() : page.locator('li.contact').first();
        assert.ok(await content.isVisible(), `${path}: the contacts are printed`);
        assert.ok(await page.locator('h1').isVisible(), `${path}: the heading is printed`);
        // Whose book it is: the asset's name, once (the phone list has it in its heading).
        const asset = page.locator('header.top .asset');
        if (path === printPath) {
          assert.equal(await asset.isVisible(), false, 'the phone list names the asset in its heading');
          assert.match(await page.locator('h1').innerText(), /Lindenhof, Wohnung 12/);
        } else assert.equal(await asset.innerText(), 'Lindenhof, Wohnung 12', `${path}: the asset is printed`);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    }
    // The numbers' column is as narrow as they are, its header still one line (UX review:
    // "Telefonn|ummern" above short numbers).
    await page.goto(`${listPath()}/print?q=${shortTag}`);
    await page.emulateMedia({ media: 'print' });
    try {
      const header = await page
        .locator('table.phones thead th')
        .nth(1)
        .evaluate((th) => {
          const style = getComputedStyle(th);
          return {
            height: th.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom),
            line: Number.parseFloat(style.lineHeight),
            width: th.clientWidth,
          };
        });
      assert.ok(header.height < header.line * 1.5, `the header on one line: ${JSON.stringify(header)}`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // A card printed: its details, without the tiles that call or mail, the QR code's disclosure
    // or the history's link (UX review).
    await page.goto(listPath());
    await page.locator('li.contact a.name').first().click();
    await page.locator('.quick').waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      for (const selector of ['.quick', 'details.qr', '.changed a', 'a.delete', 'header.top a'])
        assert.equal(await page.locator(selector).first().isVisible(), false, `printed: ${selector}`);
      assert.ok(await page.locator('h1').isVisible());
      assert.ok(await page.locator('dl.fields').isVisible(), 'the details are printed');
      assert.ok(await page.locator('.changed').isVisible(), 'who changed it last, and when');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // Opened, the QR code prints (to hang on the fridge or hand to a co-buyer), without its
    // label and hints.
    await page.locator('details.qr summary').click();
    const code = page.locator('details.qr img');
    await page.waitForFunction(() => document.querySelector('details.qr img')?.naturalWidth > 0);
    await page.emulateMedia({ media: 'print' });
    try {
      assert.ok(await code.isVisible(), 'the opened QR code is printed');
      assert.equal(await page.locator('details.qr summary').isVisible(), false, 'without its label');
      assert.equal(await page.locator('details.qr .hint').first().isVisible(), false, 'without its hints');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('the export and print links follow active search; "Teilen" hands that file to the share sheet where files can be shared', async () => {
    const phone = await openBrowser();
    try {
      // A phone that can share files: canShare and share as a phone browser has them.
      await phone.context.addInitScript(() => {
        navigator.canShare = (data) => Boolean(data && data.files && data.files.length);
        navigator.share = async (data) => {
          const [file] = data.files;
          window.__shared = { name: file.name, type: file.type, text: await file.text() };
        };
      });
      const { page } = phone;
      await login(page, 'anna');
      await page.goto(listPath());
      await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill(`${tag} Küchenbauer`);
      await page.locator('#results .count').getByText(`5 Treffer für „${tag} Küchenbauer“`).waitFor();
      const q = new URLSearchParams({ q: `${tag} Küchenbauer` }).toString();
      assert.equal(
        await page.getByRole('link', { name: '5 Treffer auf das Handy übernehmen (.vcf)' }).getAttribute('href'),
        `${listPath()}.vcf?${q}`,
      );
      assert.equal(await page.getByRole('link', { name: '5 Treffer drucken' }).getAttribute('href'), `${listPath()}/print?${q}`);

      const share = page.getByRole('button', { name: 'Teilen' });
      assert.ok(await share.isVisible(), '"Teilen" shows where files can be shared');
      await share.click();
      await page.waitForFunction(() => window.__shared);
      const shared = await page.evaluate(() => window.__shared);
      // Named with the search, not as the whole book's file (UX review).
      assert.equal(shared.name, `${ASSET_NAME} – ${tag} Küchenbauer.vcf`);
      assert.equal(shared.type, 'text/vcard');
      assert.equal(shared.text.match(/BEGIN:VCARD/g)?.length, 5, 'the file of the search: its 5 contacts');
      assert.match(shared.text, /\r\nTITLE(;[^:]*)?:Küchenbauer\r\n/);
      // A search that finds nothing offers no file, no printout and nothing to share.
      await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill(`${tag} nichts`);
      await page.locator('#results').getByText(`Keine Treffer für „${tag} nichts“.`).waitFor();
      for (const selector of ['#export-vcf', '#print-list', '[data-share]'])
        assert.equal(await page.locator(selector).isVisible(), false, `${selector} hidden`);
      assert.deepEqual(phone.errors, []);
    } finally {
      await phone.close();
    }
    // A desktop browser that cannot share files never shows the button.
    await anna.page.goto(listPath());
    await anna.page.getByRole('link', { name: 'Auf das Handy übernehmen (.vcf)' }).waitFor();
    assert.equal(
      await anna.page.evaluate(
        () => typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([''], 'a.vcf', { type: 'text/vcard' })] }),
      ),
      false,
    );
    assert.equal(await anna.page.getByRole('button', { name: 'Teilen' }).isVisible(), false);
  });

  test('"Teilen" by keyboard keeps focus on the button while the file loads and after the share sheet closes', async () => {
    const phone = await openBrowser();
    try {
      // A device that can share files. Its share sheet is closed (AbortError), or it refuses a
      // share the loading outlasted (NotAllowedError), where the page asks to tap "Teilen" again.
      await phone.context.addInitScript(() => {
        navigator.canShare = (data) => Boolean(data?.files?.length);
        navigator.share = () =>
          new Promise((resolve, reject) => {
            setTimeout(() => reject(new DOMException('', window.__refusal)), 50);
            setTimeout(() => {
              window.__settled = true;
            }, 150);
          });
      });
      const { page } = phone;
      await login(page, 'anna');
      for (const [refusal, status] of [
        ['AbortError', ''],
        ['NotAllowedError', 'Die Datei ist bereit. Tippen Sie bitte noch einmal auf „Teilen“.'],
      ]) {
        await page.goto(listPath());
        await page.evaluate((name) => {
          window.__refusal = name;
        }, refusal);
        await page.getByRole('button', { name: 'Teilen' }).focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.__settled);
        assert.equal(
          await page.evaluate(() => document.activeElement?.getAttribute('data-share')),
          'export-vcf',
          `${refusal}: focus on "Teilen"`,
        );
        assert.equal(await page.locator('#share-status').textContent(), status);
      }
      // The file is loaded: a second tap shares it at once, and where the device refuses that
      // too, "Teilen" goes and the download link it names has the focus (UX review: the page's start).
      await page.evaluate(() => {
        window.__refusal = 'DataError';
        window.__settled = false;
      });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__settled);
      assert.equal(await page.getByRole('button', { name: 'Teilen' }).isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'export-vcf', 'focus on the download');
      assert.match(await page.locator('#share-status').textContent(), /^Das Teilen hat nicht geklappt\./);
      assert.deepEqual(phone.errors, []);
    } finally {
      await phone.close();
    }
  });
});
