// hono's request context (hono/dist/context.js, `Context`, the `c` of every handler) and its
// request (hono/dist/request.js, `HonoRequest`, `c.req`) as the Worker bundles them
// (src/views/jsx-no-context.ts re-exports the context for wrangler.toml's [alias] "./context.js";
// src/generated/hono-context.js and hono-request.js): the same modules without members this app
// never calls, which a class keeps in the bundle whether called or not. Of the context:
// `c.render()`, `c.setRenderer()`, `c.setLayout()` and `c.getLayout()` (hono's layout renderer;
// the app renders its pages itself: src/views/render.tsx) with the two private fields only they
// used, `c.event` (a Service Worker's FetchEvent; a module Worker has none), `c.notFound()`
// (the app answers 404 by HTTPException, hono by its app's own handler) and `c.newResponse()`
// (only hono's default error handler calls it, which src/generated/hono-base.js leaves out; the
// context's redirect() calls the private #newResponse() it handed its arguments to: 15 B), and
// `c.status()` with its field (the app gives each answer its status itself: 20 B). Of the request:
// `c.req.bytes()`, `c.req.blob()`, `c.req.json()`, `c.req.text()` and `c.req.formData()` (the app
// reads bodies as forms and files: src/form-body.ts, and its validators take forms, queries and
// parameters, never 'json', the one target whose branch of hono's validator calls `c.req.json()`),
// and the deprecated `c.req.matchedRoutes` and `c.req.routePath` (hono/route's helpers read the
// match: src/observability/request-log.ts). Together 152 B of the 100 KB gzip budget, and 47 B
// more for c.notFound(), c.req.json(), text() and formData().
// scripts/fingerprint.mjs writes both from the installed hono at every `prepare-assets`, so they
// never go stale; a member it does not find once stops that script. test/node/hono-context.test.ts
// holds them to hono's modules and the app to none of these calls.

/**
 * A text of a context member replaced: `c.html()` answers with its page's toString() at once
 * instead of resolving an object (a JSX node, or hono/html's escaped string, or a promise of one)
 * through hono's resolveCallback(), which runs the callbacks that hono's Suspense, ErrorBoundary
 * and streaming components attach to an escaped string. Nothing in the bundle attaches one
 * (test/node/hono-context.test.ts), so resolveCallback() returned the escaped string as it is or
 * an object's toString() (111 B of the 100 KB gzip budget); and the bundle's pages are never a
 * promise (hono/jsx's and hono/html's copies throw where hono's would wait for one:
 * test/node/render-sync.test.ts), nor a primitive string (src/views/render.tsx hands it a JSX
 * node or layout()'s html``), so the answer is that of a Response made of the same text, given
 * its handler's await a turn earlier (41 B). And the reads of
 * the status `c.status()` keeps, which no module of the bundle calls (the app gives a status with
 * its answer): undefined always, so `arg?.status ?? this.#status` is `arg?.status` and
 * `!this.#status &&` true (with c.status() and its field left out below). And #newResponse()'s
 * shortcut for an answer's one header given as a string (its object handed to the Response as it
 * is, no Headers made): the Response makes the same Headers of it that set() makes (37 B).
 * And the `executionCtx` getter without its throw for a context made without one: the bundle's
 * contexts are made by the Worker's fetch(request, env, ctx) alone (src/worker.ts hands its ctx to
 * app.fetch()), so each has the request's ExecutionContext and the getter returns it; its one
 * reader, the list's waitUntil() (src/contacts/pages.tsx), never met the throw (29 B).
 */
