// hono's app class (hono/dist/hono-base.js, `HonoBase`, what `new Hono()` of hono/tiny extends) as
// the Worker bundles it (wrangler.toml [alias] "../hono-base.js", "./hono-base.js";
// src/generated/hono-base.js): the same module without two members this app never calls, which a
// class keeps in the bundle whether called or not. `app.mount()`, which hands a request to an
// application of another framework (deprecated in hono 4, gone in 5; the app's routes are hono's
// own, `app.route()`), with the import only it used, hono's routePath helper, and its stand-in for
// utils/mount.js; and `app.fire()`, which registers a Service Worker's global fetch listener
// (deprecated; a module Worker exports its handlers: src/worker.ts). Together 246 B of the 100 KB
// gzip budget. And `app.request()`, hono's helper for tests (a URL or path made a Request for
// `app.fetch()`): the Workers tests call `app.fetch()` with a Request themselves (57 B, stop 75).
// scripts/fingerprint.mjs writes it from the
// installed hono at every `prepare-assets`, so it never goes stale; a member it does not find once
// stops that script. test/node/hono-base.test.ts holds it to hono's module and the app to neither call.

/**
 * Texts replaced: hono's message for a handler that answered nothing, without its hint (a
 * developer's, which no answer of the app carries: the app's error page says nothing of it), 32 B.
 */
export const EDITS = [
  {
    from: 'throw new Error("Context is not finalized. Did you forget to return a Response object or `await next()`?");',
    to: 'throw new Error("Context is not finalized");',
  },
];

/**
 * Texts replaced in `app.route()`: the wrapping of each route of a sub-application that has an
 * error handler of its own (`subApp.onError(…)`), so that its errors reach that handler first.
 * No sub-application of the app has one (its one `onError` is the app's own, src/app.tsx), so
 * each route is added as it is; one that had would throw at route() rather than lose its handler
 * unnoticed (test/node/hono-base.test.ts; 64 B gzip).
 */
export const ROUTE_EDITS = [
  {
    from: `			let handler;
			if (app.errorHandler === errorHandler) handler = r.handler;
			else {
				handler = async (c, next) => (await compose([], app.errorHandler)(c, () => r.handler(c, next))).res;
				handler[COMPOSED_HANDLER] = r.handler;
			}
			subApp.#addRoute(r.method, r.path, handler, r.basePath);`,
    to: `			if (app.errorHandler !== errorHandler) throw new Error("not part of this build");
			subApp.#addRoute(r.method, r.path, r.handler, r.basePath);`,
  },
];

/**
 * hono's default error handler (an HTTPException's own answer, else the error logged and a 500 of
 * "Internal Server Error"), with which every app starts: the Worker's app and the mover
 * (src/mover/index.ts) each set their own (`onError`) before their first request, the app's
 * sub-applications never answer a request themselves (their routes are the app's: `app.route()`),
 * and no other app is made (test/node/hono-base.test.ts). So it is never called: in its place a
 * function that throws the error again, still the default that route() tells apart (47 B gzip).
 */
export const DEFAULT_ERROR_HANDLER = {
  from: `const errorHandler = (err, c) => {
	if ("getResponse" in err) {
		const res = err.getResponse();
		return c.newResponse(res.body, res);
	}
	console.error(err);
	return c.text("Internal Server Error", 500);
};`,
  to: `const errorHandler = (err) => {
	throw err;
};`,
};

/**
 * hono's default not-found handler (a 404 of "404 Not Found"), with which every app starts: the
 * Worker's app (src/app.tsx) and the mover (src/mover/index.ts) each set their own (`notFound`)
 * before their first request, and the apps that do not never answer one (the app's
 * sub-applications and its basePath() clone, whose routes are the app's, as DEFAULT_ERROR_HANDLER
 * says; the context's c.notFound(), which would call it, is left out: scripts/lib/hono-context.mjs).
 * So it is never called: in its place the error handler above, which throws what it is given (an
 * app without a handler of its own would fail the request, which the runtime answers with a 500):
 * its definition left out and the field that starts with it. Each text found once (25 B gzip;
 * test/node/hono-base.test.ts).
 */
export const DEFAULT_NOT_FOUND = [
  {
    from: `const notFoundHandler = (c) => {
	return c.text("404 Not Found", 404);
};
`,
    to: '',
  },
  { from: '#notFoundHandler = notFoundHandler;', to: '#notFoundHandler = errorHandler;' },
];

/**
 * dispatch()'s fast path for a request that matches one handler alone, which it calls itself
 * rather than through compose(): the same answer either way for the handlers of the project's apps
 * that a request can match alone. Only two can: the app's shell (src/app.tsx, registered before
 * the prefix, with BASE_PATH set the one handler of a request outside it) and the mover's bearer
 * check (src/mover/index.ts, for a path it has no route for). Each calls next() (or, the mover's,
 * returns an answer), touches no c.res, and neither app reads c.error outside its other
 * middlewares; each not-found handler answers or throws, and an answer or its error handler's
 * answer to what it throws becomes the request's answer through either path, the same Response
 * (test/node/hono-base.test.ts; 74 B gzip).
 */
