// The contact QR code as a phone sees it: every code is rasterised from its own SVG path and read
// back by jsQR, an independent decoder; the size limit (version 20, level M) is proven against the
// generator; the byte budgets of issue 16 are measured with gzip as the Worker would send it.
import fc from 'fast-check';
import { correction, generate } from 'lean-qr/nano';
import { describe, expect, it } from 'vitest';
import { fitsQr, QR_MAX_BYTES, QR_MAX_VERSION, qrSvg } from '../src/contacts/qr';
import { assertProperty } from './property';
import { decodeQrSvg, readQrSvg } from './qr-decode';

const utf8 = new TextEncoder();
const byteLength = (text: string): number => utf8.encode(text).length;
/** Modules per side of a QR version, plus the quiet zone of 4 on each side. */
const sideOf = (version: number): number => 4 * version + 17 + 8;

/** The fields issue 16 puts into the code, for a contact with every one of them filled. */
const fullContact = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Müller-Lüdenscheidt;Hans-Jürgen;;Dr.;',
  'FN:Dr. Hans-Jürgen Müller-Lüdenscheidt',
  'ORG:Sanitär- und Heizungstechnik Großmann GmbH & Co. KG',
  'TITLE:Bauleitung Haustechnik',
  'TEL;TYPE=CELL:+49 171 1234567',
  'TEL;TYPE=WORK,VOICE:+49 30 12345678',
  'EMAIL;TYPE=INTERNET:h.mueller@grossmann-haustechnik.de',
  'URL:https://www.grossmann-haustechnik.de/team',
  'ADR;TYPE=WORK:;;Friedrichstraße 123;Berlin;;10117;Deutschland',
  'END:VCARD',
  '',
].join('\r\n');

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

function expectRoundTrip(text: string): void {
  const decoded = decodeQrSvg(qrSvg(text, 'QR-Code'));
  expect(decoded, 'jsQR found no code').not.toBeNull();
  expect(decoded?.text).toBe(text);
  expect(decoded?.bytes).toEqual(utf8.encode(text));
}

describe('qrSvg decodes back to its text', () => {
  it('reads back plain ASCII', () => {
    expectRoundTrip('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nTEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD\r\n');
  });

  it('reads back umlauts, ß and emoji as UTF-8, marked as such for readers that honour ECI', () => {
    const text = 'FN:Jürgen Größe-Ämter 🏠 Ñandú 👩‍🔧';
    expectRoundTrip(text);
    expect(decodeQrSvg(qrSvg(text, 'QR'))?.eci).toEqual([26]);
  });

  it('reads back a full contact', () => {
    expectRoundTrip(fullContact);
  });

  it('reads back a 660-byte card just under the limit, as a version-20 code', () => {
    const base = fullContact.replace('END:VCARD\r\n', '');
    const text = `${base}NOTE:${'Zählerschrank im Keller, Schlüssel beim Hausmeister. '.repeat(5)}`.slice(0, 600);
    const card = `${text}${'x'.repeat(660 - byteLength(text) - byteLength('\r\nEND:VCARD\r\n'))}\r\nEND:VCARD\r\n`;
    expect(byteLength(card)).toBe(660);
    const svg = qrSvg(card, 'QR');
    expect(readQrSvg(svg).side).toBe(sideOf(20));
    expectRoundTrip(card);
  });

  it('reads back any text that fits', () => {
    assertProperty(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expectRoundTrip(text);
      }),
      { numRuns: 25 },
    );
  });
});

describe('fitsQr: version 20 at level M is the limit', () => {
  it('accepts 665 bytes and refuses 666, counting UTF-8 bytes rather than characters', () => {
    expect(QR_MAX_BYTES).toBe(665);
    expect(fitsQr('a'.repeat(665))).toBe(true);
    expect(fitsQr('a'.repeat(666))).toBe(false);
    expect(fitsQr(`${'a'.repeat(663)}ä`)).toBe(true);
    expect(fitsQr(`${'a'.repeat(664)}ä`)).toBe(false);
    expect(fitsQr('😀'.repeat(166))).toBe(true); // 664 bytes, 332 UTF-16 units
    expect(fitsQr('😀'.repeat(167))).toBe(false);
    expect(fitsQr('')).toBe(true);
  });

  it('sits exactly at the boundary of the generator: 665 bytes still make version 20, 666 would need 21', () => {
    // The same call qrSvg makes; the version follows from the side: 4 × version + 17.
    expect(generate(`${'ä'.repeat(332)}a`, { minCorrectionLevel: correction.M }).size).toBe(4 * QR_MAX_VERSION + 17);
    expect(generate('ä'.repeat(333), { minCorrectionLevel: correction.M }).size).toBe(4 * (QR_MAX_VERSION + 1) + 17);
    expect(readQrSvg(qrSvg(`${'ä'.repeat(332)}a`, 'QR')).side).toBe(sideOf(QR_MAX_VERSION));
  });

  it('refuses to draw a code over the limit instead of emitting one too dense to scan from a screen', () => {
    expect(() => qrSvg('a'.repeat(666), 'QR')).toThrow(RangeError);
  });
});

describe('the SVG document', () => {
  const svg = qrSvg(fullContact, 'QR-Code: Dr. Hans-Jürgen Müller-Lüdenscheidt');

  it('is one path of dark runs over a white background, sized by the page', () => {
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1" role="img" shape-rendering="crispEdges">/);
    expect(svg).not.toMatch(/<svg[^>]* (width|height)=/);
    const { side } = readQrSvg(svg);
    expect(svg).toContain(`<rect width="${side}" height="${side}" fill="#fff"/>`);
    expect(svg).toContain('<title>QR-Code: Dr. Hans-Jürgen Müller-Lüdenscheidt</title>');
  });

  it('keeps a quiet zone of four modules on every side', () => {
    const { side, runs } = readQrSvg(svg);
    expect(Math.min(...runs.map((run) => run.x))).toBe(4);
    expect(Math.min(...runs.map((run) => run.y))).toBe(4);
    expect(Math.max(...runs.map((run) => run.x + run.length))).toBe(side - 4);
    expect(Math.max(...runs.map((run) => run.y + 1))).toBe(side - 4);
  });

  it('escapes the title and drops characters XML forbids, so no name breaks the image', () => {
    const hostile = qrSvg('x', 'Müller & Söhne <script>alert(1)</script> "GmbH"\u0000\u001b\uFFFF');
    expect(hostile).toContain('<title>Müller &amp; Söhne &lt;script&gt;alert(1)&lt;/script&gt; "GmbH"</title>');
    expect(hostile).not.toContain('<script');
  });

  it('stays within 4 KB gzip for a full contact', async () => {
    expect(byteLength(fullContact)).toBeGreaterThan(400);
    const gzip = await gzipSize(svg);
    expect(gzip).toBeLessThanOrEqual(4 * 1024);
    console.log(`QR of a ${byteLength(fullContact)}-byte card: ${byteLength(svg)} B SVG, ${gzip} B gzip`);
  });

  it('is byte-for-byte deterministic (a change of output size is a change of format)', () => {
    const small = qrSvg('https://example.org/', 'QR');
    expect(small).toBe(qrSvg('https://example.org/', 'QR'));
    expect(byteLength(small)).toBe(2217);
  });
});