export const CONTEXT_EDITS = [
  {
    member: 'executionCtx',
    from: '\t\tif (this.#executionCtx) return this.#executionCtx;\n\t\telse throw Error("This context has no ExecutionContext");\n',
    to: '\t\treturn this.#executionCtx;\n',
  },
  {
    member: 'redirect',
    from: 'return this.newResponse(null, status ?? 302);',
    to: 'return this.#newResponse(null, status ?? 302);',
  },
  {
    member: '#newResponse',
    from: 'const status = typeof arg === "number" ? arg : arg?.status ?? this.#status;',
    to: 'const status = typeof arg === "number" ? arg : arg?.status;',
  },
  {
    member: '#newResponse',
    from: `\t\t\tif (!responseHeaders) {
\t\t\t\tlet count = 0;
\t\t\t\tfor (const k in headers) if (++count > 1 || typeof headers[k] !== "string") {
\t\t\t\t\tresponseHeaders = new Headers();
\t\t\t\t\tbreak;
\t\t\t\t}
\t\t\t}
\t\t\tif (responseHeaders) for (const k in headers) {
`,
    to: `\t\t\tresponseHeaders ??= new Headers();
\t\t\tfor (const k in headers) {
`,
  },
  {
    member: '#newResponse',
    from: 'headers: responseHeaders ?? headers\n',
    to: 'headers: responseHeaders\n',
  },
  {
    member: 'text',
    from: 'return !this.#preparedHeaders && !this.#status && !arg && ',
    to: 'return !this.#preparedHeaders && !arg && ',
  },
  {
    member: 'html',
    from: `\t\tconst res = (html) => this.#newResponse(html, arg, setDefaultContentType("text/html; charset=UTF-8", headers));
\t\treturn typeof html === "object" ? resolveCallback(html, HtmlEscapedCallbackPhase.Stringify, false, {}).then(res) : res(html);
`,
    to: `\t\treturn this.#newResponse(html.toString(), arg, setDefaultContentType("text/html; charset=UTF-8", headers));
`,
  },
  // #newResponse() without a ResponseInit's headers and status and a header's list of values:
  // every answer of the bundle gives its status as a number or none, and its headers as a record
  // of strings (NEW_RESPONSE_ARGS, below).
  {
    member: '#newResponse',
    from: `\t\tif (typeof arg === "object" && arg.headers) {
\t\t\tresponseHeaders ??= new Headers();
\t\t\tfor (const [key, value] of new Headers(arg.headers)) if (key === "set-cookie") responseHeaders.append(key, value);
\t\t\telse responseHeaders.set(key, value);
\t\t}
`,
    to: '',
  },
  {
    member: '#newResponse',
    from: `\t\t\t\tconst v = headers[k];
\t\t\t\tif (typeof v === "string") responseHeaders.set(k, v);
\t\t\t\telse {
\t\t\t\t\tresponseHeaders.delete(k);
\t\t\t\t\tfor (const v2 of v) responseHeaders.append(k, v2);
\t\t\t\t}
`,
    to: '\t\t\t\tresponseHeaders.set(k, headers[k]);\n',
  },
  {
    member: '#newResponse',
    from: 'const status = typeof arg === "number" ? arg : arg?.status;',
    to: 'const status = arg;',
  },
];

/**
 * The arguments the bundle gives hono's answers (c.body(), c.text(), c.json(), c.html(),
 * c.redirect()), which #newResponse() takes as they are (CONTEXT_EDITS above): a status as a
 * number or none, never a ResponseInit (hono's `{ status, headers }`), and headers as an object
 * literal of strings, never a list of one header's values. test/node/hono-context.test.ts reads
 * every such call of src/ with TypeScript's checker (57 B).
 */
export const NEW_RESPONSE_ARGS = ['body', 'text', 'json', 'html', 'redirect'];

/** The context's members left out, each with its JSDoc; and its private fields only they used. */
export const CONTEXT_LEFT_OUT = ['render', 'setLayout', 'getLayout', 'setRenderer', 'event', 'notFound', 'newResponse', 'status'];
export const CONTEXT_FIELDS_LEFT_OUT = ['#layout', '#renderer', '#status'];
/** The request's members left out, each with its JSDoc. */
export const REQUEST_LEFT_OUT = ['bytes', 'blob', 'matchedRoutes', 'routePath', 'json', 'text', 'formData'];

