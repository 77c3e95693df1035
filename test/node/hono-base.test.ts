// hono's app class as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/hono-base.js, written by scripts/lib/hono-base.mjs from the installed hono): the
// alias names exactly the imports by which hono's presets reach it; the module is hono's, member
// for member, but for app.mount(), app.fire() and app.request(), with its imports from the same
// files (or the stand-in another alias names); and the app calls none of them. The Workers tests (vitest.config.ts
// applies the same aliases; test/bundle-aliases.test.ts), the e2e suite and the bench run through
// it; bundle.test.ts checks mount()'s and fire()'s code gone.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ERROR_HANDLER,
  DEFAULT_NOT_FOUND,
  EDITS,
  IMPORTS,
  LEFT_OUT,
  ROUTE_EDITS,
  SINGLE_HANDLER,
  trimHonoBase,
  VERB_METHODS,
} from '../../scripts/lib/hono-base.mjs';
import { shape } from './class-shape';
import { appProgram, esmOf, root, sourceCode, sources } from './drizzle-files';

const dist = join(root, 'node_modules', 'hono', 'dist');
const originalPath = join(dist, 'hono-base.js');
const generatedPath = join(root, 'src', 'generated', 'hono-base.js');
const original = () => readFileSync(originalPath, 'utf8');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');

