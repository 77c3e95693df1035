import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../src/contacts/schema';
import { HELP_PATHS, HTMX_PATH, PAGES_CSS_PATH, PRINT_CSS_PATH } from '../src/generated/assets';
import { HELP_TOPICS } from '../src/i18n/help';
import { anna, gzipSize, NOTES_WITHOUT_PHONES, seedContacts, send, type TestUser, textOf } from './helpers';
import { parseWithIcal } from './ical';

// Issue 16 items 3 and 4: the printable phone list and the export of what the list shows,
// both through the HTTP surface, both with the list's own search (contract §4).

const ASSET = 'print-asset';
const ASSET_NAME = 'Lindenhof, Wohnung 4';
const user: TestUser = { ...anna, sub: 'u-print', assets: [{ id: ASSET, name: ASSET_NAME }] };
const LIST = `/assets/${ASSET}/contacts`;

const book: Partial<ContactInput>[] = [
  {
    first_name: 'Stefan',
    last_name: 'Schmidt',
    company: 'Küchen Schmidt GmbH',
    position: 'Küchenbauer',
    phone: '+49 89 1234567',
    mobile: '+49 (0)171 555 0101',
    email: 'info@kuechen-schmidt.de',
    street: 'Hauptstraße 5',
    postal_code: '80331',
    city: 'München',
    country: 'Deutschland',
  },
  {
    company: 'Fliesen Bauer & Söhne',
    position: 'Fliesenleger',
    phone: '089 3100 200',
    street: 'Gewerbering 14',
    postal_code: '85716',
    city: 'Unterschleißheim',
    // As an imported card often has it: Germany written as its code is Germany all the same.
    country: 'DE',
  },
  {
    title: 'Dr.',
    first_name: 'Julia',
    last_name: 'Ähler',
    position: 'Innenarchitektin',
    mobile: '0172 555 0102',
    email: 'julia.aehler@example.de',
    street: 'Rue de la Paix 3',
    postal_code: '75002',
    city: 'Paris',
    country: 'Frankreich',
  },
  { first_name: 'Thomas', last_name: 'Müller', company: 'Müller Fliesen', position: 'Fliesenleger', notes: '100% zuverlässig' },
  { first_name: 'Lena', last_name: 'Özdemir', company: 'Grünwerk Gartenbau', position: 'Gartenbauer', phone: '089 / 987 65 43' },
];

let seeded: Promise<string[]> | undefined;
const seed = () => {
  seeded ??= (async () => {
    const ids = await seedContacts(
      ASSET,
      book.length + 1,
      (index) => book[index] ?? { company: 'Gelöscht GmbH', position: 'Fliesenleger' },
    );
    const deleted = ids.at(-1) ?? '';
    expect((await send(`${LIST}/${deleted}/delete`, { user, form: {} })).status).toBe(303);
    // Another asset's contact that every search below would find: it must never show.
    await seedContacts('print-other', 1, () => ({ company: 'Fliesen Fremd', position: 'Fliesenleger', email: 'x@example.de' }));
    return ids.slice(0, -1);
  })();
  return seeded;
};

const query = (q: string) => (q ? `?q=${encodeURIComponent(q)}` : '');

/** The names (first cell of each row) of the printed list, in order. */
async function printed(q: string, headers: Record<string, string> = {}): Promise<{ names: string[]; html: string; response: Response }> {
  await seed();
  const response = await send(`${LIST}/print${query(q)}`, { user, headers });
  const html = await response.text();
  const names = [...html.matchAll(/<tr><th scope="row">([^<]+)/g)].map((match) => match[1] ?? '');
  return { names, html, response };
}

/** The names the list finds for `q` (the search of contract §4), in list order. */
async function listed(q: string): Promise<string[]> {
  await seed();
  const html = await (await send(`${LIST}${query(q)}`, { user })).text();
  return [...html.matchAll(/<li class="contact"[^>]*><a class="name" [^>]*>([^<]+)<\/a>/g)].map((match) => decode(match[1] ?? ''));
}

