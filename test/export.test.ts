import ICAL from 'ical.js';
import { undoIcalSemicolonBug } from './ical';
import { describe, expect, it } from 'vitest';
import { anna, seedContacts, send, type TestUser } from './helpers';

const ASSET = 'whg-12';
const LIST = `/assets/${ASSET}/contacts`;

function cardsOf(text: string): ICAL.Component[] {
  const parsed: unknown = ICAL.parse(text);
  const list: unknown[] = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed];
  return list.map((jcal) => new ICAL.Component(jcal as ConstructorParameters<typeof ICAL.Component>[0]));
}

describe('vCard export', () => {
  it('downloads all live contacts of the asset as one vCard 3.0 file', async () => {
    const ids = await seedContacts(ASSET, 3, (index) => ({ company: `Export ${index} GmbH`, last_name: `Ärmel ${index}`, notes: `Zeile 1\nZeile; 2, \\ ${index}` }));
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
    const cards = cardsOf(text);
    const names = cards.map((card) => card.getFirstPropertyValue('fn'));
    expect(names).toContain('Ärmel 0');
    expect(names).toContain('Ärmel 2');
    expect(names).not.toContain('Ärmel 1');
    const card = cards.find((candidate) => candidate.getFirstPropertyValue('fn') === 'Ärmel 0');
    // ical.js leaves `\;` escaped in text (test/ical.ts): undone here exactly as there.
    expect(undoIcalSemicolonBug('NOTE', 'text', card?.getFirstPropertyValue('note'))).toBe('Zeile 1\nZeile; 2, \\ 0');
    expect(card?.getFirstPropertyValue('uid')).toBe(`kontakte-${ids[0]}`);
  });

  it('downloads one contact, named after it, with a stable UID and a new REV after an edit', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ title: 'Dr.', first_name: 'Jürgen', last_name: 'Weiß', company: 'Bäder & Söhne', position: 'Poolbauer' }));
    const first = await send(`${LIST}/${id}.vcf`, { user: anna });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="Dr. Juergen Weiss.vcf"; filename*=UTF-8''Dr.%20J%C3%BCrgen%20Wei%C3%9F.vcf`,
    );
    const [card] = cardsOf(await first.text());
    expect(card?.getFirstPropertyValue('title')).toBe('Poolbauer');
    expect(card?.getFirstPropertyValue('role')).toBe('Poolbauer');
    expect(card?.getFirstPropertyValue('n')).toEqual(['Weiß', 'Jürgen', '', 'Dr.', '']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await send(`${LIST}/${id}`, { user: anna, form: { version: '1', title: 'Dr.', first_name: 'Jürgen', last_name: 'Weiß', company: 'Bäder & Söhne AG' } });
    const [edited] = cardsOf(await (await send(`${LIST}/${id}.vcf`, { user: anna })).text());
    expect(edited?.getFirstPropertyValue('uid')).toBe(card?.getFirstPropertyValue('uid'));
    expect(String(edited?.getFirstPropertyValue('rev'))).not.toBe(String(card?.getFirstPropertyValue('rev')));
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

  it('answers an empty book with a valid, empty file', async () => {
    const user: TestUser = { ...anna, assets: [{ id: 'empty-export', name: 'Leer' }] };
    const response = await send('/assets/empty-export/contacts.vcf', { user });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('offers the downloads as plain links that htmx never swaps, with help for phones and Outlook', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Link GmbH' }));
    const list = await (await send(LIST, { user: anna })).text();
    // An id for the out-of-band swap of active search, but no hx-get: a plain download.
    expect(list).toMatch(new RegExp(`<a class="button" href="${LIST}\\.vcf" download="" id="export-vcf">`));
    expect(list).toContain('Outlook (Desktop): Outlook übernimmt nur den ersten Kontakt einer Datei.');
    const detail = await (await send(`${LIST}/${id}`, { user: anna })).text();
    expect(detail).toMatch(new RegExp(`<a class="button" href="${LIST}/${id}\\.vcf" download="">`));
  });

  it('answers 404 for an unknown or deleted contact', async () => {
    const [id] = await seedContacts(ASSET, 1, () => ({ company: 'Gelöscht GmbH' }));
    await send(`${LIST}/${id}/delete`, { user: anna, form: {} });
    expect((await send(`${LIST}/${id}.vcf`, { user: anna })).status).toBe(404);
    expect((await send(`${LIST}/nope.vcf`, { user: anna })).status).toBe(404);
  });
});
