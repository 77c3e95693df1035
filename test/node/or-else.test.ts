// src/contacts/or-else.ts against zod's own z.catch: the same answer for every value a query
// parameter can bring, valid or not, present or not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zValidator } from '@hono/zod-validator';
import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  coercedNumber,
  fieldsThen,
  finiteNumber,
  integerIn,
  lengthIn,
  listOf,
  matching,
  oneOf,
  orElse,
  type RaisedIssue,
  superRefined,
} from '../../src/contacts/or-else';
import { TENANT } from '../../src/db/tenants';
import { CONTACT_ID } from '../../src/paths';
import { ASSET_ID } from '../../src/session/claims';
import { assertProperty } from '../property.ts';

const schemas: [string, () => z.ZodMiniType, unknown][] = [
  ['an optional id', () => z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{21}$/))), undefined],
  ['a literal', () => z.optional(z.literal('position')), undefined],
  ['an enum', () => z.optional(z.enum(['results', 'rows'])), undefined],
  ['a bounded string', () => z.optional(z.string().check(z.maxLength(5))), undefined],
  ['a coerced number', () => z.optional(z.coerce.number()), undefined],
  ['a bounded integer', () => z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1000))), undefined],
  ['a trimmed text with a default', () => z.string().check(z.trim()), ''],
];
const inputs = [
  undefined,
  null,
  '',
  ' ',
  'position',
  'rows',
  'Rows',
  'abcdef',
  '12',
  '-1',
  '1.5',
  '1001',
  'NaN',
  'V1StGXR8_Z5jdHi6B-myT',
  [],
  {},
  7,
  true,
];

describe('orElse(schema, value) answers as z.catch(schema, value)', () => {
  for (const [name, schema, fallback] of schemas)
    it(name, () => {
      const ours = orElse(schema(), fallback as never);
      const zods = z.catch(schema(), fallback as never);
      for (const input of inputs) expect({ input, output: ours.parse(input) }).toEqual({ input, output: zods.parse(input) });
      // Inside an object, as the query validators use it: a missing key too.
      for (const input of inputs)
        expect(z.object({ key: ours }).parse(input === undefined ? {} : { key: input })).toEqual(
          z.object({ key: zods }).parse(input === undefined ? {} : { key: input }),
        );
    });

  it('falls back at all: a wrong value is not passed through', () => {
    expect(orElse(z.optional(z.literal('position')), undefined).parse('nope')).toBeUndefined();
    expect(orElse(z.string().check(z.trim()), '').parse(42)).toBe('');
  });
});

describe("oneOf(values) answers as z.enum(values), and with one value as a literal (routes.tsx: the query's choices, without zod's enum and literal schemas)", () => {
  it('under orElse, for every value a query parameter can bring', () => {
    for (const values of [['position'], ['warranty'], ['results', 'rows'], ['saved', 'restored', 'version', 'undone']]) {
      const ours = orElse(z.optional(oneOf(values)), undefined);
      const zods: z.ZodMiniType[] = [z.catch(z.optional(z.enum(values)), undefined)];
      if (values.length === 1) zods.push(z.catch(z.optional(z.literal(values[0] ?? '')), undefined));
      for (const zod of zods)
        for (const input of [
          ...inputs,
          ...values,
          ...values.flatMap((value) => [` ${value}`, value.toUpperCase(), [value], `${value}\u0000`]),
        ])
          expect({ input, output: ours.parse(input) }).toEqual({ input, output: zod.parse(input) });
      for (const value of values) expect(ours.parse(value)).toBe(value);
    }
  });

  it('for any string', () => {
    const values = ['results', 'rows'];
    const ours = orElse(z.optional(oneOf(values)), undefined);
    const zod = z.catch(z.optional(z.enum(values)), undefined);
    assertProperty(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...values)), (input) => ours.parse(input) === zod.parse(input)),
      { numRuns: 2000 },
    );
  });
});

