import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { strictUtf8 } from '../base64url';
import type { AppEnv } from '../env';

/**
 * Form bodies must be UTF-8 (contract §5, §6). Browsers and `URLSearchParams` decode broken
 * bytes as U+FFFD without a word, so a "�" would be stored that nobody typed. This reads the
 * raw body and decodes every name and value strictly (`TextDecoder` with `fatal: true`); a "�"
 * someone really typed arrives as valid UTF-8 and passes. On broken bytes `onInvalid` may answer
 * with what could be recovered (every field that decoded, and the names of those that did not);
 * otherwise the answer is a plain 400 page. Hand-written: hono and the platform only decode
 * leniently.
 */
export interface StrictFormOptions {
  onInvalid?: (c: Context<AppEnv>, recovered: RecoveredForm) => Promise<Response | null> | Response | null;
  /** Where a multipart body carries a file in any charset (the import's upload): not checked here. */
  upload?: (path: string) => boolean;
}

export interface RecoveredForm {
  /** Every field whose name and value were valid UTF-8. */
  values: Record<string, string>;
  /** Names of the fields whose value was not (in the order sent). */
  broken: string[];
}

// ignoreBOM: a U+FEFF someone typed at the start of a value stays part of it.
const decoder = strictUtf8;

export function strictFormEncoding(options: StrictFormOptions = {}): MiddlewareHandler<AppEnv> {
  return async function strictFormEncoding(c, next) {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const recovered = decodeStrictly(new Uint8Array(await c.req.arrayBuffer()));
      if (recovered.broken.length > 0) {
        const answer = options.onInvalid ? await options.onInvalid(c, recovered) : null;
        if (answer) return answer;
        throw new HTTPException(400, { message: 'encoding' });
      }
    } else if (type.startsWith('multipart/') && !options.upload?.(c.req.path)) {
      // A form without a file sent as multipart (no page of this app does, a client may: security
      // review): its boundaries and part headers are ASCII, so the whole body is UTF-8 or refused.
      try {
        decoder.decode(await c.req.arrayBuffer());
      } catch {
        throw new HTTPException(400, { message: 'encoding' });
      }
    }
    await next();
  };
}

/** application/x-www-form-urlencoded, decoded field by field and strictly. */
export function decodeStrictly(body: Uint8Array): RecoveredForm {
  const values: Record<string, string> = {};
  const broken: string[] = [];
  let start = 0;
  for (let index = 0; index <= body.length; index += 1) {
    if (index < body.length && body[index] !== 0x26 /* & */) continue;
    const pair = body.subarray(start, index);
    start = index + 1;
    if (pair.length === 0) continue;
    const equals = pair.indexOf(0x3d /* = */);
    const name = decodeComponent(equals === -1 ? pair : pair.subarray(0, equals));
    const value = decodeComponent(equals === -1 ? new Uint8Array() : pair.subarray(equals + 1));
    if (name === null) {
      broken.push('?');
    } else if (value === null) {
      broken.push(name);
    } else if (!(name in values)) {
      values[name] = value;
    }
  }
  return { values, broken };
}

/** Percent-decoding to bytes ('+' is a space), then strict UTF-8; null when not UTF-8. */
function decodeComponent(bytes: Uint8Array): string | null {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 0x2b /* + */) {
      out[length++] = 0x20;
    } else if (byte === 0x25 /* % */ && index + 2 < bytes.length && isHex(bytes[index + 1]) && isHex(bytes[index + 2])) {
      out[length++] = Number.parseInt(String.fromCharCode(bytes[index + 1] ?? 0, bytes[index + 2] ?? 0), 16);
      index += 2;
    } else {
      out[length++] = byte;
    }
  }
  try {
    return decoder.decode(out.subarray(0, length));
  } catch {
    return null;
  }
}

const isHex = (byte: number | undefined) =>
  byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