/** The FN of every card of the export for `q`, parsed by ical.js (the shared helper). */
async function exported(q: string): Promise<string[]> {
  await seed();
  const response = await send(`${LIST}.vcf${query(q)}`, { user });
  // Nothing found: no file (an empty .vcf reads as broken on a phone), the list's words instead.
  if (response.status === 404) {
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).toContain('Es gibt keine Kontakte, die in die Datei kommen könnten.');
    return [];
  }
  expect(response.status).toBe(200);
  const text = await response.text();
  return parseWithIcal(text).map((card) => String(card.find((property) => property.name === 'FN')?.values[0]));
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const sorted = (names: string[]) => [...names].sort();

/** Searches of every kind the list knows: words, folding, phone digits, literal `%`, none. */
const SEARCHES = [
  '',
  'fliesen',
  'FLIESENLEGER muller',
  'aehler',
  '0171 5550101',
  '+49 171 555 0101',
  '100%',
  'münchen schmidt',
  'nichts-dergleichen',
];

describe('the printable phone list', () => {
  it('lists exactly what the list finds, for every kind of search, and nothing deleted or of another asset', async () => {
    for (const q of SEARCHES) {
      const { names, response } = await printed(q);
      expect(response.status, q).toBe(200);
      expect(sorted(names.map(decode)), `print?q=${q}`).toEqual(sorted(await listed(q)));
    }
    const all = (await printed('')).names.map(decode);
    // German name order, as in the list; the deleted contact and the other asset's are absent.
    expect(all).toEqual(['Dr. Julia Ähler', 'Fliesen Bauer & Söhne', 'Thomas Müller', 'Lena Özdemir', 'Stefan Schmidt']);
    expect((await printed('fliesen')).names.map(decode)).toEqual(['Fliesen Bauer & Söhne', 'Thomas Müller']);
  });

  it('prints name, position · company, phone, mobile, e-mail and address of each contact in one row', async () => {
    const { html } = await printed('schmidt');
    const row = textOf(decode(html.match(/<tr><th scope="row">.*?<\/tr>/)?.[0] ?? ''));
    expect(row.trim()).toBe(
      'Stefan Schmidt Küchenbauer · Küchen Schmidt GmbH +49 89 1234567 Mobil +49 (0)171 555 0101 info@kuechen-schmidt.de Hauptstraße 5, 80331 München',
    );
    // Germany, also as its code from an imported card, is left out; another country is printed.
    const bauer = (await printed('bauer')).html.match(/<tr><th scope="row">.*?<\/tr>/)?.[0] ?? '';
    expect(textOf(decode(bauer)).trim()).toBe('Fliesen Bauer & Söhne Fliesenleger 089 3100 200 Gewerbering 14, 85716 Unterschleißheim');
    expect(textOf(decode((await printed('paris')).html))).toContain('Rue de la Paix 3, 75002 Paris, Frankreich');
  });

  it('heads the page with the asset, the date in Berlin and the search, privately', async () => {
    const day = () => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(Date.now());
    const before = day();
    const { html, response } = await printed('fliesen');
    const after = day();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    // The way back above the heading, as on every other page (not a button beside it).
    expect(html).toMatch(
      /<p class="crumb"><a href="[^"]*\/contacts\?q=fliesen"><span aria-hidden="true">← <\/span>Zurück zu den Kontakten<\/a><\/p>/,
    );
    const heading = textOf(decode(html.match(/<h1[^>]*>.*?<\/h1>/)?.[0] ?? '')).trim();
    expect([before, after].map((date) => `${ASSET_NAME} Telefonliste · Stand: ${date} · Auswahl: „fliesen“ · 2 Treffer`)).toContain(
      heading,
    );
    expect(heading).toMatch(/Stand: \d\d\.\d\d\.\d{4}/);
    expect(html).toContain(`<title>Telefonliste · ${ASSET_NAME} · Kontakte</title>`);
  });

  it('offers "Drucken" for JavaScript (rendered hidden, no inline script) and says how to print without it', async () => {
    const { html } = await printed('');
    expect(html).toMatch(/<button type="button" class="primary" data-print="" hidden="">Drucken<\/button>/);
    expect(html).toContain(
      'Drucken Sie diese Seite über die Druckfunktion Ihres Browsers: am Handy im Menü unter „Teilen“ oder „Drucken“, am Computer mit Strg+P (am Mac ⌘+P).',
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sonclick=/);
    expect(html).toContain(`href="${LIST}"`); // back to the list
    const searched = (await printed('fliesen')).html;
    expect(searched).toContain(`href="${LIST}?q=fliesen"`); // back to the same search
  });

  it('speaks English where the browser asks for it', async () => {
    const { html } = await printed('fliesen', { 'Accept-Language': 'en-GB,en;q=0.9' });
    const heading = textOf(decode(html.match(/<h1[^>]*>.*?<\/h1>/)?.[0] ?? '')).trim();
    expect(heading).toMatch(/^Lindenhof, Wohnung 4 Phone list · As of \d{1,2} [A-Z][a-z]+ \d{4} · Selection: “fliesen” · 2 matches$/);
    expect(html).toContain('>Print</button>');
  });

  it('prints the end of a warranty under the name (issue 17)', async () => {
    const user: TestUser = { ...anna, sub: 'u-print-w', assets: [{ id: 'print-warranty', name: 'Garantie' }] };
    await seedContacts(
      'print-warranty',
      3,
      (index) =>
        [
          { company: 'Fliesen mit Frist', warranty_until: '2099-02-28' },
          { company: 'Ohne Datum' },
          { company: 'Maler vorbei', warranty_until: '2025-11-15' },
        ][index] ?? {},
    );
    const text = textOf(await (await send('/assets/print-warranty/contacts/print', { user })).text());
    // In the list's words (walkthrough, stop 71: the sheet mixed "bis" and "endete am").
    expect(text).toContain('Fliesen mit Frist Gewährleistung endet am 28.02.2099');
    expect(text.match(/Gewährleistung endet am/g)).toHaveLength(1);
    // An end already passed says so, as the list does (walkthrough, stop 69: "Gewährleistung bis 15.11.2025").
    expect(text).toContain('Maler vorbei Gewährleistung endete am 15.11.2025');
  });

  it('prints the numbers the notes give, by their label: not a date, nor the phone again (walkthrough, stop 71)', async () => {
    const user: TestUser = { ...anna, sub: 'u-print-n', assets: [{ id: 'print-noted', name: 'Notiert' }] };
    await seedContacts('print-noted', 1, () => ({
      company: 'Kaminski Schornsteinfeger',
      phone: '+49 89 4455667',
      notes: [
        'Schlüssel beim Hausmeister',
        'Telefonnummer (Büro (nur vormittags)): +49 89 4455667',
        'Weitere Telefonnummer (Notdienst Wochenende): 0171 1112223',
        'Notdienst: 0800 123 4567',
        'Abnahme: 12.03.2027',
        'Kundennummer: 4711',
        // No phone's shape: a customer's, invoice's, tax or bank number, a date, a span of dates, a price (code review, stop 71).
        'Kundennummer: 123456',
        'Rechnung Nr.: 2024-001234',
        'Übergabe: 2024-05-10',
        'Zeitraum: 01.03.2025 - 31.03.2025',
        'Gewährleistung: 12.03.2025 - 12.03.2030',
        'Kaufpreis: 450.000',
        'Steuernummer: 143/123/45678',
        'BLZ: 700 100 80',
        'Zählernummer: 12345678',
        // The phone again, written otherwise; a number twice; a label with brackets of its own.
        'Tel: +49 (0)89 4455667',
        'Notfall: 0800 123 4567',
        'Hausmeister (Herr Koch): 0171 9998887',
        ...NOTES_WITHOUT_PHONES,
        // A plus in brackets, a full stop after the number (code review, stop 82).
        'Bauleitung: (+49) 89 7654321.',
      ].join('\n'),
    }));
    const html = await (await send('/assets/print-noted/contacts/print', { user })).text();
    const row = textOf(decode(html.match(/<tr><th scope="row">.*?<\/tr>/)?.[0] ?? '')).trim();
    expect(row).toBe(
      'Kaminski Schornsteinfeger +49 89 4455667 Notdienst Wochenende 0171 1112223 Notdienst 0800 123 4567 Hausmeister (Herr Koch) 0171 9998887 Bauleitung (+49) 89 7654321',
    );
  });

  it('says so when there is nothing to print', async () => {
    const none = (await printed('nichts-dergleichen')).html;
    expect(textOf(none)).toContain('Keine Treffer für „nichts-dergleichen“.');
    // Nothing to print offers no "Drucken" and no hint how to print (review).
    expect(none).not.toContain('data-print');
    expect(none).not.toContain('class="print-hint"');
    const empty: TestUser = { ...anna, sub: 'u-print-empty', assets: [{ id: 'print-empty', name: 'Leer' }] };
    const response = await send('/assets/print-empty/contacts/print', { user: empty });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Es gibt keine Kontakte zu drucken.');
    expect(html).not.toContain('<table');
    expect(html).not.toContain('data-print');
  });

  it('is a 404 for an asset that is not the user’s, and needs a session', async () => {
    await seed();
    expect((await send('/assets/print-other/contacts/print', { user })).status).toBe(404);
    expect((await send(`${LIST}/print`, { user: anna })).status).toBe(404);
    expect((await send(`${LIST}/print`)).status).toBe(401);
  });

  it('keeps 50 realistic contacts compact: no row above 450 bytes of HTML, 3 KB gzip without the stylesheet every page inlines (2.3 KB measured), 12 KB with it', async () => {
    const big: TestUser = { ...anna, sub: 'u-print-big', assets: [{ id: 'print-big', name: 'Seeblick, Haus 2' }] };
    await seedContacts('print-big', 50, (index) => realistic(index));
    const response = await send('/assets/print-big/contacts/print', { user: big });
    const html = await response.text();
    const rows = [...html.matchAll(/<tr><th scope="row">.*?<\/tr>/g)].map((match) => match[0]);
    expect(rows).toHaveLength(50);
    expect(Math.max(...rows.map((row) => new TextEncoder().encode(row).length))).toBeLessThanOrEqual(450);
    // The inline stylesheets are the same on every page (the other pages' rules too, on a
    // browser's first page): the rows are what this guards; the whole page keeps to the first
    // round trip's 12 KB, as the list does.
    expect(await gzipSize(html.replace(/<style>[^<]*<\/style>/g, ''))).toBeLessThanOrEqual(3 * 1024);
    expect(await gzipSize(html)).toBeLessThanOrEqual(12 * 1024);
  });
});