describe("a form field's schema: z.optional(z.string()) and `?? ''` answer as z._default(z.string(), '') (src/contacts/schema.ts)", () => {
  // As fieldSchema builds it: the text normalised, then a rule that may add an issue.
  const rule = z.superRefine((value: string, ctx) => {
    if (value.includes('!')) ctx.addIssue({ code: 'custom', message: 'bang', input: value });
  });
  const ours = () =>
    z
      .pipe(
        z.optional(z.string()),
        z.transform((value: string | undefined) => (value ?? '').trim()),
      )
      .check(rule);
  const zods = () =>
    z
      .pipe(
        z._default(z.string(), ''),
        z.transform((value: string) => value.trim()),
      )
      .check(rule);

  /** A result with its issues as plain data (the error's class aside). */
  const plain = (result: { success: boolean; data?: unknown; error?: { issues: readonly unknown[] } }) => ({
    ...result,
    error: result.error && [...result.error.issues],
  });

  it('alone and as a key of the form, present or missing, valid or not', () => {
    for (const input of [...inputs, ' a ', 'a!', ['a', 'b'], new File(['x'], 'x.txt')]) {
      expect({ input, result: plain(ours().safeParse(input)) }).toEqual({ input, result: plain(zods().safeParse(input)) });
      const form = (schema: () => z.ZodMiniType) => z.object({ first_name: schema(), company: schema(), other: z.optional(z.string()) });
      for (const sent of [{}, { first_name: input }, { first_name: input, company: 'x' }, { company: input }])
        expect({ sent, result: plain(form(ours).safeParse(sent)) }).toEqual({ sent, result: plain(form(zods).safeParse(sent)) });
    }
  });
});

describe('integerIn(least, most) answers as z.int() with z.minimum and z.maximum (src/contacts/routes.tsx)', () => {
  it('under orElse, for every value a query parameter can bring', () => {
    const pairs = [
      ['removed', () => integerIn(0, 1000), () => coercedNumber().check(z.int(), z.minimum(0), z.maximum(1000))],
      ['version', () => integerIn(1), () => coercedNumber().check(z.int(), z.positive())],
    ] as const;
    for (const [name, ours, zods] of pairs)
      for (const input of [
        ...inputs,
        '0',
        '-0',
        '1',
        '1.0',
        '0.5',
        '1e3',
        '1000.5',
        '1001',
        '1e21',
        '9007199254740991',
        '9007199254740993',
        '-9007199254740993',
        'Infinity',
        ' 7 ',
        2 ** 53,
        -1,
        3,
      ])
        expect({ name, input, output: orElse(z.optional(ours()), undefined).parse(input) }).toEqual({
          name,
          input,
          output: orElse(z.optional(zods()), undefined).parse(input),
        });
  });
});

describe('lengthIn(least, most) answers as z.minLength(least) with z.maxLength(most)', () => {
  const bounds: [number, number][] = [
    [0, 1000],
    [0, 3],
    [1, 128],
    [1, 2],
    [1, 100],
    [2, 5],
  ];
  const same = (value: unknown) => {
    for (const [least, most] of bounds) {
      const ours = z.string().check(lengthIn(least, most)).safeParse(value).success;
      const zods = z.string().check(z.minLength(least), z.maxLength(most)).safeParse(value).success;
      expect({ value, least, most, passes: ours }).toEqual({ value, least, most, passes: zods });
      const list = Array.isArray(value) ? value : [value];
      expect(z.array(z.unknown()).check(lengthIn(least, most)).safeParse(list).success).toBe(
        z.array(z.unknown()).check(z.minLength(least), z.maxLength(most)).safeParse(list).success,
      );
    }
  };

  it('for strings at the bounds, with surrogate pairs and lone surrogates, and for arrays', () => {
    for (const value of [
      ...inputs,
      'a',
      'ab',
      'abc',
      'abcd',
      '😀',
      '😀😀',
      'a😀',
      '😀😀a',
      '\ud83d',
      '\ud83d\ud83d',
      '\ude00\ud83d',
      'x'.repeat(1000),
      'x'.repeat(1001),
      '😀'.repeat(1000),
      `${'😀'.repeat(999)}ab`,
      ['a'],
      Array(100).fill(''),
      Array(101).fill(''),
    ])
      same(value);
  });

  it('for any string of any code units', () => {
    assertProperty(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 260 }),
          fc.string({ unit: fc.constantFrom('a', '\ud83d', '\ude00', '😀'), maxLength: 260 }),
        ),
        (value) => {
          same(value);
        },
      ),
    );
  });
});

