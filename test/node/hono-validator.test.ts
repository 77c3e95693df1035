// hono's validator and @hono/zod-validator's zValidator as the Worker's bundle has them
// (src/generated/hono-validator.js and zod-validator.js, written by scripts/lib/hono-validator.mjs
// from the installed packages; src/contacts/routes.tsx imports the latter): the packages' modules
// line for line but for the targets 'json', 'header' and 'cookie' (a throw in their place), the
// header schema's key map, an options' validationFunction and the answer to a failed parse without
// a hook; the same answers for the targets the app validates; and the app validates no other, passes
// no options, and gives each zValidator a hook or a schema that cannot fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zValidator as theirs } from '@hono/zod-validator';
import { Hono } from 'hono/tiny';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  HONO_IMPORTS,
  HONO_VALIDATOR_THROW,
  trimHonoValidator,
  trimZodValidator,
  ZOD_VALIDATOR_TYPES,
} from '../../scripts/lib/hono-validator.mjs';
import { zValidator as ours } from '../../src/generated/zod-validator.js';
import { appProgram, root, sourceCode, sources } from './drizzle-files';

const honoPath = join(root, 'node_modules', 'hono', 'dist', 'validator', 'validator.js');
const zodPath = join(root, 'node_modules', '@hono', 'zod-validator', 'dist', 'index.mjs');
const read = (path: string) => readFileSync(path, 'utf8');
const generated = (file: string) => read(join(root, 'src', 'generated', file));
const withoutMap = (text: string) => text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');

/** The lines of `theirs` that `ours` (its header and imports apart) leaves out, as runs of neighbours; `same` matches a changed line. */
function leftOut(ours: string, theirs: string, same: (their: string, line: string) => boolean) {
  const mine = ours.split('\n').filter((line, i) => i > 0 && !/^import /.test(line));
  const their = theirs.split('\n').filter((line) => !/^import /.test(line));
  const runs: string[][] = [];
  let at = 0;
  let changed = 0;
  for (const line of mine) {
    let next = at;
    while (next < their.length && !same(their[next] ?? '', line)) next += 1;
    expect(next, line).toBeLessThan(their.length);
    if (their[next] !== line) changed += 1;
    if (next > at) runs.push(their.slice(at, next));
    at = next + 1;
  }
  if (at < their.length) runs.push(their.slice(at));
  return { runs: runs.map((run) => run.join('\n')), changed };
}

