// Groups 7 and 8: over-long fields and bodies (422, 413), emoji, RTL and combining marks kept
// intact, control characters and lone surrogates refused.
import { describe, expect, it } from 'vitest';
import { contactInput } from '../../src/contacts/schema';
import { anna, type RequestOptions, send } from '../helpers';
import { escapeHtml, formValue } from '../html-values';
import { ASSET, assetRows, expectNoInternals, formToken, fresh, LIST, row, savedId, seedBook, unchanged } from './helpers';

// ---- 7 ------------------------------------------------------------------------------------------

/** A value one code point over each field's limit (emoji: code points, not UTF-16 units, count). */
const OVER_LIMIT: [string, string][] = [
  ['position', '😀'.repeat(101)],
  ['company', '😀'.repeat(201)],
  ['title', 'ü'.repeat(51)],
  ['first_name', '😀'.repeat(101)],
  ['last_name', 'a'.repeat(101)],
  ['street', 'ß'.repeat(201)],
  ['postal_code', '1'.repeat(21)],
  ['city', '😀'.repeat(101)],
  ['country', 'x'.repeat(101)],
  ['phone', `+49 ${'1'.repeat(21)}`],
  ['mobile', '1'.repeat(21)],
  ['email', `${'a'.repeat(244)}@example.de`],
  ['website', `https://example.de/${'a'.repeat(1982)}`],
  ['notes', `${'😀'.repeat(1000)}\n${'a'.repeat(1000)}`],
];

const AT_LIMIT: Record<string, string> = {
  position: '😀'.repeat(100),
  company: '😀'.repeat(200),
  title: 'ü'.repeat(50),
  first_name: '😀'.repeat(100),
  last_name: 'a'.repeat(100),
  street: 'ß'.repeat(200),
  postal_code: '1'.repeat(20),
  city: '😀'.repeat(100),
  country: 'x'.repeat(100),
  phone: `+${'1'.repeat(20)}`,
  mobile: '1'.repeat(20),
  email: `${'a'.repeat(243)}@example.de`,
  notes: `${'😀'.repeat(999)}\r\n${'a'.repeat(1000)}`,
};

