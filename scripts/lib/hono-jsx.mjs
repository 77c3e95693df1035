// hono/jsx's renderer (hono/dist/jsx/base.js) as the Worker bundles it (wrangler.toml [alias]
// "./base.js"; src/generated/jsx-base.js): the same module without two things this app never
// reaches. A `style` object (`style={{ color: 'red' }}`), which hono writes as CSS through
// utils.js's styleObjectForEach and its checks of property names and values: the app's JSX gives
// no element a style (its CSS is in stylesheets), and an object would now throw instead. And the
// camelCase-to-kebab names of SVG attributes, used only inside an `<svg>` in JSX, which throws
// since the render contexts are left out (src/views/jsx-no-context.ts: `<svg>` needs one for its
// namespace). Together about 0.6 KB of the 100 KB gzip budget. And the callbacks of escaped
// strings, which nothing in the bundle attaches (59 B); dangerouslySetInnerHTML, hono's message
// for a function given to an attribute, a node's `type` and `ref`, the render contexts an async
// component and an `<svg>` or `<head>` would have used (0.2 KB), hono's components that the
// hoisting tags would be (70 B), its React names of attributes (109 B) and its checks of a tag's
// and an attribute's name (85 and 136 B), and of its empty tags and boolean attributes those the
// app's JSX never writes (166 B). scripts/fingerprint.mjs writes it
// from the installed hono at every `prepare-assets`, so it never goes stale; a text it does not
// find stops that script. test/node/jsx-base.test.ts holds it to hono's module and rendering.

/** hono 4.13's empty tags, and those of them the app's JSX writes (test/node/jsx-base.test.ts). */
export const HONO_EMPTY_TAGS = [
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
];
export const EMPTY_TAGS = ['img', 'input'];
/** hono 4.13's boolean attributes, and those of them the app's JSX writes. */
export const HONO_BOOLEAN_ATTRIBUTES = [
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
  'shadowrootclonable',
  'shadowrootdelegatesfocus',
  'shadowrootserializable',
];
export const BOOLEAN_ATTRIBUTES = ['autofocus', 'checked', 'disabled', 'download', 'formnovalidate', 'hidden', 'required', 'selected'];

/** What a part this build leaves out does when reached anyway: it throws. */
const NOT_IN_BUILD = 'throw new Error("not part of this build");';

/**
 * hono renders an async component, a promise among the children or given to an attribute, and an
 * object whose toString() gives a promise by waiting for it: a render's buffer then holds the
 * promises after its string, and the render gives a promise of the string
 * (stringBufferToString()). No component of the app is async and nothing it renders is a promise
 * (test/node/render-sync.test.ts: TypeScript's checker over src/), so a render is its one string:
 * without the branches that wait and resolveFunctionComponentResult(), a promise reaching the renderer throws
 * instead (a component's, a child, an attribute's value or its toString()'s), and a render gives
 * its buffer's string (the edits of the child's, the component's and the render's branches above;
 * 0.2 KB gzip with hono/html's, scripts/lib/hono-html.mjs).
 */
export const ASYNC = [
  {
    from: [
      'const resolveFunctionComponentResult = (result, suspendedContext) => result.then((resolved) => {',
      '\tif (typeof resolved !== "string" && !Array.isArray(resolved) && !(resolved instanceof JSXNode)) return resolved;',
      '\tconst children = Array.isArray(resolved) ? resolved : [resolved];',
      '\tconst render = () => {',
      '\t\tconst buffer = [""];',
      '\t\tchildrenToStringToBuffer(children, buffer);',
      '\t\treturn buffer.length === 1 ? raw(buffer[0], buffer.callbacks) : stringBufferToString(buffer, buffer.callbacks);',
      '\t};',
      '\treturn suspendedContext ? suspendedContext(render) : runWithRenderContext(render);',
      '});',
      '',
    ].join('\n'),
    to: '',
  },
  {
    from: '\treturn s instanceof Promise ? s.then(String) : String(s);',
    to: [`\tif (s instanceof Promise) ${NOT_IN_BUILD}`, '\treturn String(s);'].join('\n'),
  },
  {
    from: [
      '\telse {',
      '\t\tconst s = v instanceof Promise ? v.then((r) => typeof r === "object" && r !== null && !isEscapedAttribute(r) ? objectToAttributeString(r) : r) : objectToAttributeString(v);',
      '\t\tif (s instanceof Promise) {',
      '\t\t\tbuffer.unshift("\\"", s);',
      '\t\t\treturn;',
      '\t\t}',
      '\t\tescapeToBuffer(s, buffer);',
      '\t}',
    ].join('\n'),
    to: [
      '\telse {',
      `\t\tif (v instanceof Promise) ${NOT_IN_BUILD}`,
      '\t\tescapeToBuffer(objectToAttributeString(v), buffer);',
      '\t}',
    ].join('\n'),
  },
];

