// Bytes to text for the .vcf import: strict decoding in a declared charset, and the byte-exact
// "binary string" the parser works on. A pure module (no framework imports): it runs in workerd
// and in Node alike.
//
// No hand-written code tables: workerd's TextDecoder (ICU) knows every label of the WHATWG
// Encoding Standard, windows-1252 included (checked in test/vcard-import.test.ts). As that
// standard prescribes, "iso-8859-1", "latin1" and "us-ascii" decode as windows-1252: files that
// claim ISO-8859-1 but hold "€" or curly quotes at 0x80-0x9F (Outlook does this) come out right.

const decoders = new Map<string, TextDecoder>();

/** A fatal decoder for a charset label as vCard writes it, or undefined when the label is unknown. */
function decoderFor(label: string): TextDecoder | undefined {
  const key = label.trim().toLowerCase();
  const known = decoders.get(key);
  if (known) return known;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(key, { fatal: true, ignoreBOM: true });
  } catch {
    return undefined;
  }
  // A line-based file cannot hold UTF-16 text per property: such a label is a writer's mistake.
  if (decoder.encoding.startsWith('utf-16')) return undefined;
  decoders.set(key, decoder);
  return decoder;
}

/** True when the label names a charset we can decode (in the WHATWG sense) other than UTF-8. */
export function isKnownNonUtf8Charset(label: string): boolean {
  const decoder = decoderFor(label);
  return decoder !== undefined && decoder.encoding !== 'utf-8';
}

/** True when the label names UTF-8 ("UTF-8", "utf8", "unicode-1-1-utf-8"). */
export function isUtf8Charset(label: string): boolean {
  return decoderFor(label)?.encoding === 'utf-8';
}

/** True when the label names a charset of one byte per character (Windows-1252, ISO-8859-x, KOI8 …). */
export function isSingleByteCharset(label: string): boolean {
  const encoding = decoderFor(label)?.encoding ?? '';
  return /^(windows-12|iso-8859-|koi8-|macintosh|ibm866|x-mac-)/.test(encoding);
}

/** The text of `bytes` in charset `label`; undefined for an unknown label or bytes invalid in it. */
export function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  const decoder = decoderFor(label);
  if (!decoder) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

const UTF16LE = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });

/**
 * One character per byte (U+0000-U+00FF), so that structure (`:`, `;`, `=`, line ends, all
 * ASCII) can be parsed with string methods before anything is decoded, in whatever charset a
 * property declares. Not TextDecoder('latin1'): that is windows-1252 and maps 0x80-0x9F elsewhere.
 * Each byte is written as one UTF-16LE code unit (0x00-0xFF, never a surrogate) and read by the
 * platform's UTF-16 decoder: 10 times faster than String.fromCharCode over chunks of the bytes,
 * which was a sixth of an import's parse (`npm run bench:import`).
 */
export function bytesToBinary(bytes: Uint8Array): string {
  const units = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) units[i * 2] = bytes[i] as number;
  return UTF16LE.decode(units);
}

/** The inverse of bytesToBinary (every char code is below 256). */
export function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A file with a UTF-16 byte order mark (Windows tools write these) as UTF-8 bytes; undefined
 * when it has none or is not valid UTF-16. Its properties' CHARSET parameters are then moot.
 */
export function utf16AsUtf8(bytes: Uint8Array): Uint8Array | undefined {
  const [b0, b1] = bytes;
  const label = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined;
  if (!label) return undefined;
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
    return new TextEncoder().encode(text);
  } catch {
    return undefined;
  }
}

/** Starts with a UTF-16 byte order mark (whether or not what follows is valid). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
