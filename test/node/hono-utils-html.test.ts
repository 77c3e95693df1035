// hono's HTML utility as the app, html`` (src/generated/hono-html.js) and hono/jsx's renderer
// (src/generated/jsx-base.js) import it (src/generated/hono-utils-html.js, written by
// scripts/lib/hono-utils-html.mjs from the installed hono): hono's raw(), escapeToBuffer() and
// stringBufferToString() without a string's `callbacks`; the same texts for every kind of buffer;
// nothing in the app or the generated modules gives a string callbacks or takes these functions
// from hono's own file (hono's is not in the bundle: bundle.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDITS, EXPORTS, RUNNERS_FROM, trimHonoUtilsHtml } from '../../scripts/lib/hono-utils-html.mjs';
import { root, sources } from './drizzle-files';

const originalPath = join(root, 'node_modules', 'hono', 'dist', 'utils', 'html.js');
const generatedPath = join(root, 'src', 'generated', 'hono-utils-html.js');
const original = () => readFileSync(originalPath, 'utf8');
const generated = () => readFileSync(generatedPath, 'utf8');

type Escaped = string | (string & { isEscaped?: boolean; callbacks?: unknown });
type Utility = {
  raw: (value: unknown, callbacks?: unknown) => Escaped;
  escapeToBuffer: (text: string, buffer: unknown[]) => void;
  stringBufferToString: (buffer: unknown[], callbacks?: unknown) => Promise<Escaped>;
};
const hono = (await import(pathToFileURL(originalPath).href)) as Utility;
const ours = (await import(pathToFileURL(generatedPath).href)) as Utility;

describe('src/generated/hono-utils-html.js, in place of hono/utils/html in the bundle', () => {
  it('is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimHonoUtilsHtml(original()));
    for (const { from } of [...EDITS, EXPORTS])
      expect(() => trimHonoUtilsHtml(original().replace(from, from.replace(/[\t ]/, '   ')))).toThrow(/not found once/);
    expect(() => trimHonoUtilsHtml(original().replace(RUNNERS_FROM, ''))).toThrow(/runners not found once/);
    expect(() => trimHonoUtilsHtml(`import { x } from "./other.js";\n${original()}`)).toThrow(/it imports/);
  });

  it("is hono's module without callbacks: its escaping word for word, no runner of callbacks, no callbacks", () => {
    const fn = (text: string, name: string) => {
      const at = text.indexOf(`const ${name} = `);
      return at < 0 ? '' : text.slice(at, text.indexOf('\n};\n', at) + 4);
    };
    expect(fn(generated(), 'escapeToBuffer')).not.toBe('');
    expect(fn(generated(), 'escapeToBuffer')).toBe(fn(original(), 'escapeToBuffer'));
    expect(generated()).toContain('const escapeRe = /[&<>\'"]/;');
    expect(generated()).not.toMatch(/callbacks|resolveCallback|HtmlEscapedCallbackPhase/);
    expect(generated()).toMatch(/^export \{ escapeToBuffer, raw, stringBufferToString \};$/m);
    // Without callbacks, hono's stringBufferToString() and raw() are ours: the edits take out only what handles them.
    for (const { from, to } of EDITS)
      expect(
        from
          .replace(/^const HtmlEscapedCallbackPhase = \{\n(\t\w+: \d,?\n)+\};\n/, '')
          .replace(/, callbacks/g, '')
          .replace(/^.*callbacks.*\n/gm, ''),
      ).toBe(to);
  });

  it("answers as hono's does: escaped strings, escaping, and buffers of text, numbers, nothing, escaped strings and promises", async () => {
    const text = (value: Escaped) => ({ text: String(value), escaped: (value as { isEscaped?: boolean }).isEscaped });
    for (const value of ['', '<b>&"\'', 'Müller', 7, null]) expect(text(ours.raw(value))).toEqual(text(hono.raw(value)));
    for (const value of ['', 'plain', 'Müller & <Söhne> "q" \'a\'', '&&&', '<<x>>']) {
      const mine = [''];
      const theirs = [''];
      ours.escapeToBuffer(value, mine);
      hono.escapeToBuffer(value, theirs);
      expect(mine).toEqual(theirs);
    }
    const buffers = (raw: Utility['raw']) => [
      ['a'],
      ['<p>', 'x', '</p>'],
      ['a', Promise.resolve('<b>'), 'c'],
      ['a', Promise.resolve(raw('<b>')), 'c', 7, 'd', null, 'e', undefined, 'f', true, 'g', false, 'h'],
      ['a', raw('<i>'), 'b', { toString: () => Promise.resolve('<u>') }, 'c'],
      ['a', { isEscaped: true, toString: () => Promise.resolve('<u>') }, 'c'],
      ['a', { toString: () => raw('<s>') }, 'c', 'Müller & Söhne', 'd'],
      ['', Promise.resolve(raw('x')), ''],
    ];
    const mine = await Promise.all(buffers(ours.raw).map((buffer) => ours.stringBufferToString(buffer)));
    const theirs = await Promise.all(buffers(hono.raw).map((buffer) => hono.stringBufferToString(buffer, undefined)));
    expect(mine.map(text)).toEqual(theirs.map(text));
  });

  it("nothing in the app or the generated modules takes hono's own utility or passes raw() callbacks", () => {
    const users: string[] = [];
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      // (The generated module's types are hono's: src/generated/hono-utils-html.d.ts.)
      if (file !== 'src/generated/hono-utils-html.d.ts')
        expect(text, file).not.toMatch(/from ['"]hono\/utils\/html['"]|utils\/html\.js['"]/);
      for (const [, names = ''] of text.matchAll(/^import \{([^}]*)\} from 'hono\/html';$/gm))
        expect(
          names.split(',').map((name) => name.trim()),
          file,
        ).not.toContain('raw');
      if (/from '(?:\.\.\/)+generated\/hono-utils-html\.js';/.test(text)) users.push(file);
    }
    expect(users.sort()).toEqual([
      'src/contacts/routes.tsx',
      'src/contacts/views/contact-list.tsx',
      'src/views/escape.ts',
      'src/views/icon.ts',
    ]);
    // Every raw() of the app's is this one, typed with one parameter: tsc refuses a second argument, callbacks.
    expect(readFileSync(join(root, 'src', 'generated', 'hono-utils-html.d.ts'), 'utf8')).toContain(
      'export declare const raw: (value: unknown) => HtmlEscapedString;',
    );
    expect(readFileSync(join(root, 'src', 'generated', 'hono-html.d.ts'), 'utf8')).toContain("export { raw } from './hono-utils-html.js';");
    for (const name of ['hono-html.js', 'jsx-base.js']) {
      const text = readFileSync(join(root, 'src', 'generated', name), 'utf8');
      expect(text, name).toContain(' from "./hono-utils-html.js";');
      expect(text, name).not.toContain('callbacks');
    }
  });
});