describe('src/generated/hono-validator.js and zod-validator.js, in place of hono/validator and @hono/zod-validator in the bundle', () => {
  it('are what scripts/fingerprint.mjs writes from the installed packages (not stale), refusing a text they were not written for', () => {
    expect(generated('hono-validator.js')).toBe(trimHonoValidator(read(honoPath)));
    expect(generated('zod-validator.js')).toBe(trimZodValidator(read(zodPath)));
    expect(generated('zod-validator.d.ts')).toBe(ZOD_VALIDATOR_TYPES);
    expect(() => trimHonoValidator(read(honoPath).replace('case "header":', 'case "headers":'))).toThrow(/'header' not found once/);
    expect(() => trimHonoValidator(read(honoPath).replace('case "cookie": value', 'case "cookie":  value'))).toThrow(
      /'cookie' not found once/,
    );
    expect(() => trimHonoValidator(`import { x } from "./other.js";\n${read(honoPath)}`)).toThrow(/other imports than expected/);
    expect(() => trimZodValidator(read(zodPath).replace('if (caseInsensitiveKeymap)', 'if (keymap)'))).toThrow(/use not found once/);
    expect(() => trimZodValidator(read(zodPath).replace('options.validationFunction ?', 'options?.validationFunction ?'))).toThrow(
      /validationFunction not found once/,
    );
    expect(() => trimZodValidator(`import { x } from "./other.js";\n${read(zodPath)}`)).toThrow(/other imports than expected/);
    expect(() => trimZodValidator(read(zodPath).replace('return c.json(result, 400);', 'return c.json(result, 422);'))).toThrow(
      /without a hook not found once/,
    );
  });

  it("hono's validator: line for line but for the targets 'json', 'header' and 'cookie', a throw in the last one's place", () => {
    const { runs, changed } = leftOut(
      generated('hono-validator.js'),
      withoutMap(read(honoPath)),
      (their, line) =>
        their === line ||
        (line === `\t\t\t${HONO_VALIDATOR_THROW}` && their === '\t\t\tcase "cookie": value = getCookie(c);') ||
        // (A malformed form's catch: HONO_MALFORMED_FORM.)
        (line === '\t\t\t\t} catch {' && their === '\t\t\t\t} catch (e) {') ||
        (line === '\t\t\t\t\tthrow new HTTPException(400);' && their === '\t\t\t\t\tthrow new HTTPException(400, { message });'),
    );
    expect(changed).toBe(3);
    expect(runs).toHaveLength(4);
    expect(runs[0]).toMatch(/^const jsonRegex = [^\n]*$/);
    expect(runs[1]).toMatch(/^\t\t\tcase "json":\n[\s\S]*c\.req\.json\(\)[\s\S]*\n\t\t\t\tbreak;$/);
    expect(runs[1]?.split('\n').filter((line) => !line.startsWith('\t\t\t\t'))).toEqual(['\t\t\tcase "json":']);
    expect(runs[2]).toBe(
      '\t\t\t\t\tlet message = "Malformed FormData request.";\n\t\t\t\t\tmessage += e instanceof Error ? ` ${e.message}` : ` ${String(e)}`;',
    );
    expect(runs[3]).toBe('\t\t\tcase "header":\n\t\t\t\tvalue = c.req.header();\n\t\t\t\tbreak;');
    expect(generated('hono-validator.js')).not.toMatch(/\bmessage\b/);
    // Its imports: hono's own files, but the cookie parser only the target 'cookie' called.
    const imports = [...generated('hono-validator.js').matchAll(/^import \{ ([^}]*) \} from "([^"]+)";$/gm)];
    expect(imports.map(([, names, from]) => [names, from])).toEqual([
      ['HTTPException', HONO_IMPORTS['../http-exception.js']],
      ['bufferToFormData', HONO_IMPORTS['../utils/buffer.js']],
    ]);
    expect(read(honoPath)).toContain('import { getCookie } from "../helper/cookie/index.js";');
    expect(read(honoPath).match(/getCookie\(/g)).toHaveLength(1);
  });

  it("zValidator: line for line but for the header schema's key map and an options' validationFunction, on the generated validator", () => {
    const { runs, changed } = leftOut(
      generated('zod-validator.js'),
      withoutMap(read(zodPath)),
      (their, line) =>
        their === line ||
        (line === '\t\tconst result = schema.safeParse(validatorValue);' &&
          their ===
            '\t\tconst result = options && options.validationFunction ? await options.validationFunction(schema, validatorValue) : await schema.safeParseAsync(validatorValue);'),
    );
    expect(changed).toBe(1);
    expect(runs).toHaveLength(3);
    expect(runs[0]).toMatch(/^\tconst caseInsensitiveKeymap = target === "header" && [^\n]*$/);
    expect(runs[1]).toMatch(/^\t\tif \(caseInsensitiveKeymap\) validatorValue = [^\n]*$/);
    // Its answer to a failed parse without a hook, which no zValidator of the app gives (the test below).
    expect(runs[2]).toBe('\t\tif (!result.success) return c.json(result, 400);');
    expect(read(zodPath)).toMatch(/^import \{ validator \} from "hono\/validator";\n/);
    expect(generated('zod-validator.js').split('\n')[1]).toBe('import { validator } from "./hono-validator.js";');
  });

  it("answers as the packages' own do for forms, queries and parameters, with and without a hook, and throws for another target", async () => {
    const schema = z.object({ name: z.string(), tags: z.optional(z.array(z.string())) });
    // Without a hook, a schema that cannot fail, as the app's are (the test below): each field caught.
    const caught = z.object({
      name: z.catch(z.string(), 'none'),
      tags: z.catch(z.optional(z.array(z.string())), ['caught']),
    });
    const app = (zValidator: typeof ours) =>
      new Hono()
        .post('/form', zValidator('form', caught), (c) => c.json(c.req.valid('form')))
        .get('/query', zValidator('query', caught), (c) => c.json(c.req.valid('query')))
        .get('/p/:name', zValidator('param', caught), (c) => c.json(c.req.valid('param')))
        .get(
          '/hook',
          zValidator('query', schema, (result) => (result.success ? undefined : new Response(`hooked ${result.target}`, { status: 422 }))),
          (c) => c.text('ok'),
        );
    const requests = (): Request[] => {
      const multipart = new FormData();
      multipart.append('name', 'Anna');
      multipart.append('tags[]', 'a');
      return [
        new Request('http://x/form', { method: 'POST', body: new URLSearchParams({ name: 'Anna' }) }),
        new Request('http://x/form', {
          method: 'POST',
          body: new URLSearchParams([
            ['name', 'A'],
            ['tags', 'x'],
            ['tags', 'y'],
          ]),
        }),
        new Request('http://x/form', { method: 'POST', body: multipart }),
        new Request('http://x/form', { method: 'POST', body: 'name=Anna' }),
        new Request('http://x/form', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"Anna"}' }),
        new Request('http://x/form', {
          method: 'POST',
          headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
          body: 'not multipart',
        }),
        new Request('http://x/query?name=Anna'),
        new Request('http://x/query?name=Anna&name=Ben'),
        new Request('http://x/query'),
        new Request('http://x/p/Anna'),
        new Request('http://x/hook?name=Anna'),
        new Request('http://x/hook'),
      ];
    };
    const mine = app(ours);
    const other = app(theirs as typeof ours);
    const [a, b] = [requests(), requests()];
    for (const [i, request] of a.entries()) {
      const [x, y] = [await mine.request(request), await other.request(b[i] as Request)];
      // (A multipart body that does not parse: the same 400, without the message hono's own error
      // handler answers with and the app's never reads: the test below.)
      if (request.headers.get('Content-Type') === 'multipart/form-data; boundary=x')
        expect([x.status, await x.text(), y.status, (await y.text()).startsWith('Malformed FormData request. ')]).toEqual([
          400,
          '',
          400,
          true,
        ]);
      else expect([x.status, await x.text()], request.url).toEqual([y.status, await y.text()]);
    }
    // A failed parse without a hook (no zValidator of the app's): the package's answer is a 400 of the
    // result as JSON; ours has none, and the route is handed no value.
    const failing = (zValidator: typeof ours) => new Hono().get('/', zValidator('query', schema), (c) => c.text(`${c.req.valid('query')}`));
    const [fails, theirFails] = [await failing(ours).request('/'), await failing(theirs as typeof ours).request('/')];
    expect([fails.status, await fails.text()]).toEqual([200, 'undefined']);
    expect([theirFails.status, ((await theirFails.json()) as { success: boolean }).success]).toEqual([400, false]);
    const json = new Hono().post('/', ours('json' as 'form', schema), (c) => c.text('ok'));
    const answer = await json.request('/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"A"}' });
    expect(answer.status).toBe(500);
  });

  it("a malformed form's 400 is answered by its status alone: the app's error handler reads an HTTPException's message only as the reason of a 403 or a 429", () => {
    const app = sourceCode('src/app.tsx');
    expect(app.match(/\.onError\(/g)).toHaveLength(1);
    expect(app).toContain(
      'return renderError(c, error.status, { reason: error.message, cause: error.cause === undefined ? undefined : error });',
    );
    const errors = sourceCode('src/errors.tsx');
    expect(errors.match(/\breason\b/g)?.length).toBe(4);
    expect(errors.match(/reason === '[\w-]+'/g)).toEqual(["reason === 'cross-site'", "reason === 'search-limited'"]);
    // The mover's own handler (its routes validate no form) answers its own errors.
    expect(sourceCode('src/mover/index.ts')).not.toMatch(/zValidator|validator\(/);
  });

  it('is the only zValidator the app imports, and no call of it passes a fourth argument (the options left out)', () => {
    let calls = 0;
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/'))) {
      const text = sourceCode(file);
      expect(text, file).not.toMatch(/from '(@hono\/zod-validator|hono\/validator)'/);
      for (const match of text.matchAll(/\bzValidator\(/g)) {
        // Its arguments at the call's own depth (brackets, braces and parentheses nest; strings are skipped).
        let depth = 0;
        let commas = 0;
        let quote = '';
        for (let i = (match.index ?? 0) + match[0].length; i < text.length; i += 1) {
          const char = text[i] ?? '';
          if (quote) {
            if (char === '\\') i += 1;
            else if (char === quote) quote = '';
          } else if (`'"\``.includes(char)) quote = char;
          else if ('([{'.includes(char)) depth += 1;
          else if (')]}'.includes(char) && depth-- === 0) break;
          else if (char === ',' && depth === 0) commas += 1;
        }
        expect(commas, `${file}: ${text.slice(match.index, (match.index ?? 0) + 80)}`).toBeLessThanOrEqual(2);
        calls += 1;
      }
    }
    expect(calls).toBeGreaterThan(5);
    expect(read(join(root, 'src', 'contacts', 'routes.tsx'))).toContain("import { zValidator } from '../generated/zod-validator.js';");
  });

  it("exports what the packages' modules do", async () => {
    const [mine, other] = await Promise.all([
      import(pathToFileURL(join(root, 'src', 'generated', 'hono-validator.js')).href),
      import(pathToFileURL(honoPath).href),
    ]);
    expect(Object.keys(mine)).toEqual(Object.keys(other));
    const [zMine, zOther] = await Promise.all([
      import(pathToFileURL(join(root, 'src', 'generated', 'zod-validator.js')).href),
      import(pathToFileURL(zodPath).href),
    ]);
    expect(Object.keys(zMine)).toEqual(Object.keys(zOther));
  });

  it("zValidator parses synchronously: the app's schemas have no asynchronous part, for which safeParse and safeParseAsync agree", async () => {
    // An asynchronous refinement, check, transform or preprocess is the only way a schema needs safeParseAsync.
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/'))) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(
        /\b(refine|superRefine|check|transform|overwrite|custom|preprocess|pipe)\(\s*(async\b|[^)]*\)\s*=>\s*\{?\s*await\b)/,
      );
    }
    const schema = z.object({
      a: z.pipe(
        z.string(),
        z.transform((value) => value.length),
      ),
    });
    for (const value of [{ a: 'xy' }, { a: 3 }, {}]) expect(schema.safeParse(value)).toEqual(await schema.safeParseAsync(value));
    // An asynchronous schema would fail loudly, not pass unchecked.
    const later = z.pipe(
      z.string(),
      z.transform(async (value) => value),
    );
    expect(() => later.safeParse('x')).toThrow();
  });

  it('no zValidator of the app answers a failed parse itself: each has a hook, or a schema that cannot fail', async () => {
    // TypeScript's checker: every call in src/ of the package's zValidator (src/generated/zod-validator.d.ts
    // gives its types), whatever it is called. Its schema without a hook: an object of fields each
    // caught (orElse, a zod catch: its value for whatever the field fails on), or fieldsThen's
    // transform, which takes no context to raise an issue with; the object is given an object
    // always (the query's or the form's values).
    const ts = (await import('typescript')).default;
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const orElsePath = join(root, 'src', 'contacts', 'or-else.ts');
    const calls: string[] = [];
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: import('typescript').Node): void => {
        const declaration = ts.isCallExpression(node) ? checker.getResolvedSignature(node)?.getDeclaration() : undefined;
        if (ts.isCallExpression(node) && declaration?.getSourceFile().fileName.includes('/node_modules/@hono/zod-validator/')) {
          const where = `${source.fileName}: ${node.getText(source).slice(0, 80)}`;
          const [target, schema, hook] = node.arguments;
          expect(target && ts.isStringLiteral(target) ? target.text : '', where).toMatch(/^(form|query|param)$/);
          if (!schema) throw new Error(where);
          const type = checker.getTypeAtLocation(schema);
          if (hook) calls.push('hook');
          else if (type.getSymbol()?.getName() === 'ZodMiniObject') {
            const [shape] = checker.getTypeArguments(type as import('typescript').TypeReference);
            if (!shape) throw new Error(where);
            const fields = checker.getPropertiesOfType(shape);
            expect(fields.length, where).toBeGreaterThan(0);
            for (const field of fields)
              expect(checker.getTypeOfSymbolAtLocation(field, schema).getSymbol()?.getName(), `${where} ${field.getName()}`).toBe(
                'ZodMiniCatch',
              );
            calls.push('caught fields');
          } else {
            // fieldsThen(…), or-else.ts's.
            const made = ts.isCallExpression(schema) ? checker.getResolvedSignature(schema)?.getDeclaration() : undefined;
            expect(made?.getSourceFile().fileName, where).toBe(orElsePath);
            expect(made && ts.isVariableDeclaration(made.parent) ? made.parent.name.getText() : '', where).toBe('fieldsThen');
            calls.push('fieldsThen');
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(calls.sort()).toEqual([
      'caught fields',
      'caught fields',
      'caught fields',
      'fieldsThen',
      'fieldsThen',
      'fieldsThen',
      'fieldsThen',
      'hook',
    ]);
    // orElse is a zod catch; fieldsThen a transform whose function takes the fields alone.
    const orElseText = read(orElsePath);
    expect(orElseText).toContain("new z.ZodMiniCatch({ type: 'catch', innerType, catchValue: () => value }) as z.ZodMiniCatch<T>;");
    expect(orElseText).toContain(
      "z.transform((sent: unknown) => then(Object.fromEntries(Object.entries(sent as object).filter(([key]) => key !== '__proto__'))));",
    );
    // A catch answers its value for any input, an object of catches any object, and such a transform any object.
    const { fieldsThen, orElse } = await import('../../src/contacts/or-else');
    const object = z.object({ a: orElse(z.string().check(z.minLength(3)), 'x'), b: orElse(z.optional(z.array(z.string())), undefined) });
    const transform = fieldsThen((fields) => Object.keys(fields));
    for (const value of [{}, { a: 'y' }, { a: ['1', '2'], b: 'z' }, { b: ['q'] }, Object.create(null), { __proto__: { a: 1 } }]) {
      expect(object.safeParse(value).success, JSON.stringify(value)).toBe(true);
      expect(transform.safeParse(value).success, JSON.stringify(value)).toBe(true);
    }
  });
});
