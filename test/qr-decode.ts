// Reads a QR code served by `qrSvg` (src/contacts/qr.ts) the way a phone would: the SVG is
// rasterised here (its path is a list of dark runs, so drawing it needs no browser) and the image
// goes through jsQR, an independent decoder. Any route test can decode `qr.svg` answers with it.
import jsQR from 'jsqr';

export interface DecodedQr {
  /** the text as jsQR decodes it (byte segments read as UTF-8) */
  text: string;
  /** the raw bytes of the data segments */
  bytes: Uint8Array;
  /** QR version, 1 to 40 */
  version: number;
  /** ECI assignment numbers in the code, in order (26 = UTF-8) */
  eci: number[];
}

export interface DarkRun {
  x: number;
  y: number;
  length: number;
}

/** Pixels per module: phones see far more, and jsQR needs more than one to find the finders. */
const SCALE = 4;

const RUN = /([Mm])(-?\d+) (-?\d+)h(\d+)v1h-(\d+)z/y;

/** The side of the image in modules (quiet zone included) and its dark runs in absolute module coordinates. */
export function readQrSvg(svg: string): { side: number; runs: DarkRun[] } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1];
  if (viewBox === null || viewBox[1] !== viewBox[2] || d === undefined) throw new Error(`not a square QR SVG: ${svg.slice(0, 200)}`);
  const runs: DarkRun[] = [];
  let x = 0;
  let y = 0;
  RUN.lastIndex = 0;
  while (RUN.lastIndex < d.length) {
    const match = RUN.exec(d);
    // The sticky regex fails on anything but the documented run syntax, so the test checks it too.
    if (match === null) throw new Error(`unexpected path syntax at ${RUN.lastIndex}: ${d.slice(RUN.lastIndex, RUN.lastIndex + 40)}`);
    const [, command, dx, dy, width, back] = match;
    if (width !== back) throw new Error(`run does not close: ${match[0]}`);
    x = command === 'M' ? Number(dx) : x + Number(dx);
    y = command === 'M' ? Number(dy) : y + Number(dy);
    runs.push({ x, y, length: Number(width) });
  }
  return { side: Number(viewBox[1]), runs };
}

/** Draws the runs black on white at SCALE pixels per module, as RGBA. */
export function rasterise(side: number, runs: readonly DarkRun[]): { data: Uint8ClampedArray; width: number } {
  const width = side * SCALE;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const run of runs) {
    for (let py = run.y * SCALE; py < (run.y + 1) * SCALE; py++) {
      for (let px = run.x * SCALE; px < (run.x + run.length) * SCALE; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width };
}

/** Decodes a QR SVG, or null when jsQR cannot read it. */
export function decodeQrSvg(svg: string): DecodedQr | null {
  const { side, runs } = readQrSvg(svg);
  const { data, width } = rasterise(side, runs);
  const code = jsQR(data, width, width, { inversionAttempts: 'dontInvert' });
  if (code === null) return null;
  const eci: number[] = [];
  for (const chunk of code.chunks) if ('assignmentNumber' in chunk) eci.push(chunk.assignmentNumber);
  return { text: code.data, bytes: Uint8Array.from(code.binaryData), version: code.version, eci };
}
