// Shared by the hostile-input suite (issue 7), test/hostile/*.test.ts: every group of
// ../shared/research/security.md's list ("Hostile inputs a suite should try"), one file per kind
// of attack, each case labelled by its number. Every case asserts the status and that the stored
// contacts are unchanged where nothing may change (a snapshot of the whole contacts table, i.e.
// every asset's rows, count and content, before and after). Group 16 (D1 failing mid-request)
// lives in test/storage-faults.test.ts.
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { ORIGIN, type RequestOptions, seedContacts, type TestUser } from '../helpers';
import { decodeHtml } from '../html-values';

export const ASSET = 'whg-12';
export const LIST = `/assets/${ASSET}/contacts`;
export const OTHER = 'whg-3';

export type Row = Record<string, unknown>;

let counter = 0;
/** The same person under a sub of its own: writes are rate-limited per sub (60 per 10 s). */
export function fresh(user: TestUser): TestUser {
  counter += 1;
  return { ...user, sub: `${user.sub}-hostile-${counter}` };
}

export function formToken(): string {
  counter += 1;
  return `hostile-${String(counter).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Every stored contact of every asset, in a stable order. */
export async function allRows(): Promise<Row[]> {
  const { results } = await env.DB.prepare('SELECT * FROM contacts ORDER BY asset_id, id').all<Row>();
  return results;
}

export async function assetRows(asset: string): Promise<Row[]> {
  const { results } = await env.DB.prepare('SELECT * FROM contacts WHERE asset_id = ? ORDER BY id').bind(asset).all<Row>();
  return results;
}

export async function row(id: string): Promise<Row | null> {
  return env.DB.prepare('SELECT * FROM contacts WHERE id = ?').bind(id).first<Row>();
}

/** Runs the attack and asserts that no stored contact changed (count and content). */
export async function unchanged<T>(attack: () => Promise<T>): Promise<T> {
  const before = await allRows();
  expect(before.length).toBeGreaterThan(0);
  const result = await attack();
  expect(await allRows()).toEqual(before);
  return result;
}

/** No answer ever includes a stack trace or internals (contract §6). */
export function expectNoInternals(body: string): void {
  for (const leak of ['ZodError', 'SQLITE', 'D1_ERROR', 'at async', 'node_modules', '.tsx:', '.ts:', 'TypeError', 'ReferenceError']) {
    expect(body, leak).not.toContain(leak);
  }
}

export interface Book {
  /** live contacts of whg-12 */
  ours: string[];
  /** a deleted contact of whg-12 (for restore) */
  oursDeleted: string;
  /** a live contact of whg-3 (Selin's) */
  theirs: string;
  /** a deleted contact of whg-3 */
  theirsDeleted: string;
}

/** Seeds both books so that "unchanged" compares something; a fresh set per test. */
export async function seedBook(): Promise<Book> {
  const tag = crypto.randomUUID().slice(0, 6);
  const ours = await seedContacts(ASSET, 2, (index) => ({
    company: `Unsere Firma ${tag} ${index}`,
    phone: '089 1234',
    notes: 'Zeile 1\nZeile 2',
  }));
  const [oursDeleted] = await seedContacts(ASSET, 1, () => ({ last_name: `Gelöscht ${tag}` }));
  const [theirs, theirsDeleted] = await seedContacts(OTHER, 2, (index) => ({
    company: `Fremdfirma ${tag} ${index}`,
    email: 'geheim@fremd.de',
  }));
  const now = Date.now();
  await env.DB.prepare('UPDATE contacts SET deleted_at = ?, version = version + 1 WHERE id IN (?, ?)')
    .bind(now, oursDeleted, theirsDeleted)
    .run();
  if (!oursDeleted || !theirs || !theirsDeleted) throw new Error('seeding failed');
  return { ours, oursDeleted, theirs, theirsDeleted };
}

/** Every route of the contact book with one method, for a given asset and contact. */
export function everyRoute(asset: string, id: string, deletedId: string): [string, RequestOptions][] {
  const list = `/assets/${asset}/contacts`;
  return [
    ['/', {}],
    [list, {}],
    [`${list}?q=Firma`, {}],
    [`${list}/new`, {}],
    [`${list}.vcf`, {}],
    [`${list}/${id}`, {}],
    [`${list}/${id}/edit`, {}],
    [`${list}/${id}/delete`, {}],
    [`${list}/${id}.vcf`, {}],
    [list, { form: { form_token: formToken(), company: 'Eingeschleust GmbH' } }],
    [`${list}/${id}`, { form: { version: '1', company: 'Überschrieben GmbH' } }],
    [`${list}/${id}`, { method: 'PUT', form: { version: '1', company: 'Überschrieben GmbH' } }],
    [`${list}/${id}/delete`, { form: { version: '1' } }],
    [`${list}/${id}/delete`, { form: {} }],
    [`${list}/${id}`, { method: 'DELETE' }],
    [`${list}/${deletedId}/restore`, { form: {} }],
  ];
}

export interface Tag {
  name: string;
  attributes: [string, string][];
}

/** The tags of a page as the browser would see them (hono escapes < > " in user content). */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const attributes: [string, string][] = [];
    for (const attribute of (match[2] ?? '').matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.push([(attribute[1] ?? '').toLowerCase(), decodeHtml(attribute[2] ?? attribute[3] ?? attribute[4] ?? '')]);
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

/** Markup typed into a field must stay text: no new element, no event handler, no htmx attribute. */
export function expectInert(html: string, where: string): void {
  for (const tag of tagsOf(html)) {
    // The app's one image: the card's own QR code, from its own route.
    const ownQr =
      tag.name === 'img' &&
      /^\/assets\/[^/]+\/contacts\/[A-Za-z0-9_-]+\/qr\.svg$/.test(tag.attributes.find(([name]) => name === 'src')?.[1] ?? '');
    // And its icons: decorative <svg class="i"> whose <use> names a symbol of its one sprite file.
    const ownIcon = tag.name === 'svg' && tag.attributes.some(([name, value]) => name === 'class' && value === 'i');
    if (tag.name === 'use')
      expect(tag.attributes.find(([name]) => name === 'href')?.[1], `${where}: <use>`).toMatch(
        /^\/static\/icons-[0-9a-f]{12}\.svg#[a-z]+$/,
      );
    if (!ownQr && !ownIcon)
      expect(['img', 'svg', 'iframe', 'object', 'embed', 'math', 'b', 'base'], `${where}: <${tag.name}>`).not.toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(name, `${where}: <${tag.name} ${name}>`).not.toMatch(/^on/);
      if (/^hx-(get|post|put|patch|delete|push-url|replace-url|trigger|vals|headers|include|target|swap)$/.test(name)) {
        // The injected attributes would carry these values; the app's own never do.
        expect(value, `${where}: ${name}`).not.toMatch(/\/evil|^load$|javascript:/i);
      }
      if (name === 'href' || name === 'src' || name === 'action' || name === 'formaction') {
        // (the layout's empty favicon, href="data:,", is the one data: URL there is)
        if (value !== 'data:,') expect(value, `${where}: ${name}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
      if ((name === 'href' || name === 'src' || name === 'action') && value !== 'data:,') {
        expect(value, `${where}: ${name}`).toMatch(/^(\/|https?:\/\/|tel:|mailto:|#|\?|$)/);
      }
    }
    if (tag.name === 'script') {
      expect(tag.attributes.find(([name]) => name === 'src')?.[1], `${where}: inline script`).toMatch(/^\/static\//);
    }
  }
  expect(html).not.toMatch(/<script>(?!<\/script>)/);
}

/** The id of the contact a create answered with (the list's ?saved= in its redirect). */
export function savedId(response: Response): string {
  return new URL(response.headers.get('location') ?? '', ORIGIN).searchParams.get('saved') ?? '';
}
