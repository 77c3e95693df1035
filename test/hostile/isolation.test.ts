// Groups 3 and 4: another asset's contacts and assets outside the token, also through path tricks
// (404), nothing written.
import { describe, expect, it } from 'vitest';
import { anna, type RequestOptions, selin, send, type TestUser, textOf } from '../helpers';
import { everyRoute, expectNoInternals, formToken, fresh, LIST, seedBook, unchanged } from './helpers';

// ---- 3 ------------------------------------------------------------------------------------------

describe("3: another asset's contact → 404, row unchanged", () => {
  it("3: a contact of whg-3 under whg-12's path, on every contact route", async () => {
    const book = await seedBook();
    await unchanged(async () => {
      const attempts: [string, RequestOptions][] = [
        [`${LIST}/${book.theirs}`, {}],
        [`${LIST}/${book.theirs}/edit`, {}],
        [`${LIST}/${book.theirs}/delete`, {}],
        [`${LIST}/${book.theirs}.vcf`, {}],
        [`${LIST}/${book.theirs}`, { form: { version: '1', company: 'Gekapert GmbH' } }],
        [`${LIST}/${book.theirs}`, { method: 'PUT', form: { version: '1', company: 'Gekapert GmbH' } }],
        [`${LIST}/${book.theirs}`, { htmx: true, form: { version: '1', company: 'Gekapert GmbH' } }],
        [`${LIST}/${book.theirs}/delete`, { form: { version: '1' } }],
        [`${LIST}/${book.theirs}/delete`, { form: {} }],
        [`${LIST}/${book.theirs}`, { method: 'DELETE' }],
        [`${LIST}/${book.theirs}?version=1`, { method: 'DELETE', htmx: true }],
        [`${LIST}/${book.theirsDeleted}/restore`, { form: {} }],
        [`${LIST}?saved=${book.theirs}`, {}],
        [`${LIST}?deleted=${book.theirsDeleted}`, {}],
      ];
      for (const [path, options] of attempts) {
        const response = await send(path, { ...options, user: fresh(anna) });
        const body = await response.text();
        const label = `${options.method ?? (options.form ? 'POST' : 'GET')} ${path}`;
        // The notice parameters only ever show the list (200); everything else is a 404.
        expect(response.status, label).toBe(path.includes('?saved=') || path.includes('?deleted=') ? 200 : 404);
        expect(body, label).not.toContain('Fremdfirma');
        expect(body, label).not.toContain('geheim@fremd.de');
        expectNoInternals(body);
      }
    });
  });

  it('3: a customer of both assets cannot reach a whg-3 contact through whg-7', async () => {
    const book = await seedBook();
    await unchanged(async () => {
      for (const [path, options] of everyRoute('whg-7', book.theirs, book.theirsDeleted).filter(
        ([path]) => path.includes(book.theirs) || path.includes(book.theirsDeleted),
      )) {
        const response = await send(path, { ...options, user: fresh(selin) });
        expect(response.status, `${options.method ?? (options.form ? 'POST' : 'GET')} ${path}`).toBe(404);
      }
    });
  });

  it("3: search and the export never show another asset's contacts", async () => {
    const book = await seedBook();
    await unchanged(async () => {
      const search = await send(`${LIST}?q=Fremdfirma`, { user: anna });
      expect(search.status).toBe(200);
      expect(textOf(await search.text())).toContain('Keine Treffer für');
      const vcf = await send(`${LIST}.vcf`, { user: anna });
      expect(vcf.status).toBe(200);
      expect(await vcf.text()).not.toContain(book.theirs);
    });
  });
});

// ---- 4 ------------------------------------------------------------------------------------------

describe('4: assets outside the token and path tricks → 404', () => {
  const assetPaths = [
    '/assets/whg-3/contacts',
    '/assets/whg-99/contacts',
    '/assets/WHG-12/contacts',
    '/assets/whg-12%2f/contacts',
    '/assets/whg-12%2F..%2Fwhg-3/contacts',
    '/assets/..%2fwhg-12/contacts',
    '/assets/..%2f..%2fwhg-3/contacts',
    '/assets/whg-12%00/contacts',
    '/assets/whg-12%20/contacts',
    '/assets/%20whg-12/contacts',
    '/assets/whg-12./contacts',
    '/assets/whg-12%5c/contacts',
    '/assets/whg-12/../whg-3/contacts',
    '/assets/%2e%2e/whg-3/contacts',
    '/assets//contacts',
  ];

  it.each(assetPaths)('4: %s (list, new, export, create) → 404, nothing written', async (list) => {
    await seedBook();
    await unchanged(async () => {
      for (const [path, options] of [
        [list, {}],
        [`${list}/new`, {}],
        [`${list}.vcf`, {}],
        [list, { form: { form_token: formToken(), company: 'Fremd angelegt GmbH' } }],
      ] as const) {
        const response = await send(path, { ...options, user: fresh(anna) });
        const body = await response.text();
        expect(response.status, path).toBe(404);
        expect(body).not.toContain('Fremdfirma');
        expectNoInternals(body);
      }
    });
  });

  const contactPaths = [
    `${LIST}/abc%2Fdef`,
    `${LIST}/..%2f..%2fwhg-3%2fcontacts`,
    `${LIST}/a.b`,
    `${LIST}/${'a'.repeat(65)}`,
    `${LIST}/a%00b`,
    `${LIST}/a%00b.vcf`,
    `${LIST}/a.b/edit`,
    `${LIST}/a.b/delete`,
  ];

  it.each(contactPaths)('4: a malformed contact id %s → the 404 page, no internals', async (path) => {
    await seedBook();
    await unchanged(async () => {
      for (const options of [{}, { form: { version: '1', company: 'X' } }, { method: 'DELETE' }] as RequestOptions[]) {
        const response = await send(path, { ...options, user: fresh(anna) });
        const body = await response.text();
        const label = `${options.method ?? (options.form ? 'POST' : 'GET')} ${path}`;
        expect(response.headers.get('content-type'), label).toMatch(/^text\/html/);
        expectNoInternals(body);
        // A wrong method on a path that cannot exist may also be a 405; never a 400 with a zod dump.
        expect([404, 405], label).toContain(response.status);
        if (!options.method && !options.form) expect(response.status, label).toBe(404);
      }
    });
  });

  it("4: a token's asset ids that look like path segments reach nothing else", async () => {
    await seedBook();
    const dotted: TestUser = {
      ...anna,
      sub: 'dotted',
      assets: [
        { id: '..', name: 'Punkte' },
        { id: '.', name: 'Punkt' },
      ],
    };
    await unchanged(async () => {
      for (const path of ['/assets/../contacts', '/assets/%2e%2e/contacts', '/assets/./contacts', '/contacts']) {
        const response = await send(path, { user: dotted });
        expect(response.status, path).toBe(404);
      }
    });
  });
});
