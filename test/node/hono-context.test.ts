// hono's request context and request as the Worker's bundle has them (src/generated/hono-context.js
// and hono-request.js, written by scripts/lib/hono-context.mjs from the installed hono, reached
// through src/views/jsx-no-context.ts, wrangler.toml's [alias] "./context.js"): hono's modules,
// member for member, but for the context's render(), setRenderer(), setLayout(), getLayout(),
// event, notFound() and newResponse() (its redirect() calls the private #newResponse) and the request's bytes(), blob(), json(), text(), formData(), matchedRoutes
// and routePath, with their imports from the
// same files (or the stand-in another alias names); and the app calls none of them. The Workers
// tests (vitest.config.ts applies the same aliases), the e2e suite and the bench run through them.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_EDITS,
  CONTEXT_FIELDS_LEFT_OUT,
  CONTEXT_IMPORTS,
  CONTEXT_LEFT_OUT,
  NEW_RESPONSE_ARGS,
  PARAM_STASH_EDITS,
  REQUEST_EDITS,
  REQUEST_IMPORTS,
  REQUEST_LEFT_OUT,
  trimHonoContext,
  trimHonoRequest,
} from '../../scripts/lib/hono-context.mjs';
import * as stand from '../../src/views/jsx-no-context';
import { shape } from './class-shape';
import { appProgram, root, sourceCode, sources } from './drizzle-files';

const dist = join(root, 'node_modules', 'hono', 'dist');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const files = {
  context: {
    originalPath: join(dist, 'context.js'),
    generatedPath: join(root, 'src', 'generated', 'hono-context.js'),
    trim: trimHonoContext,
    leftOut: [...CONTEXT_LEFT_OUT, ...CONTEXT_FIELDS_LEFT_OUT],
    imports: CONTEXT_IMPORTS,
  },
  request: {
    originalPath: join(dist, 'request.js'),
    generatedPath: join(root, 'src', 'generated', 'hono-request.js'),
    trim: trimHonoRequest,
    // (And the parameter stash's reader, PARAM_STASH_EDITS' last text: the whole member.)
    leftOut: [...REQUEST_LEFT_OUT, '#getParamValue'],
    imports: REQUEST_IMPORTS,
  },
};

