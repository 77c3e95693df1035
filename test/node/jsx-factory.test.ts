// src/views/jsx-factory.ts is the app's JSX factory (tsconfig.json `"jsx": "react"`): esbuild
// writes `createElement(tag, props, ...children)` where hono's automatic runtime wrote
// `jsx(tag, { ...props, children })` (258 B gzip of `children:` in the bundle, stop 73). It must
// hand hono the same props, so that every page renders as before: held here to hono's runtime
// for each shape the app's JSX writes (no props, props, one child, several, a fragment, a
// component, escaping); the Workers tests, the e2e suite and the bench render through it.
import type { Child } from 'hono/jsx';
import { Fragment as HonoFragment, jsx } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { createElement, Fragment } from '../../src/views/jsx-factory';

const Item = (props: { name: string; children?: Child }) => jsx('li', { 'data-name': props.name, children: props.children });

const pairs: [string, unknown, unknown][] = [
  ['no props, no children', createElement('br', null), jsx('br', {})],
  [
    'props, no children',
    createElement('input', { type: 'hidden', name: 'a', value: '<"&>' }),
    jsx('input', { type: 'hidden', name: 'a', value: '<"&>' }),
  ],
  ['one child', createElement('p', { class: 'x' }, 'a < b'), jsx('p', { class: 'x', children: 'a < b' })],
  [
    'several children',
    createElement('p', null, 'a', createElement('b', null, 'b'), null, 3),
    jsx('p', { children: ['a', jsx('b', { children: 'b' }), null, 3] }),
  ],
  [
    'a list as one child',
    createElement(
      'ul',
      null,
      ['x', 'y'].map((name) => createElement(Item, { name }, name)),
    ),
    jsx('ul', { children: ['x', 'y'].map((name) => jsx(Item, { name, children: name })) }),
  ],
  ['a fragment', createElement(Fragment, null, 'a', createElement('i', null)), jsx(HonoFragment, { children: ['a', jsx('i', {})] })],
  ['a component without children', createElement(Item, { name: 'n' }), jsx(Item, { name: 'n' })],
];

describe('src/views/jsx-factory.ts', () => {
  for (const [shape, ours, hono] of pairs)
    it(`makes the node hono's runtime makes: ${shape}`, () => {
      expect(ours).toEqual(hono);
      expect(String(ours)).toBe(String(hono));
    });
});
