// src/session/index.ts keeps each verified token for the isolate (512 at most): held to its own
// characters, not the whole Cookie header the token was read from (other cookies of the platform's
// domain, as long as a client sends them).
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse } from 'hono/utils/cookie';
import { expect, it } from 'vitest';
import type { Bindings } from '../../src/env';
import { verifySessionToken } from '../../src/session/index';

const secret = 's'.repeat(40);
const b64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes as Uint8Array).toString('base64url');
const json = (value: unknown) => b64(new TextEncoder().encode(JSON.stringify(value)));

it('keeps a verified token, not the Cookie header it came in (a 60 KB header per token)', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const now = Math.floor(Date.now() / 1000);
  const env = { SESSION_SECRET: secret, SESSION_ISSUER: 'iss', SESSION_AUDIENCE: 'aud' } as Bindings;
  const tokens: string[] = [];
  for (let i = 0; i < 200; i++) {
    const claims = {
      sub: `u${i}`,
      name: 'n',
      role: 'customer',
      assets: [{ id: 'a', name: 'A' }],
      iss: 'iss',
      aud: 'aud',
      iat: now,
      exp: now + 3600,
    };
    const body = `${json({ alg: 'HS256', typ: 'JWT' })}.${json(claims)}`;
    tokens.push(`${body}.${b64(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)))}`);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const token of tokens) {
    // As hono's getCookie reads it: a slice of the header.
    const header = `other=${'x'.repeat(60_000)}${Math.random()}; kontakte_session=${token}`;
    const read = parse(header, 'kontakte_session').kontakte_session ?? '';
    expect(await verifySessionToken(read, env, now)).not.toBeNull();
  }
  gc();
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(3_000_000);
});
