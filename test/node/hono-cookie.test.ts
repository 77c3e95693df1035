// hono's cookie reader as the app imports it (src/generated/hono-cookie.js, written by
// scripts/lib/hono-cookie.mjs from the installed hono): hono's getCookie but for its `prefix`
// option and the object of every cookie (a call without a name), which no call of the app's
// makes; the same answers as hono's for one cookie by its name; and the app reads cookies with it only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCookie as theirs } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { EDIT, PARSER, trimHonoCookie } from '../../scripts/lib/hono-cookie.mjs';
import { root, sources } from './drizzle-files';

const originalPath = join(root, 'node_modules', 'hono', 'dist', 'helper', 'cookie', 'index.js');
const generatedPath = join(root, 'src', 'generated', 'hono-cookie.js');
const original = () => readFileSync(originalPath, 'utf8');
const generated = () => readFileSync(generatedPath, 'utf8');

describe('src/generated/hono-cookie.js, in place of hono/cookie in the app', () => {
  it('is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimHonoCookie(original()));
    expect(() => trimHonoCookie(original().replace('if (prefix === "secure")', 'if (prefix === "secure" )'))).toThrow(
      /getCookie not found once/,
    );
    expect(() => trimHonoCookie(original().replace(PARSER.from, './cookie.js'))).toThrow(/parser's import not found/);
  });

  it("is hono's getCookie but for the prefix and the object of every cookie, with hono's own parser", () => {
    // The branch of a name given, without a prefix: its lines one tab less indented, `finalKey` being `key`.
    const branch = EDIT.from
      .replace('(c, key, prefix)', '(c, key)')
      .replace('\tif (typeof key === "string") {\n', '')
      .replace(/\t\tlet finalKey = key;\n\t\tif \(prefix === "secure"\)[^\n]*\n\t\telse if \(prefix === "host"\)[^\n]*\n/, '')
      .replace('\t}\n\tif (!cookie) return {};\n\treturn parse(cookie);\n', '')
      .replaceAll('finalKey', 'key')
      .replaceAll('\n\t\t', '\n\t');
    expect(branch).toBe(EDIT.to);
    expect(generated()).toContain(EDIT.to);
    expect(original()).toMatch(new RegExp(`^import \\{ parse, [^}]*\\} from "${PARSER.from.replaceAll('.', '\\.')}";$`, 'm'));
    expect(generated()).toContain(`import { parse } from "${PARSER.to}";`);
    expect(import.meta.resolve(PARSER.to)).toBe(pathToFileURL(join(root, 'node_modules', 'hono', 'dist', 'utils', 'cookie.js')).href);
  });

  it("answers as hono's getCookie(c, name) does", async () => {
    const { getCookie: ours } = await import(pathToFileURL(generatedPath).href);
    const headers = [
      undefined,
      '',
      'a=1',
      'a=1; b=2',
      ' a = 1 ;b="quoted value"',
      'b=2; a=%C3%A4%20x',
      'a=1; a=2',
      'x=y; bad name=3; c=',
      'a="x',
      'aa=1; a=2',
      'a=b=c',
      'a',
    ];
    for (const cookie of headers)
      for (const name of ['a', 'b', 'c', 'aa', 'missing', 'bad name']) {
        const c = { req: { raw: new Request('http://x/', { headers: cookie === undefined ? {} : { Cookie: cookie } }) } };
        expect(ours(c, name), `${cookie} ${name}`).toEqual(theirs(c as never, name));
      }
  });

  it('every cookie the app reads it reads by its name with the generated module; no call gives a prefix or none', () => {
    const calls: string[] = [];
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/'))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, names = ''] of text.matchAll(/^import \{([^}]*)\} from 'hono\/cookie';$/gm))
        expect(
          names.split(',').map((name) => name.trim()),
          file,
        ).not.toContain('getCookie');
      const all = text.match(/\bgetCookie\(/g)?.length ?? 0;
      const byName = [...text.matchAll(/\bgetCookie\(c, [\w.]+\)/g)].length;
      expect(byName, file).toBe(all);
      if (all) {
        calls.push(file);
        expect(text, file).toMatch(/^import \{ getCookie \} from '(\.\/|(\.\.\/)+)generated\/hono-cookie\.js';$/m);
      }
    }
    expect(calls.sort()).toEqual([
      'src/app.tsx',
      'src/contacts/pages.tsx',
      'src/contacts/routes.tsx',
      'src/session/index.ts',
      'src/views/render.tsx',
    ]);
  });
});
