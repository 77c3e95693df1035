// hono's body limit middleware as the app imports it (src/generated/hono-body-limit.js, written by
// scripts/lib/hono-body-limit.mjs from the installed hono): hono's module but for its default
// error handler (a 413 "Payload Too Large"), which the app never lets it reach: every body limit
// it makes is given its own `onError`; the same answers as hono's with one; and the app takes
// bodyLimit from the generated module only (hono's own is not in the bundle: bundle.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono/tiny';
import { describe, expect, it } from 'vitest';
import { IMPORTS, LEFT_OUT, trimHonoBodyLimit } from '../../scripts/lib/hono-body-limit.mjs';
import { root, sources } from './drizzle-files';

const originalPath = join(root, 'node_modules', 'hono', 'dist', 'middleware', 'body-limit', 'index.js');
const generatedPath = join(root, 'src', 'generated', 'hono-body-limit.js');
const original = () => readFileSync(originalPath, 'utf8');
const generated = () => readFileSync(generatedPath, 'utf8');

type BodyLimit = (options: { maxSize: number; onError?: (c: Context) => Response }) => MiddlewareHandler;
const hono = (await import(pathToFileURL(originalPath).href)) as { bodyLimit: BodyLimit };
const ours = (await import(pathToFileURL(generatedPath).href)) as { bodyLimit: BodyLimit };

describe('src/generated/hono-body-limit.js, in place of hono/body-limit in the app', () => {
  it('is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimHonoBodyLimit(original()));
    expect(() => trimHonoBodyLimit(original().replace('{ status: 413 }', '{ status: 413, }'))).toThrow(
      /default error handler not found once/,
    );
    expect(() => trimHonoBodyLimit(`import { x } from "./other.js";\n${original()}`)).toThrow(/other imports than expected/);
  });

  it("is hono's module but for its default error handler and the import only that used", () => {
    const body = (text: string) =>
      text.replace(/^(\/\/ Generated[^\n]*\n)?(import [^\n]*\n)*/, '').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    let theirs = body(original());
    for (const [, text] of LEFT_OUT) {
      expect(theirs.split(text)).toHaveLength(2);
      theirs = theirs.replace(text, '');
    }
    expect(body(generated())).toBe(theirs);
    // What is left out: the message's constant and the `|| (…)` of `options.onError || (…)`.
    expect(LEFT_OUT[0]?.[1]).toMatch(/^const ERROR_MESSAGE = "[^"]+";\n$/);
    expect(original()).toContain(`const onError = options.onError${LEFT_OUT[1]?.[1]};`);
    expect(generated()).toContain('\tconst onError = options.onError;\n');
    expect(original()).toMatch(/^import \{ HTTPException \} from "\.\.\/\.\.\/http-exception\.js";$/m);
    expect(Object.keys(IMPORTS)).toEqual(['../../http-exception.js']);
    expect(generated()).not.toMatch(/^import /m);
  });

  it('every body limit of the app has its own onError, and the app takes bodyLimit from the generated module only', () => {
    const calls: string[] = [];
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/'))) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/from 'hono\/body-limit'/);
      for (const [call = ''] of text.matchAll(/\bbodyLimit\(\{[\s\S]*?\n? *\}\)/g)) {
        calls.push(file);
        expect(call, file).toMatch(/\n {4}onError: /);
      }
      expect(text.match(/\bbodyLimit\(/g)?.length ?? 0, file).toBe(calls.filter((name) => name === file).length);
    }
    expect(calls).toEqual(['src/app.tsx']);
    expect(readFileSync(join(root, 'src', 'app.tsx'), 'utf8')).toContain("import { bodyLimit } from './generated/hono-body-limit.js';");
  });

  it("answers as hono's does with an onError: no body, a body within and over the limit, with and without a length", async () => {
    const app = (bodyLimit: BodyLimit) =>
      new Hono().post('/', bodyLimit({ maxSize: 8, onError: (c) => c.text('too big', 413) }), async (c) =>
        c.text(`got ${await c.req.text()}`),
      );
    const stream = (text: string) =>
      new ReadableStream({
        start(controller) {
          for (const part of text.match(/.{1,3}/g) ?? []) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      });
    const requests = () => [
      new Request('http://x/', { method: 'POST' }),
      new Request('http://x/', { method: 'POST', body: 'short' }),
      new Request('http://x/', { method: 'POST', body: 'far too long a body' }),
      new Request('http://x/', { method: 'POST', body: stream('short'), duplex: 'half' } as RequestInit),
      new Request('http://x/', { method: 'POST', body: stream('far too long a body'), duplex: 'half' } as RequestInit),
    ];
    const answers = async (bodyLimit: BodyLimit) =>
      Promise.all(
        requests()
          .map(async (request) => app(bodyLimit).fetch(request))
          .map(async (r) => [(await r).status, await (await r).text()]),
      );
    const theirs = await answers(hono.bodyLimit);
    expect(await answers(ours.bodyLimit)).toEqual(theirs);
    expect(theirs.map(([status]) => status)).toEqual([200, 200, 413, 200, 413]);
  });
});