describe('7: over-long fields → 422 naming the field; huge bodies → 413; nothing stored', () => {
  it.each(OVER_LIMIT)('7: %s one over its limit → 422 beside the field, value kept', async (field, value) => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    expect(value.length).toBeLessThan(65536 / 3);
    await unchanged(async () => {
      for (const [path, form] of [
        [LIST, { form_token: formToken(), last_name: 'Lang', [field]: value }],
        [`${LIST}/${id}`, { version: '1', company: 'Lang GmbH', [field]: value }],
      ] as const) {
        const response = await send(path, { user: fresh(anna), form });
        expect(response.status, `${path} ${field}`).toBe(422);
        const html = await response.text();
        expect(html).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
        expect(html).toContain(`id="f-${field}-error"`);
        expect(formValue(html, field)).toBe(value);
      }
    });
  });

  it('7: every field exactly at its limit is accepted and stored whole', async () => {
    const response = await send(LIST, { user: fresh(anna), form: { form_token: formToken(), ...AT_LIMIT } });
    expect(response.status).toBe(303);
    const id = savedId(response);
    expect(await row(id)).toMatchObject({ ...AT_LIMIT, notes: AT_LIMIT.notes?.replace('\r\n', '\n') });
  });

  it('7: a 2 MB body → 413 on create, update and delete', async () => {
    const book = await seedBook();
    const [id = ''] = book.ours;
    const huge = 'x'.repeat(2 * 1024 * 1024);
    await unchanged(async () => {
      for (const [path, form] of [
        [LIST, { form_token: formToken(), company: 'Riesig GmbH', notes: huge }],
        [`${LIST}/${id}`, { version: '1', company: 'Riesig GmbH', notes: huge }],
        [`${LIST}/${id}/delete`, { version: '1', padding: huge }],
      ] as const) {
        const response = await send(path, { user: fresh(anna), form });
        expect(response.status, path).toBe(413);
        expectNoInternals(await response.text());
      }
    });
  });

  it('7: a body just over 64 KiB → 413, also multipart and without Content-Length', async () => {
    await seedBook();
    await unchanged(async () => {
      const justOver = `form_token=${formToken()}&company=Knapp&notes=${'x'.repeat(64 * 1024)}`;
      expect(
        (
          await send(LIST, {
            user: fresh(anna),
            method: 'POST',
            body: justOver,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      ).toBe(413);
      const multipart = new FormData();
      multipart.set('company', 'Multipart GmbH');
      multipart.set('notes', 'y'.repeat(2 * 1024 * 1024));
      expect((await send(LIST, { user: fresh(anna), method: 'POST', body: multipart })).status).toBe(413);
      const chunk = new TextEncoder().encode(`company=Stream&notes=${'z'.repeat(64 * 1024)}`);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let index = 0; index < 32; index += 1) controller.enqueue(chunk);
          controller.close();
        },
      });
      expect(
        (
          await send(LIST, {
            user: fresh(anna),
            method: 'POST',
            body: stream,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      ).toBe(413);
    });
  });

  it('7: bodies of the wrong shape → 422 (or a harmless answer), never a 5xx, nothing stored', async () => {
    await seedBook();
    await unchanged(async () => {
      const shapes: [string, RequestOptions][] = [
        ['JSON', { method: 'POST', body: JSON.stringify({ company: 'Json GmbH' }), headers: { 'Content-Type': 'application/json' } }],
        ['no content type', { method: 'POST', body: 'company=Ohne+Typ' }],
        [
          'a file instead of a field',
          {
            method: 'POST',
            body: (() => {
              const data = new FormData();
              data.set('company', new File(['Datei GmbH'], 'a.txt'));
              return data;
            })(),
          },
        ],
        [
          'broken multipart',
          {
            method: 'POST',
            body: '--x\r\nContent-Disposition: form-data; name="company"\r\n\r\nKaputt',
            headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
          },
        ],
        [
          'a field sent twice with different values',
          { method: 'POST', body: 'company=Erste&company=Zweite', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
        ],
        [
          'array-style names',
          { method: 'POST', body: 'company[]=A&company[]=B', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
        ],
        [
          'a prototype-polluting name',
          {
            method: 'POST',
            body: '__proto__[company]=Proto&constructor[prototype][company]=Proto',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          },
        ],
      ];
      for (const [label, options] of shapes) {
        const response = await send(LIST, { ...options, user: fresh(anna) });
        // A body that is not even parseable as a form may be a 400 page instead.
        if (label === 'broken multipart') expect([400, 422], label).toContain(response.status);
        else expect(response.status, label).toBe(422);
        expect(response.headers.get('content-type'), label).toMatch(/^text\/html/);
        expectNoInternals(await response.text());
      }
    });
  });
});

// ---- 8 ------------------------------------------------------------------------------------------

describe('8: emoji, RTL and combining marks stay intact; controls and lone surrogates → 422', () => {
  const intact: Record<string, string> = {
    first_name: 'Zoe\u0308', // NFD: must not be normalised to "Zoë"
    last_name: 'Mu\u0308ller-Lüdenscheidt',
    company: 'שלום בע"מ ‏(RTL)‎',
    position: 'مهندس معماري',
    title: 'Dr.\u00a0med.',
    street: 'Straße 5 \u200Fשלום\u200E', // the marks stay; the overrides are dropped (test/normalisation.test.ts)
    city: '👩‍👩‍👧‍👦 Köln 🇩🇪',
    country: 'Ελλάδα',
    notes: 'Z̷a̷l̷g̷o̷\n🏳️‍🌈 e\u0301\u0301\u0301\n\u05d0\u05d1\u05d2 123',
  };

  it('8: stored exactly as typed (no normalisation) and shown intact on detail and edit', async () => {
    const response = await send(LIST, { user: fresh(anna), form: { form_token: formToken(), ...intact } });
    expect(response.status).toBe(303);
    const id = savedId(response);
    expect(await row(id)).toMatchObject(intact);
    const detail = await (await send(`${LIST}/${id}`, { user: anna })).text();
    const edit = await (await send(`${LIST}/${id}/edit`, { user: anna })).text();
    for (const [field, value] of Object.entries(intact)) {
      expect(detail, field).toContain(escapeHtml(value));
      expect(formValue(edit, field), field).toBe(value);
    }
  });

  const controls = [
    '\u0000',
    '\u0001',
    '\u0007',
    '\u0008',
    '\u000b',
    '\u000c',
    '\r',
    '\n',
    '\u001b',
    '\u001f',
    '\u007f',
    '\u0080',
    '\u0085',
    '\u009f',
  ];

  it.each(controls.map((control): [string, string] => [JSON.stringify(control), control]))(
    '8: %s inside a one-line field → 422, nothing stored',
    async (_label, control) => {
      await seedBook();
      await unchanged(async () => {
        for (const field of ['company', 'first_name', 'city', 'phone', 'email', 'website']) {
          const value =
            field === 'phone'
              ? `089${control}123`
              : field === 'email'
                ? `a${control}b@example.de`
                : field === 'website'
                  ? `https://exa${control}mple.de`
                  : `Vor${control}Nach`;
          const response = await send(LIST, {
            user: fresh(anna),
            form: { form_token: formToken(), last_name: 'Kontrolle', [field]: value },
          });
          expect(response.status, field).toBe(422);
          expect(await response.text()).toContain(`id="f-${field}-error"`);
        }
      });
    },
  );

  it('8: controls other than line breaks inside notes → 422; CRLF and LF are kept', async () => {
    await seedBook();
    await unchanged(async () => {
      for (const control of controls.filter((candidate) => candidate !== '\n' && candidate !== '\r')) {
        const response = await send(LIST, {
          user: fresh(anna),
          form: { form_token: formToken(), last_name: 'Notiz', notes: `Zeile 1${control}Zeile 2` },
        });
        expect(response.status, JSON.stringify(control)).toBe(422);
        expect(await response.text()).toContain('id="f-notes-error"');
      }
    });
    const kept = await send(LIST, { user: fresh(anna), form: { form_token: formToken(), last_name: 'Notiz', notes: 'A\r\nB\nC' } });
    expect(kept.status).toBe(303);
    const id = savedId(kept);
    expect(await row(id)).toMatchObject({ notes: 'A\nB\nC' });
  });

  it('8: a tab (a spreadsheet row pasted) is a space, as in an import, in every field; nothing refused (walkthrough, stop 80)', async () => {
    await seedBook();
    const response = await send(LIST, {
      user: fresh(anna),
      form: {
        form_token: formToken(),
        company: 'Fliesen\tKrämer',
        first_name: '\tIda\t',
        phone: '089\t123 45',
        city: 'Bad\tTölz',
        notes: 'Termin\t12.3.\tBad\nZeile 2',
      },
    });
    expect(response.status).toBe(303);
    expect(await row(savedId(response))).toMatchObject({
      company: 'Fliesen Krämer',
      first_name: 'Ida',
      phone: '089 123 45',
      city: 'Bad Tölz',
      notes: 'Termin 12.3. Bad\nZeile 2',
    });
  });

  it('8: lone surrogates are refused by the schema, in every field', () => {
    const lone = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b', '\ude00\ud83d'];
    const base = { last_name: 'Surrogat' };
    for (const surrogate of lone) {
      for (const field of [
        'position',
        'company',
        'title',
        'first_name',
        'last_name',
        'street',
        'postal_code',
        'city',
        'country',
        'phone',
        'mobile',
        'email',
        'website',
        'notes',
      ]) {
        const result = contactInput.safeParse({ ...base, [field]: `x${surrogate}y` });
        expect(result.success, `${field} ${JSON.stringify(surrogate)}`).toBe(false);
        expect(result.error?.issues.some((issue) => issue.path[0] === field)).toBe(true);
      }
    }
    expect(contactInput.safeParse({ ...base, company: 'x\ud83d\ude00y' }).success).toBe(true);
  });

  it('8: invalid UTF-8 (a surrogate encoded as bytes) never reaches storage as a lone surrogate', async () => {
    const form_token = formToken();
    const response = await send(LIST, {
      user: fresh(anna),
      method: 'POST',
      body: `form_token=${form_token}&company=A%ED%A0%80B&city=%C3`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect([303, 422]).toContain(response.status);
    for (const stored of await assetRows(ASSET)) {
      for (const value of Object.values(stored)) {
        if (typeof value === 'string')
          expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)).toBe(false);
      }
    }
  });
});