describe('the export of what the list shows', () => {
  it('contacts.vcf?q= holds exactly the contacts the list finds, for every kind of search', async () => {
    for (const q of SEARCHES) {
      expect(sorted(await exported(q)), `contacts.vcf?q=${q}`).toEqual(sorted(await listed(q)));
    }
    expect(sorted(await exported('fliesen'))).toEqual(['Fliesen Bauer & Söhne', 'Thomas Müller']);
    expect(await exported('nichts-dergleichen')).toEqual([]);
  });

  it("names the file after the asset, and a search's after the asset and the search (UX review: the same name as the whole book's)", async () => {
    await seed();
    const response = await send(`${LIST}.vcf?q=fliesen`, { user });
    expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Lindenhof_ Wohnung 4 - fliesen.vcf"; filename*=UTF-8''Lindenhof%2C%20Wohnung%204%20%E2%80%93%20fliesen.vcf`,
    );
    expect((await send(`${LIST}.vcf?q=${encodeURIComponent('fliesen müller')}`, { user })).headers.get('content-disposition')).toBe(
      `attachment; filename="Lindenhof_ Wohnung 4 - fliesen mueller.vcf"; filename*=UTF-8''Lindenhof%2C%20Wohnung%204%20%E2%80%93%20fliesen%20m%C3%BCller.vcf`,
    );
    expect((await send(`${LIST}.vcf`, { user })).headers.get('content-disposition')).toBe(
      `attachment; filename="Lindenhof_ Wohnung 4.vcf"; filename*=UTF-8''Lindenhof%2C%20Wohnung%204.vcf`,
    );
  });

  it('the list’s export and print links carry the search, with the help for phones right below the buttons', async () => {
    await seed();
    const html = await (await send(`${LIST}?q=${encodeURIComponent('fliesen müller')}`, { user })).text();
    const q = 'q=fliesen+m%C3%BCller';
    // They say that they take the search's match (the one contact that is both).
    expect(await exported('fliesen müller')).toEqual(['Thomas Müller']);
    expect(html).toContain(
      `<a class="button" href="${LIST}.vcf?${q}" download="" id="export-vcf">1 Treffer auf das Handy übernehmen (.vcf)</a>`,
    );
    expect(html).toContain(`<a class="button" href="${LIST}/print?${q}" id="print-list">1 Treffer drucken</a>`);
    // "Teilen" exists for JavaScript only: rendered hidden, pointing at the export link.
    expect(html).toMatch(/<button type="button" class="button" data-share="export-vcf" [^>]*hidden="">Teilen<\/button>/);
    // The help right below them: a link to its page, whose steps the list does not carry.
    const help = html.indexOf(
      `<p class="help" id="export-help"><a href="${LIST}/help/phone">Wie kommen die Kontakte auf mein Handy?</a></p>`,
    );
    expect(help).toBeGreaterThan(html.indexOf('id="export-vcf"'));
    expect(help).toBeLessThan(html.indexOf('id="results"'));
    expect(html).not.toContain('Outlook (Desktop)');
    // Without a search, the plain links.
    const all = await (await send(LIST, { user })).text();
    expect(all).toContain(`href="${LIST}.vcf" download=""`);
    expect(all).toContain(`href="${LIST}/print" id="print-list"`);
  });

  it('links the print rules from every page for paper only, served from the static files', async () => {
    const html = await (await send(LIST, { user })).text();
    expect(html).toContain(`<link rel="stylesheet" href="${PRINT_CSS_PATH}" media="print"/>`);
    // Not inline: no screen carries them.
    expect(html).not.toContain('@media print');
    const css = await env.ASSETS.fetch(new Request(`https://kontakte.example${PRINT_CSS_PATH}`, { redirect: 'manual' }));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toMatch(/^@media print\{@page\{margin:12mm\}/);
  });

  it("inlines only what the list shows: the other pages' rules are a cached stylesheet, after the list, in the head of the others (inline on a browser's first)", async () => {
    const link = `<link rel="stylesheet" href="${PAGES_CSS_PATH}"/>`;
    const list = await (await send(LIST, { user })).text();
    const [head = '', body = ''] = list.split('</head>');
    // The list's first page is not held up by it, nor its script (a stylesheet would be): fetched
    // at the end of the page, after the live region, and applied by app.js; the print rules after
    // it, so that they win on paper as on the other pages.
    const print = `<link rel="stylesheet" href="${PRINT_CSS_PATH}" media="print"/>`;
    const preload = `<link rel="preload" as="style" href="${PAGES_CSS_PATH}"`;
    expect(head).not.toContain(PAGES_CSS_PATH);
    expect(head).not.toContain(print);
    expect(
      body.endsWith(
        `<div id="announcer" class="sr-only" role="status" aria-live="polite"></div>${preload} data-apply=""/>${print}</body></html>`,
      ),
    ).toBe(true);
    expect(await (await env.ASSETS.fetch(new Request(`https://kontakte.example${HTMX_PATH}`))).text()).toMatch(
      /querySelectorAll\(["']link\[data-apply\]["']\)/,
    );
    // The list's own rules stay inline; the form's, the card's, the history's and the phone list's do not.
    const inline = (head.match(/<style>([\s\S]*?)<\/style>/) ?? ['', ''])[1];
    for (const rule of ['.contact{', '.search-row{', '.wb{', '.notice{', '.net{']) expect(inline).toContain(rule);
    for (const rule of ['.save-bar{', '.quick{', 'fieldset{', '.versions,', '.phones{', '.clash{']) expect(inline).not.toContain(rule);
    // Every other page (the form, the phone list, the import) of a browser that has been told of
    // the file has it in its head, after the inline rules.
    const told = `kontakte_css=${encodeURIComponent(PAGES_CSS_PATH)}`;
    for (const path of [`${LIST}/new`, `${LIST}/print`, `${LIST}/import`]) {
      const page = await send(path, { user, cookies: told });
      expect(page.headers.get('set-cookie') ?? '', path).not.toContain('kontakte_css');
      const html = await page.text();
      const [pageHead = ''] = html.split('</head>');
      expect(pageHead.indexOf(link), path).toBeGreaterThan(pageHead.indexOf('</style>'));
      expect(pageHead.indexOf(print), path).toBeGreaterThan(pageHead.indexOf(link));
      expect(html.split(PAGES_CSS_PATH).length, path).toBe(2);
      expect(html.split('<style>').length, path).toBe(2);
    }
    const css = await env.ASSETS.fetch(new Request(`https://kontakte.example${PAGES_CSS_PATH}`, { redirect: 'manual' }));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const rules = await css.text();
    for (const rule of ['.save-bar{', '.quick{', 'fieldset{', '.phones{', '.clash{']) expect(rules).toContain(rule);
    expect(rules).not.toContain('.contact{');

    // A browser's first page other than the list (buyer review: a round trip more on a slow
    // network) carries them inline, allowed by their hash, links the file at its end for the next
    // page and tells the cookie; the list tells it too, and carries them never.
    const first = await send(`${LIST}/new`, { user });
    const html = await first.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles).toHaveLength(2);
    expect(styles[1]).toBe(rules);
    const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rules)))));
    expect(first.headers.get('content-security-policy')).toContain(`'sha256-${digest}'`);
    expect(html.split('</head>')[0]).not.toContain(PAGES_CSS_PATH);
    expect((html.split('</head>')[0] ?? '').indexOf(print)).toBeGreaterThan(html.indexOf('</style><style>'));
    expect(html.endsWith(`${preload}/></body></html>`)).toBe(true);
    const cookie = `kontakte_css=${encodeURIComponent(PAGES_CSS_PATH)}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=31536000`;
    expect(first.headers.get('set-cookie')).toContain(cookie);
    const listed = await send(LIST, { user });
    expect(listed.headers.get('set-cookie')).toContain(cookie);
    expect((await listed.text()).split('<style>').length).toBe(2);

    // An error page and the apartment picker use none of those rules (review): neither the file
    // nor the cookie.
    const two: TestUser = { ...user, assets: [...user.assets, { id: 'seeblick-whg-7', name: 'Seeblick 7' }] };
    for (const [path, who, status] of [
      [`${LIST}/contacts/${crypto.randomUUID()}`, user, 404],
      ['/', two, 200],
    ] as const) {
      const page = await send(path, { user: who });
      expect(page.status, path).toBe(status);
      expect(page.headers.get('set-cookie') ?? '', path).not.toContain('kontakte_css');
      const text = await page.text();
      expect(text, path).not.toContain(PAGES_CSS_PATH);
      expect(text.split('<style>').length, path).toBe(2);
    }
  });

  it('has a help page on getting the file onto a phone, in German and in English, with a way back', async () => {
    const page = await send(`${LIST}/help/phone`, { user });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('private');
    const html = await page.text();
    expect(html).toContain('<title>Wie kommen die Kontakte auf mein Handy?');
    expect(html).toContain(`<a href="${LIST}"><span aria-hidden="true">← </span>Zurück zu den Kontakten</a>`);
    expect(html).toContain('<h1 id="help-title" tabindex="-1" data-focus="true">Wie kommen die Kontakte auf mein Handy?</h1>');
    // The file the steps open, at hand below them.
    expect(html).toContain(`<p class="actions"><a class="button" href="${LIST}.vcf" download="">Auf das Handy übernehmen (.vcf)</a></p>`);
    const steps = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1] ?? '');
    expect(steps).toHaveLength(6);
    expect(steps[0]).toMatch(/^iPhone: Öffnen Sie die Datei und wählen Sie „Alle Kontakte hinzufügen“/);
    expect(steps[2]).toBe(
      'Outlook (Desktop): Outlook übernimmt nur den ersten Kontakt einer Datei. Laden Sie für Outlook deshalb jeden Kontakt einzeln auf seiner Seite über „vCard“ herunter.',
    );
    const english = await (await send(`${LIST}/help/phone`, { user, headers: { 'accept-language': 'en' } })).text();
    expect(english).toContain('<h1 id="help-title" tabindex="-1" data-focus="true">How do the contacts get onto my phone?</h1>');
    expect(english).toContain('<li>Outlook (desktop): Outlook takes only the first contact of a file.');
    expect(english).not.toContain('Outlook übernimmt');
    // Its steps come from the static file in one fetch, never through a redirect (code review).
    for (const topic of HELP_TOPICS)
      for (const path of Object.values(HELP_PATHS[topic])) {
        const file = await env.ASSETS.fetch(new Request(`https://kontakte.example${path}`, { redirect: 'manual' }));
        expect(file.status, path).toBe(200);
        expect(await file.text()).toMatch(/^<ul><li>/);
      }
    // Only its two topics; only for the asset's buyers.
    // Its way back returns to the list as it was left: the search with it (buyer review).
    const searched = await (await send(`${LIST}/help/phone`, { user, cookies: 'kontakte_list=q%3Dschmidt' })).text();
    expect(searched).toContain(`<a href="${LIST}?q=schmidt"><span aria-hidden="true">← </span>Zurück zu den Kontakten</a>`);
    // The calendar's steps lead to the warranty view (which has no search), to its page as it was left.
    const calendar = await (await send(`${LIST}/help/calendar`, { user, cookies: 'kontakte_list=q%3Dbad' })).text();
    expect(calendar).toContain(`<a href="${LIST}?view=warranty"><span aria-hidden="true">← </span>Zurück zur Gewährleistung</a>`);
    const paged = await (await send(`${LIST}/help/calendar`, { user, cookies: 'kontakte_list=view%3Dwarranty%26after%3Dabc' })).text();
    expect(paged).toContain(`<a href="${LIST}?view=warranty&amp;after=abc">`);
    expect((await send(`${LIST}/help/other`, { user })).status).toBe(404);
    expect((await send(`${LIST}/help/phone`)).status).toBe(401);
    expect((await send(`/assets/not-mine/contacts/help/phone`, { user })).status).toBe(404);
  });

  it('active search sends the links again for the new search (out of band), so they never go stale', async () => {
    await seed();
    const html = await (await send(`${LIST}?q=schmidt&part=results`, { user, htmx: true })).text();
    expect(html).toContain(`<a class="button" href="${LIST}.vcf?q=schmidt" download="" id="export-vcf" hx-swap-oob="true">`);
    expect(html).toContain(`<a class="button" href="${LIST}/print?q=schmidt" id="print-list" hx-swap-oob="true">`);
    expect(html).toContain(`<p class="help" id="export-help" hx-swap-oob="true"><a href="${LIST}/help/phone">`);
    // A search that finds nothing hides both (and with the file link, "Teilen"): no empty file.
    // And the help on getting that file onto a phone, on the page and out of band (review).
    expect(await (await send(`${LIST}?q=nichts-dergleichen`, { user })).text()).toContain(
      `<p class="help" id="export-help" hidden=""><a href="${LIST}/help/phone">`,
    );
    const none = await (await send(`${LIST}?q=nichts-dergleichen&part=results`, { user, htmx: true })).text();
    expect(none).toContain(
      `<a class="button" href="${LIST}.vcf?q=nichts-dergleichen" download="" id="export-vcf" hx-swap-oob="true" hidden="">`,
    );
    expect(none).toContain(`<p class="help" id="export-help" hx-swap-oob="true" hidden=""><a href="${LIST}/help/phone">`);
    expect(none).toContain(`<a class="button" href="${LIST}/print?q=nichts-dergleichen" id="print-list" hx-swap-oob="true" hidden="">`);
    const page = await (await send(`${LIST}?q=nichts-dergleichen`, { user })).text();
    expect(page).toContain(`id="export-vcf" hidden="">`);
  });

  it('reads "Add to your phone (.vcf)" in English', async () => {
    await seed();
    const html = await (await send(LIST, { user, headers: { 'Accept-Language': 'en' } })).text();
    expect(html).toContain('>Add to your phone (.vcf)</a>');
    expect(html).toContain('>Print phone list</a>');
    expect(html).toMatch(/hidden="">Share<\/button>/);
  });
});