/**
 * Texts of request members replaced, each only leaving out (test/node/hono-context.test.ts): the
 * request's body cache read for a kind of body other than the one cached, which hono's
 * `#cachedBody` makes from whatever another reader cached before it (a JSON body stringified, a
 * form's FormData). The bundle asks it only for an `arrayBuffer` (`c.req.arrayBuffer()`: the
 * request's json(), text(), formData(), blob() and bytes() are left out above), and what else puts
 * a body in the cache does so after reading that very `arrayBuffer` through it: hono's validator
 * and the app's form reader (src/form-body.ts) cache the form they made of it (`formData`). So an
 * `arrayBuffer` is cached whenever anything is, and the branch for another kind is never taken
 * (63 B gzip). And `c.req.header()` without a name (all of a request's headers as an object),
 * which neither the app nor a module of hono's in the bundle calls: each asks for one header by
 * its name (27 B gzip).
 */
export const REQUEST_EDITS = [
  {
    member: '#cachedBody',
    from: `\t\tfor (const anyCachedKey in bodyCache) return bodyCache[anyCachedKey].then((body) => {
\t\t\tif (anyCachedKey === "json") body = JSON.stringify(body);
\t\t\tconst contentType = anyCachedKey === "formData" ? void 0 : raw.headers.get("content-type");
\t\t\treturn new Response(body, { headers: contentType ? { "Content-Type": contentType } : void 0 })[key]();
\t\t});
`,
    to: '',
  },
  {
    member: 'header',
    from: `\t\tif (name) return this.raw.headers.get(name) ?? void 0;
\t\tconst headerData = Object.create(null);
\t\tthis.raw.headers.forEach((value, key) => {
\t\t\theaderData[key] = value;
\t\t});
\t\treturn headerData;
`,
    to: '\t\treturn this.raw.headers.get(name) ?? void 0;\n',
  },
];

/**
 * The request's read of a path parameter without the router's parameter stash: a router's match is
 * `[[handler, params][]]` (PatternRouter, TrieRouter: each handler's parameters by name) or, from
 * RegExpRouter and LinearRouter, `[[handler, paramIndexMap][], paramStash]` (each name an index into
 * the stash), which `#getParamValue` told apart. The app's and the mover's only router is hono/tiny's
 * PatternRouter (src/app.tsx wraps it in src/memo-router.ts, which hands its match on), whose match
 * has no stash, so a parameter's value is its key's match, as `#getParamValue` gave it (22 B gzip;
 * test/node/hono-context.test.ts). Each text found once.
 */
export const PARAM_STASH_EDITS = [
  {
    member: '#getDecodedParam',
    from: `\t\tconst paramKey = this.#matchResult[0][this.routeIndex]?.[1][key];
\t\tconst param = this.#getParamValue(paramKey);
`,
    to: `\t\tconst param = this.#matchResult[0][this.routeIndex]?.[1][key];
`,
  },
  {
    member: '#getAllDecodedParams',
    from: 'const value = this.#getParamValue(this.#matchResult[0][this.routeIndex][1][key]);',
    to: 'const value = this.#matchResult[0][this.routeIndex][1][key];',
  },
  {
    member: '#getParamValue',
    from: `\t#getParamValue(paramKey) {
\t\treturn this.#matchResult[1] ? this.#matchResult[1][paramKey] : paramKey;
\t}
`,
    to: '',
  },
];

/**
 * Where each generated file takes its hono module's imports from: hono's own files by a path no
 * alias matches, the other generated file, or the stand-in wrangler.toml's alias puts in place of
 * one of them (the Workers tests apply those aliases to imports from node_modules only, so the
 * file names it itself: "./utils/body.js" is src/form-body.ts).
 */