describe('src/generated/hono-context.js and hono-request.js, in place of hono/dist/context.js and request.js in the bundle', () => {
  it('the context is what the alias "./context.js" gives hono-base, and only hono\u2019s context module imports its request', async () => {
    expect(toml()).toContain('"./context.js" = "./src/views/jsx-no-context.ts"');
    const generated = await import(pathToFileURL(files.context.generatedPath).href);
    expect(stand.Context).toBe(generated.Context);
    expect(stand.TEXT_PLAIN).toBe(generated.TEXT_PLAIN);
    const importers = (readdirSync(dist, { recursive: true }) as string[])
      .filter(
        (file) =>
          file.endsWith('.js') && !file.startsWith('cjs') && /from "\.\.?\/request\.js"/.test(readFileSync(join(dist, file), 'utf8')),
      )
      .sort();
    expect(importers).toEqual(['context.js']);
  });

  for (const [name, file] of Object.entries(files)) {
    const original = () => readFileSync(file.originalPath, 'utf8');
    const generated = () => readFileSync(file.generatedPath, 'utf8');

    it(`${name}: is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for`, () => {
      expect(generated()).toBe(file.trim(original()));
      const first = file.leftOut.find((member) => !member.startsWith('#')) ?? '';
      expect(() => file.trim(original().replace(new RegExp(`\\t(get )?${first}(\\(| = )`), `\t$1${first}2$2`))).toThrow(
        new RegExp(`has 0 members ${first}`),
      );
      expect(() => file.trim(`import { x } from "./other.js";\n${original()}`)).toThrow(/other imports than expected/);
    });

    it(`${name}: is hono's module member for member but for those left out, and exports what hono's does`, async () => {
      const before = shape(original().replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
      const after = shape(generated());
      expect([...before.members.keys()].filter((member) => !after.members.has(member)).sort()).toEqual([...file.leftOut].sort());
      for (const [member, text] of after.members) {
        let theirs = before.members.get(member) ?? '';
        for (const edit of name === 'context' ? CONTEXT_EDITS : [...REQUEST_EDITS, ...PARAM_STASH_EDITS])
          if (edit.member === member) theirs = theirs.replace(edit.from, edit.to);
        expect(text, member).toBe(theirs);
      }
      expect(after.statements).toEqual(before.statements);
      const ours = await import(pathToFileURL(file.generatedPath).href);
      const hono = await import(pathToFileURL(file.originalPath).href);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(hono).sort());
    });

    it(`${name}: imports from the same files as hono, or the stand-in wrangler.toml names for one, only names it uses`, () => {
      const generatedUrl = pathToFileURL(file.generatedPath);
      const imports = [...original().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)];
      expect(imports.map(([, , from]) => from).sort()).toEqual(Object.keys(file.imports).sort());
      for (const [from, to] of Object.entries(file.imports)) {
        if (from === './request.js') {
          expect(to).toBe('./hono-request.js');
          continue;
        }
        const alias = new RegExp(`^"${from.replace(/\./g, '\\.')}" = "\\./([^"]+)"$`, 'm').exec(toml())?.[1];
        if (alias) {
          // A module wrangler.toml puts in place of hono's: the generated file takes the same one.
          expect(realpathSync(join(dirname(file.generatedPath), `${to}.ts`)), from).toBe(realpathSync(join(root, alias)));
          continue;
        }
        const target = fileURLToPath(new URL(to, generatedUrl));
        expect(realpathSync(target), from).toBe(realpathSync(fileURLToPath(new URL(from, pathToFileURL(file.originalPath)))));
      }
      for (const [, names = '', to = ''] of generated().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)) {
        const from = Object.entries(file.imports).find(([, target]) => target === to)?.[0] ?? '';
        const theirs = imports.find(([, , f]) => f === from)?.[1] ?? '';
        for (const imported of names.split(',')) expect(theirs.split(',').map((n) => n.trim())).toContain(imported.trim());
      }
    });
  }

  it("gives the request's ExecutionContext as hono's does, and every context of the bundle has one: the Worker hands its ctx to app.fetch()", async () => {
    const ours = await import(pathToFileURL(files.context.generatedPath).href);
    const hono = await import(pathToFileURL(files.context.originalPath).href);
    const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} };
    for (const Context of [ours.Context, hono.Context])
      expect(new Context(new Request('https://example.com/'), { executionCtx: ctx }).executionCtx).toBe(ctx);
    // Without one hono's getter throws, ours gives undefined: no context of the bundle is made without one.
    expect(() => new hono.Context(new Request('https://example.com/')).executionCtx).toThrow(/no ExecutionContext/);
    expect(new ours.Context(new Request('https://example.com/')).executionCtx).toBeUndefined();
    expect(sourceCode('src/worker.ts')).toMatch(
      /fetch\(request: Request, env: Bindings, ctx: ExecutionContext\) \{\n\s+return appFor\(env, devRoutes\)\.fetch\(request, env, ctx\);/,
    );
    // hono-base makes a request's context with the executionCtx its fetch() was given, and nothing else of the bundle makes one.
    expect(readFileSync(join(root, 'src', 'generated', 'hono-base.js'), 'utf8')).toMatch(/new Context\(request, \{[^}]*executionCtx[,\s]/);
    const readers = sources('src').filter((file) => /\.executionCtx\b/.test(sourceCode(file)));
    expect(readers).toEqual(['src/contacts/pages.tsx']);
    for (const file of sources('src')) expect(sourceCode(file), file).not.toMatch(/new Context\(/);
  });

  it('a context of it answers as hono\u2019s does, without the members left out', async () => {
    const ours = await import(pathToFileURL(files.context.generatedPath).href);
    const hono = await import(pathToFileURL(files.context.originalPath).href);
    for (const Context of [ours.Context, hono.Context]) {
      const c = new Context(new Request('https://example.com/a?q=1', { method: 'POST', body: 'x=1' }));
      c.header('X-Test', 'yes');
      const response = c.text('ok', 201);
      expect(response.status).toBe(201);
      expect(response.headers.get('X-Test')).toBe('yes');
      expect(await response.text()).toBe('ok');
      expect(c.req.query('q')).toBe('1');
      expect(new TextDecoder().decode(await c.req.arrayBuffer())).toBe('x=1');
    }
    // c.redirect() answers through the private #newResponse, as c.newResponse() (left out) did for it.
    const redirects = async (Context: typeof hono.Context) =>
      Promise.all(
        [
          ['/a?b=c', 303],
          ['/ä ö', undefined],
          ['https://example.com/x', 302],
        ].map(async ([location, status]) => {
          const c = new Context(new Request('https://example.com/'));
          c.header('Set-Cookie', 'a=1', { append: true });
          const response = c.redirect(String(location), status as 302 | 303 | undefined);
          return [response.status, [...response.headers], await response.text()];
        }),
      );
    expect(await redirects(ours.Context)).toEqual(await redirects(hono.Context));
    const c = new ours.Context(new Request('https://example.com/'));
    for (const member of CONTEXT_LEFT_OUT) expect(member in c, member).toBe(false);
    for (const member of REQUEST_LEFT_OUT) expect(member in c.req, member).toBe(false);
    const theirs = new hono.Context(new Request('https://example.com/'));
    for (const member of CONTEXT_LEFT_OUT) expect(member in theirs, member).toBe(true);
    for (const member of REQUEST_LEFT_OUT) expect(member in theirs.req, member).toBe(true);
  });

  it("an answer's headers are hono's, for any headers of strings given beside an answer's status and a context's own (#newResponse without its shortcut for one header, a ResponseInit and a header's list of values)", async () => {
    const ours = await import(pathToFileURL(files.context.generatedPath).href);
    const hono = await import(pathToFileURL(files.context.originalPath).href);
    const headerSets = [
      undefined,
      {},
      { 'X-One': 'a' },
      { 'content-type': 'text/csv; charset=utf-8' },
      { 'X-One': 'a', 'X-Two': 'b' },
      { 'Set-Cookie': 'a=1' },
      { 'WWW-Authenticate': 'Bearer', 'X-Two': 'b' },
      { 'X-One': ' padded ' },
    ];
    const args = [undefined, 201, 409, 303];
    const befores = [
      (_c: unknown) => {},
      (c: { header: (name: string, value: string, options?: { append?: boolean }) => void }) =>
        c.header('Set-Cookie', 'z=9', { append: true }),
      (c: { res: Response }) => {
        c.res = new Response('earlier', { headers: { 'X-Earlier': 'e' } });
      },
    ];
    type Answering = { [method: string]: (...a: unknown[]) => Response | Promise<Response> };
    const answers = async (Context: new (request: Request) => Answering) => {
      const all: unknown[] = [];
      for (const method of ['body', 'text', 'json', 'html'])
        for (const headers of headerSets)
          for (const arg of args)
            for (const before of befores) {
              const c = new Context(new Request('https://example.com/'));
              before(c as never);
              const response = await c[method]?.(method === 'json' ? { a: 1 } : 'x', arg, headers);
              if (!response) throw new Error(method);
              all.push([method, response.status, [...(response.headers as unknown as Iterable<[string, string]>)], await response.text()]);
            }
      return all;
    };
    expect(await answers(ours.Context)).toEqual(await answers(hono.Context));
    // What the bundle gives them: every call of src/ of an answer of a context (read with TypeScript's
    // checker: a receiver with hono's context's members), its status a number or none, its headers
    // an object literal of strings.
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const calls: string[] = [];
    // A number, or a union of numbers (a status code's type), or none.
    const numeric = (type: ts.Type): boolean =>
      type.isUnion() ? type.types.every(numeric) : (type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.Undefined)) !== 0;
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          NEW_RESPONSE_ARGS.includes(node.expression.name.text)
        ) {
          const receiver = checker.getTypeAtLocation(node.expression.expression);
          if (['req', 'header', 'finalized', 'executionCtx'].every((member) => receiver.getProperty(member))) {
            const [, arg, headers] = node.arguments;
            const text = node.getText(source);
            calls.push(text);
            if (arg) expect(numeric(checker.getTypeAtLocation(arg)), text).toBe(true);
            if (headers) {
              expect(ts.isObjectLiteralExpression(headers), text).toBe(true);
              for (const property of (headers as ts.ObjectLiteralExpression).properties) {
                expect(ts.isPropertyAssignment(property), text).toBe(true);
                if (ts.isPropertyAssignment(property))
                  expect(checker.getTypeAtLocation(property.initializer).flags & ts.TypeFlags.StringLike, text).not.toBe(0);
              }
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.some((call) => call.startsWith('c.json('))).toBe(true);
  });

  it('c.html() answers as hono\u2019s does for a string, an escaped string, a JSX node (also with a component), and the app hands it a JSX node or layout()\u2019s html`` only', async () => {
    const ours = await import(pathToFileURL(files.context.generatedPath).href);
    const hono = await import(pathToFileURL(files.context.originalPath).href);
    const { html, raw } = await import('hono/html');
    const { JSXNode, jsx } = await import(pathToFileURL(join(root, 'src', 'generated', 'jsx-base.js')).href);
    // (A component that is not async: the bundle's renderer throws for a promise, test/node/jsx-base.test.ts.)
    const Now = ({ text }: { text: string }) => new JSXNode('b', {}, [text]);
    const bodies = () => [
      'Müller & <Söhne>',
      raw('<p>fett</p>'),
      new JSXNode('p', { class: 'a&b' }, ['Kontakt & mehr', new JSXNode('br', {}, [])]),
      new JSXNode('div', {}, [jsx(Now, { text: 'später <x>' })]),
      html`<main>${new JSXNode('div', {}, [jsx(Now, { text: 'a' })])}${'<b>'}</main>`,
    ];
    const answers = async (Context: new (request: Request) => { html: (body: unknown, status?: number) => Response | Promise<Response> }) =>
      Promise.all(
        bodies().map(async (body) => {
          const response = await new Context(new Request('https://example.com/')).html(body, 201);
          return [response.status, response.headers.get('Content-Type'), await response.text()];
        }),
      );
    expect(await answers(ours.Context)).toEqual(await answers(hono.Context));
    // Never a promise (the bundle's hono/jsx and hono/html throw where hono's would wait for one:
    // render-sync.test.ts): the app's every c.html() is src/views/render.tsx's, of a fragment or a page.
    const callers = sources('src').filter((file) => /\.html\(/.test(sourceCode(file)));
    expect(callers).toEqual(['src/views/render.tsx']);
    expect(sourceCode('src/views/render.tsx').match(/\bc\.html\([^,]*/g)).toEqual([
      'c.html(<>{body}</>',
      'c.html(<>{view.body}</>',
      "c.html(layout(c.get('shell')",
    ]);
  });

  it('nothing in the bundle attaches callbacks to an escaped string (c.html() resolves it without them)', () => {
    // hono's Suspense and ErrorBoundary, its streaming and css helpers attach them, and its hoisting
    // components and render contexts (stand-ins in the bundle: jsx-plain.ts, jsx-no-context.ts);
    // bundle.test.ts checks that none of hono's modules of them is in the bundle.
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/from 'hono\/(css|jsx\/streaming)'|\b(Suspense|ErrorBoundary)\b/);
      const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && node.expression.getText(source) === 'raw') expect(node.arguments.length, file).toBe(1);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  });

  it("the request's edits only leave out: its body cache's branch for a kind of body other than the one cached, and header() without a name", () => {
    const original = readFileSync(files.request.originalPath, 'utf8');
    for (const { member, from, to } of REQUEST_EDITS) {
      expect(original.split(from).length - 1, member).toBe(1);
      // What stays is hono's lines (the header's one line is its first line's return, its `if` dropped).
      const lines = from.split('\n');
      for (const line of to.split('\n').filter(Boolean))
        expect(
          lines.some((their) => their === line || their.replace(/^(\t+)if \(name\) /, '$1') === line),
          `${member}: ${line}`,
        ).toBe(true);
    }
    const generated = readFileSync(files.request.generatedPath, 'utf8');
    expect(generated).not.toMatch(/anyCachedKey|headerData/);
  });

  it('asks the body cache only for an arrayBuffer, which is cached before anything else is, and asks for each header by its name', () => {
    const request = readFileSync(files.request.generatedPath, 'utf8');
    // The request's own readers of its cache: arrayBuffer() alone (json(), text(), formData(), blob(), bytes() are left out).
    expect(request.match(/this\.#cachedBody\([^)]*\)/g)).toEqual(['this.#cachedBody("arrayBuffer")']);
    // (cloneRawRequest reads the cache too: hono's helper, which the bundle leaves out, test/node/bundle.test.ts.)
    // What else names the cache, in the app and the bundle's generated modules: hono's validator and
    // the app's form reader, each caching a form made of the arrayBuffer it read through the cache first.
    const users = [...sources('src'), ...readdirSync(join(root, 'src', 'generated')).map((file) => `src/generated/${file}`)]
      .filter((file) => !file.startsWith('src/dev/') && file !== 'src/generated/hono-request.js' && /\.[jt]sx?$/.test(file))
      .filter((file) => readFileSync(join(root, file), 'utf8').includes('bodyCache'));
    expect(users.sort()).toEqual(['src/form-body.ts', 'src/generated/hono-validator.js']);
    const formBody = readFileSync(join(root, 'src', 'form-body.ts'), 'utf8');
    expect(formBody.match(/\bcache\.\w+/g)).toEqual(['cache.formData', 'cache.formData']);
    expect(formBody).toContain('cache.formData ??= bufferToFormData(await request.arrayBuffer(), type);');
    const validator = readFileSync(join(root, 'src', 'generated', 'hono-validator.js'), 'utf8');
    expect(validator.match(/bodyCache\.\w+( = )?/g)).toEqual(['bodyCache.formData', 'bodyCache.formData', 'bodyCache.formData = ']);
    expect(validator).toMatch(
      /const arrayBuffer = await c\.req\.arrayBuffer\(\);\n\t+formData = await bufferToFormData\(arrayBuffer, contentType\);\n\t+c\.req\.bodyCache\.formData = formData;/,
    );
    // header(): the app's calls and the generated modules' each name a header (a string literal).
    for (const file of [...sources('src'), ...readdirSync(join(root, 'src', 'generated')).map((f) => `src/generated/${f}`)]) {
      // (The generated request's own cloneRawRequest, below.)
      if (file.startsWith('src/dev/') || file === 'src/generated/hono-request.js' || !/\.[jt]sx?$/.test(file)) continue;
      const text = sourceCode(file);
      for (const [call] of text.matchAll(/\breq\.header\([^)]*\)/g)) expect(call, file).toMatch(/^req\.header\((['"])[\w-]+\1\)$/);
    }
    // hono's own modules that call it without a name: its request (cloneRawRequest), its validator's
    // 'header' target and its proxy helper, none of them in the bundle (bundle.test.ts).
    const honoCalls = (readdirSync(dist, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js') && !file.startsWith('cjs'))
      // (A call's receiver right before the dot: hono's comments write \`.header()\` in backticks.)
      .filter((file) => /[\w\])]\.header\(\)/.test(readFileSync(join(dist, file), 'utf8')))
      .sort();
    expect(honoCalls).toEqual(['helper/proxy/index.js', 'request.js', 'validator/validator.js']);
    // (hono's cloneRawRequest, which asks for all headers, is exported by the generated request too, and
    // imported by nothing: the generated context takes its HonoRequest alone, and no module of the app takes either.)
    expect(readFileSync(files.context.generatedPath, 'utf8')).toContain('import { HonoRequest } from "./hono-request.js";');
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/cloneRawRequest|hono-request/);
  });

  it("reads a path parameter as the match of hono/tiny's PatternRouter gives it, the only router of the app and the mover: without a parameter stash", async () => {
    const original = readFileSync(files.request.originalPath, 'utf8');
    const generated = readFileSync(files.request.generatedPath, 'utf8');
    for (const { member, from } of PARAM_STASH_EDITS) expect(original.split(from).length - 1, member).toBe(1);
    // A parameter's value is its key's match, where hono's asked #getParamValue, which goes.
    expect(
      PARAM_STASH_EDITS.map(({ member, from, to }) => [member, from.replace(/\bthis\.#getParamValue\((\w+|.*\])\)/, '$1'), to]),
    ).toEqual([
      [
        '#getDecodedParam',
        '\t\tconst paramKey = this.#matchResult[0][this.routeIndex]?.[1][key];\n\t\tconst param = paramKey;\n',
        '\t\tconst param = this.#matchResult[0][this.routeIndex]?.[1][key];\n',
      ],
      [
        '#getAllDecodedParams',
        'const value = this.#matchResult[0][this.routeIndex][1][key];',
        'const value = this.#matchResult[0][this.routeIndex][1][key];',
      ],
      [
        '#getParamValue',
        '\t#getParamValue(paramKey) {\n\t\treturn this.#matchResult[1] ? this.#matchResult[1][paramKey] : paramKey;\n\t}\n',
        '',
      ],
    ]);
    expect(generated).not.toMatch(/getParamValue|#matchResult\[1\]/);
    // Every app of the project is hono/tiny's Hono (its router a PatternRouter), and the one router set
    // after it is the app's memo of that router (src/memo-router.ts), which hands on the inner match.
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      if (/\bnew Hono\b/.test(text)) expect(text, file).toMatch(/^import \{ Hono \} from 'hono\/tiny';$/m);
      // (Types of hono's are no router: `import type`.)
      expect(text, file).not.toMatch(/^import (?!type )[^;]* from 'hono(\/quick|\/router\/(reg-exp|linear|trie|smart)[\w/-]*)?';$/m);
      // (No app is given a router: hono/tiny's sets its own; src/security/method-not-allowed.ts makes a PatternRouter of its own.)
      for (const [, options] of text.matchAll(/\bnew Hono(?:<[^>]*>)?\(([^)]*)\)/g))
        expect(['', '{ strict: false }'], file).toContain(options);
      for (const [set] of text.matchAll(/\.router = [^;]*;/g)) expect(set, file).toBe('.router = memoRouter(app.router);');
    }
    const { Hono } = await import('hono/tiny');
    const { PatternRouter } = await import('hono/router/pattern-router');
    const { memoRouter } = await import('../../src/memo-router');
    expect(new Hono().router).toBeInstanceOf(PatternRouter);
    // Its matches, memoised or not, are one list: the handlers with their parameters by name.
    const router = memoRouter(new PatternRouter<string>());
    router.add('GET', '/assets/:assetId/contacts/:contactId', 'contact');
    router.add('ALL', '/assets/:assetId/*', 'asset');
    router.add('GET', '/contacts/:contactId/history/:version{[1-9][0-9]{0,8}}/restore', 'revert');
    const hono = await import(pathToFileURL(files.request.originalPath).href);
    const ours = await import(pathToFileURL(files.request.generatedPath).href);
    for (const path of [
      '/assets/a%20b/contacts/c1',
      '/assets/x/contacts/%E2%82%AC',
      '/contacts/c/history/12/restore',
      '/none',
      '/assets/%zz/contacts/y',
    ]) {
      for (const match of [router.match('GET', path), router.match('GET', path)]) {
        expect(match).toHaveLength(1);
        for (const index of match[0].keys()) {
          const request = new Request(`https://example.com${path}`);
          const [theirs, mine] = [new hono.HonoRequest(request, path, match), new ours.HonoRequest(request, path, match)];
          theirs.routeIndex = mine.routeIndex = index;
          expect(mine.param(), path).toEqual(theirs.param());
          for (const key of ['assetId', 'contactId', 'version', 'other']) expect(mine.param(key), `${path} ${key}`).toBe(theirs.param(key));
        }
      }
    }
  });

  it('leaves out only what the app never calls', () => {
    for (const file of sources('src')) {
      const text = sourceCode(file);
      expect(text, file).not.toMatch(/\.(render|setRenderer|setLayout|getLayout|newResponse|status)\(|\bc\.event\b|hono\/jsx-renderer/);
      expect(text, file).not.toMatch(/\.req\.(bytes|blob)\(|\.req\.(matchedRoutes|routePath)\b/);
      // (A context's c.notFound(); an app's own handler, app.notFound() and mover.notFound(), is hono-base's: test/node/hono-base.test.ts.)
      expect(text, file).not.toMatch(/\.req\.(json|text|formData)\(|(?<!\b(?:app|mover))\.notFound\(/);
      // hono's validator calls c.req.json() for the target 'json' only: the app's validators take forms, queries and parameters.
      for (const [, target] of text.matchAll(/\b(?:zValidator|validator)\(\s*'(\w+)'/g))
        expect(['form', 'query', 'param'], file).toContain(target);
      expect(text, file).not.toMatch(/\b(?:zValidator|validator)\(\s*[^'\s]/);
    }
    // Nor does a generated module the bundle takes in place of hono's call c.newResponse() (hono's own
    // hono-base.js does in its default error handler, which src/generated/hono-base.js leaves out).
    for (const file of readdirSync(join(root, 'src', 'generated')).filter((name) => name.endsWith('.js')))
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8'), file).not.toMatch(/\.newResponse\(/);
    // Nor c.status(), which only the context itself defined: no module of the bundle calls it.
    for (const file of [
      ...sources('src'),
      ...readdirSync(join(dist), { recursive: true }).map((name) => `node_modules/hono/dist/${name}`),
    ].filter(
      (name) => name.endsWith('.js') && !name.includes('/cjs/') && !name.endsWith('/context.js') && !name.endsWith('hono-context.js'),
    ))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/\bc\.status\(|\.status\((?!\))/);
    // hono's route helpers, which the request log uses, read the match themselves.
    const route = readFileSync(join(dist, 'helper', 'route', 'index.js'), 'utf8');
    expect(route).toContain('c.req[GET_MATCH_RESULT]');
    expect(route).not.toMatch(/req\.(matchedRoutes|routePath)\b/);
  });
});