export const SINGLE_HANDLER = {
  from: `		if (matchResult[0].length === 1) {
			let res;
			try {
				res = matchResult[0][0][0][0](c, async () => {
					c.res = await this.#notFoundHandler(c);
				});
			} catch (err) {
				return this.#handleError(err, c);
			}
			return res instanceof Promise ? res.then((resolved) => resolved || (c.finalized ? c.res : this.#notFoundHandler(c))).catch((err) => this.#handleError(err, c)) : res ?? this.#notFoundHandler(c);
		}
`,
  to: '',
};

/**
 * The methods of an app for its routes of one HTTP method: hono makes one for each name of its
 * router's METHODS (get, post, put, delete, options, patch, query) and `all`, each a field of the
 * app. No app of the bundle (the Worker's app, its sub-applications, the mover) calls options(),
 * patch() or query() (test/node/hono-base.test.ts reads every call in src/ with TypeScript): the
 * app's routes are get, post, put, delete, all, on() and use()'s. So those three fields are left
 * out and the methods made are the others, named here: METHODS's import goes, and hono's
 * router.js, which nothing else of the bundle imports, leaves it (44 B gzip). A request of any
 * method routes as before: the routes, and so the router's answers, are the same.
 */
export const VERB_METHODS = [
  { from: '\toptions;\n\tpatch;\n\tquery;\n', to: '' },
  { from: '[...METHODS, "all"].forEach((method) => {', to: '["get", "post", "put", "delete", "all"].forEach((method) => {' },
];

/** The members left out, each with its JSDoc: the arrow function fields `fire` and `request` and the method `mount`. */
export const LEFT_OUT = ['mount', 'fire', 'request'];

/**
 * Where the generated file takes each of hono-base.js's imports from: hono's own files by a path
 * no alias matches, or the stand-in wrangler.toml's alias puts in place of one of them (the
 * Workers tests apply those aliases to imports from node_modules only, so this file names it itself).
 */
export const IMPORTS = {
  './compose.js': '../../node_modules/hono/dist/compose.js',
  './utils/url.js': '../../node_modules/hono/dist/utils/url.js',
  './context.js': '../views/jsx-no-context',
  './helper/route/index.js': '../../node_modules/hono/dist/helper/route/index.js',
  './router.js': '../../node_modules/hono/dist/router.js',
  './utils/constants.js': '../../node_modules/hono/dist/utils/constants.js',
  './utils/mount.js': '../../node_modules/hono/dist/utils/mount.js',
};

/** hono-base.js without LEFT_OUT and with its imports as IMPORTS names them, each naming only what is still used. */
export function trimHonoBase(source) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const name of LEFT_OUT) {
    // The member's JSDoc (a tab, `/**`, its lines, `*/`), then `\tname(…) {` or `\tname = (…) => {`, up to its closing `\t}` or `\t};` line.
    const pattern = new RegExp(
      `\\n\\t/\\*\\*\\n(?:\\t\\*[^\\n]*\\n)*?\\t\\*/\\n\\t${name}(?:\\(| = \\()[^\\n]*\\{\\n(?:[^\\n]*\\n)*?\\t\\};?\\n`,
      'g',
    );
    let found = 0;
    text = text.replace(pattern, () => {
      found++;
      return '\n';
    });
    if (found !== 1) throw new Error(`hono/dist/hono-base.js has ${found} members ${name}: update scripts/lib/hono-base.mjs`);
  }
  for (const { from, to } of [...EDITS, ...ROUTE_EDITS, DEFAULT_ERROR_HANDLER, ...DEFAULT_NOT_FOUND, SINGLE_HANDLER, ...VERB_METHODS]) {
    if (text.split(from).length !== 2)
      throw new Error(`hono/dist/hono-base.js: ${from.slice(0, 60)}… not found once; update scripts/lib/hono-base.mjs`);
    text = text.replace(from, () => to);
  }
  const imports = [];
  const body = text.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names, from) => {
    imports.push({ names: names.split(',').map((name) => name.trim()), from });
    return '';
  });
  if (/^import /m.test(body) || imports.length !== Object.keys(IMPORTS).length)
    throw new Error('hono/dist/hono-base.js: other imports than expected; update scripts/lib/hono-base.mjs');
  if (/\bMETHODS\b/.test(body))
    throw new Error('hono/dist/hono-base.js: more reads of METHODS than expected; update scripts/lib/hono-base.mjs');
  const kept = imports.flatMap(({ names, from }) => {
    if (!(from in IMPORTS)) throw new Error(`hono/dist/hono-base.js imports ${from}; update scripts/lib/hono-base.mjs`);
    const used = names.filter((name) => new RegExp(`(?<![\\w$])(?<![^.]\\.)${name}(?![\\w$])`).test(body));
    return used.length ? [`import { ${used.join(', ')} } from ${JSON.stringify(IMPORTS[from])};`] : [];
  });
  return `// Generated by scripts/lib/hono-base.mjs from hono/dist/hono-base.js (MIT, see node_modules/hono/LICENSE). Do not edit; not in git.\n${kept.join('\n')}\n${body}`;
}