const FIRST = ['Stefan', 'Julia', 'Thomas', 'Lena', 'Markus', 'Sabine', 'Jürgen', 'Aylin', 'Katarzyna', 'Henrik'];
const LAST = ['Schmidt', 'Ähler', 'Müller', 'Özdemir', 'Weiß', 'Hoffmann', 'Brandstätter', 'Yılmaz', 'Nowak', 'Lindqvist'];
const TRADES = [
  'Küchenbauer',
  'Fliesenleger',
  'Sanitär und Heizung',
  'Elektriker',
  'Gartenbauer',
  'Bauleiter',
  'Maler',
  'Schreiner',
  'Bodenleger',
  'Hausverwaltung',
];
const CITIES = [
  ['80331', 'München'],
  ['85716', 'Unterschleißheim'],
  ['86150', 'Augsburg'],
  ['82008', 'Unterhaching'],
  ['85521', 'Ottobrunn'],
] as const;

/** A contact as people keep them: every field of the phone list filled, lengths as in real books. */
function realistic(index: number): Partial<ContactInput> {
  const first = FIRST[index % FIRST.length] ?? '';
  const last = LAST[(index * 3) % LAST.length] ?? '';
  const trade = TRADES[index % TRADES.length] ?? '';
  const [postal, city] = CITIES[index % CITIES.length] ?? ['', ''];
  return {
    first_name: first,
    last_name: last,
    company: `${last} ${trade} GmbH & Co. KG`,
    position: trade,
    phone: `+49 89 ${String(3_100_200 + index * 7919).slice(0, 7)}`,
    mobile: `+49 (0)171 ${String(5_550_100 + index * 131)}`,
    email: `${first.toLowerCase()}.${index}@${trade.toLowerCase().replace(/[^a-z]/g, '')}-service.example.de`,
    street: `Gewerbering ${index + 1}`,
    postal_code: postal,
    city,
    country: 'Deutschland',
    notes: `Angebot Nr. ${1000 + index}, Gewährleistung bis 2031.`,
  };
}
