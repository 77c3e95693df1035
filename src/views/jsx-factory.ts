/**
 * The JSX factory of the app's .tsx files (tsconfig.json: `"jsx": "react"`, `jsxFactory`
 * `React.createElement`, `jsxFragmentFactory` `React.Fragment`; each .tsx file imports this module
 * as `React`, which biome's `jsxRuntime: "reactClassic"` counts as used). esbuild writes an
 * element as `createElement(tag, props, ...children)` where the automatic runtime
 * (`jsxImportSource: "hono/jsx"`) wrote `jsx(tag, { ...props, children })`, spelling `children:`
 * out for every element of every view: 258 B gzip of the production bundle. The namespace import
 * costs nothing: esbuild reads `React.createElement` as the function itself.
 *
 * `createElement` hands hono's runtime exactly the props the automatic runtime gave it: no props as
 * `{}`, one child as itself, more as an array of them, none as no `children` key at all, and never
 * a key (the app's JSX writes none). `props` is the object literal esbuild writes for each
 * element, never shared, so setting `children` on it is what the automatic runtime's literal did.
 * It makes the node with hono's jsxFn (src/generated/jsx-base.js, hono/jsx's base.js, which the
 * bundle has for every JSX module of hono's), as hono's jsxDEV did: the props' children as a list
 * (none, one as a list of itself, a list as it is), without jsxDEV's setting the node's `key` to the
 * key it is given, undefined here as the node's own `key` field already is (test/node/jsx-factory.test.ts).
 *
 * No rest parameter: `...children` made an array for every element, and in workerd the list of
 * 50's own time rose by about 0.2 ms with it (bench, `BENCH_ONLY='^(list@50)$'`, three alternating
 * pairs, 0.94-1.00 against 0.74-0.78 ms; not seen in Node's profile); with `arguments` it is where
 * it was (0.64 / 0.76 against 0.81 / 0.84 ms).
 */
import type { Child, JSXNode } from 'hono/jsx';
import type { JSX as HonoJSX } from 'hono/jsx/jsx-runtime';
import { jsxFn } from '../generated/jsx-base.js';

export { Fragment } from '../generated/jsx-base.js';

type Tag = string | ((props: never) => unknown);
export function createElement(tag: Tag, props: Record<string, unknown> | null, ...children: Child[]): JSXNode;
export function createElement(tag: Tag, props: Record<string, unknown> | null, child?: Child): JSXNode {
  props ??= {};
  // biome-ignore lint/complexity/noArguments: no rest array per element (see above)
  if (arguments.length > 3) props.children = Array.prototype.slice.call(arguments, 2);
  else if (arguments.length === 3) props.children = child;
  const { children } = props;
  return jsxFn(tag, props, 'children' in props ? (Array.isArray(children) ? children : [children as Child]) : []);
}

/** What TypeScript checks the JSX against (it looks for `React.JSX`): hono's JSX, as `jsxImportSource` gave. */
export declare namespace JSX {
  type Element = HonoJSX.Element;
  type ElementType = HonoJSX.ElementType;
  interface ElementChildrenAttribute extends HonoJSX.ElementChildrenAttribute {}
  interface IntrinsicElements extends HonoJSX.IntrinsicElements {}
  interface IntrinsicAttributes extends HonoJSX.IntrinsicAttributes {}
}

/**
 * `<input type="hidden" name={name} value={value} />`, the forms' most written element (30 of
 * them), as one call: the same node (a number's value is written as its digits, as `String()` of it).
 */
export const hidden = (name: string, value?: string | number): JSXNode => createElement('input', { type: 'hidden', name, value });

/**
 * The attributes of a form posted through htmx into #main, its submit buttons disabled while it is
 * sent (`method="post" action={action} hx-post={action} hx-target="#main" hx-disable="find
 * button[type=submit]"`, nine forms of the views), spread where they stood: the same attributes in
 * the same order, a new object for each form, as the literal was (createElement sets its children).
 */
export const postForm = (action: string) => ({
  method: 'post' as const,
  action,
  'hx-post': action,
  'hx-target': '#main',
  'hx-disable': 'find button[type=submit]',
});
