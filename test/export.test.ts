import { describe, expect, it } from 'vitest';
import { anna, seedContacts, send, type TestUser, textOf } from './helpers';
import { parseWithIcal, propertyValue } from './ical';

const ASSET = 'whg-12';
const LIST = `/assets/${ASSET}/contacts`;

describe('vCard export', () => {
  it('downloads all live contacts of the asset as one vCard 3.0 file', async () => {
    const ids = await seedContacts(ASSET, 3, (index) => ({
      company: `Export ${index} GmbH`,
      last_name: `Ärmel ${index}`,
      notes: `Zeile 1\nZeile; 2, \\ ${index}`,
    }));
    await send(`${LIST}/${ids[1]}/delete`, { user: anna, form: {} });
    const response = await send(`${LIST}.vcf`, { user: anna });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Lindenhof_ Wohnung 12.vcf"; filename*=UTF-8''Lindenhof%2C%20Wohnung%2012.vcf`,
    );
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = await response.text();
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const cards = parseWithIcal(text);
    const names = cards.map((card) => propertyValue(card, 'FN'));
    expect(names).toContain('Ärmel 0');
    expect(names).toContain('Ärmel 2');
    expect(names).not.toContain('Ärmel 1');
    const card = cards.find((candidate) => propertyValue(candidate, 'FN') === 'Ärmel 0');
    expect(propertyValue(card, 'NOTE')).toBe('Zeile 1\nZeile; 2, \\ 0');
    expect(propertyValue(card, 'UID')).toBe(`kontakte-${ids[0]}`);
  });

  it('downloads one contact, named after it, with a stable UID and a new REV after an edit', async () => {
    // Seeded at a fixed time in the past: the edit below gets a later REV without waiting.
    const seededAt = Date.UTC(2020, 0, 2, 9, 30, 15, 250);
    const [id] = await seedContacts(
      ASSET,
      1,
      () => ({ title: 'Dr.', first_name: 'Jürgen', last_name: 'Weiß', company: 'Bäder & Söhne', position: 'Poolbauer' }),
      {
        now: seededAt,
      },
    );
    const first = await send(`${LIST}/${id}.vcf`, { user: anna });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="Dr. Juergen Weiss.vcf"; filename*=UTF-8''Dr.%20J%C3%BCrgen%20Wei%C3%9F.vcf`,
    );
    const [card] = parseWithIcal(await first.text());
    expect(propertyValue(card, 'TITLE')).toBe('Poolbauer');
    expect(propertyValue(card, 'ROLE')).toBe('Poolbauer');
    expect(propertyValue(card, 'N')).toEqual(['Weiß', 'Jürgen', '', 'Dr.', '']);
    expect(propertyValue(card, 'REV')).toBe('2020-01-02T09:30:15Z');
    await send(`${LIST}/${id}`, {
      user: anna,
      form: { version: '1', title: 'Dr.', first_name: 'Jürgen', last_name: 'Weiß', company: 'Bäder & Söhne AG' },
    });
    const [edited] = parseWithIcal(await (await send(`${LIST}/${id}.vcf`, { user: anna })).text());
    expect(propertyValue(edited, 'UID')).toBe(propertyValue(card, 'UID'));
    expect(propertyValue(edited, 'REV')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(propertyValue(edited, 'REV')).not.toBe(propertyValue(card, 'REV'));
  });

  it('keeps quotes, CR/LF and umlauts of an asset name out of the header', async () => {
    const user: TestUser = { ...anna, assets: [{ id: 'evil-name', name: 'Haus "A"\r\nSet-Cookie: x=1; Ü\\' }] };
    await seedContacts('evil-name', 1, () => ({ company: 'Eins' }));
    const response = await send('/assets/evil-name/contacts.vcf', { user });
    expect(response.status).toBe(200);
    const header = response.headers.get('content-disposition') ?? '';
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[^"\\]+\.vcf"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]+\.vcf$/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it("answers an empty book with no file (an empty .vcf reads as broken on a phone): 404 with the list's words and its way back", async () => {
    const user: TestUser = { ...anna, assets: [{ id: 'empty-export', name: 'Leer' }] };
    const response = await send('/assets/empty-export/contacts.vcf', { user });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toBeNull();
    const text = textOf(await response.text());
    expect(text).toContain('Hier sind noch keine Kontakte');
    expect(text).toContain('Es gibt keine Kontakte, die in die Datei kommen könnten.');
    expect(text).toContain('Zurück zu den Kontakten');
    // A search that finds nothing: its words as the heading and the tab's title, without the
    // sentence's full stop (buyer review: "Keine Treffer für „zzzz“. · Kontakte").
    const searched = await (await send('/assets/empty-export/contacts.vcf?q=zzzz', { user })).text();
    expect(searched).toContain('<title>Keine Treffer für „zzzz“ · Kontakte</title>');
    expect(searched).toContain('data-focus="true">Keine Treffer für „zzzz“</h1>');
  });

  it('offers the downloads as plain links that htmx never swaps, with help for phones and Outlook', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Link GmbH' }));
    const list = await (await send(LIST, { user: anna })).text();
    // An id for the out-of-band swap of active search, but no hx-get: a plain download.
    expect(list).toMatch(new RegExp(`<a class="button" href="${LIST}\\.vcf" download="" id="export-vcf">`));
    expect(list).toContain(`<p class="help" id="export-help"><a href="${LIST}/help/phone">Wie kommen die Kontakte auf mein Handy?</a></p>`);
    expect(await (await send(`${LIST}/help/phone`, { user: anna })).text()).toContain(
      'Outlook (Desktop): Outlook übernimmt nur den ersten Kontakt einer Datei.',
    );
    const detail = await (await send(`${LIST}/${id}`, { user: anna })).text();
    expect(detail).toMatch(new RegExp(`<a class="act" href="${LIST}/${id}\\.vcf" aria-label="vCard herunterladen" download="">`));
  });

  it('answers 404 for an unknown or deleted contact', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Gelöscht GmbH' }));
    await send(`${LIST}/${id}/delete`, { user: anna, form: {} });
    expect((await send(`${LIST}/${id}.vcf`, { user: anna })).status).toBe(404);
    expect((await send(`${LIST}/nope.vcf`, { user: anna })).status).toBe(404);
  });
});