describe('src/generated/hono-base.js, in place of hono/dist/hono-base.js in the bundle', () => {
  it("wrangler.toml aliases the texts by which hono's modules import it, and no other bundled package imports those texts", () => {
    expect(toml()).toContain('"../hono-base.js" = "./src/generated/hono-base.js"');
    expect(toml()).toContain('"./hono-base.js" = "./src/generated/hono-base.js"');
    const importers = ['hono/dist', 'zod', 'drizzle-orm', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => /from "\.\.?\/hono-base\.js"/.test(readFileSync(join(root, 'node_modules', file), 'utf8')))
      .sort();
    expect(importers).toEqual(['hono/dist/hono.js', 'hono/dist/preset/quick.js', 'hono/dist/preset/tiny.js']);
    // The app's Hono is hono/tiny's, which extends it.
    expect(readFileSync(join(dist, 'preset', 'tiny.js'), 'utf8')).toContain('import { HonoBase as Hono$1 } from "../hono-base.js";');
  });

  it('is what scripts/fingerprint.mjs writes from the installed hono (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimHonoBase(original()));
    expect(() => trimHonoBase(original().replace('\tmount(path, applicationHandler, options) {', '\tmount2(path) {'))).toThrow(
      /has 0 members mount/,
    );
    expect(() => trimHonoBase(`import { x } from "./other.js";\n${original()}`)).toThrow(/other imports than expected/);
  });

  it("is hono's module member for member but for mount(), fire() and request() and the texts replaced, and exports what hono's does", async () => {
    // (Each text replaced is found once in hono's, and what takes its place throws the same Error with a shorter message.)
    let theirs = original().replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    for (const { from, to } of EDITS) {
      expect(theirs.split(from)).toHaveLength(2);
      expect(to).toMatch(/^throw new Error\("[^"]+"\);$/);
      expect(from.startsWith(to.slice(0, -3))).toBe(true);
      theirs = theirs.replace(from, () => to);
    }
    // (And route()'s wrapping of a sub-application's own error handler, held by the test below.)
    for (const { from, to } of [...ROUTE_EDITS, DEFAULT_ERROR_HANDLER, ...DEFAULT_NOT_FOUND, SINGLE_HANDLER, ...VERB_METHODS]) {
      expect(theirs.split(from)).toHaveLength(2);
      theirs = theirs.replace(from, () => to);
    }
    const before = shape(theirs);
    const after = shape(generated());
    expect([...before.members.keys()].filter((name) => !after.members.has(name)).sort()).toEqual([...LEFT_OUT].sort());
    for (const [name, text] of after.members) expect(text, name).toBe(before.members.get(name));
    expect(after.statements).toEqual(before.statements);
    const ours = await import(pathToFileURL(generatedPath).href);
    const hono = await import(pathToFileURL(originalPath).href);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(hono).sort());
    // An app of it routes as hono's does; it has no mount(), no fire() and no request().
    for (const Base of [ours.HonoBase, hono.HonoBase]) expect(typeof Base.prototype.route).toBe('function');
    expect('mount' in ours.HonoBase.prototype).toBe(false);
    expect('mount' in hono.HonoBase.prototype).toBe(true);
    expect(['fire', 'request'].filter((name) => name in new ours.HonoBase())).toEqual([]);
    expect(['fire', 'request'].filter((name) => name in new hono.HonoBase())).toEqual(['fire', 'request']);
  });

  it("routes a sub-application's routes as hono does, without the wrapping only a sub-application's own error handler needs: none of the app's has one", async () => {
    // route()'s one edit: its branch for a sub-application whose errorHandler is not hono's default.
    expect(ROUTE_EDITS).toHaveLength(1);
    const [{ from, to } = { from: '', to: '' }] = ROUTE_EDITS;
    expect(original().split(from)).toHaveLength(2);
    expect(from).toContain('if (app.errorHandler === errorHandler) handler = r.handler;');
    expect(to).toBe(
      '\t\t\tif (app.errorHandler !== errorHandler) throw new Error("not part of this build");\n\t\t\tsubApp.#addRoute(r.method, r.path, r.handler, r.basePath);',
    );
    // The app's only onError is the app's own (src/app.tsx: the app made there, whose sub-applications
    // it routes); the mover (src/mover/index.ts) is a Worker of its own and routes none.
    const setters = sources('src').filter((file) => /\.onError\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(setters.sort()).toEqual(['src/app.tsx', 'src/mover/index.ts']);
    const app = readFileSync(join(root, 'src', 'app.tsx'), 'utf8');
    const [, receiver = ''] = /\b(\w+)\.onError\(/.exec(app) ?? [];
    expect(app).toMatch(new RegExp(`const ${receiver} = new Hono\\b`));
    expect(app.match(/\.onError\(/g)).toHaveLength(1);
    expect(readFileSync(join(root, 'src', 'mover', 'index.ts'), 'utf8')).not.toMatch(/\.route\(/);
    // The same routes and answers through both; a sub-application with a handler of its own throws in ours.
    const ours = await import(pathToFileURL(generatedPath).href);
    const hono = await import(pathToFileURL(originalPath).href);
    // (The app's router, hono/tiny's: the bundle's request reads its match's parameters, test/node/hono-context.test.ts.)
    const { PatternRouter } = await import(pathToFileURL(join(dist, 'router', 'pattern-router', 'index.js')).href);
    const answers = async (Base: typeof ours.HonoBase) => {
      const app = new Base({ router: new PatternRouter() });
      const sub = new Base({ router: new PatternRouter() });
      sub.get('/a/:id', (c: { text: (t: string) => Response; req: { param: (n: string) => string } }) => c.text(`a ${c.req.param('id')}`));
      sub.post('/b', () => {
        throw new Error('boom');
      });
      app.onError((_error: Error, c: { text: (t: string, s: number) => Response }) => c.text('app error', 500));
      // (Its own answer to a path without a route, as every app of the project that answers has: the test below.)
      app.notFound((c: { text: (t: string, s: number) => Response }) => c.text('no route', 404));
      app.route('/sub', sub);
      const texts = [];
      for (const [method, path] of [
        ['GET', '/sub/a/1'],
        ['POST', '/sub/b'],
        ['GET', '/sub/c'],
      ]) {
        const response = await app.fetch(new Request(`http://x${path}`, { method }));
        texts.push(`${response.status} ${await response.text()}`);
      }
      return { texts, routes: app.routes.map((r: { method: string; path: string }) => `${r.method} ${r.path}`) };
    };
    expect(await answers(ours.HonoBase)).toEqual(await answers(hono.HonoBase));
    const withHandler = (Base: typeof ours.HonoBase) => {
      const sub = new Base({ router: new PatternRouter() });
      sub.get('/', (c: { text: (t: string) => Response }) => c.text('x'));
      sub.onError((_error: Error, c: { text: (t: string) => Response }) => c.text('sub error'));
      return () => new Base({ router: new PatternRouter() }).route('/sub', sub);
    };
    expect(withHandler(ours.HonoBase)).toThrow('not part of this build');
    expect(withHandler(hono.HonoBase)).not.toThrow();
  });

  it('imports from the same files as hono, or the stand-in wrangler.toml names for one, only names it uses', () => {
    const generatedUrl = pathToFileURL(generatedPath);
    const imports = [...original().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)];
    expect(imports.map(([, , from]) => from).sort()).toEqual(Object.keys(IMPORTS).sort());
    for (const [from, to] of Object.entries(IMPORTS)) {
      const alias = new RegExp(`^"${from.replace(/\./g, '\\.')}" = "\\./([^"]+)"$`, 'm').exec(toml())?.[1];
      if (alias) {
        // A module wrangler.toml puts in place of hono's: the generated file takes the same one.
        expect(realpathSync(join(dirname(generatedPath), `${to}.ts`)), from).toBe(realpathSync(join(root, alias)));
        continue;
      }
      const target = fileURLToPath(new URL(to, generatedUrl));
      expect(realpathSync(target), from).toBe(realpathSync(fileURLToPath(new URL(from, pathToFileURL(originalPath)))));
    }
    for (const [, names = '', to = ''] of generated().matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)) {
      const from = Object.entries(IMPORTS).find(([, target]) => target === to)?.[0] ?? '';
      const theirs = imports.find(([, , f]) => f === from)?.[1] ?? '';
      for (const name of names.split(',')) expect(theirs.split(',').map((n) => n.trim())).toContain(name.trim());
    }
    // Only mount() used hono's route helper and its utils/mount.js.
    expect(generated()).not.toMatch(/routePath|createMountedRequest|utils\/mount\.js|helper\/route/);
    expect(original().split('createMountedRequest(').length - 1).toBe(1);
    expect(original().split('routePath(').length - 1).toBe(1);
  });

  it('leaves out only what the app never calls: it mounts no application of another framework, exports its handlers and is sent Requests', () => {
    for (const file of sources('src')) {
      const text = sourceCode(file);
      expect(text, file).not.toMatch(/\.(mount|fire|request)\(|hono\/mount|hono\/service-worker|hono\/testing/);
    }
    // hono's own callers of app.request(): its testing and static-site helpers, which the app does not import.
    const requesters = (readdirSync(dist, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js') && !file.startsWith('cjs') && file !== 'hono-base.js')
      .filter((file) => /\.request\(/.test(readFileSync(join(dist, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')));
    expect(requesters.sort()).toEqual(['helper/ssg/ssg.js', 'helper/testing/index.js']);
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from 'hono\/(ssg|testing)'/);
    // No hono module of the bundle calls them either (hono/mount and hono/service-worker are their own modules).
    const users = (readdirSync(dist, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js') && !file.startsWith('cjs'))
      // (hono-base.js's own JSDoc shows `app.mount(…)`.)
      .filter((file) => /(?<!this)\.(mount|fire)\(/.test(readFileSync(join(dist, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')));
    expect(users.sort()).toEqual([]);
  });

  it('makes an app the methods of the HTTP methods its routes have, get, post, put, delete and all: no app of the bundle calls options(), patch() or query()', async () => {
    const [fields, methods] = VERB_METHODS;
    expect(original().split(fields?.from ?? 'missing')).toHaveLength(2);
    expect(original().split(methods?.from ?? 'missing')).toHaveLength(2);
    expect(generated()).not.toMatch(/\bMETHODS\b|router\.js/);
    // hono's METHODS: the three left out and the four named.
    const { METHODS } = await import(pathToFileURL(join(dist, 'router.js')).href);
    expect(METHODS).toEqual(['get', 'post', 'put', 'delete', 'options', 'patch', 'query']);
    expect(methods?.to).toBe('["get", "post", "put", "delete", "all"].forEach((method) => {');
    // An app of it has those methods, hono's the three more; both route what they add alike.
    const ours = await import(pathToFileURL(generatedPath).href);
    const hono = await import(pathToFileURL(originalPath).href);
    const { PatternRouter } = await import(pathToFileURL(join(dist, 'router', 'pattern-router', 'index.js')).href);
    const verbs = (app: Record<string, unknown>) => [...METHODS, 'all', 'on', 'use'].filter((name) => typeof app[name] === 'function');
    expect(verbs(new ours.HonoBase({ router: new PatternRouter() }))).toEqual(['get', 'post', 'put', 'delete', 'all', 'on', 'use']);
    expect(verbs(new hono.HonoBase({ router: new PatternRouter() }))).toEqual([...METHODS, 'all', 'on', 'use']);
    for (const name of ['options', 'patch', 'query']) expect(name in new ours.HonoBase({ router: new PatternRouter() }), name).toBe(false);
    const routes = (Base: typeof ours.HonoBase) => {
      const app = new Base({ router: new PatternRouter() });
      const ok = (c: { text: (t: string) => Response }) => c.text('ok');
      app.get('/a', ok).post('/a', ok).put('/b', ok).delete('/b', ok).all('/c', ok).on(['POST', 'PUT'], '/d', ok).use('/e', ok);
      return app.routes.map((r: { method: string; path: string }) => `${r.method} ${r.path}`);
    };
    expect(routes(ours.HonoBase)).toEqual(routes(hono.HonoBase));
    // Every call in src/ of a member of that name, read with TypeScript's checker: none is an app's (a Hono's).
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const calls: string[] = [];
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node) && ['options', 'patch', 'query'].includes(node.name.text)) {
          const receiver = checker.getTypeAtLocation(node.expression);
          const honoLike = ['route', 'basePath', 'onError', 'notFound'].every((member) => receiver.getProperty(member));
          calls.push(`${honoLike ? 'app' : 'other'} ${node.getText(source)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.startsWith('app '))).toEqual([]);
  });

  it("starts an app with an error handler that throws again, in place of hono's default, which no app that answers keeps", async () => {
    const { from, to } = DEFAULT_ERROR_HANDLER;
    expect(original().split(from)).toHaveLength(2);
    expect(generated()).toContain(to);
    expect(generated()).not.toContain('Internal Server Error');
    // Every app that answers a request sets its own: the app (src/app.tsx, on the app it makes and
    // whose fetch the Worker calls, before it returns it) and the mover (src/mover/index.ts, as it
    // loads); the others are the app's sub-applications, whose routes route() adds to the app.
    const makers = sources('src').filter((file) => /\bnew Hono\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(makers.sort()).toEqual([
      'src/app.tsx',
      'src/contacts/routes.tsx',
      'src/dev/login.tsx',
      'src/mover/index.ts',
      'src/platform/routes.ts',
    ]);
    for (const file of ['src/contacts/routes.tsx', 'src/dev/login.tsx', 'src/platform/routes.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      const [, name = ''] = /export const (\w+) = new Hono\b/.exec(text) ?? [];
      expect(name, file).not.toBe('');
      for (const other of sources('src')) expect(readFileSync(join(root, other), 'utf8'), other).not.toContain(`${name}.fetch(`);
      expect(readFileSync(join(root, 'src', 'app.tsx'), 'utf8'), file).toMatch(
        new RegExp(`\\.route\\('[^']+', ${name}\\)|\\.route\\('/dev', devRoutes\\)`),
      );
    }
    const app = readFileSync(join(root, 'src', 'app.tsx'), 'utf8');
    expect(app.indexOf('app.onError(')).toBeGreaterThan(app.indexOf('const app = new Hono'));
    expect(app.indexOf('app.onError(')).toBeLessThan(app.indexOf('return app;'));
    expect(readFileSync(join(root, 'src', 'mover', 'index.ts'), 'utf8')).toMatch(/^mover\.onError\(/m);
    // An app without one (none of the project's) lets the error out of its fetch, which the runtime answers with a 500.
    const ours = await import(pathToFileURL(generatedPath).href);
    const { RegExpRouter } = await import(pathToFileURL(join(dist, 'router', 'reg-exp-router', 'index.js')).href);
    const bare = new ours.HonoBase({ router: new RegExpRouter() });
    bare.get('/x', () => {
      throw new Error('boom');
    });
    await expect(async () => bare.fetch(new Request('http://localhost/x'))).rejects.toThrow('boom');
  });

  it("starts an app with that error handler for a path it has no route for, in place of hono's default 404, which no app that answers keeps", async () => {
    expect(DEFAULT_NOT_FOUND).toEqual([
      { from: 'const notFoundHandler = (c) => {\n\treturn c.text("404 Not Found", 404);\n};\n', to: '' },
      { from: '#notFoundHandler = notFoundHandler;', to: '#notFoundHandler = errorHandler;' },
    ]);
    for (const { from } of DEFAULT_NOT_FOUND) expect(original().split(from)).toHaveLength(2);
    expect(generated()).not.toContain('404 Not Found');
    expect(generated()).not.toMatch(/(?<![#\w])notFoundHandler =/);
    // Every app that answers a request sets its own: the app (src/app.tsx, before it returns it) and
    // the mover (src/mover/index.ts, as it loads, hono's own answer); the others (the app's
    // sub-applications, test above) answer none, and nothing calls a context's c.notFound()
    // (left out: test/node/hono-context.test.ts).
    const setters = sources('src').filter((file) => /\.notFound\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(setters.sort()).toEqual(['src/app.tsx', 'src/mover/index.ts']);
    const app = readFileSync(join(root, 'src', 'app.tsx'), 'utf8');
    expect(app.match(/\.notFound\(/g)).toEqual(['.notFound(']);
    expect(app.indexOf('app.notFound(')).toBeGreaterThan(app.indexOf('const app = new Hono'));
    expect(app.indexOf('app.notFound(')).toBeLessThan(app.indexOf('return app;'));
    const mover = readFileSync(join(root, 'src', 'mover', 'index.ts'), 'utf8');
    expect(mover).toMatch(/^mover\.notFound\(\(c\) => c\.text\('404 Not Found', 404\)\);$/m);
    const ours = await import(pathToFileURL(generatedPath).href);
    const hono = await import(pathToFileURL(originalPath).href);
    const { PatternRouter } = await import(pathToFileURL(join(dist, 'router', 'pattern-router', 'index.js')).href);
    const answer = async (response: Response) => {
      const headers: string[] = [];
      response.headers.forEach((value, name) => {
        headers.push(`${name}: ${value}`);
      });
      return [response.status, headers, await response.text()];
    };
    // The mover's handler answers as hono's default does, with ours as with hono's, for GET and HEAD.
    for (const method of ['GET', 'HEAD', 'POST']) {
      const expected = await answer(
        await new hono.HonoBase({ router: new PatternRouter() }).fetch(new Request('http://x/none', { method })),
      );
      for (const Base of [ours.HonoBase, hono.HonoBase]) {
        const app = new Base({ router: new PatternRouter() });
        app.get('/some', (c: { text: (t: string) => Response }) => c.text('x'));
        app.notFound((c: { text: (t: string, s: number) => Response }) => c.text('404 Not Found', 404));
        expect(await answer(await app.fetch(new Request('http://x/none', { method }))), method).toEqual(expected);
      }
    }
    // An app without one (none of the project's that answers) fails the request: the runtime answers it with a 500.
    const bare = new ours.HonoBase({ router: new PatternRouter() });
    bare.get('/some', (c: { text: (t: string) => Response }) => c.text('x'));
    await expect(async () => bare.fetch(new Request('http://x/none'))).rejects.toBeTruthy();
  });

  it("answers a request that one handler alone matches through compose(), as hono's fast path does for the project's two such handlers", async () => {
    // The fast path, found once in hono's and gone from ours; what follows it (compose()) answers every other request.
    expect(SINGLE_HANDLER.to).toBe('');
    expect(SINGLE_HANDLER.from).toMatch(/^\t\tif \(matchResult\[0\]\.length === 1\) \{\n[\s\S]*\n\t\t\}\n$/);
    expect(original().split(SINGLE_HANDLER.from)).toHaveLength(2);
    expect(original()).toContain(
      `${SINGLE_HANDLER.from}\t\tconst composed = compose(matchResult[0], this.errorHandler, this.#notFoundHandler);`,
    );
    expect(generated()).not.toContain('matchResult[0].length');
    // The app (src/app.tsx): its one handler on the app itself is the shell, which sets the shell's
    // values and awaits next(), returning nothing and touching neither c.res nor c.error; everything
    // else is on root (the basePath() app, or the app itself without BASE_PATH), whose first
    // middleware matches every path of it: so the shell alone matches only a path outside the prefix,
    // and there it is the not-found handler's answer (renderError(c, 404), which reads the shell's
    // values and sets headers: never c.res) or, for what that throws, the error handler's.
    const app = readFileSync(join(root, 'src', 'app.tsx'), 'utf8');
    expect(app.match(/\bapp\.(use|get|post|put|patch|delete|all|on|route|options)\(/g)).toEqual(['app.use(']);
    const shell = /\n {2}app\.use\(async function shell\(c, next\) \{\n([\s\S]*?)\n {2}\}\);\n/.exec(app)?.[1] ?? '';
    expect(shell).toMatch(/\n {4}await next\(\);$/);
    expect(shell).not.toMatch(/\breturn\b|c\.res\b|c\.error\b|throw\b/);
    expect(app.match(/\broot\.(use|get|post|put|patch|delete|all|on|route|options)\(/)?.[0]).toBe('root.use(');
    expect(app).toMatch(/\n {2}root\.use\(requestLog\);\n/);
    expect(app.indexOf('root.use(requestLog);')).toBeLessThan(app.search(/\broot\.(get|post|all|route)\(/));
    expect(app).toContain('\n  app.notFound((c) => renderError(c, 404));\n');
    // The mover (src/mover/index.ts): its one middleware (every path) answers or awaits next(); its
    // routes each add a handler, so it matches alone a path without a route, answered by hono's text.
    const mover = readFileSync(join(root, 'src', 'mover', 'index.ts'), 'utf8');
    expect(mover.match(/\bmover\.use\(/g)).toEqual(['mover.use(']);
    expect(mover).toMatch(
      /\nmover\.use\('\*', async \(c, next\) => \{\n {2}if \([^\n]*\)\n {4}return c\.json\([^\n]*\);\n {2}await next\(\);\n\}\);\n/,
    );
    // The same answers (status, headers, body) through ours as through hono's, or the same failure,
    // for such a handler with every kind of not-found and error handler: one that answers (with
    // headers set before), one that throws an Error (the error handler answers, with headers of its
    // own), one that throws what is no Error, and an error handler that throws in its turn (a request
    // that fails then, through both).
    const ours = await import(pathToFileURL(generatedPath).href);
    const hono = await import(pathToFileURL(originalPath).href);
    const { PatternRouter } = await import(pathToFileURL(join(dist, 'router', 'pattern-router', 'index.js')).href);
    type C = {
      set: (k: string, v: string) => void;
      get: (k: string) => string;
      header: (n: string, v: string, o?: { append: boolean }) => void;
      html: (t: string, s: number) => Response;
      json: (o: unknown, s: number, h?: Record<string, string>) => Response;
      req: { header: (n: string) => string | undefined };
    };
    const outcome = async (
      Base: typeof ours.HonoBase,
      middleware: 'shell' | 'mover',
      notFound: 'answers' | 'throws' | 'throws no Error',
      onError: 'answers' | 'throws',
      request: Request,
    ) => {
      const app = new Base({ router: new PatternRouter() });
      if (middleware === 'shell')
        app.use(async (c: C, next: () => Promise<void>) => {
          c.set('shell', `shell of ${c.req.header('accept-language') ?? 'de'}`);
          await next();
        });
      else
        app.use('*', async (c: C, next: () => Promise<void>) => {
          if (c.req.header('authorization') !== 'Bearer s') return c.json({ error: 'unauthorized' }, 401, { 'WWW-Authenticate': 'Bearer' });
          await next();
        });
      app.get('/prefix/page', (c: C) => c.html('page', 200));
      app.notFound(async (c: C) => {
        c.header('Cache-Control', 'private, no-store');
        c.header('Set-Cookie', 'a=1', { append: true });
        if (notFound === 'throws') throw new Error(`broken ${c.get('shell')}`);
        if (notFound === 'throws no Error') throw `broken ${c.get('shell')}`;
        return c.html(`not found: ${c.get('shell')}`, 404);
      });
      app.onError(async (error: Error, c: C) => {
        if (onError === 'throws') throw new Error(`error handler broken: ${error.message}`);
        c.header('Set-Cookie', 'b=2', { append: true });
        return c.html(`error: ${error.message}`, 500);
      });
      try {
        const response: Response = await app.fetch(request);
        const headers: string[] = [];
        response.headers.forEach((value, name) => {
          headers.push(`${name}: ${value}`);
        });
        return { status: response.status, headers, body: await response.text() };
      } catch {
        // A request whose error handler throws fails (the runtime answers it with a 500) through
        // either: compose() hands the error handler's own error to it once more, as for every other
        // request (the app's, renderError, reads the same context then).
        return { failed: true };
      }
    };
    let cases = 0;
    for (const middleware of ['shell', 'mover'] as const)
      for (const notFound of ['answers', 'throws', 'throws no Error'] as const)
        for (const onError of ['answers', 'throws'] as const)
          for (const method of ['GET', 'HEAD', 'POST'])
            for (const headers of [{}, { 'Accept-Language': 'en', Authorization: 'Bearer s' }] as Record<string, string>[]) {
              const request = () => new Request('http://x/elsewhere', { method, headers });
              const theirs = await outcome(hono.HonoBase, middleware, notFound, onError, request());
              expect(
                await outcome(ours.HonoBase, middleware, notFound, onError, request()),
                JSON.stringify([middleware, notFound, onError, method, headers]),
              ).toEqual(theirs);
              cases++;
            }
    expect(cases).toBe(72);
    // (And a sample of those answers, so that the comparison compares answers.)
    expect(await outcome(ours.HonoBase, 'shell', 'answers', 'answers', new Request('http://x/elsewhere'))).toEqual({
      status: 404,
      headers: ['cache-control: private, no-store', 'content-type: text/html; charset=UTF-8', 'set-cookie: a=1'],
      body: 'not found: shell of de',
    });
    expect(await outcome(ours.HonoBase, 'shell', 'throws', 'answers', new Request('http://x/elsewhere'))).toMatchObject({
      status: 500,
      body: 'error: broken shell of de',
    });
  });
});