describe('listOf(item) passes and fails as z.array(item), with the same items (src/session/claims.ts)', () => {
  const item = z.object({ id: z.string().check(matching(/^[a-z]{1,3}$/)), name: z.string() });
  const pairs: [z.ZodMiniType, z.ZodMiniType][] = [
    [listOf(item), z.array(item)],
    [listOf(z.string()), z.array(z.string())],
    [listOf(item).check(lengthIn(1, 2)), z.array(item).check(z.minLength(1), z.maxLength(2))],
  ];
  const values = [
    undefined,
    null,
    'a',
    {},
    { 0: 'a', length: 1 },
    [],
    ['a'],
    ['a', 'b', 'c'],
    ['a', 1],
    [{ id: 'a', name: 'A' }],
    [{ id: 'a', name: 'A', extra: true }],
    [{ id: 'abcd', name: 'A' }],
    [{ id: 'a', name: 'A' }, { id: 'b' }],
    [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ],
  ];
  it('for arrays of objects and strings, in bounds and out, and for what is no array', () => {
    for (const [ours, zods] of pairs)
      for (const value of values) {
        const [mine, theirs] = [z.safeParse(ours, value), z.safeParse(zods, value)];
        expect({ value, success: mine.success, data: mine.data }).toEqual({ value, success: theirs.success, data: theirs.data });
      }
  });

  it('for any JSON value', () => {
    const [ours, zods] = pairs[0] ?? [];
    if (!ours || !zods) throw new Error('no pair');
    assertProperty(
      fc.property(fc.jsonValue(), (value) => {
        const [mine, theirs] = [z.safeParse(ours, value), z.safeParse(zods, value)];
        expect(mine.success).toBe(theirs.success);
        expect(mine.data).toEqual(theirs.data);
      }),
      { numRuns: 500 },
    );
  });
});

describe('matching(pattern) answers as z.regex(pattern) (src/contacts/routes.tsx, src/session/claims.ts)', () => {
  // The app's four (a contact's or an import's id, a vCard's file name, an asset's id, a tenant),
  // and two whose lastIndex a test moves on, which zod sets back to 0 before each.
  const patterns = [CONTACT_ID, /^[A-Za-z0-9_-]{1,64}\.vcf$/, ASSET_ID, TENANT, /a/g, /b/y];
  const same = (value: unknown) => {
    for (const pattern of patterns) {
      for (let twice = 0; twice < 2; twice++) {
        const ours = z.string().check(matching(pattern)).safeParse(value).success;
        const zods = z.string().check(z.regex(pattern)).safeParse(value).success;
        expect({ value, pattern: String(pattern), passes: ours }).toEqual({ value, pattern: String(pattern), passes: zods });
      }
      // As the query's ids are read: optional, under orElse.
      expect(orElse(z.optional(z.string().check(matching(pattern))), undefined).parse(value)).toEqual(
        z.catch(z.optional(z.string().check(z.regex(pattern))), undefined).parse(value),
      );
      // As a route's parameter and the claims are read: a key of an object.
      expect(z.object({ id: z.string().check(matching(pattern)) }).safeParse({ id: value }).success).toBe(
        z.object({ id: z.string().check(z.regex(pattern)) }).safeParse({ id: value }).success,
      );
    }
  };

  it('for ids at their bounds and around them', () => {
    const routes = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'contacts', 'routes.tsx'), 'utf8');
    expect(routes).toContain('file: z.string().check(matching(/^[A-Za-z0-9_-]{1,64}\\.vcf$/))');
    expect(routes).not.toMatch(/z\.regex\(/);
    for (const value of [
      ...inputs,
      'a',
      'b',
      'ab',
      'a'.repeat(64),
      'a'.repeat(65),
      'a'.repeat(128),
      'a'.repeat(129),
      `${'a'.repeat(64)}.vcf`,
      `${'a'.repeat(65)}.vcf`,
      '.vcf',
      'x.vcf\n',
      'x\n',
      'seeblick',
      'See-Blick',
      'asset.1:2',
      'Ä',
      '😀',
    ])
      same(value);
  });

  it('for any string', () => {
    assertProperty(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 140 }),
          fc.string({ unit: fc.constantFrom('a', 'b', '-', '.', ':', '\n', 'Z'), maxLength: 140 }),
        ),
        (value) => {
          same(value);
        },
      ),
    );
  });
});