/**
 * An escaped string given to an attribute is written as it is, but for one hono marks as a render's
 * result (RENDERED_JSX), which it escapes again: only markRenderedJSX() sets that mark, which the
 * render of an async part called (left out: ASYNC) and hono's jsx-runtime.js's jsxTemplate() calls,
 * the precompiled JSX's, not in the bundle (the app's JSX is src/views/jsx-factory.ts's on
 * jsx-dev-runtime.js: test/node/bundle.test.ts). So no value in the bundle has it, and the test
 * goes with the mark's symbol (markRenderedJSX() stays exported, as hono's; 21 B gzip).
 */
const NEXT_LINES = '\nconst objectToAttributeString = (v) => {\n\tconst s = v.toString();';
export const RENDERED_MARK = {
  from: `const isEscapedAttribute = (value) => value instanceof String && value.isEscaped && !(RENDERED_JSX in value);${NEXT_LINES}`,
  to: `const isEscapedAttribute = (value) => value instanceof String && value.isEscaped;${NEXT_LINES}`,
};

/** The edits, each an exact text of hono 4.13's jsx/base.js and what takes its place (ASYNC's and RENDERED_MARK last). */
export const EDITS = [
  {
    // A style object throws (as the stand-ins do), any other value is written as before.
    from: [
      '\tif (key === "style" && typeof v === "object") {',
      '\t\tlet styleStr = "";',
      '\t\tstyleObjectForEach(v, (property, value) => {',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: hono's text, a template literal in it
      '\t\t\tif (value != null) styleStr += `${styleStr ? ";" : ""}${property}:${value}`;',
      '\t\t});',
      '\t\tescapeToBuffer(styleStr, buffer);',
      '\t} else if (typeof v === "string") escapeToBuffer(v, buffer);',
    ].join('\n'),
    to: [
      '\tif (key === "style" && typeof v === "object") throw new Error("not part of this build");',
      '\tif (typeof v === "string") escapeToBuffer(v, buffer);',
    ].join('\n'),
  },
  {
    // Outside an `<svg>` (the only place the app's JSX can render), hono's own choice would be
    // normalizeIntrinsicElementKey, which writes eight React names of attributes (className,
    // htmlFor, crossOrigin, httpEquiv, itemProp, fetchPriority, noModule, formAction) as HTML's:
    // the app's JSX writes HTML's names (test/node/jsx-base.test.ts), so a key is written as given
    // (109 B gzip, with hono's table of those names).
    from: [
      '\t\tconst normalizeKey = tag === "svg" || nameSpaceContext && useContext(nameSpaceContext) === "svg" ? (key) => toSVGAttributeName(normalizeIntrinsicElementKey(key)) : (key) => normalizeIntrinsicElementKey(key);',
      '\t\tfor (let [key, v] of Object.entries(props)) {',
      '\t\t\tkey = normalizeKey(key);',
    ].join('\n'),
    to: '\t\tfor (let [key, v] of Object.entries(props)) {',
  },
  // No escaped string in the bundle carries callbacks (only hono's Suspense, ErrorBoundary,
  // streaming and css helpers attach them: test/node/hono-context.test.ts, bundle.test.ts), nor
  // more than an empty list of them (stringBufferToString's): a child's or a component's result is
  // written without gathering them, and a render's buffer has none to run (59 B gzip).
  {
    from: [
      '\t\telse if (child.isEscaped) {',
      '\t\t\tbuffer[0] += child;',
      '\t\t\tconst callbacks = child.callbacks;',
      '\t\t\tif (callbacks) {',
      '\t\t\t\tbuffer.callbacks ||= [];',
      '\t\t\t\tbuffer.callbacks.push(...callbacks);',
      '\t\t\t}',
      '\t\t} else if (child instanceof Promise) buffer.unshift("", child);',
    ].join('\n'),
    // (And a promise among the children throws: ASYNC below.)
    to: ['\t\telse if (child.isEscaped) buffer[0] += child;', `\t\telse if (child instanceof Promise) ${NOT_IN_BUILD}`].join('\n'),
  },
  {
    from: [
      '\t\telse if (typeof res === "number" || res.isEscaped) {',
      '\t\t\tbuffer[0] += res;',
      '\t\t\tif (res.callbacks) {',
      '\t\t\t\tbuffer.callbacks ||= [];',
      '\t\t\t\tbuffer.callbacks.push(...res.callbacks);',
      '\t\t\t}',
      '\t\t} else escapeToBuffer(res, buffer);',
    ].join('\n'),
    to: ['\t\telse if (typeof res === "number" || res.isEscaped) buffer[0] += res;', '\t\telse escapeToBuffer(res, buffer);'].join('\n'),
  },
  {
    from: '\t\t\treturn buffer.length === 1 ? "callbacks" in buffer ? resolveCallbackSync(raw(buffer[0], buffer.callbacks)).toString() : buffer[0] : stringBufferToString(buffer, buffer.callbacks).then(markRenderedJSX);',
    // (A render's buffer is never more than its one string without promises: ASYNC below.)
    to: '\t\t\treturn buffer[0];',
  },
  {
    from: '\n\treturn buffer.length === 1 ? raw(buffer[0], buffer.callbacks) : stringBufferToString(buffer, buffer.callbacks);',
    to: '\n\treturn raw(buffer[0]);',
  },
  // No element of the app's JSX is given dangerouslySetInnerHTML (its markup of its own is
  // hono/html's raw()), and `children` is never an attribute (81 B gzip).
  {
    from: [
      '\t\t\tif (key === "children") {} else if (key === "dangerouslySetInnerHTML" && typeof v === "object" && v !== null && "__html" in v) {',
      '\t\t\t\tif (children.length > 0) throw new Error("Can only set one of `children` or `props.dangerouslySetInnerHTML`.");',
      '\t\t\t\tchildren = [raw(v.__html)];',
      '\t\t\t} else attributeToBuffer(buffer, " ", key, v, tag);',
    ].join('\n'),
    to: '\t\t\tif (key !== "children") attributeToBuffer(buffer, " ", key, v, tag);',
  },
  // A function given to an attribute that is no event handler throws as before, without hono's
  // message naming it (the app's JSX gives none; 57 B gzip).
  {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: hono's text, a template literal in it
    from: "\t\tif (!key.startsWith(\"on\")) throw new Error(`Invalid prop '${key}' of type 'function' supplied to ${tag ? `'${tag}'` : \"a JSX element\"}.`);",
    to: '\t\tif (!key.startsWith("on")) throw new Error("not part of this build");',
  },
  // A node's `type` and `ref` getters, which only hono's DOM renderer and React-style helpers read
  // (the app's code never: test/node/jsx-base.test.ts; 23 B gzip).
  {
    from: ['\tget type() {', '\t\treturn this.tag;', '\t}', '\tget ref() {', '\t\treturn this.props.ref || null;', '\t}', ''].join('\n'),
    to: '',
  },
  // The render contexts' stand-in has none (globalContexts is always empty): an async component
  // resumed without one to restore (20 B gzip). And since no component is async (ASYNC below), a
  // component's promise throws.
  {
    from: [
      '\t\telse if (res instanceof Promise) {',
      '\t\t\tif (globalContexts.length === 0) buffer.unshift("", resolveFunctionComponentResult(res));',
      '\t\t\telse buffer.unshift("", resolveFunctionComponentResult(res, captureRenderContext()));',
      '\t\t} else if (res instanceof JSXNode) res.toStringToBuffer(buffer);',
    ].join('\n'),
    to: [`\t\telse if (res instanceof Promise) ${NOT_IN_BUILD}`, '\t\telse if (res instanceof JSXNode) res.toStringToBuffer(buffer);'].join(
      '\n',
    ),
  },
  // An `<svg>` or `<head>` in JSX threw already (its namespace's context is left out: createContext
  // throws), now without making the context (55 B gzip); the app writes both as hono/html templates.
  {
    from: [
      '\telse if (tag === "svg" || tag === "head") {',
      '\t\tnameSpaceContext ||= createContext("");',
      '\t\treturn new JSXNode(tag, props, [new JSXFunctionNode(nameSpaceContext, { value: tag }, children)]);',
      '\t} else return new JSXNode(tag, props, children);',
    ].join('\n'),
    to: [
      '\telse if (tag === "svg" || tag === "head") throw new Error("not part of this build");',
      '\telse return new JSXNode(tag, props, children);',
    ].join('\n'),
  },
  // hono's hoisting components are plain nodes here (src/views/jsx-plain.ts: components_exports is
  // empty), and so are the DOM renderers they would get (intrinsic-element/common.js's
  // domRenderers is empty): no tag is made a component of theirs, and nothing is set on them
  // (test/node/jsx-base.test.ts; 70 B gzip).
  {
    from: [
      'let initDomRenderer = false;',
      'const jsxFn = (tag, props, children) => {',
      '\tif (!initDomRenderer) {',
      '\t\tfor (const k in domRenderers) components_exports[k][DOM_RENDERER] = domRenderers[k];',
      '\t\tinitDomRenderer = true;',
      '\t}',
      '\tif (typeof tag === "function") return new JSXFunctionNode(tag, props, children);',
      '\telse if (components_exports[tag]) return new JSXFunctionNode(components_exports[tag], props, children);',
    ].join('\n'),
    to: [
      'const jsxFn = (tag, props, children) => {',
      '\tif (typeof tag === "function") return new JSXFunctionNode(tag, props, children);',
    ].join('\n'),
  },
  // No check of a tag's name, which hono makes for a name built at run time: the app's JSX names
  // each tag in its source, an element's name or a component function (test/node/jsx-base.test.ts;
  // 85 B gzip).
  {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: hono's text, a template literal in it
    from: '\t\tif (typeof tag !== "function" && !isValidTagName(tag)) throw new Error(`Invalid JSX tag name: ${tag}`);\n',
    to: '',
  },
  // Nor of an attribute's name, which hono makes for names built at run time (a spread of data):
  // the app's JSX names each attribute in its source, or spreads an object it writes out there
  // (test/node/jsx-base.test.ts; 136 B gzip, with hono's cache of names checked).
  {
    from: '\t\t\tif (!isValidAttributeName(key)) continue;\n',
    to: '',
  },
  // hono's lists of the empty tags (written `<input/>`) and of the boolean attributes (written
  // `checked=""`, or left out for false) hold only those the app's JSX writes: an element's tag and
  // attribute names are all in its source (the two tests above), and a name in neither list of
  // hono's renders as before (test/node/jsx-base.test.ts; 166 B gzip).
  {
    from: `const emptyTags = [\n${HONO_EMPTY_TAGS.map((tag) => `\t"${tag}"`).join(',\n')}\n];`,
    to: `const emptyTags = [${EMPTY_TAGS.map((tag) => `"${tag}"`).join(', ')}];`,
  },
  {
    from: `const booleanAttributes = /* @__PURE__ */ new Set([\n${HONO_BOOLEAN_ATTRIBUTES.map((name) => `\t"${name}"`).join(',\n')}\n]);`,
    to: `const booleanAttributes = /* @__PURE__ */ new Set([${BOOLEAN_ATTRIBUTES.map((name) => `"${name}"`).join(', ')}]);`,
  },
  ...ASYNC,
  RENDERED_MARK,
];

