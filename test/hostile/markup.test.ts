// Groups 9 and 10: markup and htmx attributes in fields rendered inert everywhere; websites other
// than http(s) refused.
import { describe, expect, it } from 'vitest';
import { anna, send, type TestUser } from '../helpers';
import { expectInert, formToken, fresh, LIST, row, savedId, seedBook, unchanged } from './helpers';

// ---- 9 ------------------------------------------------------------------------------------------

describe('9: markup and htmx attributes in fields are rendered inert', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const IMG = '"><img src=x onerror=alert(2)>';
  const HX = '" hx-get="/evil" hx-trigger="load" x="';
  const hostile: Record<string, string> = {
    position: `${SCRIPT}${HX}`.slice(0, 100),
    company: `${SCRIPT}${IMG}${HX}<svg onload=alert(3)>' onfocus='alert(4)`,
    title: IMG,
    first_name: `${IMG}${HX}`.slice(0, 100),
    last_name: `</title><script>alert(5)</script>`,
    street: `${HX}${SCRIPT}`,
    postal_code: '"><b onclick=x>1',
    city: `{{constructor.constructor('alert(6)')()}}${IMG}`,
    country: `</textarea>${SCRIPT}`,
    email: "'onfocus='alert`7`'x@example.de",
    website: "https://example.de/'onmouseover='alert(8)'",
    notes: `</textarea><script>alert(9)</script>\n${IMG}\n${HX}\n<a href="javascript:alert(10)">x</a>`,
  };

  it('9: in the list, search, detail, edit, delete, export and every echo of the input', async () => {
    const user = fresh(anna);
    const created = await send(LIST, { user, form: { form_token: formToken(), ...hostile } });
    expect(created.status).toBe(303);
    const id = savedId(created);
    expect(await row(id)).toMatchObject(hostile);
    const pages: [string, Promise<Response>][] = [
      ['list', send(LIST, { user })],
      ['list with notice', send(`${LIST}?saved=${id}`, { user })],
      ['search', send(`${LIST}?q=${encodeURIComponent('<script>')}`, { user })],
      ['search fragment', send(`${LIST}?q=${encodeURIComponent('"><img')}&part=results`, { user, htmx: true })],
      ['detail', send(`${LIST}/${id}`, { user })],
      ['edit', send(`${LIST}/${id}/edit`, { user })],
      ['delete confirmation', send(`${LIST}/${id}/delete`, { user })],
      ['422 echo on create', send(LIST, { user: fresh(anna), form: { form_token: formToken(), ...hostile, email: `${IMG}@x` } })],
      ['422 echo on update', send(`${LIST}/${id}`, { user: fresh(anna), form: { version: '1', ...hostile, phone: SCRIPT } })],
      [
        '409 conflict',
        send(`${LIST}/${id}`, { user: fresh(anna), form: { version: '99', ...hostile, company: `${hostile.company ?? ''}!` } }),
      ],
      ['401 echo', send(LIST, { form: { form_token: formToken(), ...hostile } })],
      ['htmx create', send(LIST, { user: fresh(anna), htmx: true, form: { form_token: formToken(), ...hostile } })],
    ];
    for (const [label, pending] of pages) {
      const response = await pending;
      expect(response.status, label).toBeLessThan(500);
      expectInert(await response.text(), label);
    }
    const vcf = await send(`${LIST}/${id}.vcf`, { user });
    expect(vcf.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(vcf.headers.get('content-disposition')).not.toMatch(/[<>\r\n]/);
  });

  it("9: markup in the token's display name (shown as the last editor) stays inert", async () => {
    const mallory: TestUser = { ...anna, sub: `mallory-${crypto.randomUUID()}`, name: `${SCRIPT}${IMG}${HX}` };
    const created = await send(LIST, { user: mallory, form: { form_token: formToken(), company: 'Harmlos GmbH' } });
    expect(created.status).toBe(303);
    const id = savedId(created);
    await unchanged(async () => {
      for (const [label, path, options] of [
        ['detail', `${LIST}/${id}`, {}],
        ['list', LIST, {}],
        ['stale delete (409 names the last editor)', `${LIST}/${id}/delete`, { form: { version: '7' } }],
        ['stale update (409 names the last editor)', `${LIST}/${id}`, { form: { version: '7', company: 'X' } }],
      ] as const) {
        const response = await send(path, { ...options, user: fresh(anna) });
        expect(response.status, label).toBe(label.startsWith('stale') ? 409 : 200);
        expectInert(await response.text(), label);
      }
    });
  });

  it('9: a hostile search query is echoed inert and changes nothing', async () => {
    await seedBook();
    await unchanged(async () => {
      for (const q of [`${SCRIPT}`, IMG, HX, `</title>${SCRIPT}`]) {
        for (const htmx of [false, true]) {
          const response = await send(`${LIST}?q=${encodeURIComponent(q)}${htmx ? '&part=results' : ''}`, { user: anna, htmx });
          expect(response.status).toBe(200);
          expectInert(await response.text(), q);
          expect(response.headers.get('hx-replace-url') ?? '').not.toMatch(/[<>"]/);
        }
      }
    });
  });
});

// ---- 10 -----------------------------------------------------------------------------------------

describe('10: websites other than http(s) → 422, nothing stored', () => {
  const websites = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'jaVaScRiPt:alert(document.cookie)',
    'javascript://example.de/%0aalert(1)',
    'javascript:0',
    'javascript:alert(1)//example.de',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'data:,x.de',
    'vbscript:msgbox(1)',
    'VBScript:MsgBox(1)',
    'file:///etc/passwd',
    'ftp://example.de',
    'blob:https://example.de/0000',
    'mailto:a@example.de',
    'tel:+49891234',
    'https://javascript:alert(1)',
    'http://',
    'https://',
    '&#106;avascript:alert(1)',
    'java\u0000script:alert(1)',
  ];

  it.each(websites)('10: %j → 422 on create and update', async (website) => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    await unchanged(async () => {
      for (const [path, form] of [
        [LIST, { form_token: formToken(), company: 'Link GmbH', website }],
        [`${LIST}/${id}`, { version: '1', company: 'Link GmbH', website }],
      ] as const) {
        const response = await send(path, { user: fresh(anna), form });
        expect(response.status, path).toBe(422);
        const html = await response.text();
        expect(html).toContain('id="f-website-error"');
        expectInert(html, website);
      }
    });
  });
});