describe("the search's text: a transform after z.string() answers as z.overwrite and z.trim checks (src/contacts/routes.tsx)", () => {
  it('under orElse, alone and as the query key q, present or missing', () => {
    const cut = (q: string) => [...q].slice(0, 5).join('');
    const ours = orElse(
      z.pipe(
        z.string(),
        z.transform((q) => cut(q).trim()),
      ),
      '',
    );
    const zods = orElse(z.string().check(z.overwrite(cut), z.trim()), '');
    for (const input of [...inputs, '  ab  ', 'abcdefgh', ' abcd ef', '😀😀😀😀😀😀', 'a😀 \ud83d b', '\t\n', 'x'.repeat(10)]) {
      expect({ input, output: ours.parse(input) }).toEqual({ input, output: zods.parse(input) });
      expect(z.object({ q: ours }).parse(input === undefined ? {} : { q: input })).toEqual(
        z.object({ q: zods }).parse(input === undefined ? {} : { q: input }),
      );
    }
  });
});

describe('coercedNumber() answers as z.coerce.number()', () => {
  const pairs: [string, () => z.ZodMiniType, () => z.ZodMiniType][] = [
    ['alone', () => coercedNumber(), () => z.coerce.number()],
    ['optional', () => z.optional(coercedNumber()), () => z.optional(z.coerce.number())],
    [
      'a bounded integer',
      () => coercedNumber().check(z.int(), z.minimum(0), z.maximum(1000)),
      () => z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1000)),
    ],
    ['a positive integer', () => coercedNumber().check(z.int(), z.positive()), () => z.coerce.number().check(z.int(), z.positive())],
  ];
  for (const [name, ours, zods] of pairs)
    it(name, () => {
      // Pass or fail, and the value, alike (where it is used, only that counts: a 404, or orElse).
      for (const input of [
        ...inputs,
        '1e3',
        ' 42 ',
        '0x10',
        'Infinity',
        '-Infinity',
        'NaN',
        2 ** 60,
        1n,
        new Date(0),
        Symbol('s'),
        Number.NaN,
        -0,
      ]) {
        const [mine, theirs] = [ours().safeParse(input), zods().safeParse(input)];
        expect({ input, success: mine.success, data: mine.data }).toEqual({ input, success: theirs.success, data: theirs.data });
      }
    });

  it('for any value', () => {
    assertProperty(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double(), fc.integer()), (input) => {
        const [mine, theirs] = [z.safeParse(coercedNumber(), input), z.safeParse(z.coerce.number(), input)];
        expect(mine.success).toBe(theirs.success);
        expect(mine.data).toEqual(theirs.data);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('finiteNumber() passes and fails as z.number() (src/session/claims.ts: the times)', () => {
  it('for any value', () => {
    for (const input of [...inputs, 0, -1, 1.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1n, '1'])
      expect({ input, success: z.safeParse(finiteNumber(), input).success }).toEqual({
        input,
        success: z.safeParse(z.number(), input).success,
      });
    assertProperty(
      fc.property(fc.anything(), (input) => z.safeParse(finiteNumber(), input).success === z.safeParse(z.number(), input).success),
      { numRuns: 2000 },
    );
  });
});

describe('fieldsThen(then) answers as z.pipe(z.record(z.string(), z.unknown()), z.transform(then))', () => {
  const zods = z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((fields) => fields),
  );
  const ours = fieldsThen((fields) => fields);
  /** What each validator hands its route for one request, as hono builds the value (the same files for both). */
  async function bothOf(target: 'form' | 'query', request: Request) {
    const seen: unknown[] = [];
    const app = new Hono();
    app.on(
      ['GET', 'POST'],
      '/',
      zValidator(target, ours),
      async (c, next) => {
        seen.push(c.req.valid(target as never));
        await next();
      },
      zValidator(target, zods),
      (c) => {
        seen.push(c.req.valid(target as never));
        return c.text('ok');
      },
    );
    const response = await app.request(request);
    expect(response.status).toBe(200);
    return seen as [Record<string, unknown>, Record<string, unknown>];
  }
  const same = ([ours, zods]: [Record<string, unknown>, Record<string, unknown>]) => {
    expect(Object.getPrototypeOf(ours)).toBe(Object.getPrototypeOf(zods));
    expect(Reflect.ownKeys(ours)).toEqual(Reflect.ownKeys(zods));
    for (const key of Reflect.ownKeys(zods)) expect(ours[key as string], String(key)).toStrictEqual(zods[key as string]);
  };
  // Keys as forms and queries bring them: the contact form's, repeated ones, `name[]`, numbers
  // (which an object orders first), Object's own names and `__proto__`, which zod's record drops.
  const pairs: [string, string][] = [
    ['first_name', 'Anna'],
    ['version', '3'],
    ['tags[]', 'a'],
    ['tags[]', 'b'],
    ['phone', '089 1'],
    ['phone', '089 2'],
    ['10', 'ten'],
    ['2', 'two'],
    ['__proto__', 'x'],
    ['constructor', 'y'],
    ['toString', 'z'],
    ['', 'empty'],
    ['ä ö', 'ü'],
  ];

  it('for a urlencoded form', async () => {
    same(
      await bothOf(
        'form',
        new Request('http://x/', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(pairs),
        }),
      ),
    );
  });

  it('for a multipart form with files', async () => {
    const form = new FormData();
    for (const [key, value] of pairs) form.append(key, value);
    form.append('file', new File(['BEGIN:VCARD'], 'a.vcf', { type: 'text/vcard' }));
    form.append('__proto__', new File([''], 'b.vcf'));
    const [ours, zods] = await bothOf('form', new Request('http://x/', { method: 'POST', body: form }));
    same([ours, zods]);
    expect(ours.file).toBeInstanceOf(File);
  });

  it('for a query, and for no form at all', async () => {
    same(await bothOf('query', new Request(`http://x/?${new URLSearchParams(pairs)}`)));
    same(await bothOf('query', new Request('http://x/')));
    same(await bothOf('form', new Request('http://x/', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } })));
  });
});

