import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { appFor } from '../src/app';
import { verifySessionToken } from '../src/session';
import { sessionFromPayload } from '../src/session/claims';
import { admin, anna, petra, send, textOf, tokenFor } from './helpers';

const LIST = '/assets/whg-12/contacts';
const now = () => Math.floor(Date.now() / 1000);

function unsigned(payload: Record<string, unknown>, header: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode(header)}.${encode(payload)}.`;
}

/** A secret no other test uses (tokens are remembered per isolate by their text), and an env with only it. */
function onlySecret(label: string) {
  const secret = `${label}-secret-only-this-test-uses-${crypto.randomUUID()}`;
  return { secret, testEnv: { ...env, SESSION_SECRET: secret, SESSION_SECRET_PREVIOUS: '' } };
}

describe('session cookie (contract §2)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lets a customer with a valid token in', async () => {
    const response = await send(LIST, { user: anna });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Lindenhof, Wohnung 12');
  });

  it('accepts a token signed with the previous secret during rotation', async () => {
    const token = await tokenFor(anna, { secret: env.SESSION_SECRET_PREVIOUS });
    expect((await send(LIST, { token })).status).toBe(200);
  });

  it('refuses a token (null, not a thrown 500) when WebCrypto will not import a secret, and still tries the other', async () => {
    // Fresh secrets: the keys are imported once per isolate and kept by their text.
    const current = `current-secret-only-this-test-uses-${crypto.randomUUID()}`;
    const previous = `previous-secret-only-this-test-uses-${crypto.randomUUID()}`;
    const testEnv = { ...env, SESSION_SECRET: current, SESSION_SECRET_PREVIOUS: previous };
    const [byCurrent, byPrevious] = [await tokenFor(anna, { secret: current }), await tokenFor(anna, { secret: previous })];
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValueOnce(new Error('refused'));
    try {
      // The current secret's import fails: the previous secret still verifies its token.
      expect(await verifySessionToken(byPrevious, testEnv)).toMatchObject({ role: 'customer' });
      expect(importKey).toHaveBeenCalledTimes(2);
      // It fails again: a token of the current secret is refused, not a thrown error.
      importKey.mockRejectedValueOnce(new Error('refused'));
      expect(await verifySessionToken(byCurrent, testEnv)).toBeNull();
      expect(importKey).toHaveBeenCalledTimes(3);
      // The failed import is not kept: the next request imports the current secret again.
      expect(await verifySessionToken(byCurrent, testEnv)).toMatchObject({ role: 'customer' });
      expect(importKey).toHaveBeenCalledTimes(4);
    } finally {
      importKey.mockRestore();
    }
  });

  it('checks a token’s signature once per isolate, its claims on every request', async () => {
    const { secret, testEnv } = onlySecret('remembered');
    const token = await tokenFor(anna, { secret, iat: now(), exp: now() + 3600 });
    const verify = vi.spyOn(crypto.subtle, 'verify');
    expect(await verifySessionToken(token, testEnv)).toMatchObject({ role: 'customer' });
    expect(await verifySessionToken(token, testEnv)).toMatchObject({ role: 'customer' });
    expect(verify).toHaveBeenCalledTimes(1);
    // Remembered, yet expired two hours later (60 s of leeway), not yet valid an hour earlier.
    expect(await verifySessionToken(token, testEnv, now() + 7200)).toBeNull();
    expect(await verifySessionToken(token, testEnv, now() - 3600)).toBeNull();
    // Still for another audience or issuer.
    expect(await verifySessionToken(token, { ...testEnv, SESSION_AUDIENCE: 'other-app' })).toBeNull();
    expect(await verifySessionToken(token, { ...testEnv, SESSION_ISSUER: 'other-issuer' })).toBeNull();
  });

  it('refuses a remembered token once its secret is neither the current nor the previous one', async () => {
    const [first, second, third] = ['first', 'second', 'third'].map((name) => `${name}-secret-only-this-test-uses-${crypto.randomUUID()}`);
    const token = await tokenFor(anna, { secret: first });
    expect(await verifySessionToken(token, { ...env, SESSION_SECRET: first ?? '', SESSION_SECRET_PREVIOUS: '' })).not.toBeNull();
    // Rotated once: the first secret is the previous one, the token still counts.
    expect(await verifySessionToken(token, { ...env, SESSION_SECRET: second ?? '', SESSION_SECRET_PREVIOUS: first ?? '' })).not.toBeNull();
    // Rotated twice: the first secret is gone, and so is the token.
    expect(await verifySessionToken(token, { ...env, SESSION_SECRET: third ?? '', SESSION_SECRET_PREVIOUS: second ?? '' })).toBeNull();
  });

  it('keeps at most 512 tokens: the oldest is checked again, and still accepted', async () => {
    const { secret, testEnv } = onlySecret('bounded');
    const first = await tokenFor(anna, { secret, iat: now(), exp: now() + 3600 });
    expect(await verifySessionToken(first, testEnv)).not.toBeNull();
    let last = '';
    for (let k = 1; k <= 512; k++) {
      last = await tokenFor(anna, { secret, iat: now() - k, exp: now() + 3600 });
      expect(await verifySessionToken(last, testEnv)).not.toBeNull();
    }
    const verify = vi.spyOn(crypto.subtle, 'verify');
    expect(await verifySessionToken(last, testEnv)).not.toBeNull();
    expect(verify).toHaveBeenCalledTimes(0);
    expect(await verifySessionToken(first, testEnv)).toMatchObject({ role: 'customer' });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('does not remember a refused token', async () => {
    const token = await tokenFor(anna, { secret: 'some-other-secret-that-is-long-enough-0123' });
    const verify = vi.spyOn(crypto.subtle, 'verify');
    expect(await verifySessionToken(token, env)).toBeNull();
    expect(await verifySessionToken(token, env)).toBeNull();
    // Each of the two secrets (current, previous) tried on each request.
    expect(verify).toHaveBeenCalledTimes(4);
  });

  it('through HTTP: the cookie that opened the list is a 401 once its secret is rotated out', async () => {
    const { secret, testEnv } = onlySecret('rotated');
    const cookie = `propster_session=${await tokenFor(anna, { secret })}`;
    const list = async (vars: typeof testEnv) =>
      (
        await appFor(vars).fetch(
          new Request(`https://kontakte.example.de${LIST}`, { headers: { Cookie: cookie } }),
          vars,
          createExecutionContext(),
        )
      ).status;
    expect(await list(testEnv)).toBe(200);
    expect(await list(testEnv)).toBe(200);
    const other = onlySecret('next').secret;
    expect(await list({ ...testEnv, SESSION_SECRET: other, SESSION_SECRET_PREVIOUS: secret })).toBe(200);
    expect(await list({ ...testEnv, SESSION_SECRET: other, SESSION_SECRET_PREVIOUS: onlySecret('later').secret })).toBe(401);
  });

  it('allows 60 s of clock skew on exp and iat', async () => {
    expect((await send(LIST, { token: await tokenFor(anna, { iat: now() - 600, exp: now() - 30 }) })).status).toBe(200);
    expect((await send(LIST, { token: await tokenFor(anna, { iat: now() + 30 }) })).status).toBe(200);
  });

  const rejected: [string, () => Promise<string>][] = [
    ['a token signed with another key', () => tokenFor(anna, { secret: 'some-other-secret-that-is-long-enough-0123' })],
    ['an expired token', () => tokenFor(anna, { iat: now() - 7200, exp: now() - 120 })],
    ['a token without exp', () => tokenFor(anna, { exp: null })],
    ['exp as a string', () => tokenFor(anna, { exp: String(now() + 3600) })],
    ['iat in the future beyond the leeway', () => tokenFor(anna, { iat: now() + 600, exp: now() + 3600 })],
    ['a lifetime over 24 h', () => tokenFor(anna, { iat: now(), exp: now() + 25 * 3600 })],
    ['a wrong audience', () => tokenFor(anna, { aud: 'propster-other' })],
    ['a wrong issuer', () => tokenFor(anna, { iss: 'evil' })],
    ['HS512 instead of HS256', () => tokenFor(anna, { alg: 'HS512' })],
    ['assets missing', () => tokenFor(anna, { claims: { assets: undefined } })],
    ['an asset id with a slash', () => tokenFor(anna, { claims: { assets: [{ id: 'a/b', name: 'x' }] } })],
    ['an empty sub', () => tokenFor(anna, { claims: { sub: '' } })],
    [
      'alg none',
      async () =>
        unsigned({ ...anna, iss: 'propster', aud: 'propster-contacts', iat: now(), exp: now() + 60 }, { alg: 'none', typ: 'JWT' }),
    ],
    ['garbage', async () => 'not.a.token'],
    [
      'a payload edited under the old signature',
      async () => {
        const [header, , signature] = (await tokenFor(anna)).split('.');
        const payload = btoa(
          JSON.stringify({
            ...anna,
            assets: [{ id: 'whg-99', name: 'x' }],
            iss: 'propster',
            aud: 'propster-contacts',
            iat: now(),
            exp: now() + 60,
          }),
        )
          .replace(/=+$/, '')
          .replace(/\+/g, '-')
          .replace(/\//g, '_');
        return `${header}.${payload}.${signature}`;
      },
    ],
  ];

  it.each(rejected)('answers 401 with a login link for %s', async (_, makeToken) => {
    const response = await send(LIST, { token: await makeToken() });
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).toContain('Bitte melden Sie sich an');
    expect(body).toContain('href="https://kunden.example.de/login?returnTo=%2Fassets%2Fwhg-12%2Fcontacts"');
  });

  it('answers 401 without a cookie, also for writes and unknown methods', async () => {
    expect((await send(LIST)).status).toBe(401);
    expect((await send(LIST, { form: { company: 'X' } })).status).toBe(401);
    expect((await send(LIST, { method: 'PATCH' })).status).toBe(401);
    expect((await send('/')).status).toBe(401);
  });

  it('answers 403 to project managers and admins, and stores nothing', async () => {
    for (const user of [petra, admin]) {
      const response = await send(LIST, { user });
      expect(response.status).toBe(403);
      expect(textOf(await response.text())).toContain('nur für die Käufer eines Objekts');
      expect((await send(LIST, { user, form: { company: 'Staff GmbH' } })).status).toBe(403);
    }
    const list = await send(LIST, { user: anna });
    expect(await list.text()).not.toContain('Staff GmbH');
  });

  it('answers 404 for an asset that is not in the token', async () => {
    for (const path of [
      '/assets/whg-99/contacts',
      '/assets/whg-99/contacts/new',
      '/assets/whg-99/contacts.vcf',
      '/assets/..%2fwhg-12/contacts',
      '/assets/whg-12%2f/contacts',
    ]) {
      expect((await send(path, { user: anna })).status, path).toBe(404);
    }
  });

  it('sends a single-asset customer from / to the list with 303 and shows a picker otherwise', async () => {
    const response = await send('/', { user: anna });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/assets/whg-12/contacts');
  });
});

