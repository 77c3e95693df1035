// hono's html`` template helper as the app's pages import it (src/generated/hono-html.js, written
// by scripts/lib/hono-html.mjs from the installed hono): hono's module but for its last line,
// which no longer runs callbacks the helper's buffer never has, and its branch of an escaped
// string with callbacks, which the app's never have (src/generated/hono-utils-html.js, whose
// raw() sets none); the same templates' answers; and the app takes html`` from it only (hono's
// own helper is not in the bundle: bundle.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BRANCH, EDIT, IMPORTS, trimHonoHtml } from '../../scripts/lib/hono-html.mjs';
import { root, sources } from './drizzle-files';

const originalPath = join(root, 'node_modules', 'hono', 'dist', 'helper', 'html', 'index.js');
const generatedPath = join(root, 'src', 'generated', 'hono-html.js');
const original = () => readFileSync(originalPath, 'utf8');
const generated = () => readFileSync(generatedPath, 'utf8');

type Html = (strings: TemplateStringsArray, ...values: unknown[]) => unknown;
const hono = (await import(pathToFileURL(originalPath).href)) as { html: Html; raw: (value: string) => unknown };
const ours = (await import(pathToFileURL(generatedPath).href)) as { html: Html; raw: (value: string) => unknown };

describe('src/generated/hono-html.js, in place of hono/html in the app', () => {
  it('is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimHonoHtml(original()));
    expect(() => trimHonoHtml(original().replace(EDIT.from, EDIT.from.replace('\t', '  ')))).toThrow(/not found once/);
    expect(() => trimHonoHtml(original().replace(BRANCH.from, BRANCH.from.replace('\t', '  ')))).toThrow(/callbacks not found once/);
    expect(() => trimHonoHtml(`import { x } from "./other.js";\n${original()}`)).toThrow(/other imports than expected/);
  });

  it("is hono's module but for its last line and its branch of callbacks, importing hono's HTML utility without callbacks; the helper never gives its buffer callbacks", () => {
    const body = (text: string) =>
      text.replace(/^(\/\/ Generated[^\n]*\n)?(import [^\n]*\n)*/, '').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    expect(body(generated())).toBe(body(original()).replace(EDIT.from, EDIT.to).replace(BRANCH.from, BRANCH.to));
    expect(IMPORTS['../../utils/html.js']).toBe('./hono-utils-html.js');
    expect(generated()).toContain(`import { escapeToBuffer, raw } from "${IMPORTS['../../utils/html.js']}";`);
    expect(original()).toContain('import { escapeToBuffer, raw, resolveCallbackSync, stringBufferToString } from "../../utils/html.js";');
    // What the left-out branch needed: a `callbacks` list on the buffer, which only an assignment could give it.
    expect(original()).not.toMatch(/buffer\.callbacks\s*(\|\|)?=|buffer\[["']callbacks["']\]/);
    // The other left-out branch: the utility's raw() (test/node/hono-utils-html.test.ts) gives no string callbacks.
    const utility = readFileSync(join(root, 'src', 'generated', 'hono-utils-html.js'), 'utf8');
    expect(utility).not.toContain('callbacks');
    expect(generated()).not.toContain('callbacks');
    expect(String(ours.raw('<b>'))).toBe(String(hono.raw('<b>')));
    expect((ours.raw('<b>') as { isEscaped?: boolean }).isEscaped).toBe(true);
  });

  it("answers as hono's does: text, numbers, lists, escaped strings, JSX's, objects, at once (an escaped string, not a promise)", async () => {
    const { JSXNode, jsx } = await import(pathToFileURL(join(root, 'src', 'generated', 'jsx-base.js')).href);
    const Now = ({ text }: { text: string }) => new JSXNode('b', {}, [text]);
    const rendered = new JSXNode('i', {}, [jsx(Now, { text: 'x & y' })]).toString();
    const answers = (html: Html, raw: (value: string) => unknown) => [
      html`<p>${'Müller & <Söhne>'} ${7} ${null} ${undefined} ${false} ${['a', ['<b>', 2]]}</p>`,
      html`<div>${raw('<hr/>')}${html`<span>${'"q"'}</span>`}</div>`,
      html`<main>${new JSXNode('p', { class: 'a&b' }, ['t'])}${rendered}${raw(rendered)}</main>`,
      html`<main>${new JSXNode('div', {}, [jsx(Now, { text: 'später' })])}${{ toString: () => '<o>' }}</main>`,
      html``,
    ];
    const mine = answers(ours.html, ours.raw);
    expect(mine.every((answer) => answer instanceof String)).toBe(true);
    expect(mine.map(String)).toEqual(answers(hono.html, hono.raw).map(String));
  });

  it('throws where hono waits for a promise among its values (the app renders none: test/node/render-sync.test.ts)', async () => {
    const values = (raw: (value: string) => unknown) => [Promise.resolve('<x>'), Promise.resolve(raw('<y/>')), [Promise.resolve('z')]];
    expect(await Promise.all(values(hono.raw).map(async (value) => String(await hono.html`<p>${value}</p>`)))).toEqual([
      '<p>&lt;x&gt;</p>',
      '<p><y/></p>',
      '<p>z</p>',
    ]);
    for (const value of values(ours.raw)) expect(() => ours.html`<p>${value}</p>`).toThrow(/not part of this build/);
    expect(generated()).not.toMatch(/stringBufferToString|unshift/);
  });

  it('the app takes html`` from the generated module only', () => {
    const users: string[] = [];
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, names = ''] of text.matchAll(/^import \{([^}]*)\} from 'hono\/html';$/gm))
        expect(
          names.split(',').map((name) => name.trim()),
          file,
        ).not.toContain('html');
      if (/from '(?:\.\.\/)+generated\/hono-html\.js';/.test(text)) users.push(file);
    }
    expect(users.sort()).toEqual(['src/contacts/views/print.tsx', 'src/views/layout.tsx']);
  });
});
