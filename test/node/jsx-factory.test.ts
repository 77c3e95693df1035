// src/views/jsx-factory.ts is the app's JSX factory (tsconfig.json `"jsx": "react"`): esbuild
// writes `createElement(tag, props, ...children)` where hono's automatic runtime wrote
// `jsx(tag, { ...props, children })` (258 B gzip of `children:` in the bundle, stop 73). It must
// hand hono the same props, so that every page renders as before: held here to hono's runtime
// for each shape the app's JSX writes (no props, props, one child, several, a fragment, a
// component, escaping); the Workers tests, the e2e suite and the bench render through it.
// It makes its nodes with hono's jsxFn of the bundle's JSX base (src/generated/jsx-base.js), which
// hono's runtime calls in the bundle too (wrangler.toml's alias "./base.js"): the runtime it is held
// to is hono's jsx-dev-runtime.js (the automatic runtime's jsx()) importing that base, as in the bundle.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Child } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { createElement, Fragment, postForm } from '../../src/views/jsx-factory';
import { root, sources } from './drizzle-files';

const basePath = join(root, 'src', 'generated', 'jsx-base.js');
const devText = readFileSync(join(root, 'node_modules', 'hono', 'dist', 'jsx', 'jsx-dev-runtime.js'), 'utf8');
const devFile = join(mkdtempSync(join(tmpdir(), 'jsx-dev-')), 'jsx-dev-runtime.mjs');
writeFileSync(devFile, devText.replace(' from "./base.js";', ` from ${JSON.stringify(pathToFileURL(basePath).href)};`));
/** hono's jsx-dev-runtime as the bundle has it (its "./base.js" the generated base); jsx-runtime's jsx() is its jsxDEV. */
const dev: { jsxDEV: (tag: unknown, props: Record<string, unknown>, key?: unknown) => unknown; Fragment: unknown } = await import(
  pathToFileURL(devFile).href
);
const jsx = (tag: unknown, props: Record<string, unknown>) => dev.jsxDEV(tag, props);
const HonoFragment = dev.Fragment;
const base = await import(pathToFileURL(basePath).href);

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

describe("src/views/jsx-factory.ts with hono's jsxFn (src/generated/jsx-base.js) in place of jsx-dev-runtime's jsxDEV", () => {
  it('makes the node jsxDEV made of the same props, for each shape of children, a `children` prop given as such too', async () => {
    // hono's jsxDEV: the generated base's jsxFn of the props' children as a list, and the node's key set.
    expect(devText).toMatch(/^import \{ Fragment, jsxFn \} from "\.\/base\.js";$/m);
    expect(devText).toContain('\tnode.key = key;\n\treturn node;\n');
    const shapes: [string, Record<string, unknown> | null, ...Child[]][] = [
      ['br', null],
      ['input', { type: 'hidden', name: 'a', value: '<"&>' }],
      ['p', { class: 'x' }, 'a < b'],
      ['p', null, 'a', null, 3, false],
      ['ul', null, ['x', 'y']],
      ['ul', null, []],
      ['p', null, undefined],
      ['div', { children: 'as a prop' }],
      ['div', { children: ['a', 'b'] }],
      ['div', { children: undefined }],
    ];
    for (const [tag, props, ...children] of shapes) {
      const args = [tag, props === null ? null : { ...props }, ...children] as const;
      const ours = (createElement as (...a: unknown[]) => unknown)(...args);
      // What the factory handed jsxDEV before: the same props, children set as it sets them.
      const given: Record<string, unknown> = props === null ? {} : { ...props };
      if (children.length > 1) given.children = children;
      else if (children.length === 1) given.children = children[0];
      const theirs = dev.jsxDEV(tag, given) as object;
      expect(ours, JSON.stringify(args)).toEqual(theirs);
      expect(Object.keys(ours as object)).toEqual(Object.keys(theirs));
      expect((ours as { key?: unknown }).key).toBeUndefined();
      expect(ours).toBeInstanceOf(base.JSXNode);
      expect(String(ours)).toBe(String(theirs));
    }
    const component = createElement(Item as never, { name: 'n' }, 'x');
    expect(String(component)).toBe(String(dev.jsxDEV(Item, { name: 'n', children: 'x' })));
    // The node's own `key` field, undefined before jsxDEV set it: so its `key = undefined` changed nothing.
    expect(Object.hasOwn(new base.JSXNode('p', {}, []), 'key')).toBe(true);
    expect(new base.JSXNode('p', {}, []).key).toBeUndefined();
    expect(Fragment).toBe(base.Fragment);
  });

  it('is the one module of the app that takes the JSX base, and no module of the app writes a key', () => {
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      if (file !== 'src/views/jsx-factory.ts') expect(text, file).not.toMatch(/generated\/jsx-base|jsx-dev-runtime/);
      if (file.endsWith('.tsx')) expect(text, file).not.toMatch(/<[\w.]+[^>]*\skey=/);
    }
  });
});

describe('postForm(), the attributes of a form posted through htmx into #main', () => {
  it('makes the node and the HTML the literal made, in the same order, a new object for each form', () => {
    const literal = (action: string) => ({
      method: 'post',
      action,
      'hx-post': action,
      'hx-target': '#main',
      'hx-disable': 'find button[type=submit]',
    });
    for (const action of ['/kontakte/a1/contacts/x/delete', '/a?b=1&c="d"', ''])
      for (const [before, after] of [
        [{}, {}],
        [{ id: 'contact-form' }, { class: 'contact-form', 'data-draft': '{}' }],
        [{}, { class: 'form-actions' }],
      ]) {
        const ours = createElement('form', { ...before, ...postForm(action), ...after }, 'x', createElement('button', { type: 'submit' }));
        const theirs = createElement('form', { ...before, ...literal(action), ...after }, 'x', createElement('button', { type: 'submit' }));
        expect(ours).toEqual(theirs);
        expect(String(ours)).toBe(String(theirs));
      }
    expect(postForm('/a')).not.toBe(postForm('/a'));
  });

  it('is every such form of the views: no form of src/ writes those attributes itself', () => {
    let uses = 0;
    for (const file of sources('src').filter((name) => name.endsWith('.tsx'))) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/hx-disable="find button\[type=submit\]"/);
      uses += text.split('{...React.postForm(').length - 1;
    }
    expect(uses).toBe(9);
  });
});