describe("the token's audience (aud)", () => {
  const expected = { issuer: 'propster', audience: 'propster-contacts', nowSeconds: now() };
  const payload = (aud: unknown) => ({ ...anna, iss: 'propster', aud, iat: now(), exp: now() + 60 });
  // The rule as it was written with zod's union (src/session/claims.ts reads it without one).
  const union = z.union([z.string(), z.array(z.string())]);
  const byUnion = (aud: unknown) => {
    const parsed = union.safeParse(aud);
    return parsed.success && (typeof parsed.data === 'string' ? [parsed.data] : parsed.data).includes(expected.audience);
  };
  const values: unknown[] = [
    'propster-contacts',
    ['propster-contacts'],
    ['propster-other', 'propster-contacts'],
    ['propster-other'],
    [],
    'propster-other',
    '',
    ['propster-contacts', 1],
    ['propster-contacts', null],
    [['propster-contacts']],
    1,
    null,
    undefined,
    true,
    {},
    { 0: 'propster-contacts', length: 1 },
  ];

  it.each(values.map((aud) => [JSON.stringify(aud) ?? 'missing', aud]))(
    'lets a session in for %s exactly when z.union([z.string(), z.array(z.string())]) did',
    (_, aud) => {
      const claims = payload(aud) as Record<string, unknown>;
      if (aud === undefined) delete claims.aud;
      expect(sessionFromPayload(claims, expected) !== null).toBe(byUnion(aud));
    },
  );
});

describe('health', () => {
  it('answers /healthz without a session', async () => {
    const response = await send('/healthz');
    expect(response.status).toBe(200);
  });
});
