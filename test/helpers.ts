import { env, exports } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { EMPTY_FIELDS } from '../src/contacts/fields';
import { createContact } from '../src/contacts/repository';
import type { ContactInput } from '../src/contacts/schema';
import { connect } from '../src/db/client';

export const ORIGIN = 'https://kontakte.example.de';

/**
 * Lines of the notes with a number after a label that is no phone's (code review, stop 82): dates
 * and times with slashes or dashes, a customer's, file's or account's number of a phone's shape,
 * two numbers in one line, a fax after another label. The card links none, the print view lists none.
 */
export const NOTES_WITHOUT_PHONES = [
  'Gewährleistung bis: 03/2029',
  'Termin: 01/03/2024',
  'Datum: 01-03-2024',
  'Erreichbar: 08.00 - 17.00',
  'Kundennummer: 0012345678',
  'Az.: 0123/45',
  'Konto: 0532 0130 00',
  'Rufbereitschaft: 0800 7654321 / 0171 7654321',
  'Büro: Tel. 089 123456, Fax: 089 123457',
];

export interface TestUser {
  sub: string;
  name: string;
  role: string;
  assets: { id: string; name: string }[];
}

export const anna: TestUser = {
  sub: 'u-anna',
  name: 'Anna Müller',
  role: 'customer',
  assets: [{ id: 'whg-12', name: 'Lindenhof, Wohnung 12' }],
};
export const jonas: TestUser = {
  sub: 'u-jonas',
  name: 'Jonas Müller',
  role: 'customer',
  assets: [{ id: 'whg-12', name: 'Lindenhof, Wohnung 12' }],
};

let ownIds = 0;
/**
 * The user with a user id of its own (the same name, role and apartments). Writes are limited per
 * user id (60 in 10 s, wrangler.toml): a test file that writes a lot as one user on a fast machine
 * met a 429 where a test expected its save (CI failed once), so such files give every test its own.
 */
export function withOwnId(user: TestUser, prefix = user.sub): TestUser {
  ownIds += 1;
  return { ...user, sub: `${prefix}-${ownIds}` };
}
export const selin: TestUser = {
  sub: 'u-selin',
  name: 'Selin Yıldız',
  role: 'customer',
  assets: [
    { id: 'whg-3', name: 'Lindenhof, Wohnung 3' },
    { id: 'whg-7', name: 'Seeblick, Wohnung 7' },
  ],
};
export const petra: TestUser = {
  sub: 'u-petra',
  name: 'Petra Weber',
  role: 'project_manager',
  assets: [{ id: 'whg-12', name: 'Lindenhof, Wohnung 12' }],
};
export const admin: TestUser = {
  sub: 'u-admin',
  name: 'Admin',
  role: 'project_admin',
  assets: [{ id: 'whg-12', name: 'Lindenhof, Wohnung 12' }],
};

export interface TokenOptions {
  secret?: string;
  alg?: string;
  iat?: number;
  exp?: number | string | null;
  iss?: string;
  aud?: string;
  claims?: Record<string, unknown>;
}

/** Mints a session token as the platform would (or as an attacker might, with options). */
export async function tokenFor(user: TestUser, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: user.sub,
    name: user.name,
    role: user.role,
    assets: user.assets,
    iss: options.iss ?? 'propster',
    aud: options.aud ?? 'propster-contacts',
    iat: options.iat ?? now,
    ...(options.exp === null ? {} : { exp: options.exp ?? now + 3600 }),
    ...options.claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(options.secret ?? env.SESSION_SECRET));
}

export interface RequestOptions {
  user?: TestUser;
  token?: string;
  method?: string;
  form?: Record<string, string>;
  body?: BodyInit;
  headers?: Record<string, string>;
  htmx?: boolean;
  /** Sends a same-origin Origin header on writes unless set to false. */
  sameOrigin?: boolean;
  /** More cookies, beside the session's (`name=value; …`). */
  cookies?: string;
}

/** A request through the Worker's HTTP surface, as a browser on the app's origin would send it. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? (options.form ? 'POST' : 'GET');
  const headers = new Headers(options.headers);
  const token = options.token ?? (options.user ? await tokenFor(options.user) : undefined);
  const cookies = [token && `propster_session=${token}`, options.cookies].filter(Boolean).join('; ');
  if (cookies) headers.set('Cookie', cookies);
  if (options.htmx) headers.set('HX-Request', 'true');
  if (method !== 'GET' && method !== 'HEAD' && options.sameOrigin !== false && !headers.has('Origin')) headers.set('Origin', ORIGIN);
  let body = options.body;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
  }
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body, redirect: 'manual' }));
}

/** The hidden fields of an HTML text (a form of a page, or a whole page): what a browser sends with them. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"\/>/g)) fields[match[1] ?? ''] = match[2] ?? '';
  return fields;
}

/** The last form of a page's content (or fragment): not the other language's, at every page's foot. */
export function lastForm(html: string): string {
  const content = html.split('<footer class="foot"')[0] ?? html;
  return content.slice(content.lastIndexOf('<form'));
}

/** The text of an HTML body with tags dropped and whitespace folded, for assertions. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

export async function gzipSize(body: string): Promise<number> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/**
 * Seeds contacts straight into D1 through the repository (fast, no rate limit, no HTTP).
 * `now` sets their creation time (ms), so a test can tell a later change apart without waiting.
 */
export async function seedContacts(
  assetId: string,
  count: number,
  fields: (index: number) => Partial<ContactInput>,
  { now }: { now?: number } = {},
): Promise<string[]> {
  const db = connect(env.DB);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const input = { ...EMPTY_INPUT, ...fields(index) };
    const result = await createContact(
      db,
      assetId,
      input,
      `seed-${assetId}-${index}-${crypto.randomUUID()}`,
      { userId: 'seed', name: 'Seed' },
      now,
    );
    if (result.kind === 'full' || result.kind === 'noRoom') throw new Error('asset full');
    ids.push(result.contact.id);
  }
  return ids;
}

/** Every field empty (derived from FIELDS, so a new field needs no change here). */
const EMPTY_INPUT: ContactInput = { ...EMPTY_FIELDS };
