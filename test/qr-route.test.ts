import { describe, expect, it } from 'vitest';
import { fitsQr } from '../src/contacts/qr';
import { anna, gzipSize, seedContacts, selin, send } from './helpers';
import { decodeQrSvg } from './qr-decode';

// Issue 16 item 1: a contact as a QR code that a phone camera saves (contract §4 qr.svg).

const LIST = '/assets/whg-12/contacts';

describe('GET …/contacts/:id/qr.svg', () => {
  it('holds the contact as vCard 3.0 without notes, categories, UID or REV, and decodes back exactly', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({
      first_name: 'Jürgen',
      last_name: 'Weiß',
      title: 'Dr.',
      company: 'Bäder & Söhne',
      position: 'Poolbauer',
      phone: '+49 (0)89 1234567',
      mobile: '0171 2345678',
      email: 'j@baeder.de',
      website: 'https://baeder.de',
      street: 'Seestraße 1',
      postal_code: '82319',
      city: 'Starnberg',
      notes: 'geheim: Torcode 1234',
      accepted_on: '2024-03-12',
      warranty_until: '2029-03-12',
    }));
    const response = await send(`${LIST}/${id}/qr.svg`, { user: anna });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const svg = await response.text();
    expect(await gzipSize(svg)).toBeLessThanOrEqual(4096);
    const decoded = decodeQrSvg(svg)?.text ?? '';
    expect(decoded).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    for (const part of [
      'N:Weiß;Jürgen;;Dr.;',
      'FN:Dr. Jürgen Weiß',
      'ORG:Bäder & Söhne',
      'TITLE:Poolbauer',
      'TEL;TYPE=WORK,VOICE:+49 89 1234567',
      'TEL;TYPE=CELL:0171 2345678',
      'EMAIL;TYPE=INTERNET:j@baeder.de',
      'URL:https://baeder.de',
      'ADR;TYPE=WORK:;;Seestraße 1;Starnberg;;82319;',
    ]) {
      expect(decoded).toContain(part);
    }
    for (const absent of ['NOTE', 'Torcode', '2024', '2029', 'CATEGORIES', 'UID', 'REV']) expect(decoded).not.toContain(absent);
    // The card says what the code leaves out, in both languages, and how to save the contact on the
    // device showing it, which cannot scan its own screen (walkthrough, stop 69: "Ihres Handys" on a phone).
    expect(await (await send(`${LIST}/${id}`, { user: anna })).text()).toContain(
      'Richten Sie die Kamera eines Handys auf den Code: Das Handy bietet an, den Kontakt zu speichern. Um ihn auf diesem Gerät zu speichern, wählen Sie „vCard“. Notizen und Gewährleistungsdaten sind nicht enthalten.',
    );
    expect(await (await send(`${LIST}/${id}`, { user: anna, headers: { 'accept-language': 'en' } })).text()).toContain(
      'Point a phone’s camera at the code: the phone offers to save the contact. To save it on this device, choose “vCard”. Notes and warranty dates are not included.',
    );
  });

  it('drops URL, then address, then position to stay scannable, never names, phones or e-mail, and the card says so', async () => {
    const long = (n: number, c: string) => c.repeat(n);
    const [id] = await seedContacts('whg-12', 1, () => ({
      first_name: long(60, 'A'),
      last_name: long(60, 'B'),
      company: long(150, 'C'),
      position: long(80, 'P'),
      phone: '089 111 222',
      mobile: '0171 333',
      email: 'lang@example.de',
      website: `https://example.de/${long(300, 'w')}`,
      street: long(150, 'S'),
      city: 'München',
      postal_code: '80331',
    }));
    const decoded = decodeQrSvg(await (await send(`${LIST}/${id}/qr.svg`, { user: anna })).text())?.text ?? '';
    expect(fitsQr(decoded)).toBe(true);
    expect(decoded).not.toContain('URL:');
    expect(decoded).not.toContain('ADR');
    expect(decoded).toContain('TITLE:');
    for (const kept of [
      'N:',
      'FN:',
      'ORG:',
      'TEL;TYPE=WORK,VOICE:089 111 222',
      'TEL;TYPE=CELL:0171 333',
      'EMAIL;TYPE=INTERNET:lang@example.de',
    ])
      expect(decoded).toContain(kept);
    const card = await (await send(`${LIST}/${id}`, { user: anna })).text();
    expect(card).toContain('Damit der Code lesbar bleibt, fehlen: Webseite, Adresse.');
    expect(card).toContain(`src="${LIST}/${id}/qr.svg"`);
  });

  it('says what makes a code too long when what it always holds does not fit: not only name and company (review, stop 61)', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({
      company: `Bäder ${'Ü'.repeat(160)}`,
      phone: '089 111 222',
      mobile: '0171 333 444',
      email: `${'e'.repeat(64)}@${'d'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(60)}.de`,
    }));
    expect((await send(`${LIST}/${id}/qr.svg`, { user: anna })).status).toBe(404);
    const card = await (await send(`${LIST}/${id}`, { user: anna })).text();
    expect(card).toContain(
      '<p class="hint">Für einen QR-Code sind Name, Unternehmen, Telefonnummern und E-Mail-Adresse dieses Kontakts zusammen zu lang. Nutzen Sie bitte die vCard.</p>',
    );
    const english = await (await send(`${LIST}/${id}`, { user: anna, headers: { 'Accept-Language': 'en' } })).text();
    expect(english).toContain('Together, the name, company, phone numbers and email address of this contact are too long for a QR code.');
  });

  it('is a 404 for another asset\u2019s contact and needs a session', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({ company: 'Fremd' }));
    expect((await send(`/assets/whg-3/contacts/${id}/qr.svg`, { user: selin })).status).toBe(404);
    expect((await send(`${LIST}/${id}/qr.svg`)).status).toBe(401);
  });

  it('keeps the card with its QR disclosure within 12 KB gzip', async () => {
    const [id] = await seedContacts('whg-12', 1, () => ({ company: 'Budget GmbH', notes: 'x'.repeat(2000) }));
    const card = await (await send(`${LIST}/${id}`, { user: anna })).text();
    expect(card).toContain('<summary>QR-Code zeigen</summary>');
    expect(await gzipSize(card)).toBeLessThanOrEqual(12 * 1024);
  });
});
