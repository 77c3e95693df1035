// `npm run screenshots`: phone (360×800) and desktop (1280×900) screenshots of the list (also
// grouped by position, in dark mode and searched for a number), a card (and one with every quick action), the form with errors, the empty state, the conflict view, the history, the import
// preview and the form it completes ("ergänzen"), the phone list to print and "Zuletzt gelöscht", into docs/screenshots/*.png (they are
// committed, so they show the viewport only, at device scale 1). It starts its own server with
// throwaway demo data (scripts/e2e.mjs startServer) and uses Debian's chromium.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './e2e.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];
const DEVICES = {
  phone: { viewport: { width: 360, height: 800 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
};

async function browserFor(baseURL, device) {
  const profile = mkdtempSync(join(tmpdir(), 'kontakte-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    baseURL,
    ...DEVICES[device],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function login(page, user) {
  await page.goto('/dev/login');
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/dev/')), page.getByRole('button', { name: 'Anmelden' }).click()]);
}

const shots = [];
async function shoot(page, name) {
  // No blinking caret, no running transition, focus ring as the user sees it.
  await page.waitForTimeout(100);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  shots.push({ path, bytes: statSync(path).size });
}

const list = '/assets/lindenhof-whg-12/contacts';

async function run(baseURL, device) {
  const anna = await browserFor(baseURL, device);
  const jonas = await browserFor(baseURL, device);
  const selin = await browserFor(baseURL, device);
  try {
    await login(anna.page, 'anna');
    await anna.page.goto(list);
    await shoot(anna.page, `${device}-list`);
    await anna.page.goto(`${list}?group=position`);
    await shoot(anna.page, `${device}-grouped`);
    // A search for a part of a number: each row shows the number it found (the mobile where only it holds it).
    await anna.page.goto(`${list}?q=${encodeURIComponent('0171')}`);
    await shoot(anna.page, `${device}-search-number`);
    await anna.page.goto(`${list}/demo-fliesen`);
    await shoot(anna.page, `${device}-card`);
    // A card with every quick action (call, mobile, e-mail, route, vCard): one row on a phone.
    await anna.page.goto(`${list}/demo-kueche`);
    await shoot(anna.page, `${device}-card-full`);
    // Dark mode: the same list with the system set to dark.
    await anna.page.emulateMedia({ colorScheme: 'dark' });
    await anna.page.goto(list);
    await shoot(anna.page, `${device}-list-dark`);
    await anna.page.emulateMedia({ colorScheme: 'light' });
    await anna.page.goto(list);

    // The form with errors, reached the htmx way (focus on the first invalid field).
    await anna.page.getByRole('link', { name: 'Neuen Kontakt hinzufügen' }).click();
    await anna.page.getByLabel('Position / Rolle', { exact: true }).fill('Küchenbauer');
    await anna.page.getByLabel('Telefonnummer', { exact: true }).fill('089 12');
    await anna.page.getByLabel('E-Mail-Adresse', { exact: true }).fill('info@kuechen');
    await anna.page.getByRole('button', { name: 'Speichern' }).click();
    await anna.page.getByText('Bitte korrigieren Sie 2 Eingaben.').first().waitFor();
    await anna.page.evaluate(() => window.scrollTo(0, 0));
    await shoot(anna.page, `${device}-form-errors`);

    // The merge choice: Anna and Jonas change the tiler's phone and each add a line to the notes
    // at the same time; Jonas saves first (the notes' differing lines marked, "Beide Änderungen").
    const edit = `${list}/demo-fliesen/edit`;
    await anna.page.goto(edit);
    await login(jonas.page, 'jonas');
    await jonas.page.goto(edit);
    const before = await jonas.page.getByLabel('Telefonnummer', { exact: true }).inputValue();
    const notesBefore = await jonas.page.getByLabel('Notizen', { exact: true }).inputValue();
    await jonas.page.getByLabel('Telefonnummer', { exact: true }).fill('089 3100 299');
    await jonas.page.getByLabel('Notizen', { exact: true }).fill(`${notesBefore}\nRückruf bis Freitag zugesagt.`);
    await jonas.page.getByRole('button', { name: 'Speichern' }).click();
    await jonas.page.getByText('Zuletzt geändert von Jonas Müller').waitFor();
    await anna.page.getByLabel('Telefonnummer', { exact: true }).fill('089 3100 201');
    await anna.page.getByLabel('Notizen', { exact: true }).fill(`${notesBefore}\nSilikon in Grau, nicht Weiß.`);
    await anna.page.getByRole('button', { name: 'Speichern' }).click();
    await anna.page.getByRole('heading', { name: 'Bitte entscheiden Sie, welche Angabe gilt' }).waitFor();
    await shoot(anna.page, `${device}-merge-choice`);
    // Keep Jonas's number and notes, then put the demo contact back as it was for the next device's run.
    for (const radio of await anna.page.getByRole('radio', { name: /^Von Jonas Müller/ }).all()) await radio.check();
    await anna.page.getByRole('button', { name: 'Auswahl speichern' }).click();
    await anna.page.getByRole('link', { name: 'Bearbeiten' }).waitFor();
    // Back at the list, in the same visit: what Jonas changed since it was first opened, and the page of changes.
    await anna.page.goto(list);
    await anna.page.locator('.since').waitFor();
    await shoot(anna.page, `${device}-list-since`);
    await anna.page.getByRole('link', { name: 'Änderungen ansehen' }).click();
    await anna.page.getByRole('heading', { level: 1, name: 'Änderungen seit Ihrem letzten Besuch' }).waitFor();
    await shoot(anna.page, `${device}-changes`);

    // Warranty (issue 17): an end in three months shows as a badge in the list and in the warranty view.
    await anna.page.goto(edit);
    const soon = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await anna.page.getByLabel('Telefonnummer', { exact: true }).fill(before);
    await anna.page.getByLabel('Notizen', { exact: true }).fill(notesBefore);
    await anna.page.getByLabel('Gewährleistung bis', { exact: true }).fill(soon);
    await anna.page.getByRole('button', { name: 'Speichern' }).click();
    await anna.page.getByRole('link', { name: 'Bearbeiten' }).waitFor();
    await anna.page.goto(`${list}?view=warranty`);
    await shoot(anna.page, `${device}-warranty`);
    await anna.page.goto(edit);
    await anna.page.getByLabel('Gewährleistung bis', { exact: true }).fill('');
    await anna.page.getByRole('button', { name: 'Speichern' }).click();
    await anna.page.getByRole('link', { name: 'Bearbeiten' }).waitFor();

    // The history of the contact just edited (three versions), the import preview, the phone
    // list to print, and "Zuletzt gelöscht" with one contact (restored again afterwards).
    await anna.page.goto(`${list}/demo-fliesen/history`);
    await shoot(anna.page, `${device}-history`);
    await anna.page.goto(`${list}/import`);
    await anna.page.locator('input[type=file]').setInputFiles({
      name: 'handy.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        [
          'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Petra Lang\r\nN:Lang;Petra;;;\r\nORG:Gartenbau Lang\r\nTITLE:Gärtnerin\r\nTEL;TYPE=CELL:0171 2345678\r\nEMAIL:petra@gartenbau-lang.de\r\nEND:VCARD\r\n',
          'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fliesen Bauer & Söhne\r\nORG:Fliesen Bauer & Söhne\r\nTEL:089 3100 200\r\nTEL;TYPE=CELL:0171 5556667\r\nEMAIL:info@fliesen-bauer.example.de\r\nNOTE:Notdienst am Wochenende: 0171 5556667\r\nEND:VCARD\r\n',
        ].join(''),
      ),
    });
    await anna.page.getByRole('button', { name: 'Datei prüfen' }).click();
    await anna.page.locator('input[name=card]').first().waitFor();
    await shoot(anna.page, `${device}-import-preview`);
    // The firm's card is likely the demo's tiler: his form completed from it ("ergänzen"), nothing saved.
    await anna.page
      .getByRole('button', { name: /^Fehlende Angaben bei/ })
      .first()
      .click();
    await anna.page.getByRole('heading', { level: 1, name: /^Fehlende Angaben bei .* ergänzen$/ }).waitFor();
    await shoot(anna.page, `${device}-import-complete`);
    await anna.page.goto(`${list}/print`);
    await shoot(anna.page, `${device}-print`);
    await anna.page.goto(`${list}/demo-fliesen`);
    // Deleting asks nothing first (it is undone in one tap): the list comes back with the notice.
    await anna.page.getByRole('button', { name: 'Löschen', exact: true }).click();
    await anna.page.getByRole('button', { name: 'Rückgängig' }).waitFor();
    await anna.page.goto(`${list}/deleted`);
    await anna.page.getByRole('button', { name: 'Wiederherstellen' }).first().waitFor();
    await shoot(anna.page, `${device}-deleted`);
    await anna.page.getByRole('button', { name: 'Wiederherstellen' }).first().click();
    await anna.page.getByRole('link', { name: 'Bearbeiten' }).waitFor();

    // The empty state: Selin's second apartment has no contacts yet.
    await login(selin.page, 'selin');
    await selin.page.goto('/assets/seeblick-whg-7/contacts');
    await selin.page.getByRole('heading', { name: 'Hier sind noch keine Kontakte' }).waitFor();
    await shoot(selin.page, `${device}-empty`);
  } finally {
    await anna.close();
    await jonas.close();
    await selin.close();
  }
}

mkdirSync(outDir, { recursive: true });
const server = await startServer({ log: join(root, 'test-results', 'screenshots-server.log') });
try {
  for (const device of Object.keys(DEVICES)) await run(server.baseUrl, device);
  for (const shot of shots) console.log(`screenshots: ${relative(root, shot.path)} ${(shot.bytes / 1024).toFixed(1)} KB`);
} catch (error) {
  console.error(`screenshots: ${error.message}`);
  process.exitCode = 1;
} finally {
  await server.stop();
}
