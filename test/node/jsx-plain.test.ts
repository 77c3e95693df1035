// src/views/jsx-plain.ts stands in for hono/jsx's special tags in the Worker's bundle
// (wrangler.toml [alias]). That is only right while (1) hono gives special behaviour to the tags
// it knows today, (2) the app writes none of the hoisted tags in JSX and no function action, and
// (3) for everything else hono's components render what a plain node renders. That the bundle
// then holds none of them is checked in bundle.test.ts; the Workers tests (test/bundle-aliases.test.ts),
// the e2e suite and the bench render through the stand-in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { components_exports as plain } from '../../src/views/jsx-plain';

const root = join(import.meta.dirname, '..', '..');
const hono = (file: string) => join(root, 'node_modules', 'hono', 'dist', 'jsx', file);

interface Node {
  toString(): string | Promise<string>;
}
type Component = (props: Record<string, unknown>) => Node;
const { components_exports: original } = (await import(pathToFileURL(hono('intrinsic-element/components.js')).href)) as {
  components_exports: Record<string, Component>;
};
const { JSXNode } = (await import(pathToFileURL(hono('base.js')).href)) as {
  JSXNode: new (tag: string, props: Record<string, unknown>, children: unknown[]) => Node;
};

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('src/views/jsx-plain.ts, in place of hono/jsx/intrinsic-element/components.js in the bundle', () => {
  it('hono gives special behaviour to exactly the eight tags the stand-in leaves plain', () => {
    // A ninth tag in a new hono would go without its behaviour in the bundle: this says so.
    expect(Object.keys(original).sort()).toEqual(['button', 'form', 'input', 'link', 'meta', 'script', 'style', 'title']);
    expect(Object.keys(plain)).toEqual([]);
    expect(readFileSync(hono('base.js'), 'utf8')).toContain('import { components_exports } from "./intrinsic-element/components.js";');
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"./intrinsic-element/components.js" = "./src/views/jsx-plain.ts"');
  });

  it("nothing the app runs fills hono's DOM renderers, which would need the components", () => {
    // base.js gives every entry of `domRenderers` to the component of its tag; with no components
    // that would throw. Only hono/jsx/dom fills it, and the app renders on the server alone.
    const dist = join(root, 'node_modules', 'hono', 'dist');
    const writers = (readdirSync(dist, { recursive: true }) as string[])
      .filter(
        (file) =>
          file.endsWith('.js') && !file.startsWith('cjs') && readFileSync(join(dist, file), 'utf8').includes('Object.assign(domRenderers'),
      )
      .sort();
    expect(writers).toEqual([join('jsx', 'dom', 'intrinsic-element', 'components.js')]);
    const sources = (readdirSync(join(root, 'src'), { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|js)$/.test(f));
    expect(sources.length).toBeGreaterThan(30);
    for (const file of sources) expect(readFileSync(join(root, 'src', file), 'utf8'), file).not.toMatch(/hono\/jsx\/dom/);
  });

  it('the app writes no hoisted tag in JSX and no function as a form action', () => {
    const hoisted = new Set(['title', 'meta', 'link', 'style', 'script']);
    const found: string[] = [];
    const files = tsxFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
          const tag = node.tagName.getText(source);
          if (hoisted.has(tag)) found.push(`${file}: <${tag}>`);
          for (const attribute of node.attributes.properties) {
            if (!ts.isJsxAttribute(attribute)) continue;
            const name = attribute.name.getText(source);
            if (name !== 'action' && name !== 'formAction') continue;
            const value = attribute.initializer;
            const expression = value && ts.isJsxExpression(value) ? value.expression : undefined;
            if (expression && (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)))
              found.push(`${file}: <${tag} ${name}={function}>`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });

  it("hono's form, input and button render what a plain node renders for URL actions", async () => {
    const cases: [string, Record<string, unknown>, unknown[]][] = [
      ['form', { method: 'post', action: '/assets/a/contacts', 'hx-post': '/assets/a/contacts', novalidate: true }, ['x']],
      ['form', { method: 'get', class: 'search', role: 'search' }, []],
      ['input', { id: 'q', name: 'q', value: 'Müller & "Söhne"', type: 'search', autocomplete: 'off' }, []],
      ['input', { type: 'checkbox', name: 'pick', checked: true, disabled: false }, []],
      ['button', { type: 'submit', formAction: '/assets/a/contacts/x/delete', class: 'danger' }, ['Löschen']],
      ['button', { type: 'button', 'data-retry': 'true' }, ['Erneut <senden>']],
    ];
    for (const [tag, props, children] of cases) {
      const component = original[tag];
      if (!component) throw new Error(`hono has no component for <${tag}>`);
      const special = component({ ...props, children: children.length ? children : undefined });
      const expected = await new JSXNode(tag, { ...props }, children).toString();
      expect(await special.toString()).toBe(expected);
      expect(expected.startsWith(`<${tag}`)).toBe(true);
    }
  });
});
