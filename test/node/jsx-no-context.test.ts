// The stand-in wrangler.toml's [alias] puts in place of hono/jsx's render contexts in the Worker's
// bundle (src/views/jsx-no-context.ts): the alias text `./context.js` is how hono-base imports its
// Context class and hono/jsx's base imports its contexts, so the stand-in serves both (hono's
// own Context, re-exported); hono's JSX reaches a context only for `<svg>` and `<head>`; and the
// app neither provides nor reads one, nor writes those two tags in JSX. bundle.test.ts checks the
// module gone; the Workers tests, the e2e suite and the bench render through the stand-in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as stand from '../../src/views/jsx-no-context';
import { root, sources } from './drizzle-files';

const dist = join(root, 'node_modules', 'hono', 'dist');
const hono = (file: string) => readFileSync(join(dist, file), 'utf8');
const exportsOf = (file: string) =>
  (/export \{([^}]*)\}/.exec(hono(file))?.[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

describe('src/views/jsx-no-context.ts, in place of hono/jsx/context.js in the bundle', () => {
  it("is aliased for the text by which hono's modules import its Context and its JSX contexts, and exports both", async () => {
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"./context.js" = "./src/views/jsx-no-context.ts"');
    const importers = (readdirSync(dist, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js') && !file.startsWith('cjs') && hono(file).includes('from "./context.js"'))
      .sort();
    // hono/jsx/dom's own context module has that name too: the app never imports hono/jsx/dom
    // (test/node/jsx-plain.test.ts), nor hono/jsx's index, streaming or components.
    expect(importers).toEqual(
      [
        'hono-base.js',
        'index.js',
        'jsx/base.js',
        'jsx/components.js',
        'jsx/dom/index.js',
        'jsx/dom/render.js',
        'jsx/index.js',
        'jsx/streaming.js',
      ].map((file) => join(...file.split('/'))),
    );
    expect(hono('hono-base.js')).toContain('import { Context } from "./context.js";');
    expect(Object.keys(stand).sort()).toEqual([...exportsOf('context.js'), ...exportsOf('jsx/context.js')].sort());
    // hono's own Context as the bundle takes it, without members the app never calls
    // (src/generated/hono-context.js; test/node/hono-context.test.ts holds it to hono's).
    const real = await import(pathToFileURL(join(root, 'src', 'generated', 'hono-context.js')).href);
    expect(stand.Context).toBe(real.Context);
    expect(stand.TEXT_PLAIN).toBe(real.TEXT_PLAIN);
  });

  it("hono's JSX reaches a context only for <svg> and <head>, and keeps none otherwise", async () => {
    const base = hono('jsx/base.js');
    expect(base).toContain(
      'import { captureRenderContext, createContext, globalContexts, runWithRenderContext, useContext } from "./context.js";',
    );
    expect(base.split('createContext(').length - 1).toBe(1);
    expect(base).toMatch(/else if \(tag === "svg" \|\| tag === "head"\) \{\s+nameSpaceContext \|\|= createContext\(""\);/);
    expect(base.split('useContext(').length - 1).toBe(1);
    expect(base).toContain('nameSpaceContext && useContext(nameSpaceContext)');
    expect(base.split('captureRenderContext()').length - 1).toBe(1);
    expect(base).toMatch(/if \(globalContexts\.length === 0\) [^\n]+;\n\s+else [^\n]+captureRenderContext\(\)/);
    expect(stand.globalContexts).toEqual([]);
    expect(() => stand.createContext()).toThrow(/not part of this build/);
    expect(() => stand.useContext()).toThrow(/not part of this build/);
    expect(stand.runWithRenderContext(() => 'page')).toBe('page');
    const later = Promise.resolve('later');
    expect(stand.runWithRenderContext(() => later)).toBe(later);
    expect(stand.captureRenderContext()(() => 'resumed')).toBe('resumed');
  });

  it('the app provides and reads no context, and writes no <svg> or <head> in JSX', () => {
    const files = sources('src').filter((file) => file !== 'src/views/jsx-no-context.ts');
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(
        /\b(createContext|useContext|useRequestContext|Suspense|ErrorBoundary)\b|hono\/jsx-renderer|hono\/jsx\/streaming/,
      );
      // hono/jsx's index module creates contexts as it loads: the app imports only its types.
      for (const line of text.match(/^import .* from 'hono\/jsx';$/gm) ?? []) expect(line, file).toMatch(/^import type /);
      if (!file.endsWith('.tsx')) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && ['svg', 'head'].includes(node.tagName.getText(source)))
          found.push(`${file}: <${node.tagName.getText(source)}>`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
