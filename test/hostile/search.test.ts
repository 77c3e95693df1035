// Group 11: search metacharacters match literally; odd queries and page numbers are harmless.
import { describe, expect, it } from 'vitest';
import { anna, seedContacts, send, type TestUser, textOf } from '../helpers';
import { assetRows, seedBook, unchanged } from './helpers';

// ---- 11 -----------------------------------------------------------------------------------------

describe('11: search metacharacters match literally', () => {
  it('11: %, _, quotes and SQL fragments', async () => {
    const asset = 'search-hostile';
    const user: TestUser = { ...anna, assets: [{ id: asset, name: 'Suche' }] };
    await seedContacts(asset, 1, () => ({ company: '100% Sicher GmbH' }));
    await seedContacts(asset, 1, () => ({ company: 'Bad_Design AG' }));
    await seedContacts(asset, 1, () => ({ company: "O'Brien Fliesen" }));
    await seedContacts(asset, 1, () => ({ company: 'Der "Beste" Bau' }));
    await seedContacts(asset, 1, () => ({ company: 'Normal GmbH' }));
    await seedBook();
    const count = async (q: string) => {
      const response = await send(`/assets/${asset}/contacts?q=${encodeURIComponent(q)}`, { user });
      expect(response.status, q).toBe(200);
      const text = textOf(await response.text());
      return /(\d+) Treffer/.exec(text)?.[1] ?? (text.includes('Keine Treffer für') ? '0' : '?');
    };
    await unchanged(async () => {
      const cases: [string, string][] = [
        ['%', '1'],
        ['_', '1'],
        ["'", '1'],
        ['"', '1'],
        ['"beste"', '1'],
        ["o'brien", '1'],
        ['%%', '0'],
        ['_%', '0'],
        ['%_%', '0'],
        ['*', '0'],
        ['[a-z]', '0'],
        ["' OR 1=1 --", '0'],
        ['" OR ""="', '0'],
        ["') OR ('1'='1", '0'],
        ["'; DROP TABLE contacts; --", '0'],
        ['\\', '0'],
        ['GmbH', '2'],
        ['Fremdfirma', '0'],
      ];
      for (const [q, expected] of cases) expect(await count(q), q).toBe(expected);
      // Odd bytes and very long queries are harmless too.
      for (const raw of ['%00', '%ED%A0%80', '%E0%A4%A', 'x'.repeat(500), '%', '&q=%', 'a&q=b']) {
        const response = await send(`/assets/${asset}/contacts?q=${raw}&page=-1`, { user });
        expect(response.status, raw).toBe(200);
      }
      for (const page of ['0', '-1', '1e9', 'abc', '1000', '999999999999999999999', '1.5']) {
        expect((await send(`/assets/${asset}/contacts?page=${page}`, { user })).status, page).toBe(200);
      }
    });
    expect((await assetRows(asset)).length).toBe(5);
  });
});