describe("superRefined(fn) answers as z.superRefine(fn) (src/contacts/schema.ts: the form's fields and the form)", () => {
  type Refine = <T>(fn: (value: T, ctx: { addIssue(issue: RaisedIssue): void }) => void) => z.core.$ZodCheck<T>;
  // As schema.ts builds the form: each field normalised, then a rule of its own that may add an
  // issue; the object's rule adding issues with paths (also where a field has one already), then a
  // transform; a second check after the first, which runs only where the first let it.
  const form = (refine: Refine) => {
    const field = () =>
      z
        .pipe(
          z.optional(z.string()),
          z.transform((value: string | undefined) => (value ?? '').trim()),
        )
        .check(
          refine((value: string, ctx) => {
            if (value.includes('!')) ctx.addIssue({ code: 'custom', message: 'bang', input: value });
          }),
          refine((value: string, ctx) => {
            if (value.includes('?')) ctx.addIssue({ code: 'custom', message: 'query', input: value });
          }),
        );
    return z.pipe(
      z.object({ first_name: field(), company: field(), notes: z.optional(z.string()) }).check(
        refine((value: { first_name: string; company: string }, ctx) => {
          if (!value.first_name && !value.company)
            ctx.addIssue({ code: 'custom', message: 'nameRequired', path: ['company'], input: value });
          for (const name of ['first_name', 'company'] as const)
            if (value[name].length > 3) ctx.addIssue({ code: 'custom', message: 'long', path: [name], input: value });
        }),
      ),
      z.transform((value) => ({ ...value, seen: true })),
    );
  };
  const ours = form(superRefined);
  const zods = form(z.superRefine as Refine);
  /** A result with its issues as plain data (the error's class aside). */
  const plain = (result: { success: boolean; data?: unknown; error?: { issues: readonly unknown[] } }) => ({
    success: result.success,
    data: result.data,
    issues: result.error && [...result.error.issues],
  });
  const texts = [undefined, '', ' ', 'a', 'a!', 'a?', '!?', 'abcd', 'abcd!', ' x ', 7, null, ['a']];

  it('for every pair of those values as first name and company, with the issues in their order', () => {
    for (const first_name of texts)
      for (const company of texts)
        for (const sent of [
          { first_name, company },
          { first_name, company, notes: 'n' },
          { first_name, company, notes: 1 },
        ])
          expect({ sent, result: plain(ours.safeParse(sent)) }).toEqual({ sent, result: plain(zods.safeParse(sent)) });
    for (const sent of [undefined, null, 'x', [], {}])
      expect({ sent, result: plain(ours.safeParse(sent)) }).toEqual({ sent, result: plain(zods.safeParse(sent)) });
  });

  it('for any strings', () => {
    assertProperty(
      fc.property(fc.record({ first_name: fc.string(), company: fc.string() }, { requiredKeys: [] }), (sent) => {
        expect(plain(ours.safeParse(sent))).toEqual(plain(zods.safeParse(sent)));
      }),
      { numRuns: 500 },
    );
  });
});
