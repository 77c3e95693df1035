// hono/jsx's renderer as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/jsx-base.js, written by scripts/lib/hono-jsx.mjs from the installed hono): the
// alias names exactly the import by which hono's JSX modules reach it; the module is hono's but
// for the edits, with its imports from the same files (or the stand-ins the other aliases
// name, or hono's HTML utility without callbacks, src/generated/hono-utils-html.js); it renders what hono renders; and the app's JSX has neither thing it leaves out. The
// Workers tests (vitest.config.ts applies the same aliases), the e2e suite and the bench render
// through it; bundle.test.ts checks hono's style code gone.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_ATTRIBUTES,
  EDITS,
  EMPTY_TAGS,
  HONO_BOOLEAN_ATTRIBUTES,
  HONO_EMPTY_TAGS,
  IMPORTS,
  trimJsxBase,
} from '../../scripts/lib/hono-jsx.mjs';
import { trimHonoUtilsHtml } from '../../scripts/lib/hono-utils-html.mjs';
import { esmOf, root, sources } from './drizzle-files';

const dist = join(root, 'node_modules', 'hono', 'dist');
const originalPath = join(dist, 'jsx', 'base.js');
const generatedPath = join(root, 'src', 'generated', 'jsx-base.js');
const original = () => readFileSync(originalPath, 'utf8');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');

interface Node {
  toString(): string | Promise<string>;
}
interface Base {
  JSXNode: new (tag: unknown, props: Record<string, unknown>, children: unknown[]) => Node;
  jsx: (tag: unknown, props: Record<string, unknown>, ...children: unknown[]) => Node;
  Fragment: (props: { children?: unknown }) => Node;
}
const hono = (await import(pathToFileURL(originalPath).href)) as Base;
const ours = (await import(pathToFileURL(generatedPath).href)) as Base;
const { raw } = await import('hono/html');

