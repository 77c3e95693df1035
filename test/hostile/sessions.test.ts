// Groups 1 and 2: forged, expired and malformed sessions (401) and roles other than a buyer's
// (403), on every route, nothing written.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { admin, anna, petra, type RequestOptions, send, type TestUser, textOf, tokenFor } from '../helpers';
import { ASSET, everyRoute, expectNoInternals, fresh, OTHER, seedBook, unchanged } from './helpers';

function base64url(value: string): string {
  const bytes = new TextEncoder().encode(value);
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function annaClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: anna.sub,
    name: anna.name,
    role: anna.role,
    assets: anna.assets,
    iss: 'propster',
    aud: 'propster-contacts',
    iat: nowSeconds(),
    exp: nowSeconds() + 3600,
    ...overrides,
  };
}

// ---- 1 ------------------------------------------------------------------------------------------

describe('1: forged, expired and malformed sessions → 401, nothing written', () => {
  type Forgery = [string, () => Promise<RequestOptions>];
  const withToken = (make: () => Promise<string>) => async (): Promise<RequestOptions> => ({ token: await make() });
  const forgeries: Forgery[] = [
    ['no cookie', async () => ({})],
    [
      'a bad signature',
      withToken(async () => {
        const [header, payload, signature = ''] = (await tokenFor(anna)).split('.');
        const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
        return `${header}.${payload}.${flipped}`;
      }),
    ],
    ['an empty signature', withToken(async () => (await tokenFor(anna)).split('.').slice(0, 2).join('.') + '.')],
    [
      'alg: none',
      withToken(async () => `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(annaClaims()))}.`),
    ],
    [
      'alg: none with a valid signature kept',
      withToken(async () => {
        const [, payload, signature] = (await tokenFor(anna)).split('.');
        return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.${signature}`;
      }),
    ],
    ['HS256 signed with another key', withToken(() => tokenFor(anna, { secret: 'an-attackers-own-secret-0123456789abcdef' }))],
    [
      'HS256 signed with the committed dev secret',
      withToken(() => tokenFor(anna, { secret: 'dev-only-secret-change-me-0123456789abcdef' })),
    ],
    ['HS512 with the right key', withToken(() => tokenFor(anna, { alg: 'HS512' }))],
    ['HS384 with the right key', withToken(() => tokenFor(anna, { alg: 'HS384' }))],
    ['expired (beyond the leeway)', withToken(() => tokenFor(anna, { iat: nowSeconds() - 7200, exp: nowSeconds() - 61 - 60 }))],
    ['no exp', withToken(() => tokenFor(anna, { exp: null }))],
    ['exp as a string', withToken(() => tokenFor(anna, { exp: String(nowSeconds() + 3600) }))],
    ['exp far in the future (lifetime over 24 h)', withToken(() => tokenFor(anna, { exp: 4102444800 }))],
    ['no iat', withToken(() => tokenFor(anna, { claims: { iat: undefined } }))],
    ['a wrong aud', withToken(() => tokenFor(anna, { aud: 'propster-admin' }))],
    ['a wrong iss', withToken(() => tokenFor(anna, { iss: 'propster-evil' }))],
    ['an aud list without ours', withToken(() => tokenFor(anna, { claims: { aud: ['propster-admin', 'other'] } }))],
    [
      'the payload edited under the old signature',
      withToken(async () => {
        const [header, , signature] = (await tokenFor(anna)).split('.');
        return `${header}.${base64url(JSON.stringify(annaClaims({ assets: [{ id: OTHER, name: 'x' }] })))}.${signature}`;
      }),
    ],
    [
      'the role edited under the old signature',
      withToken(async () => {
        const [header, , signature] = (await tokenFor(petra)).split('.');
        return `${header}.${base64url(JSON.stringify(annaClaims()))}.${signature}`;
      }),
    ],
    [
      'a token of another type (typ: at+jwt) signed with another key',
      withToken(async () =>
        new SignJWT(annaClaims()).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(new TextEncoder().encode('x'.repeat(32))),
      ),
    ],
    ['garbage', withToken(async () => 'eyJhbGciOiJIUzI1NiJ9.garbage.garbage')],
    [
      'the token in an Authorization header instead of the cookie',
      async () => ({ headers: { Authorization: `Bearer ${await tokenFor(anna)}` } }),
    ],
    ['the cookie under another name', async () => ({ headers: { Cookie: `PROPSTER_SESSION=${await tokenFor(anna)}` } })],
  ];

  it.each(forgeries)('1: %s → 401 on every route, nothing written', async (_label, forge) => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      for (const [path, options] of everyRoute(ASSET, id, book.oursDeleted)) {
        const response = await send(path, { ...options, ...(await forge()) });
        const body = await response.text();
        expect(response.status, `${options.method ?? (options.form ? 'POST' : 'GET')} ${path}`).toBe(401);
        expect(body).toContain('https://kunden.example.de/login');
        expect(response.headers.get('set-cookie'), path).toBeNull();
        expectNoInternals(body);
      }
    });
  });
});

// ---- 2 ------------------------------------------------------------------------------------------

describe('2: staff and unknown roles → 403 on every route, nothing written', () => {
  const roles: [string, TestUser][] = [
    ['project_manager', petra],
    ['project_admin', admin],
    ['Customer (other case)', { ...anna, role: 'Customer' }],
    ['"customer " (trailing space)', { ...anna, role: 'customer ' }],
    ['an empty role', { ...anna, role: '' }],
    ['customer_admin', { ...anna, role: 'customer_admin' }],
  ];

  it.each(roles)('2: %s → 403', async (_label, user) => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      const routes = [...everyRoute(ASSET, id, book.oursDeleted), ...everyRoute(OTHER, book.theirs, book.theirsDeleted)];
      for (const [path, options] of routes) {
        const response = await send(path, { ...options, user: fresh(user) });
        const body = await response.text();
        expect(response.status, `${options.method ?? (options.form ? 'POST' : 'GET')} ${path}`).toBe(403);
        expect(textOf(body)).toContain('nur für die Käufer eines Objekts');
        expect(body).not.toContain('Unsere Firma');
        expect(body).not.toContain('Fremdfirma');
      }
    });
  });
});