/**
 * Where the generated file takes each of base.js's imports from: hono's own files by a path no
 * alias matches, hono's HTML utility without callbacks (scripts/lib/hono-utils-html.mjs), or the stand-ins wrangler.toml's aliases put in place of two of them (the Workers
 * tests apply those aliases to imports from node_modules only, so this file names them itself).
 */
export const IMPORTS = {
  '../utils/html.js': './hono-utils-html.js',
  './constants.js': '../../node_modules/hono/dist/jsx/constants.js',
  './context.js': '../views/jsx-no-context',
  './intrinsic-element/common.js': '../../node_modules/hono/dist/jsx/intrinsic-element/common.js',
  './intrinsic-element/components.js': '../views/jsx-plain',
  './utils.js': '../../node_modules/hono/dist/jsx/utils.js',
};

/** base.js with EDITS made and its imports as IMPORTS names them, each naming only what is still used. */
export function trimJsxBase(source) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const { from, to } of EDITS) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0)
      throw new Error(`hono/dist/jsx/base.js: ${JSON.stringify(from.slice(0, 60))}… not found once; update scripts/lib/hono-jsx.mjs`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  const imports = [];
  const body = text.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names, from) => {
    imports.push({ names: names.split(',').map((name) => name.trim()), from });
    return '';
  });
  if (/^import /m.test(body) || imports.length !== Object.keys(IMPORTS).length)
    throw new Error('hono/dist/jsx/base.js: other imports than expected; update scripts/lib/hono-jsx.mjs');
  const kept = imports.flatMap(({ names, from }) => {
    if (!(from in IMPORTS)) throw new Error(`hono/dist/jsx/base.js imports ${from}; update scripts/lib/hono-jsx.mjs`);
    const used = names.filter((name) => new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(body));
    return used.length ? [`import { ${used.join(', ')} } from ${JSON.stringify(IMPORTS[from])};`] : [];
  });
  return `// Generated by scripts/lib/hono-jsx.mjs from hono/dist/jsx/base.js (MIT, see node_modules/hono/LICENSE). Do not edit; not in git.\n${kept.join('\n')}\n${body}`;
}

/**
 * Its types, for the app's JSX factory (src/views/jsx-factory.ts), which takes hono's jsxFn and
 * Fragment from it itself (src/generated/jsx-base.d.ts): jsx-dev-runtime's jsxDEV, which the factory
 * called, did no more than give jsxFn the props' children as a list and set the node's `key` (the
 * app's JSX writes none, and the node has its own `key` field, undefined, already).
 */
export const JSX_BASE_TYPES = `// Generated by scripts/fingerprint.mjs. Do not edit; not in git.
import type { Child, JSXNode } from 'hono/jsx';
export { Fragment } from 'hono/jsx';
/** hono's jsxFn: the node of a tag (or component), its props and its children (hono/jsx/base.js). */
export declare const jsxFn: (tag: string | ((props: never) => unknown), props: Record<string, unknown>, children: Child[]) => JSXNode;
`;
