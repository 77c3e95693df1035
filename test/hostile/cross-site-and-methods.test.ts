// Groups 5 and 6: cross-site writes (403), safe methods that never write, method overrides that are
// ignored.
import { describe, expect, it } from 'vitest';
import { anna, ORIGIN, type RequestOptions, send, textOf } from '../helpers';
import { expectNoInternals, formToken, fresh, LIST, row, seedBook, unchanged } from './helpers';

// ---- 5 ------------------------------------------------------------------------------------------

describe('5: cross-site writes → 403, nothing written', () => {
  const headerSets: [string, Record<string, string>][] = [
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['a sibling subdomain', { Origin: 'https://kunden.example.de' }],
    ['a child subdomain', { Origin: 'https://evil.kontakte.example.de' }],
    ['a look-alike suffix', { Origin: 'https://kontakte.example.de.evil.example' }],
    ['http instead of https', { Origin: 'http://kontakte.example.de' }],
    ['another port', { Origin: 'https://kontakte.example.de:8443' }],
    ['Origin: null', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
    ['Sec-Fetch-Site: none', { 'Sec-Fetch-Site': 'none' }],
    ['neither header', {}],
    ['only a same-origin Referer', { Referer: `${ORIGIN}/assets/whg-12/contacts/new` }],
    ['a foreign Origin with Sec-Fetch-Site: same-origin', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'same-origin' }],
  ];

  it.each(headerSets)('5: %s', async (_label, headers) => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      const writes: [string, RequestOptions][] = [
        [LIST, { form: { form_token: formToken(), company: 'CSRF GmbH' } }],
        [LIST, { htmx: true, form: { form_token: formToken(), company: 'CSRF GmbH' } }],
        [LIST, { method: 'POST', body: 'company=CSRF+GmbH', headers: { 'Content-Type': 'text/plain' } }],
        [`${LIST}/${id}`, { form: { version: '1', company: 'CSRF GmbH' } }],
        [`${LIST}/${id}`, { method: 'PUT', form: { version: '1', company: 'CSRF GmbH' } }],
        [`${LIST}/${id}/delete`, { form: { version: '1' } }],
        [`${LIST}/${id}`, { method: 'DELETE' }],
        [`${LIST}/${book.oursDeleted}/restore`, { form: {} }],
      ];
      for (const [path, options] of writes) {
        const response = await send(path, {
          ...options,
          user: fresh(anna),
          sameOrigin: false,
          headers: { ...options.headers, ...headers },
        });
        const label = `${options.method ?? 'POST'} ${path}`;
        expect(response.status, label).toBe(403);
        expect(textOf(await response.text()), label).toContain('Anfrage abgelehnt');
      }
    });
  });
});

// ---- 6 ------------------------------------------------------------------------------------------

describe('6: safe methods never write; method overrides are ignored', () => {
  it('6: GET and HEAD on /delete show (or skip) the confirmation and delete nothing', async () => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      const get = await send(`${LIST}/${id}/delete?version=1`, { user: anna, headers: { 'X-HTTP-Method-Override': 'DELETE' } });
      expect(get.status).toBe(200);
      const html = await get.text();
      expect(html).toMatch(new RegExp(`<form method="post" action="${LIST}/${id}/delete"`));
      const head = await send(`${LIST}/${id}/delete`, { user: anna, method: 'HEAD' });
      expect([200, 405]).toContain(head.status);
      expect(await head.text()).toBe('');
      const htmx = await send(`${LIST}/${id}/delete`, { user: anna, htmx: true });
      expect(htmx.status).toBe(200);
    });
    expect(await row(id)).toMatchObject({ deleted_at: null, version: 1 });
  });

  it('6: GET and HEAD on /restore → 405, the contact stays deleted', async () => {
    const book = await seedBook();
    await unchanged(async () => {
      for (const method of ['GET', 'HEAD']) {
        const response = await send(`${LIST}/${book.oursDeleted}/restore`, { user: anna, method });
        expect(response.status, method).toBe(405);
        expect(response.headers.get('allow')).toContain('POST');
      }
    });
    expect((await row(book.oursDeleted))?.deleted_at).not.toBeNull();
  });

  it('6: GET with write parameters in the query creates, updates and deletes nothing', async () => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      const attempts = [
        `${LIST}?form_token=${formToken()}&company=Per+GET+GmbH`,
        `${LIST}/${id}?version=1&company=Per+GET+GmbH&_method=PUT`,
        `${LIST}/${id}?_method=DELETE&version=1`,
        `${LIST}/${id}.vcf?_method=DELETE`,
        `${LIST}/${id}/edit?_method=PUT&version=1&company=X`,
      ];
      for (const path of attempts) {
        for (const method of ['GET', 'HEAD']) {
          const response = await send(path, {
            user: anna,
            method,
            headers: { 'X-HTTP-Method-Override': 'DELETE', 'X-HTTP-Method': 'DELETE', 'X-Method-Override': 'DELETE' },
          });
          expect(response.status, `${method} ${path}`).toBe(200);
        }
      }
    });
  });

  it('6: _method and X-HTTP-Method-Override on a POST are ignored (no delete through an update)', async () => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      // An update without a version is shown beside the stored contact (409, nothing written);
      // honouring the override would delete instead.
      const override = await send(`${LIST}/${id}`, {
        user: fresh(anna),
        form: { _method: 'DELETE', company: 'X' },
        headers: { 'X-HTTP-Method-Override': 'DELETE' },
      });
      expect(override.status).toBe(409);
      const query = await send(`${LIST}/${id}?_method=DELETE`, { user: fresh(anna), form: { company: 'X' } });
      expect(query.status).toBe(409);
      const deletedAgain = await send(`${LIST}/${book.oursDeleted}/delete`, {
        user: fresh(anna),
        form: { _method: 'PUT' },
        headers: { 'X-HTTP-Method-Override': 'PUT' },
      });
      expect(deletedAgain.status).toBe(404);
    });
  });

  it('6: other methods on known paths → 405, nothing written', async () => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      for (const [method, path] of [
        ['PATCH', `${LIST}/${id}`],
        ['PATCH', LIST],
        ['OPTIONS', `${LIST}/${id}`],
        ['DELETE', LIST],
        ['PUT', LIST],
        ['DELETE', `${LIST}/${id}/delete`],
        ['PUT', `${LIST}/${id}/delete`],
        ['DELETE', `${LIST}.vcf`],
      ] as const) {
        const response = await send(path, {
          user: fresh(anna),
          method,
          body: method === 'OPTIONS' ? undefined : 'version=1&company=X',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        });
        expect(response.status, `${method} ${path}`).toBe(405);
      }
      // POST on an export shares its shape with POST /contacts/:contactId: a 404 (no such id) is as harmless as a 405.
      const postExport = await send(`${LIST}/${id}.vcf`, { user: fresh(anna), form: { version: '1', company: 'X' } });
      expect([404, 405]).toContain(postExport.status);
      expectNoInternals(await postExport.text());
    });
  });
});
