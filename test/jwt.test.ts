// The hand-written HS256 token check (src/session/jwt.ts) against jose, an independent JWT
// implementation: what jose signs we accept, what we sign jose accepts, and every malformed or
// foreign token is refused. The route-level attacks are in test/hostile/sessions.test.ts.
import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signHs256, verifyHs256 } from '../src/session/jwt';

const secret = 'a-test-secret-of-at-least-32-bytes!!';
const bytes = new TextEncoder().encode(secret);
const key = () => crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
const claims = { sub: 'anna', name: 'Anna Müller · Wohnung 12', assets: [{ id: 'a-1', name: 'Lindenhof' }] };
const b64 = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A token signed with the right key but built by hand, for what jose refuses to sign. */
async function handMade(header: string, payload: string) {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  const signingKey = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', signingKey, new TextEncoder().encode(unsigned)));
  return `${unsigned}.${btoa(String.fromCharCode(...mac))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}

async function joseToken(header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, payload: Record<string, unknown> = claims) {
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(bytes);
}

describe('verifyHs256', () => {
  it('accepts a token jose signed, with or without typ, and returns its payload', async () => {
    expect(await verifyHs256(await joseToken(), await key())).toEqual(claims);
    expect(await verifyHs256(await joseToken({ alg: 'HS256' }), await key())).toEqual(claims);
    expect(await verifyHs256(await joseToken({ alg: 'HS256', typ: 'application/JWT' }), await key())).toEqual(claims);
  });

  it('accepts a padded signature as hono/jwt did', async () => {
    const token = await joseToken();
    expect(await verifyHs256(`${token}=`, await key())).toEqual(claims);
  });

  it('refuses wrong padding, a non-canonical spelling and a cut or lengthened signature', async () => {
    const token = await joseToken();
    const [head, body, signature = ''] = token.split('.');
    expect(signature).toHaveLength(43);
    expect(await verifyHs256(`${token}==`, await key())).toBeNull();
    expect(await verifyHs256(`${token}===`, await key())).toBeNull();
    // The last character carries 4 bits of the MAC and 2 spare bits; setting a spare bit decodes
    // to the same bytes under a lenient decoder, a second spelling of one signature.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1) ?? '');
    expect(last % 4).toBe(0);
    const respelled = `${signature.slice(0, 42)}${alphabet[last + 1]}`;
    expect(await verifyHs256(`${head}.${body}.${respelled}`, await key())).toBeNull();
    expect(await verifyHs256(`${head}.${body}.${signature.slice(0, 42)}`, await key())).toBeNull();
    expect(await verifyHs256(`${head}.${body}.${signature}A`, await key())).toBeNull();
  });

  it('refuses another key, another algorithm, another type, crit and alg none', async () => {
    const other = await crypto.subtle.importKey('raw', new TextEncoder().encode('x'.repeat(32)), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    expect(await verifyHs256(await joseToken(), other)).toBeNull();
    expect(await verifyHs256(await joseToken({ alg: 'HS512', typ: 'JWT' }), await key())).toBeNull();
    expect(await verifyHs256(await joseToken({ alg: 'HS256', typ: 'at+jwt' }), await key())).toBeNull();
    expect(await verifyHs256(await handMade('{"alg":"HS256","crit":["exp"],"exp":1}', '{}'), await key())).toBeNull();
    expect(await verifyHs256(await handMade('{"alg":"HS256"}', '{}'), await key())).toEqual({});
    const [, body, signature] = (await joseToken()).split('.');
    expect(await verifyHs256(`${b64('{"alg":"none","typ":"JWT"}')}.${body}.`, await key())).toBeNull();
    expect(await verifyHs256(`${b64('{"alg":"none","typ":"JWT"}')}.${body}.${signature}`, await key())).toBeNull();
  });

  it('refuses a changed payload, broken parts and payloads that are not objects', async () => {
    const [head, , signature] = (await joseToken()).split('.');
    const signed = (payload: string) => handMade('{"alg":"HS256","typ":"JWT"}', payload);
    expect(await verifyHs256(`${head}.${b64(JSON.stringify({ ...claims, sub: 'jonas' }))}.${signature}`, await key())).toBeNull();
    for (const payload of ['[1]', 'null', '"text"', '{"a":', '']) expect(await verifyHs256(await signed(payload), await key())).toBeNull();
    expect(await verifyHs256(await signed('{"sub":"ok"}'), await key())).toEqual({ sub: 'ok' });
    for (const token of ['', 'a.b', 'a.b.c.d', `${head}.${'%%%'}.${signature}`, `${head}.e30.${signature}!`, `${head}.e30.A`]) {
      expect(await verifyHs256(token, await key())).toBeNull();
    }
  });
});

describe('signHs256', () => {
  it('signs a token jose verifies, UTF-8 claims kept', async () => {
    const token = await signHs256({ ...claims, iat: 1 }, secret);
    const { payload, protectedHeader } = await jwtVerify(token, bytes, { algorithms: ['HS256'] });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ ...claims, iat: 1 });
    expect(token).not.toMatch(/[=+/]/);
  });
});
