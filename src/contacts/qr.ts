// A contact's vCard as a QR code in SVG (issue 16 item 1; contract §4 `qr.svg`). A pure module:
// text in, SVG source out, no framework or database imports.
//
// Why lean-qr's "nano" build and not its full one: with this module it adds 2.6 KB gzip to the
// Worker where the full build adds 4.2 KB (wrangler's dry-run bundle, measured), and it writes
// exactly one kind of code, the one we want anyway: the UTF-8 bytes in byte mode behind an
// ECI 26 ("this is UTF-8") marker. Readers that honour ECI (ZXing) read it as UTF-8 by the
// standard; readers that ignore ECI (ML Kit did, googlesamples/mlkit#214; jsQR does) still read
// valid UTF-8 right, as the tests show with jsQR. The full build's automatic mode choice writes
// "Müller" as ISO-8859-1 behind ECI 3 instead, and jsQR read that back as an empty string when
// tried. Nano has no `maxVersion`; with one fixed encoding the capacity is a plain byte count, so
// `fitsQr` checks it before generating.
// Its canvas methods left out, and its table of blocks for every level but M, the one drawn here
// (scripts/lib/lean-qr.mjs; another level throws): the same code otherwise.
import { correction, generate } from '../generated/lean-qr-nano.js';

/** Largest code we emit: version 20 (97×97 modules) still scans from a laptop screen. */
export const QR_MAX_VERSION = 20;

/**
 * UTF-8 bytes that fit version 20 at error correction level M: 669 data codewords minus the
 * 4 bytes of header (ECI 26: 12 bits, byte mode: 4 bits, 16-bit length). test/qr.test.ts proves
 * the boundary against the generator itself.
 */
export const QR_MAX_BYTES = 665;

/** Quiet zone in modules: ISO 18004 asks for 4; a scanner needs it to find the code on a busy page. */
const QUIET_ZONE = 4;

const utf8 = new TextEncoder();

/** Whether `text` fits a QR code of at most version 20 at level M (UTF-8, byte mode). */
export function fitsQr(text: string): boolean {
  return utf8.encode(text).length <= QR_MAX_BYTES;
}

/**
 * The QR code of `text` as a standalone SVG document. `title` is its accessible name (an `<img>`
 * still needs its own `alt`). Sized in modules through `viewBox` only: the page decides how
 * large it is shown. A white background is part of the image so that a dark theme or a
 * transparent page never turns it into light-on-dark, which many scanners cannot read.
 *
 * @throws RangeError when `fitsQr(text)` is false: the caller decides what to leave out.
 */
export function qrSvg(text: string, title: string): string {
  if (!fitsQr(text)) throw new RangeError(`QR payload over ${QR_MAX_BYTES} bytes`);
  const code = generate(text, { minCorrectionLevel: correction.M });
  const side = code.size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" shape-rendering="crispEdges">` +
    `<title>${escapeXmlText(title)}</title>` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${darkRunsPath(code)}"/></svg>`
  );
}

/**
 * One filled rectangle per horizontal run of dark modules, row by row. Every run after the first
 * moves relative to the start of the previous one (`z` returns there), so the numbers stay small
 * and repeat: a ~470-byte vCard's path is about 22 KB raw but about 2.2 KB gzip, where absolute
 * coordinates gzip to about 5 KB.
 */
function darkRunsPath(code: { size: number; get(x: number, y: number): boolean }): string {
  const parts: string[] = [];
  let previousX = 0;
  let previousY = 0;
  for (let y = 0; y < code.size; y++) {
    let x = 0;
    while (x < code.size) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      let length = 1;
      while (code.get(x + length, y)) length++; // get() is false outside the code
      const left = x + QUIET_ZONE;
      const top = y + QUIET_ZONE;
      parts.push(`${parts.length === 0 ? 'M' : 'm'}${left - previousX} ${top - previousY}h${length}v1h-${length}z`);
      previousX = left;
      previousY = top;
      x += length;
    }
  }
  return parts.join('');
}

/**
 * Characters XML 1.0 forbids: C0 controls but tab and newlines, U+FFFE and U+FFFF. (Lone
 * surrogates need nothing here: encoding the answer as UTF-8 turns them into U+FFFD.)
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these characters is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content for XML: markup escaped, forbidden characters dropped (one makes the browser reject the whole image). */
function escapeXmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