export const CONTEXT_IMPORTS = {
  './request.js': './hono-request.js',
  './utils/html.js': '../../node_modules/hono/dist/utils/html.js',
};
export const REQUEST_IMPORTS = {
  './http-exception.js': '../../node_modules/hono/dist/http-exception.js',
  './request/constants.js': '../../node_modules/hono/dist/request/constants.js',
  './utils/body.js': '../form-body',
  './utils/url.js': '../../node_modules/hono/dist/utils/url.js',
};

const literal = (text) => text.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');

/** `source` without the class members `names` (each with its JSDoc) and the private fields `fields`, its imports as `imports` names them. */
function trim(file, source, names, fields, imports, edits = []) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const { from, to } of edits) {
    if (text.split(from).length !== 2) throw new Error(`hono/dist/${file} has no one text ${from}: update scripts/lib/hono-context.mjs`);
    text = text.replace(from, () => to);
  }
  for (const name of names) {
    // The member's JSDoc where it has one (a tab, `/**`, its lines, `*/`: c.newResponse() has none),
    // then `\tname(…) {`, `\tget name() {` or `\tname = (…) => {` up to its closing `\t}` or `\t};`
    // line, or `\tname = (…) => …;` on one line.
    const pattern = new RegExp(
      `\\n(?:\\t/\\*\\*\\n(?:\\t\\*[^\\n]*\\n)*?\\t\\*/\\n)?\\t(?:get )?${literal(name)}(?:(?:\\(| = \\()[^\\n]*\\{\\n(?:[^\\n]*\\n)*?\\t\\};?| = \\([^\\n]*\\) => [^\\n{]*;)\\n`,
      'g',
    );
    let found = 0;
    text = text.replace(pattern, () => {
      found++;
      return '\n';
    });
    if (found !== 1) throw new Error(`hono/dist/${file} has ${found} members ${name}: update scripts/lib/hono-context.mjs`);
  }
  for (const field of fields) {
    const line = `\n\t${field};\n`;
    if (text.split(line).length !== 2) throw new Error(`hono/dist/${file} has no one field ${field}: update scripts/lib/hono-context.mjs`);
    text = text.replace(line, '\n');
    if (text.includes(`this.${field}`)) throw new Error(`hono/dist/${file} still uses ${field}: update scripts/lib/hono-context.mjs`);
  }
  const found = [];
  const body = text.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names, from) => {
    found.push({ names: names.split(',').map((name) => name.trim()), from });
    return '';
  });
  if (/^import /m.test(body) || found.length !== Object.keys(imports).length)
    throw new Error(`hono/dist/${file}: other imports than expected; update scripts/lib/hono-context.mjs`);
  const kept = found.flatMap(({ names, from }) => {
    if (!(from in imports)) throw new Error(`hono/dist/${file} imports ${from}; update scripts/lib/hono-context.mjs`);
    const used = names.filter((name) => new RegExp(`(?<![\\w$])(?<![^.]\\.)${name}(?![\\w$])`).test(body));
    return used.length ? [`import { ${used.join(', ')} } from ${JSON.stringify(imports[from])};`] : [];
  });
  return `// Generated by scripts/lib/hono-context.mjs from hono/dist/${file} (MIT, see node_modules/hono/LICENSE). Do not edit; not in git.\n${kept.join('\n')}\n${body}`;
}

/** context.js without CONTEXT_LEFT_OUT and CONTEXT_FIELDS_LEFT_OUT, with CONTEXT_EDITS, its imports as CONTEXT_IMPORTS names them. */
export const trimHonoContext = (source) =>
  trim('context.js', source, CONTEXT_LEFT_OUT, CONTEXT_FIELDS_LEFT_OUT, CONTEXT_IMPORTS, CONTEXT_EDITS);
/** request.js without REQUEST_LEFT_OUT, with REQUEST_EDITS and PARAM_STASH_EDITS, its imports as REQUEST_IMPORTS names them. */
export const trimHonoRequest = (source) =>
  trim('request.js', source, REQUEST_LEFT_OUT, [], REQUEST_IMPORTS, [...REQUEST_EDITS, ...PARAM_STASH_EDITS]);
