// src/memo-router.ts answers a method and path it has seen with the answer it gave then: held to
// hono/tiny's PatternRouter (which it wraps in the app) over routes and paths like the app's.
import v8 from 'node:v8';
import vm from 'node:vm';
import { PatternRouter } from 'hono/router/pattern-router';
import { getPathNoStrict } from 'hono/utils/url';
import { describe, expect, it } from 'vitest';
import { memoRouter } from '../../src/memo-router';

const routes: [string, string][] = [
  ['ALL', '*'],
  ['ALL', '/assets/*'],
  ['GET', '/healthz'],
  ['GET', '/'],
  ['ALL', '/dev/*'],
  ['GET', '/assets/:assetId/contacts'],
  ['POST', '/assets/:assetId/contacts'],
  ['GET', '/assets/:assetId/contacts/:contactId'],
  ['GET', '/assets/:assetId/contacts/:contactId{[A-Za-z0-9_-]+}.vcf'],
  ['POST', '/assets/:assetId/contacts/:contactId/delete'],
  ['GET', '/static/:file{[A-Za-z0-9._-]+}'],
];
const paths = [
  '/',
  '/healthz',
  '/assets/a/contacts',
  '/assets/a/contacts/',
  '/assets/a%20b/contacts/x1',
  '/assets/a/contacts/x1.vcf',
  '/assets/a/contacts/x1/delete',
  '/static/app-1.js',
  '/dev/login',
  '/nowhere',
  '',
];

describe('memoRouter', () => {
  it('answers as the router it wraps, the same answer again for a path seen, and anew after a route is added', () => {
    const inner = new PatternRouter<string>();
    const memo = memoRouter(new PatternRouter<string>());
    for (const [method, path] of routes) {
      inner.add(method, path, `${method} ${path}`);
      memo.add(method, path, `${method} ${path}`);
    }
    for (let round = 0; round < 2; round++)
      for (const method of ['GET', 'POST', 'PUT', 'HEAD'])
        for (const path of paths) {
          const answer = memo.match(method, path);
          expect(answer).toEqual(inner.match(method, path));
          expect(memo.match(method, path)).toBe(answer);
        }
    const before = memo.match('GET', '/nowhere');
    inner.add('GET', '/nowhere', 'late');
    memo.add('GET', '/nowhere', 'late');
    expect(memo.match('GET', '/nowhere')).not.toBe(before);
    expect(memo.match('GET', '/nowhere')).toEqual(inner.match('GET', '/nowhere'));
  });

  it('past 4,096 answers kept starts again, every answer still right', () => {
    const inner = new PatternRouter<string>();
    const memo = memoRouter(new PatternRouter<string>());
    for (const [method, path] of routes) {
      inner.add(method, path, path);
      memo.add(method, path, path);
    }
    for (let i = 0; i < 10_000; i++) {
      const path = `/assets/a${i}/contacts/c${i % 97}`;
      expect(memo.match('GET', path)).toEqual(inner.match('GET', path));
    }
  });

  it('keeps no answer for a long path (a URL may be 16 KB: 4,096 of them were 64 MB), and answers it right', () => {
    const memo = memoRouter(new PatternRouter<string>());
    const inner = new PatternRouter<string>();
    for (const [method, path] of routes) {
      inner.add(method, path, path);
      memo.add(method, path, path);
    }
    const long = `/assets/a/contacts/${'x'.repeat(16_000)}`;
    const answer = memo.match('GET', long);
    expect(answer).toEqual(inner.match('GET', long));
    expect(memo.match('GET', long)).not.toBe(answer);
    const short = '/assets/a/contacts/x1';
    expect(memo.match('GET', short)).toBe(memo.match('GET', short));
  });

  it('keeps no request URL alive: a short path with a 16 KB query is kept as its path alone', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const memo = memoRouter(new PatternRouter<string>());
    for (const [method, path] of routes) memo.add(method, path, path);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) {
      // The path as hono reads it: a slice of the URL, whose query the params' slices held (19 MB
      // here; 3 MB kept without it, for 1,000 answers).
      const request = new Request(`http://x.test/assets/asset-${i}-abcdefgh/contacts/contact-${i}-abcdefgh?q=${'x'.repeat(16_000)}${i}`);
      memo.match('GET', getPathNoStrict(request));
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8_000_000);
  });
});