describe('src/generated/jsx-base.js, in place of hono/dist/jsx/base.js in the bundle', () => {
  it("wrangler.toml aliases the text by which hono's JSX modules import it, and no other bundled package imports that text", () => {
    expect(toml()).toContain('"./base.js" = "./src/generated/jsx-base.js"');
    const importers = ['hono/dist', 'zod', 'drizzle-orm', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => readFileSync(join(root, 'node_modules', file), 'utf8').includes('from "./base.js"'))
      .sort();
    expect(importers).toEqual(
      ['components.js', 'context.js', 'index.js', 'jsx-dev-runtime.js', 'jsx-runtime.js', 'streaming.js'].map((file) =>
        join('hono/dist/jsx', file),
      ),
    );
    // What the generated module exports is what hono's does.
    expect(Object.keys(ours).sort()).toEqual(Object.keys(hono).sort());
  });

  it('is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimJsxBase(original()));
    for (const { from } of EDITS) {
      expect(() => trimJsxBase(original().replace(from, from.replace('\t', '  ')))).toThrow(/not found once/);
      expect(() => trimJsxBase(`${original()}\n${from}`)).toThrow(/not found once/);
    }
    expect(() => trimJsxBase(`import { x } from "./other.js";\n${original()}`)).toThrow(/other imports than expected/);
  });

  it("is hono's module but for the edits, its imports from the same files or the stand-ins wrangler.toml names for them", () => {
    const body = (text: string) => text.replace(/^(\/\/ Generated[^\n]*\n)?(import [^\n]*\n)*/, '');
    let expected = body(original()).replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    for (const { from, to } of EDITS) expected = expected.replace(from, to);
    expect(body(generated())).toBe(expected);
    const generatedUrl = pathToFileURL(generatedPath);
    for (const [from, to] of Object.entries(IMPORTS)) {
      expect(original(), from).toContain(` from "${from}";`);
      const alias = new RegExp(`^"${from.replace(/\./g, '\\.')}" = "\\./([^"]+)"$`, 'm').exec(toml())?.[1];
      if (alias) {
        // A module wrangler.toml puts in place of hono's: the generated file takes the same one.
        expect(realpathSync(join(dirname(generatedPath), `${to}.ts`)), from).toBe(realpathSync(join(root, alias)));
        continue;
      }
      const target = to.startsWith('.') ? fileURLToPath(new URL(to, generatedUrl)) : fileURLToPath(import.meta.resolve(to));
      if (to === './hono-utils-html.js') {
        // hono's HTML utility as scripts/lib/hono-utils-html.mjs writes it, without callbacks (test/node/hono-utils-html.test.ts).
        const theirs = fileURLToPath(new URL(from, pathToFileURL(originalPath)));
        expect(readFileSync(target, 'utf8'), from).toBe(trimHonoUtilsHtml(readFileSync(theirs, 'utf8')));
        continue;
      }
      expect(realpathSync(target), from).toBe(realpathSync(fileURLToPath(new URL(from, pathToFileURL(originalPath)))));
    }
    // Each name an import still gives is one hono's import of that file gave.
    for (const [, names = '', to = ''] of generated().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)) {
      const from = Object.entries(IMPORTS).find(([, target]) => target === to)?.[0] ?? '';
      const theirs = new RegExp(`^import \\{([^}]*)\\} from "${from.replace(/\./g, '\\.')}";$`, 'm').exec(original())?.[1] ?? '';
      for (const name of names.split(',')) expect(theirs.split(',').map((n) => n.trim())).toContain(name.trim());
    }
    expect(generated()).not.toContain('styleObjectForEach');
    expect(generated()).not.toMatch(/toSVGAttributeName\(/);
  });

  it('renders what hono renders: attributes of every kind, escaping, empty tags, children, components, fragments', async () => {
    const trees = (base: Base) => {
      const node = (tag: unknown, props: Record<string, unknown>, ...children: unknown[]) => new base.JSXNode(tag, props, children);
      const Card = ({ name, children }: { name: string; children?: unknown }) =>
        node('article', { class: 'card' }, node('h2', {}, name), children);
      const Text = ({ text }: { text: string }) => node('p', {}, text);
      // Function components through the module's own jsx() (hono's gives eight tags components
      // of their own, which jsx-plain.test.ts compares: plain nodes are built directly here).
      const fn = base.jsx;
      return [
        node('a', { href: '/x?a=1&b="2"', class: 'button', 'aria-label': "Anna's <Karte>", download: true }, 'Kontakt & mehr'),
        node('input', { type: 'checkbox', name: 'x', checked: true, disabled: false, required: true, value: 0 }),
        node('input', { class: 'field', for: 'y', tabIndex: -1, maxLength: 40, autoComplete: 'off', inputMode: 'tel' }),
        node('label', { for: 'y', 'data-focus': true, hidden: undefined, title: null }, 'Vorname'),
        node('div', { style: 'color: red; --x: "a"', onClick: () => {}, ref: {}, key: 'k' }, [
          node('img', {}),
          'text',
          7,
          null,
          false,
          ['a', ['b']],
        ]),
        node('textarea', { rows: 4, viewBox: '0 0 1 1', strokeWidth: 2, fillRule: 'evenodd', crossorigin: 'anonymous' }, 'a\nb <c>'),
        node('p', {}, raw('<b>fett</b>'), ' ', node('span', { class: raw('a&b') }, 'x')),
        fn(Card, { name: 'Müller & Söhne' }, node('p', {}, 'Notiz')),
        fn(Text, { text: 'später' }),
        base.Fragment({ children: [node('li', {}, '1'), node('li', {}, '2')] }),
        node('option', { value: 'de', selected: true, 'data-n': 1.5 }, 'Deutsch'),
        node('img', { src: '/a.svg', alt: '' }),
      ];
    };
    const mine = trees(ours);
    const theirs = trees(hono);
    for (const [i, tree] of mine.entries()) expect(String(await tree.toString()), String(i)).toBe(String(await theirs[i]?.toString()));
  });

  it('throws where hono waits for a promise: an async component, a promise among the children or given to an attribute, a toString() that gives one', async () => {
    const cases = (base: Base) => {
      const node = (tag: unknown, props: Record<string, unknown>, ...children: unknown[]) => new base.JSXNode(tag, props, children);
      const Later = async ({ text }: { text: string }) => node('b', {}, text);
      const later = { toString: () => Promise.resolve('<z>') };
      return [
        () => node('p', {}, base.jsx(Later, { text: 'x & y' })),
        () => base.jsx(Later, { text: 'a' }),
        () => node('p', {}, 'a', Promise.resolve('<b>')),
        () => node('p', {}, [Promise.resolve(raw('<b>'))]),
        () => node('p', { title: Promise.resolve('<t>') }),
        () => node('p', { title: later }),
      ];
    };
    const theirs = await Promise.all(cases(hono).map(async (tree) => String(await tree().toString())));
    expect(theirs).toEqual([
      '<p><b>x &amp; y</b></p>',
      '<b>a</b>',
      '<p>a&lt;b&gt;</p>',
      '<p><b></p>',
      '<p title="&lt;t&gt;"></p>',
      '<p title="&lt;z&gt;"></p>',
    ]);
    for (const [i, tree] of cases(ours).entries()) expect(() => tree().toString(), String(i)).toThrow(/not part of this build/);
    // Without a promise, a render is its string (hono's, too): nothing waits.
    expect(new ours.JSXNode('p', { title: { toString: () => '<t>' } }, ['a']).toString()).toBe('<p title="&lt;t&gt;">a</p>');
    expect(generated()).not.toMatch(/resolveFunctionComponentResult|stringBufferToString|unshift/);
  });

  it("writes an escaped string given to an attribute as it is: nothing in the bundle marks one as a render's result", async () => {
    const mark = (base: Base) => (base as unknown as { markRenderedJSX: <T>(value: T) => T }).markRenderedJSX;
    const [mine, theirs] = [ours, hono].map((base) => String(new base.JSXNode('p', { title: mark(base)(raw('<b>')) }, []).toString()));
    expect(theirs).toBe('<p title="&lt;b&gt;"></p>');
    expect(mine).toBe('<p title="<b>"></p>');
    expect(String(new ours.JSXNode('p', { title: raw('<b>') }, []).toString())).toBe(
      String(new hono.JSXNode('p', { title: raw('<b>') }, []).toString()),
    );
    // Who marks one: hono's render of an async part (left out here) and the precompiled JSX's jsxTemplate() (not in the bundle: bundle.test.ts).
    const markers = ['hono/dist/jsx']
      .flatMap(esmOf)
      .filter((file) =>
        /markRenderedJSX\(|\[RENDERED_JSX\] =|\.then\(markRenderedJSX\)/.test(readFileSync(join(root, 'node_modules', file), 'utf8')),
      )
      .sort();
    expect(markers).toEqual(['hono/dist/jsx/base.js', 'hono/dist/jsx/jsx-runtime.js']);
    expect(generated().replace(/const markRenderedJSX = \(value\) => \{\n\tvalue\[RENDERED_JSX\] = true;\n/, '')).not.toMatch(
      /markRenderedJSX\)|markRenderedJSX\(|RENDERED_JSX\]/,
    );
  });

  it("leaves out dangerouslySetInnerHTML, hono's message for a function attribute, a node's type and ref, and the render contexts", async () => {
    const inner = { dangerouslySetInnerHTML: { __html: '<ul><li>1</li></ul>' } };
    expect(await new hono.JSXNode('section', inner, []).toString()).toBe('<section><ul><li>1</li></ul></section>');
    expect(await new ours.JSXNode('section', inner, []).toString()).toBe('<section dangerouslySetInnerHTML="[object Object]"></section>');
    const action = { action: () => {} };
    expect(() => new hono.JSXNode('form', action, []).toString()).toThrow(/Invalid prop 'action' of type 'function'/);
    expect(() => new ours.JSXNode('form', action, []).toString()).toThrow(/not part of this build/);
    for (const getter of ['type', 'ref']) {
      expect(getter in new hono.JSXNode('p', {}, [])).toBe(true);
      expect(getter in new ours.JSXNode('p', {}, [])).toBe(false);
    }
    expect(generated()).not.toMatch(/captureRenderContext|createContext|globalContexts/);
    // React's names of attributes are written as given (hono writes them as HTML's).
    const react = { className: 'field', htmlFor: 'y', crossOrigin: 'anonymous', httpEquiv: 'refresh' };
    expect(await new hono.JSXNode('input', react, []).toString()).toBe(
      '<input class="field" for="y" crossorigin="anonymous" http-equiv="refresh"/>',
    );
    expect(await new ours.JSXNode('input', react, []).toString()).toBe(
      '<input className="field" htmlFor="y" crossOrigin="anonymous" httpEquiv="refresh"/>',
    );
    expect(generated()).not.toContain('normalizeIntrinsicElementKey');
  });

  it("the app's JSX gives no element dangerouslySetInnerHTML, a React name of an attribute nor a function but an event handler, and reads no node's type or ref", () => {
    // The names hono's normalizeIntrinsicElementKey writes as HTML's (hono/dist/jsx/utils.js).
    const reactNames = ['className', 'htmlFor', 'crossOrigin', 'httpEquiv', 'itemProp', 'fetchPriority', 'noModule', 'formAction'];
    const utils = readFileSync(join(dist, 'jsx', 'utils.js'), 'utf8');
    expect([...utils.matchAll(/^\t\["(\w+)", "[\w-]+"\],?$/gm)].map(([, name]) => name)).toEqual(reactNames);
    // (src/client/app.js runs in the browser: its `className` is the DOM's.)
    const found: string[] = [];
    for (const file of sources('src')) {
      const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const text = readFileSync(join(root, file), 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
      const visit = (node: ts.Node) => {
        if (ts.isJsxAttribute(node)) {
          const name = node.name.getText(source);
          const value = node.initializer && ts.isJsxExpression(node.initializer) ? node.initializer.expression : undefined;
          if (name === 'dangerouslySetInnerHTML' || reactNames.includes(name)) found.push(`${file}: ${node.getText(source)}`);
          if (value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) && !name.startsWith('on'))
            found.push(`${file}: ${node.getText(source)}`);
        }
        if (
          (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
          ['dangerouslySetInnerHTML', ...reactNames].includes(node.name.getText(source).replace(/['"]/g, ''))
        )
          found.push(`${file}: ${node.getText(source)}`);
        // A node is made only by JSX (.tsx): there, no `.type` or `.ref` is read at all.
        if (ts.isPropertyAccessExpression(node) && (node.name.text === 'ref' || (node.name.text === 'type' && kind === ts.ScriptKind.TSX)))
          found.push(`${file}: ${node.getText(source)}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });

  it("checks no tag's name: the app's JSX names each tag in its source, an element's name or a function component of its own", () => {
    expect(() => new hono.JSXNode('a b', {}, [])).toThrow(/Invalid JSX tag name/);
    expect(generated()).not.toContain('isValidTagName');
    const files = sources('src').filter((file) => file.endsWith('.tsx'));
    const all = files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
    const tags = new Set<string>();
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) tags.add(node.tagName.getText(source));
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(tags.size).toBeGreaterThan(20);
    for (const tag of tags) {
      if (/^[a-z][a-z0-9]*$/.test(tag)) continue;
      // A component: declared as a function in the app's own modules.
      expect(tag, tag).toMatch(/^[A-Z]\w*$/);
      expect(all, tag).toMatch(new RegExp(`(?:^|\\n)(?:export )?(?:(?:async )?function ${tag}\\(|const ${tag} = (?:async )?\\()`));
    }
  });

  it("checks no attribute's name: the app's JSX names each attribute of an element in its source, or spreads an object written out there", () => {
    expect(String(new hono.JSXNode('p', { 'a b': 1, 'c"': 2, d: 3 }, []))).toBe('<p d="3"></p>');
    expect(generated()).not.toContain('isValidAttributeName');
    // hono's test: a name of letters, digits, - _ . :, or of other characters but for these.
    const valid = (name: string) => name !== '' && !/[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/.test(name);
    const spreads: string[] = [];
    // (Or the attributes of a form posted through htmx, React.postForm(action): the object literal
    // that src/views/jsx-factory.ts's postForm returns, written out there.)
    const factory = ts.createSourceFile(
      'src/views/jsx-factory.ts',
      readFileSync(join(root, 'src', 'views', 'jsx-factory.ts'), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    let postForm: ts.Expression | undefined;
    const findPostForm = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        node.name.getText(factory) === 'postForm' &&
        node.initializer &&
        ts.isArrowFunction(node.initializer)
      )
        postForm = ts.isBlock(node.initializer.body) ? undefined : node.initializer.body;
      ts.forEachChild(node, findPostForm);
    };
    findPostForm(factory);
    expect(postForm && ts.isParenthesizedExpression(postForm) && ts.isObjectLiteralExpression(postForm.expression)).toBe(true);
    for (const file of sources('src').filter((path) => path.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const objects = new Map<string, ts.Expression | undefined>();
      const collect = (node: ts.Node) => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) objects.set(node.name.text, node.initializer);
        ts.forEachChild(node, collect);
      };
      collect(source);
      const visit = (node: ts.Node) => {
        if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && /^[a-z]/.test(node.tagName.getText(source)))
          for (const attribute of node.attributes.properties) {
            if (ts.isJsxAttribute(attribute)) expect(valid(attribute.name.getText(source)), attribute.getText(source)).toBe(true);
            else {
              // A spread onto an element: a variable of the same module, an object literal with names of its own.
              const name = attribute.expression.getText(source);
              // (Or a choice between such objects, `kind === 'date' ? { min, max } : {}`, or one written in place.)
              const literals = (expression: ts.Expression | undefined): (ts.ObjectLiteralExpression | undefined)[] => {
                if (expression === undefined) return [undefined];
                if (ts.isParenthesizedExpression(expression)) return literals(expression.expression);
                if (ts.isIdentifier(expression)) return literals(objects.get(expression.text));
                if (ts.isConditionalExpression(expression)) return [...literals(expression.whenTrue), ...literals(expression.whenFalse)];
                if (ts.isCallExpression(expression) && expression.expression.getText(source) === 'React.postForm')
                  return literals(postForm);
                return [ts.isObjectLiteralExpression(expression) ? expression : undefined];
              };
              const found = literals(attribute.expression);
              expect(found.every(Boolean), `${file}: {...${name}}`).toBe(true);
              for (const property of found.flatMap((object) => [...(object?.properties ?? [])])) {
                expect(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property), property.getText(source)).toBe(
                  true,
                );
                const key = (property as ts.PropertyAssignment).name;
                expect(ts.isIdentifier(key) || ts.isStringLiteral(key), key.getText(source)).toBe(true);
                expect(valid((key as ts.Identifier | ts.StringLiteral).text), key.getText(source)).toBe(true);
              }
              spreads.push(`${file}: ${name}`);
            }
          }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(spreads.length).toBeGreaterThan(0);
  });

  it('makes no tag a component: the hoisting components are plain nodes here, and there are no DOM renderers to give them', async () => {
    const plain = await import('../../src/views/jsx-plain');
    expect(Object.keys(plain.components_exports)).toEqual([]);
    const common = await import(pathToFileURL(join(dist, 'jsx', 'intrinsic-element', 'common.js')).href);
    expect(Object.keys(common.domRenderers)).toEqual([]);
    expect(generated()).not.toMatch(/components_exports|domRenderers/);
    // (A plain node of the module's own: `<meta>` and `<link>` are no empty tags of its, below.)
    for (const tag of ['title', 'meta', 'link', 'script', 'style', 'form', 'input', 'button'])
      expect(await ours.jsx(tag, { class: 'a' }).toString(), tag).toBe(await new ours.JSXNode(tag, { class: 'a' }, []).toString());
    for (const tag of ['title', 'script', 'style', 'form', 'input', 'button'])
      expect(await ours.jsx(tag, { class: 'a' }).toString(), tag).toBe(await new hono.JSXNode(tag, { class: 'a' }, []).toString());
  });

  it("keeps of hono's empty tags and boolean attributes those the app's JSX writes, and renders those as hono does", async () => {
    const tags = new Set<string>();
    const names = new Set<string>();
    for (const file of sources('src').filter((path) => path.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && /^[a-z]/.test(node.tagName.getText(source))) {
          tags.add(node.tagName.getText(source));
          for (const attribute of node.attributes.properties) if (ts.isJsxAttribute(attribute)) names.add(attribute.name.getText(source));
        }
        // A spread's names: the object literals the test above holds every spread to.
        if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node))
          names.add(node.name.getText(source).replace(/['"]/g, ''));
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(tags.has('input') && names.has('checked') && names.has('formnovalidate')).toBe(true);
    expect(HONO_EMPTY_TAGS.filter((tag) => tags.has(tag))).toEqual(EMPTY_TAGS);
    expect(HONO_BOOLEAN_ATTRIBUTES.filter((name) => names.has(name))).toEqual(BOOLEAN_ATTRIBUTES);
    for (const tag of HONO_EMPTY_TAGS) {
      const render = async (base: Base) => String(await new base.JSXNode(tag, { class: 'a' }, []).toString());
      const theirs = await render(hono);
      expect(theirs, tag).toBe(`<${tag} class="a"/>`);
      expect(await render(ours), tag).toBe(EMPTY_TAGS.includes(tag) ? theirs : `<${tag} class="a"></${tag}>`);
    }
    // The kept boolean attributes as hono writes them (`name=""`, or none for false), the others as any other attribute's value.
    const props = Object.fromEntries(HONO_BOOLEAN_ATTRIBUTES.map((name, i) => [name, i % 2 === 0]));
    const [mine, theirs] = await Promise.all([ours, hono].map(async (base) => String(await new base.JSXNode('p', props, []).toString())));
    for (const [i, name] of HONO_BOOLEAN_ATTRIBUTES.entries()) {
      const written = i % 2 === 0 ? ` ${name}=""` : '';
      if (written) expect(theirs, name).toContain(written);
      else expect(theirs, name).not.toContain(` ${name}=`);
      expect(mine, name).toContain(BOOLEAN_ATTRIBUTES.includes(name) ? written : ` ${name}="${i % 2 === 0}"`);
      if (BOOLEAN_ATTRIBUTES.includes(name) && !written) expect(mine, name).not.toContain(` ${name}=`);
    }
  });

  it('leaves out a style object (hono writes it as CSS) by throwing', async () => {
    const style = { color: 'red', fontSize: 12, '--gap': '1px' };
    expect(await new hono.JSXNode('p', { style }, []).toString()).toBe('<p style="color:red;font-size:12px;--gap:1px"></p>');
    expect(() => new ours.JSXNode('p', { style }, []).toString()).toThrow(/not part of this build/);
  });

  it("the app's JSX gives no element a style, and an <svg> (whose attribute names hono converts) cannot render", () => {
    const files = sources('src');
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of files) {
      const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, kind);
      const visit = (node: ts.Node) => {
        if (ts.isJsxAttribute(node) && node.name.getText(source) === 'style') found.push(`${file}: ${node.getText(source)}`);
        // Nor an object that a spread ({...props}) could hand to an element.
        if (
          (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
          node.name.getText(source).replace(/['"]/g, '') === 'style'
        )
          found.push(`${file}: ${node.getText(source)}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
    // An <svg> in JSX needs a render context for its namespace, which the bundle leaves out
    // (src/views/jsx-no-context.ts; test/node/jsx-no-context.test.ts holds the app to none).
    expect(generated()).toContain('else if (tag === "svg" || tag === "head") throw new Error("not part of this build");');
    expect(generated()).toContain('import { runWithRenderContext } from "../views/jsx-no-context";');
    expect(() => (ours as unknown as { jsx: (tag: string, props: object) => unknown }).jsx('svg', {})).toThrow(/not part of this build/);
  });
});
