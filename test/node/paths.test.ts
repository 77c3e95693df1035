// src/paths.ts makes a URLSearchParams only for a query with a value (most links of a list page
// carry none): held here to the paths of before, which made one for every link, over any query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListQuery, makePaths } from '../../src/paths';
import { assertProperty } from '../property.ts';

// ---- the query part of before, word for word ---------------------------------------------------
const LIST_VIEW = ['q', 'group', 'view', 'after', 'through'] as const;
function listParams(view: ListQuery, params = new URLSearchParams()): URLSearchParams {
  for (const key of LIST_VIEW) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return params;
}
function search(params: URLSearchParams): string {
  const query = `${params}`;
  return query ? `?${query}` : '';
}
function contactsBefore(asset: string, query: ListQuery = {}) {
  const params = listParams(query);
  if (query.notice) params.set(query.notice.kind, query.notice.id);
  if (query.imported) params.set('imported', query.imported);
  if (query.undone) {
    params.set('undone', query.undone.importId);
    params.set('removed', String(query.undone.removed));
  }
  return `${asset}/contacts${search(params)}`;
}
const from = (view: ListQuery = {}, version?: number) =>
  search(listParams(view, new URLSearchParams(version ? { version: String(version) } : {})));

const text = fc.oneof(fc.constant(''), fc.constant(' '), fc.string({ maxLength: 8 }), fc.constantFrom('Bäcker & Söhne', 'a=b&c', '%20+?#'));
const query: fc.Arbitrary<ListQuery> = fc.record(
  {
    q: text,
    group: fc.constant('position' as const),
    view: fc.constant('warranty' as const),
    after: text,
    through: text,
    notice: fc.record({ kind: fc.constantFrom('saved' as const, 'deleted' as const, 'restored' as const), id: text }),
    imported: text,
    undone: fc.record({ importId: text, removed: fc.nat(2000) }),
  },
  { requiredKeys: [] },
);

describe('paths with and without a query', () => {
  it('are the paths of before for any list query, base path and asset', () => {
    assertProperty(
      fc.property(fc.constantFrom('', '/kontakte', '/k/'), fc.constantFrom('a1', 'whg 12'), query, fc.nat(3), (base, asset, q, version) => {
        const paths = makePaths(base);
        const at = `${paths.base}/assets/${encodeURIComponent(asset)}`;
        expect(paths.contacts(asset, q)).toBe(contactsBefore(at, q));
        expect(paths.contacts(asset)).toBe(contactsBefore(at));
        // Each part alone too: a notice, an import or an undo without a list query.
        for (const [key, value] of Object.entries(q))
          expect(paths.contacts(asset, { [key]: value })).toBe(contactsBefore(at, { [key]: value }));
        expect(paths.vcf(asset, q.q)).toBe(`${at}/contacts.vcf${search(listParams({ q: q.q }))}`);
        expect(paths.print(asset, q.q)).toBe(`${at}/contacts/print${search(listParams({ q: q.q }))}`);
        expect(paths.restore(asset, 'c1', q)).toBe(`${at}/contacts/c1/restore${from(q)}`);
        expect(paths.deleteContact(asset, 'c1', q, version)).toBe(`${at}/contacts/c1/delete${from(q, version)}`);
        expect(paths.deleteContact(asset, 'c1')).toBe(`${at}/contacts/c1/delete${from()}`);
      }),
    );
  });
});
