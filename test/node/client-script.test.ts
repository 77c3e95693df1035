// src/client/app.js is plain browser JavaScript that no build step checks: a syntax error (a name
// declared twice in one block, say) stopped every enhancement and htmx itself, which only the
// browser tests would see. Compiled here, so that `npm test` alone sees it too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { root } from './drizzle-files';

describe('src/client/app.js', () => {
  it('compiles as a classic script', () => {
    const source = readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8');
    expect(() => new Script(source, { filename: 'app.js' })).not.toThrow();
    // The check itself sees the mistake it is for.
    expect(() => new Script('{ var said = 1; const said = 2; }')).toThrow(SyntaxError);
  });

  it('knows Germany by the words the server does, for the postcode\u2019s number pad', () => {
    const source = readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8');
    const server = readFileSync(join(root, 'src', 'contacts', 'schema.ts'), 'utf8');
    const words = /const GERMANY = \/\^\(\?:([a-z|]+)\)\$\/i;/.exec(server)?.[1];
    expect(words).toBe('deutschland|germany|brd|de|d');
    expect(source).toContain(`/^\\s*(${words})\\s*$/i.test(country.value)`);
  });
});

describe('the client\u2019s fold (the offline filter of the rows shown) and the server\u2019s (src/contacts/keys.ts)', () => {
  it('fold alike: what the row filter finds, the search finds (code review, stop 70)', async () => {
    const source = readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8');
    const start = source.indexOf('  var SPECIAL = ');
    const end = source.indexOf('\n  }\n', source.indexOf('  function fold(text) {', start)) + 4;
    expect(start).toBeGreaterThan(0);
    const client = new Script(`${source.slice(start, end)}; fold`).runInNewContext() as (text: string) => string;
    const { fold } = await import('../../src/contacts/keys');
    const samples = [
      'Müller MUELLER Mueller',
      'Đorđević Djordjevic Dordevic DJ Bobo ddjjo',
      'Weiß Straße Yıldız İstanbul Łódź Ærø Þór',
      'O’Brien O´Brien Rollladen Schifffahrt',
      'Crème brûlée Núñez Bjørn 123–125',
      'Ｍüｌｌｅｒ ﬁ Michael Raphaël',
    ];
    for (const text of samples) expect(client(text), text).toBe(fold(text));
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."adjeouäöüßđĐÆøłDJAEOU '’´-–".split('')), maxLength: 12 }), (text) => {
        expect(client(text)).toBe(fold(text));
      }),
    );
  });
});

describe('the client\u2019s words left out (the offline filter) and the server\u2019s (src/contacts/keys.ts FILLER)', () => {
  it('leaves out the same salutations, labels and legal forms, also in quotes (code review, stop 71)', async () => {
    const source = readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8');
    const filler = /\n {2}var FILLER =\s*(\/.*\/i);/.exec(source)?.[1] ?? '';
    const bareSource = /\n {2}var bare = (\(word\) => .*);/.exec(source)?.[1] ?? '';
    expect(filler).not.toBe('');
    const left = new Script(`var FILLER = ${filler}; var bare = ${bareSource}; (word) => FILLER.test(bare(word))`).runInNewContext() as (
      word: string,
    ) => boolean;
    const { parseQuery } = await import('../../src/contacts/keys');
    // Left out on the server: "<word> Huber" searches only "Huber".
    const server = (word: string) => parseQuery(`${word} Huber`).length === 1;
    for (const word of [
      'Herr',
      'Frau',
      'Hr.',
      'Mrs.',
      'Pani',
      'Signora',
      'Sig.ra',
      'Sra.',
      'Madame',
      'Monsieur',
      'Mme.',
      'Bey',
      'Hanım',
      'Bayan',
      'Sayın',
      '"Herr',
      '„Frau',
      'GmbH',
      'Tel.',
      'Mobil:',
      'Firma',
      'und',
      'Pan',
      'Bay',
      'Huberei',
      'Elektro',
    ])
      expect(left(word), word).toBe(server(word));
  });
});
