// zod's schema classes (zod/v4/core/schemas.js) as the Worker bundles them (wrangler.toml [alias]
// "../core/index.js", the text by which zod/mini's modules import zod's core: src/generated/zod-core.js,
// which re-exports zod's core with src/generated/zod-schemas.js in place of its schemas): the same
// module without the Standard Schema interface every schema carries, a `~standard` property
// (`validate` and its async twin) for libraries that take any validator. Nothing in the bundle
// reads it: @hono/zod-validator calls the schema's own safeParseAsync, the app parse() and
// safeParse(); zod's classic schemas, which extend it, are not in the bundle (122 B of the 100 KB
// gzip budget). Nor the branches of zod's encode direction (`ctx.direction === "backward"` in
// eight schemas' parse, and $ZodType's canary pass with its `skipChecks`), which only zod's
// encode functions set (core/parse.js) and the app never calls: 232 B. Nor an object's catchall
// (z.strictObject, z.looseObject), which no schema of the app has (a throw in its place), and
// every schema's lazy propValues, which only zod's discriminated union reads: 275 B. Nor every
// schema's lazy values and pattern, which only its record, template literal, unions and JIT
// compiler read: 176 B. Nor an object's check that its shape is made of schemas, which TypeScript
// holds the app's to (52 B), nor zod's memoizer, which the app never configures (54 B). Parsing is
// zod's own, line for line (but that throw). scripts/fingerprint.mjs writes both files
// from the installed zod at every `prepare-assets`, so they never go stale; a text it does not
// find once stops that script. test/node/zod-schemas.test.ts holds them to zod's modules.

/** The `~standard` accessors of $ZodType's prototype (its constructor's third argument). */
const STANDARD_ACCESSORS =
  /\n\}, \{\n(?: {4}\/\/[^\n]*\n)* {4}get "~standard"\(\) \{\n[^\n]*\n {4}\},\n {4}set "~standard"\(value\) \{\n[^\n]*\n {4}\},\n\}\);\n/;
/** standardProps (exported for zod's classic schemas) and the two helpers only it uses, each with its comments. */
const STANDARD_PROPS =
  /\n\/\*\* The Standard Schema surface[^\n]*\n(?:\/\/[^\n]*\n)*const toStandardResult = [\s\S]*?\nexport function standardProps\(inst\) \{\n[\s\S]*?\n\}\n/;

/**
 * Each schema's branch for zod's encode direction (`ctx.direction === "backward"`, which only zod's
 * encode functions set: the app and its validator only parse) as a statement of its own, from
 * its `if` to the brace at the same indent.
 */
const BACKWARD_BRANCH = /\n( +)if \(ctx\.direction === "backward"\) \{\n[\s\S]*?\n\1\}\n/g;
/** $ZodType's helper that only its backward branch calls (the encode's canary pass), with its comments. */
const CANARY_HELPER = /\n( +)const handleCanaryResult = \(canary, payload, ctx\) => \{\n[\s\S]*?\n\1\};\n/;
/** $ZodType's run without checks, for that canary pass: the only place that sets `skipChecks` (an internal of zod's context). */
const CANARY_SKIP = /\n( +)if \(ctx\.skipChecks\) \{\n\1 {4}return inst\._zod\.parse\(payload, ctx\);\n\1\}\n/;

/**
 * An object's catchall (the schema of keys its shape does not name: z.strictObject, z.looseObject,
 * z.catchall), which the app never gives one: its handler, and in its place where the object's
 * parse would call it, a throw (CATCHALL_THROW), so that a catchall never passes unchecked.
 */
const CATCHALL_HELPER = /\nfunction handleCatchall\(proms, input, payload, ctx, def, inst, abortEarly\) \{\n[\s\S]*?\n\}\n/;
const CATCHALL_CALL = /^( +)return handleCatchall\([^\n]*\);$/gm;
export const CATCHALL_THROW = 'throw new Error("zod catchall, see scripts/lib/zod-schemas.mjs");';
/** Every schema's lazy `propValues` (the values of its keys), which only zod's discriminated union reads. */
const PROP_VALUES = /\n( +)util\.defineLazyInternal\(inst, "propValues", \(zod\) => (?:[^\n{]*\);|\{\n[\s\S]*?\n\1\}\);)\n/g;

/**
 * Every schema's lazy `values` and `pattern` (the set of values it accepts, a regex of its string
 * form), and the string's own pattern: only zod's record, template literal, unions and JIT compiler
 * read them, none of which is in the bundle (test/node/zod-schemas.test.ts; 176 B). Each a whole
 * statement, left out as PROP_VALUES is (a lookahead: two may stand on consecutive lines).
 */
const VALUES_PATTERN = /\n( +)util\.defineLazyInternal\(inst, "(?:values|pattern)", \(zod\) => (?:[^\n{]*\);|\{\n[\s\S]*?\n\1\}\);)(?=\n)/g;
const STRING_PATTERN = '\n    inst._zod.pattern = def.pattern ?? regexes.anyString;';

/**
 * An object's check, when it is made, that each value of its shape is a zod schema ("Invalid element
 * at key"): the app's objects are made of zod's schemas, which TypeScript holds them to (z.object's
 * shape is a record of schemas; `tsc --noEmit` runs in the tests), and none is made at run time of
 * data (52 B).
 */
const SHAPE_CHECK =
  /\n( +)for \(const k of allKeys\) \{\n\1 {4}if \(!def\.shape\?\.\[k\]\?\._zod\?\.traits\?\.has\("\$ZodType"\)\) \{\n[^\n]*Invalid element at key[^\n]*\n\1 {4}\}\n\1\}\n/;

/**
 * zod's memoizer (core/memoizer.js: cycle support for containers, which zod/mini takes only after
 * `z.config({ memoizer: memoizer() })`, which the app never calls): each container's hooks for it,
 * its allocation of the result, the transform's guard, and the flag only it sets (`payload.memo`)
 * read by the checks' run and carried up by a catch. The JIT compiler's use (not in the bundle)
 * stays as zod wrote it (54 B).
 */
const MEMO_ATTACH = /\n( +)const memo = core\.globalConfig\.memoizer;\n\1memo\?\.attach\(inst\);(?=\n)/g;
export const MEMO_ALLOC = /memo \? memo\.alloc\(inst, payload, ((?:[^()\n]|\([^()\n]*\))+?), ctx\) : \1;$/gm;
const MEMO_GUARD = /\n +core\.globalConfig\.memoizer\?\.guard\(inst\);(?=\n)/g;
const MEMO_FLAG = /\n( +)if \((?:payload|result)\.memo\)\n\1 {4}(?:return payload|payload\.memo = true);(?=\n)/g;

/**
 * $ZodType's stamp of zod's version on each schema (`inst._zod.version`), which nothing in zod or
 * the app reads (zod's versions.js object then leaves the bundle: 29 B gzip).
 */
const VERSION_STAMP = '\n    inst._zod.version = version;';

/**
 * The branches of an asynchronous parse in the schemas the app builds ($ZodType's checks and run,
 * object, transform, optional, catch, pipe). Every parse in the bundle is synchronous: zod/mini's
 * parse() and safeParse() and @hono/zod-validator's safeParse() (the generated copy) pass
 * `{ async: false }`, and nothing in the bundle passes `async: true` (test/node/bundle.test.ts).
 * Then no schema's run returns a Promise: a transform that returns one throws zod's
 * $ZodAsyncError, as does the checks' run for a refinement that returns one (both kept), so each
 * `… instanceof Promise` branch below, and the chaining of a check's Promise after that throw,
 * is never taken (a custom refinement's own branch, which that throw catches, stays). Each a
 * text found once, of which only whole lines are left out (the rest as zod wrote it): 146 B gzip.
 */
export const ASYNC_BRANCHES = [
  [
    "$ZodType's checks: the Promise of a check, chained",
    `            let asyncResult;
`,
    '',
  ],
  [
    "$ZodType's checks: the Promise of a check, chained",
    `                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        util.attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = util.aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    util.attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = util.aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
`,
    `                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    util.attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = util.aborted(payload, currLen);
            }
`,
  ],
  [
    "$ZodType's run: a parse's Promise",
    `            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new core.$ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
`,
    `            return runChecks(result, checks, ctx);
`,
  ],
  [
    "an object's property",
    `            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
`,
    `                handlePropertyResult(r, payload, key, input, optin, optout);
`,
  ],
  [
    "a transform's asynchronous parse",
    `        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
`,
    `        const _out = def.transform(payload.value, payload);
`,
  ],
  [
    "an optional's inner result",
    `            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
`,
    `            return handleOptionalResult(payload, result);
`,
  ],
  [
    "a catch's inner result",
    `        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
`,
    `        return handleCatchResult(payload, result, def, ctx);
`,
  ],
  [
    "a pipe's input",
    `        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
`,
    `        return handlePipeResult(left, def.out, ctx);
`,
  ],
];

/**
 * A custom refinement's check when its function gives a Promise: that Promise itself, not one
 * chained to record its result. The checks' run throws zod's $ZodAsyncError for any Promise a
 * check returns (every parse in the bundle is synchronous: ASYNC_BRANCHES), so the chained one's
 * result was never recorded (and the app's refinements give none: test/node/zod-schemas.test.ts,
 * the same answers as zod's, also for a refinement that gives a Promise; 9 B gzip).
 */
export const CUSTOM_PROMISE = {
  from: '            return r.then((r) => handleRefineResult(r, payload, input, inst));\n',
  to: '            return r;\n',
};

/**
 * $ZodType's run of a check that has a `when` (whether it runs at all, asked even of an aborted
 * payload that is not explicitly aborted): zod's size and length checks set one by default, and a
 * check's params may give one. The bundle has neither: its checks are the app's refinements
 * (`$ZodCustom`, zod's `$ZodCheck` base; test/node/bundle.test.ts finds no other check's class),
 * and the app gives no `when`. So a check runs unless the payload is aborted, as zod's `else` says
 * (27 B gzip; test/node/zod-schemas.test.ts).
 */
export const WHEN_BRANCH = {
  from: `                if (ch._zod.def.when) {
                    if (util.explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
`,
  to: `                if (isAborted) {
                    continue;
                }
`,
};

/**
 * An object's parse without what only a context it never gets reads, each a text found once after
 * ASYNC_BRANCHES, the lines left out (and its return without the promises it no longer collects):
 * its `abortEarly`, which only zod's validate() and validateAsync() set (core/parse.js; neither is
 * in the bundle, nor does the app give a parse a context: test/node/bundle.test.ts finds no
 * `abortEarly` left in it), and its list of promises, which after ASYNC_BRANCHES nothing fills
 * (53 B gzip).
 */
export const OBJECT_SYNC_EDITS = [
  [
    "an object's promises",
    `        const proms = [];
        const shape = value.shape;
`,
    `        const shape = value.shape;
`,
  ],
  [
    "an object's abortEarly",
    `        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
`,
    `        for (const key of value.allKeys) {
`,
  ],
  [
    "an object's promises, awaited",
    `            return proms.length ? Promise.all(proms).then(() => payload) : payload;
`,
    `            return payload;
`,
  ],
];

/**
 * What an object and a catch do for what the app never gives them (each from zod's text, found once,
 * to its stand-in): an object's symbol keys (Object.getOwnPropertySymbols of its shape), which no
 * shape of the app has (its z.object()s are given object literals of named keys), so that its keys
 * are those of Object.keys() and its symbol keys zod's own empty list, as zod answers a string-only
 * shape; an object's lazy copy of its shape behind an accessor of its def (for a shape's getters,
 * resolved once, and for zod's extend(), pick() and omit(), which read the accessor's `raw`), where
 * the app's shapes are plain values and nothing in the bundle reads the accessor: the def keeps the
 * shape it was given, of the same schemas under the same keys; and a catch's context for its
 * fallback (the inner result's issues, each finalized, as an error), which the app's one catch
 * (orElse, src/contacts/or-else.ts: `() => value`) never reads. And every schema's `bag` (where zod's
 * string formats, sizes and z.instanceof() leave what its JSON Schema and JIT read), which nothing
 * in the bundle writes or reads, with $ZodType's fallback for no instance, which $constructor
 * always gives. test/node/zod-schemas.test.ts.
 */
export const LEAN_EDITS = [
  [
    "an object's symbol keys",
    `    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases \`keys\` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
`,
    `    const allKeys = Object.keys(def.shape);
    const symbolKeys = NO_SYMBOL_KEYS;
`,
  ],
  [
    "an object's lazy copy of its shape",
    `    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
`,
    '',
  ],
  [
    "a catch's context for its fallback",
    `    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => util.finalizeIssue(iss, ctx)),
        },
        input: payload.value,
    });
`,
    `    payload.value = def.catchValue();
`,
  ],
  [
    "a schema's bag",
    `    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
`,
    `    inst._zod.def = def; // set _def property
`,
  ],
];

/** Whether the lines of `to` are lines of `from`, in their order (an edit that only leaves lines out). */
export function onlyLeavesOut(from, to) {
  const theirs = from.split('\n');
  let at = 0;
  for (const line of to.split('\n')) {
    while (at < theirs.length && theirs[at] !== line) at += 1;
    if (at === theirs.length) return false;
    at += 1;
  }
  return true;
}

/**
 * The checks' stamp of their schema on the issues they raise (util.attachSchema), which only
 * finalizeIssue's lookup of the schema's error read (left out: FINALIZE_UNSET; 33 B gzip), and a
 * refinement's `params`, which only params give its def (z.refine(fn, { params }); the app gives
 * none: test/node/zod-schemas.test.ts). Left out where the parse is synchronous, after the edits above.
 */
export const ISSUE_STAMP = /\n +util\.attachSchema\(payload\.issues, (?:currLen|start), inst\);(?=\n)/g;
export const REFINE_PARAMS = `
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;`;

/**
 * $ZodString's coercion (`String(value)` first), which only zod's coerce API asks for
 * (`z.coerce.string()`, a def's `coerce: true`): no string schema of the app is one (13 B gzip).
 * And of an object's normalized shape, what only its catchall (left out above) and no other
 * reader took: the set and number of its keys and the set of its optional keys, with the call
 * that found those (66 B gzip). Each found once; test/node/zod-schemas.test.ts holds them.
 */
export const STRING_COERCE = `        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
`;
export const NORMALIZED_UNREAD = [
  '    const okeys = util.optionalKeys(def.shape);\n',
  '        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol\n        keySet: new Set(keys),\n        numKeys: keys.length,\n        optionalKeys: new Set(okeys),\n',
];

/** The names schemas.js exports, in its order. */
export function exportsOf(source) {
  const names = [...source.matchAll(/^export (?:const|function|class|async function) ([\w$]+)/gm)].map((match) => match[1]);
  for (const match of source.matchAll(/^export \{([^}]*)\} from "[^"]+";$/gm))
    names.push(
      ...(match[1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    );
  return names;
}

/**
 * zod's core/util.js and core/core.js as the bundle takes them (wrangler.toml [alias] "./util.js"
 * and "./core.js", texts only zod's core modules import by: test/node/bundle.test.ts), each the
 * other's importer: src/generated/zod-util.js and zod-constructor.js, which the generated copies of
 * zod's modules import by these names too (one copy of each in the bundle). util.js's finalizeIssue
 * without its lookups of a message in zod's global config (`customError`, `localeError`), and
 * $constructor without its global `postProcessor` hook: only z.config() sets the first two (the app
 * never calls it, and zod/mini, unlike zod's classic API, sets no locale), and only
 * `import "zod/compile"` the hook (not in the bundle: test/node/bundle.test.ts). Each a text found
 * once, only left out; the rest as zod wrote it (test/node/zod-schemas.test.ts). And util.js's
 * normalizeParams without what it makes of a schema's or a check's params (a string, a `message`,
 * an `error` string as a function; NORMALIZE_PARAMS, 79 B gzip): no call of the app gives params
 * (z.string(), z.object(shape), z.refine(fn), z.custom(fn), z.superRefine(fn), found by
 * TypeScript's checker in test/node/zod-schemas.test.ts), so they are none or the `{}` that
 * zod/mini's refine() passes for none, which it returns as they are, as zod does. So no def of
 * the bundle has an `error` (only params give one), nor has a parse's context an `error` or
 * `reportInput` (only a parse's params: the app's parse() and safeParse() are given none, nor
 * does @hono/zod-validator give any): finalizeIssue without its lookups of those and the
 * stamping of a schema on an issue only they read (FINALIZE_UNSET), an issue's own message or
 * "Invalid input" as before.
 */
export const ZOD_CORE_COPIES = { 'util.js': './zod-util.js', 'core.js': './zod-constructor.js' };
export const CONFIG_MESSAGES = `            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
`;
/** normalizeParams's reading of params that are given, found once and left out. */
export const NORMALIZE_PARAMS = `    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both \`message\` and \`error\` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
`;
/** finalizeIssue without what only params set (a def's or a context's \`error\`, \`reportInput\`): [name, from, to], each found once. */
export const FINALIZE_UNSET = [
  [
    "the stamping of a schema on an issue, which only the lookup of the schema's error read",
    `    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in \`attachSchema\`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. \`inst\` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
`,
    '',
  ],
  [
    "the lookups of a check's, a schema's and a context's error",
    `        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            "Invalid input");
`,
    `        : "Invalid input";
`,
  ],
  [
    "a context's reportInput",
    `    if (ctx?.reportInput) {
        full.input = iss.input;
    }
`,
    '',
  ],
];
/**
 * $constructor's `Symbol.hasInstance`, which makes `x instanceof` a zod class ask the instance's
 * traits (a schema of another copy of zod, a subclass's instance): no `instanceof` in the bundle has a
 * zod class on its right (zod's z.tuple() and z.instanceof() do, which the app never calls; nor does
 * the app itself: test/node/zod-schemas.test.ts), so it is never asked (41 B gzip).
 */
export const HAS_INSTANCE = `    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
`;
/**
 * $constructor's newError(), which builds an instance of a class with a Parent (Error: zod's
 * $ZodError and $ZodRealError) with Error.stackTraceLimit at 0, so that V8 captures no stack
 * frames for it, which zod's throwing parse() puts back with captureStackTrace: a failed parse's
 * time. The bundle's one parse is safeParse, whose failed result makes its $ZodRealError when its
 * `error` is read (a route parameter's 404, src/contacts/routes.tsx), and nothing reads that
 * error's stack (test/node/zod-schemas.test.ts). Without it the error is built as `new
 * Definition()`, the same error but for its stack's frames (77 B gzip): [from, to], each found once.
 */
export const NEW_ERROR = [
  [
    `// null where suppressing the capture would be unrecoverable: \`parse()\` puts the frames back with \`captureStackTrace\`, so without it the throw would lose its stack. also latched to null once \`stackTraceLimit\` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
`,
    '',
  ],
  ['const inst = params?.Parent ? newError(Definition) : this;', 'const inst = params?.Parent ? new Definition() : this;'],
];
/**
 * zod's global config (core.js: an object kept on globalThis as `__zod_globalConfig`, so that every
 * copy of zod in a realm shares it, and config(), which returns it): the bundle's one reader of it
 * was config() handing it to finalizeIssue (parse.js, and a catch's issues in schemas.js), whose
 * lookups of its customError and localeError are left out (CONFIG_MESSAGES): finalizeIssue no
 * longer reads its `config` parameter, so those calls are given none (CONFIG_ARG). Nothing else of
 * the bundle reads the config (its other readers, an object's JIT and util's allowsEval, are not
 * in the bundle), nor sets it (no z.config(), no locale, nothing of the app names
 * __zod_globalConfig: test/node/zod-schemas.test.ts). So the config is an object of the module's
 * own (GLOBAL_CONFIG), which, read by nothing, leaves the bundle with config() and the statement
 * that put it on globalThis (50 B gzip). Each text found as counted, only replaced.
 */
export const CONFIG_ARG = { from: 'util.finalizeIssue(iss, ctx, core.config())', to: 'util.finalizeIssue(iss, ctx)' };
export const GLOBAL_CONFIG = {
  from: '(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});\nexport const globalConfig = globalThis.__zod_globalConfig;\n',
  to: 'export const globalConfig = {};\n',
};
/** A file's calls of finalizeIssue with config() as CONFIG_ARG's; refuses a file with none or with another call of config(). */
/**
 * safeParse's context, the parse's own options with async false: `{ ..._ctx, async: false }` for
 * zod's `_ctx ? { ..._ctx, async: false } : { async: false }`, as spreading a value that is not an
 * object (undefined, as the app always gives none) copies no key: the same keys in the same order,
 * a new object each time (6 B). Only _safeParse's (the bundle's one parse), found once.
 */
export const SAFE_PARSE_CTX = {
  from: 'export const _safeParse = (_Err) => (schema, value, _ctx) => {\n    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };\n',
  to: 'export const _safeParse = (_Err) => (schema, value, _ctx) => {\n    const ctx = { ..._ctx, async: false };\n',
};
function withoutConfigArg(file, text) {
  if (!text.includes(CONFIG_ARG.from))
    throw new Error(`zod/v4/core/${file}: finalizeIssue(iss, ctx, core.config()) not found; update scripts/lib/zod-schemas.mjs`);
  const out = text.replaceAll(CONFIG_ARG.from, CONFIG_ARG.to);
  if (/\bconfig\(/.test(out))
    throw new Error(`zod/v4/core/${file}: more calls of config() than expected; update scripts/lib/zod-schemas.mjs`);
  return out;
}
/**
 * $ZodAsyncError's message ("Encountered Promise during synchronous parse. Use .parseAsync()
 * instead."), which a synchronous parse throws where a check or transform gives a Promise: no
 * schema of the app has an asynchronous part (test/node/hono-validator.test.ts), so it is never
 * thrown; it stays the same class, thrown where zod's is, with the bundle's message for a path the
 * app never reaches (37 B).
 */
export const ASYNC_MESSAGE = {
  from: 'super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);',
  to: 'super("not part of this build");',
};
export const POST_PROCESSOR =
  /\n {8}\/\/ Global post-processor hook\.[^\n]*\n {8}const pp = globalThis\.__zod_globalConfig\?\.postProcessor;\n {8}if \(pp\)\n {12}pp\(inst\);(?=\n)/;

/**
 * Two exports no module of the bundle uses, which esbuild keeps for their initializers' possible
 * side effects: util.js's captureStackTrace (only zod's throwing parses, not in the bundle, call
 * it; an \`in\` may throw, so its conditional stays) and errors.js's $ZodError (the bundle's parse
 * makes $ZodRealError; a $constructor call is not marked pure). Each marked pure, its value the
 * same, so that esbuild leaves it out where nothing reads it: [file, from, to], each found once (20 B gzip).
 */
export const PURE_EXPORTS = [
  [
    'util.js',
    'export const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });\n',
    'export const captureStackTrace = /* @__PURE__ */ (() => "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { })();\n',
  ],
  [
    'errors.js',
    'export const $ZodError = $constructor("$ZodError", initializer);\n',
    'export const $ZodError = /* @__PURE__ */ $constructor("$ZodError", initializer);\n',
  ],
];
/** A file's PURE_EXPORTS applied, each found once. */
function markPure(file, text) {
  for (const [of, from, to] of PURE_EXPORTS) {
    if (of !== file) continue;
    if (text.split(from).length !== 2)
      throw new Error(`zod/v4/core/${file}: an export to mark pure not found once; update scripts/lib/zod-schemas.mjs`);
    text = text.replace(from, to);
  }
  return text;
}

/** core/util.js (file 'util.js') or core/core.js ('core.js') as src/generated/zod-util.js or zod-constructor.js. */
export function trimZodCoreFile(file, source) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  if (file === 'util.js') {
    if (text.split(CONFIG_MESSAGES).length !== 2)
      throw new Error("zod/v4/core/util.js: finalizeIssue's config lookups not found once; update scripts/lib/zod-schemas.mjs");
    text = text.replace(CONFIG_MESSAGES, '');
    if (text.split(NORMALIZE_PARAMS).length !== 2)
      throw new Error("zod/v4/core/util.js: normalizeParams's reading of params not found once; update scripts/lib/zod-schemas.mjs");
    text = text.replace(NORMALIZE_PARAMS, '');
    for (const [name, from, to] of FINALIZE_UNSET) {
      if (text.split(from).length !== 2)
        throw new Error(`zod/v4/core/util.js: finalizeIssue's ${name} not found once; update scripts/lib/zod-schemas.mjs`);
      text = text.replace(from, to);
    }
    if (/\bctx\?\.|_zod\.def\?\.error/.test(text))
      throw new Error("zod/v4/core/util.js: more reads of a context or a def's error than expected; update scripts/lib/zod-schemas.mjs");
    if (/customError|localeError|\bconfig\./.test(text))
      throw new Error("zod/v4/core/util.js: more reads of zod's config than expected; update scripts/lib/zod-schemas.mjs");
    text = markPure('util.js', text);
  } else if (file === 'core.js') {
    if (text.split(POST_PROCESSOR).length !== 2)
      throw new Error("zod/v4/core/core.js: $constructor's postProcessor not found once; update scripts/lib/zod-schemas.mjs");
    text = text.replace(POST_PROCESSOR, '');
    if (/postProcessor/.test(text))
      throw new Error('zod/v4/core/core.js: more of the postProcessor than expected; update scripts/lib/zod-schemas.mjs');
    if (text.split(HAS_INSTANCE).length !== 2)
      throw new Error("zod/v4/core/core.js: $constructor's Symbol.hasInstance not found once; update scripts/lib/zod-schemas.mjs");
    text = text.replace(HAS_INSTANCE, '');
    if (/hasInstance/.test(text))
      throw new Error('zod/v4/core/core.js: more of Symbol.hasInstance than expected; update scripts/lib/zod-schemas.mjs');
    for (const [from, to] of NEW_ERROR) {
      if (text.split(from).length !== 2)
        throw new Error("zod/v4/core/core.js: $constructor's newError not found once; update scripts/lib/zod-schemas.mjs");
      text = text.replace(from, () => to);
    }
    if (/stackTraceLimit|newError/.test(text))
      throw new Error('zod/v4/core/core.js: more of newError than expected; update scripts/lib/zod-schemas.mjs');
    if (text.split(GLOBAL_CONFIG.from).length !== 2)
      throw new Error("zod/v4/core/core.js: the global config's statement not found once; update scripts/lib/zod-schemas.mjs");
    text = text.replace(GLOBAL_CONFIG.from, () => GLOBAL_CONFIG.to);
    if (text.split(ASYNC_MESSAGE.from).length !== 2)
      throw new Error("zod/v4/core/core.js: $ZodAsyncError's message not found once; update scripts/lib/zod-schemas.mjs");
    text = text.replace(ASYNC_MESSAGE.from, () => ASYNC_MESSAGE.to);
    if (/__zod_globalConfig|globalThis/.test(text))
      throw new Error('zod/v4/core/core.js: more of the global config than expected; update scripts/lib/zod-schemas.mjs');
  } else throw new Error(`zod/v4/core/${file} is not copied; see scripts/lib/zod-schemas.mjs`);
  const other = file === 'util.js' ? 'core.js' : 'util.js';
  const imports = text.match(/^import [^\n]* from "[^"]+";$/gm) ?? [];
  if (imports.length !== 1 || !imports[0]?.endsWith(` from "./${other}";`))
    throw new Error(`zod/v4/core/${file}: other imports than expected; update scripts/lib/zod-schemas.mjs`);
  text = text.replace(` from "./${other}";`, ` from "${ZOD_CORE_COPIES[other]}";`);
  return `// Generated by scripts/lib/zod-schemas.mjs from zod/v4/core/${file} (MIT, see node_modules/zod/LICENSE). Do not edit; not in git.\n${text}`;
}

/**
 * zod's core/errors.js and core/parse.js as the bundle takes them, through src/generated/zod-core.js
 * (zod/mini's core) and zod-schemas.js: src/generated/zod-errors.js, $ZodError and $ZodRealError
 * without their `message` accessor (the issues as pretty-printed JSON, made when first read) and the
 * `toString` they put on their prototype to give it, and zod-parse.js, parse.js line for line
 * importing the copies (ZOD_ERROR_COPIES; one copy of each in the bundle). The bundle's only parse
 * is safeParse (z.safeParse(), a schema's safeParse(): ZodMiniType has no parse(),
 * scripts/lib/zod-mini.mjs), which throws no zod error and makes one only when a result's `error` is
 * read; nothing in the bundle reads that error's message nor makes it a string (the app reads its
 * issues: test/node/zod-schemas.test.ts, with TypeScript's checker). Its message is Error's own "".
 * Each text found once, only left out (196 B gzip, with the replacer only the message used).
 */
export const ZOD_ERROR_COPIES = { 'errors.js': './zod-errors.js', 'parse.js': './zod-parse.js' };
/** errors.js's texts left out: [name, text], each found once. */
export const ERROR_MESSAGE = [
  [
    'the message accessor',
    '/* Computing the message eagerly is expensive (pretty-printed JSON of all\n * issues), so defer it until first read. The accessor functions and\n * descriptors are shared across instances to keep error construction\n * cheap; the computed message is cached on the internals object. The\n * setter preserves plain assignment semantics for consumers that\n * overwrite `message`. */\nfunction _getMessage() {\n    const internals = this._zod;\n    internals.message ?? (internals.message = JSON.stringify(internals.def, util.jsonStringifyReplacer, 2));\n    return internals.message;\n}\nfunction _setMessage(value) {\n    this._zod.message = value;\n}\nconst _messageDesc = {\n    get: _getMessage,\n    set: _setMessage,\n    enumerable: true,\n    configurable: true,\n};\n',
  ],
  [
    'the set of prototypes given a toString',
    '/* Prototypes that already carry the lazy `toString`. Seeded with the\n * intrinsics so that `init` on a foreign object — it accepts any object —\n * can never install an accessor onto a prototype we do not own. */\nconst _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);\n',
  ],
  ['the definition of the message', '    Object.defineProperty(inst, "message", _messageDesc);\n'],
  [
    'the toString on the prototype',
    '    /* `toString` lives as a non-enumerable lazy getter on the shared\n     * prototype; on first access it caches a per-instance closure so\n     * detached usage still works. */\n    const proto = Object.getPrototypeOf(inst);\n    if (!_installedToString.has(proto)) {\n        _installedToString.add(proto);\n        Object.defineProperty(proto, "toString", {\n            configurable: true,\n            enumerable: false,\n            get() {\n                const value = () => this.message;\n                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });\n                return value;\n            },\n            set(value) {\n                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });\n            },\n        });\n    }\n',
  ],
];

/** core/errors.js or core/parse.js as src/generated/zod-errors.js or zod-parse.js, importing the copies. */
export function trimZodErrorFile(file, source) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  if (file === 'errors.js') {
    for (const [name, from] of ERROR_MESSAGE) {
      if (text.split(from).length !== 2)
        throw new Error(`zod/v4/core/errors.js: ${name} not found once; update scripts/lib/zod-schemas.mjs`);
      text = text.replace(from, '');
    }
    if (/_messageDesc|_installedToString|, "(message|toString)"/.test(text))
      throw new Error("zod/v4/core/errors.js: more of an error's message than expected; update scripts/lib/zod-schemas.mjs");
    text = markPure('errors.js', text);
  } else if (file === 'parse.js') {
    if (text.split(SAFE_PARSE_CTX.from).length !== 2)
      throw new Error("zod/v4/core/parse.js: safeParse's context not found once; update scripts/lib/zod-schemas.mjs");
    text = withoutConfigArg(file, text.replace(SAFE_PARSE_CTX.from, SAFE_PARSE_CTX.to));
  } else throw new Error(`zod/v4/core/${file} is not copied; see scripts/lib/zod-schemas.mjs`);
  const copies = { ...ZOD_CORE_COPIES, ...ZOD_ERROR_COPIES };
  text = text.replace(/^(import [^\n]* from )"\.\/([\w-]+\.js)";$/gm, (line, head, from) =>
    copies[from] ? `${head}"${copies[from]}";` : line,
  );
  if (/ from "(?!\.\/zod-(?:util|constructor|errors)\.js")/.test(text) || / from "\.\/zod-errors\.js"/.test(text) !== (file === 'parse.js'))
    throw new Error(`zod/v4/core/${file}: other imports than expected; update scripts/lib/zod-schemas.mjs`);
  return `// Generated by scripts/lib/zod-schemas.mjs from zod/v4/core/${file} (MIT, see node_modules/zod/LICENSE). Do not edit; not in git.\n${text}`;
}

/** schemas.js without the Standard Schema interface, importing zod's util.js and core.js as their copies (ZOD_CORE_COPIES), its other core files by a path no alias matches. */
export function trimZodSchemas(source) {
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  for (const [name, pattern, by] of [
    ['the ~standard accessors', STANDARD_ACCESSORS, '\n});\n'],
    ['standardProps', STANDARD_PROPS, '\n'],
  ]) {
    if (text.split(pattern).length !== 2)
      throw new Error(`zod/v4/core/schemas.js: ${name} not found once; update scripts/lib/zod-schemas.mjs`);
    text = text.replace(pattern, by);
  }
  if (text.includes('standard'))
    throw new Error('zod/v4/core/schemas.js: more of the Standard Schema than expected; update scripts/lib/zod-schemas.mjs');
  if (
    text.split(BACKWARD_BRANCH).length < 3 ||
    text.split(CANARY_HELPER).length !== 3 ||
    text.split(CANARY_SKIP).length !== 3 ||
    (text.match(/skipChecks: true/g) ?? []).length !== 1
  )
    throw new Error('zod/v4/core/schemas.js: the encode branches not found as expected; update scripts/lib/zod-schemas.mjs');
  text = text.replace(BACKWARD_BRANCH, '\n').replace(CANARY_HELPER, '\n').replace(CANARY_SKIP, '\n');
  if (/handleCanaryResult|if \(ctx\.direction === "backward"\)|if \(ctx\.skipChecks\)/.test(text))
    throw new Error('zod/v4/core/schemas.js: more of the encode direction than expected; update scripts/lib/zod-schemas.mjs');
  if (text.split(CATCHALL_HELPER).length !== 2 || (text.match(CATCHALL_CALL) ?? []).length !== 2 || text.split(PROP_VALUES).length < 3)
    throw new Error("zod/v4/core/schemas.js: an object's catchall or propValues not found as expected; update scripts/lib/zod-schemas.mjs");
  text = text.replace(CATCHALL_HELPER, '\n').replace(CATCHALL_CALL, `$1${CATCHALL_THROW}`).replace(PROP_VALUES, '\n');
  if (/handleCatchall\(|"propValues"/.test(text))
    throw new Error('zod/v4/core/schemas.js: more of the catchall or propValues than expected; update scripts/lib/zod-schemas.mjs');
  if (text.split(VALUES_PATTERN).length < 3 || text.split(STRING_PATTERN).length !== 2)
    throw new Error("zod/v4/core/schemas.js: the schemas' values and patterns not found as expected; update scripts/lib/zod-schemas.mjs");
  text = text.replace(VALUES_PATTERN, '').replace(STRING_PATTERN, '');
  if (text.split(SHAPE_CHECK).length !== 3)
    throw new Error("zod/v4/core/schemas.js: the object's check of its shape not found as expected; update scripts/lib/zod-schemas.mjs");
  text = text.replace(SHAPE_CHECK, '\n');
  if (text.split(VERSION_STAMP).length !== 2 || (text.match(/\._zod\.version\b/g) ?? []).length !== 1)
    throw new Error("zod/v4/core/schemas.js: the schema's version stamp not found once; update scripts/lib/zod-schemas.mjs");
  text = text.replace(VERSION_STAMP, '');
  const count = (pattern) => (text.match(pattern) ?? []).length;
  if (
    count(MEMO_ATTACH) < 3 ||
    count(MEMO_ATTACH) !== count(/memo\?\.attach\(inst\)/g) ||
    count(MEMO_ALLOC) < 3 ||
    count(MEMO_GUARD) !== 1 ||
    count(MEMO_FLAG) !== 2
  )
    throw new Error("zod/v4/core/schemas.js: the memoizer's hooks not found as expected; update scripts/lib/zod-schemas.mjs");
  text = text.replace(MEMO_ATTACH, '').replace(MEMO_ALLOC, '$1;').replace(MEMO_GUARD, '').replace(MEMO_FLAG, '');
  if (/memo\.alloc\(inst, payload, [^`]*$|memoizer\?\.|if \((?:payload|result)\.memo\)$/m.test(text))
    throw new Error('zod/v4/core/schemas.js: more of the memoizer than expected; update scripts/lib/zod-schemas.mjs');
  for (const [name, left] of [
    ['the string coercion', STRING_COERCE],
    ...NORMALIZED_UNREAD.map((text) => ["an object's unread keys", text]),
  ]) {
    if (text.split(left).length !== 2)
      throw new Error(`zod/v4/core/schemas.js: ${name} not found once; update scripts/lib/zod-schemas.mjs`);
    text = text.replace(left, '');
  }
  if (/\b(keySet|numKeys|optionalKeys)\b/.test(text))
    throw new Error("zod/v4/core/schemas.js: a reader of an object's normalized keys; update scripts/lib/zod-schemas.mjs");
  if (text.split(WHEN_BRANCH.from).length !== 2)
    throw new Error("zod/v4/core/schemas.js: the checks' run of a check's `when` not found once; update scripts/lib/zod-schemas.mjs");
  text = text.replace(WHEN_BRANCH.from, WHEN_BRANCH.to);
  for (const [name, from, to] of ASYNC_BRANCHES) {
    if (text.split(from).length !== 2 || !onlyLeavesOut(from, to))
      throw new Error(`zod/v4/core/schemas.js: ${name} (asynchronous parse) not found once; update scripts/lib/zod-schemas.mjs`);
    text = text.replace(from, to);
  }
  for (const [name, from, to] of OBJECT_SYNC_EDITS) {
    if (text.split(from).length !== 2)
      throw new Error(`zod/v4/core/schemas.js: ${name} not found once; update scripts/lib/zod-schemas.mjs`);
    text = text.replace(from, to);
  }
  if (/defineLazyInternal\(inst, "(values|pattern)"/.test(text))
    throw new Error("zod/v4/core/schemas.js: more of the schemas' values and patterns than expected; update scripts/lib/zod-schemas.mjs");
  if (count(ISSUE_STAMP) !== 2 || text.split(REFINE_PARAMS).length !== 2)
    throw new Error(
      "zod/v4/core/schemas.js: the stamps of a schema on its issues or a refinement's params not found as expected; update scripts/lib/zod-schemas.mjs",
    );
  text = text.replace(ISSUE_STAMP, '').replace(REFINE_PARAMS, '');
  if (text.split(CUSTOM_PROMISE.from).length !== 2)
    throw new Error("zod/v4/core/schemas.js: a custom refinement's Promise not found once; update scripts/lib/zod-schemas.mjs");
  text = text.replace(CUSTOM_PROMISE.from, CUSTOM_PROMISE.to);
  text = withoutConfigArg('schemas.js', text);
  for (const [name, from, to] of LEAN_EDITS) {
    if (text.split(from).length !== 2)
      throw new Error(`zod/v4/core/schemas.js: ${name} not found once; update scripts/lib/zod-schemas.mjs`);
    text = text.replace(from, to);
  }
  if (/attachSchema|_iss\.params/.test(text))
    throw new Error(
      "zod/v4/core/schemas.js: more stamps of a schema or reads of a def's params than expected; update scripts/lib/zod-schemas.mjs",
    );
  text = text.replace(
    /^((?:import|export) [^\n]* from )"\.\/([\w-]+\.js)";$/gm,
    (_, head, file) => `${head}"${ZOD_CORE_COPIES[file] ?? ZOD_ERROR_COPIES[file] ?? `../../node_modules/zod/v4/core/${file}`}";`,
  );
  if (/ from "\.\/(?!zod-(?:util|constructor|parse)\.js")/.test(text))
    throw new Error('zod/v4/core/schemas.js: other imports than expected; update scripts/lib/zod-schemas.mjs');
  return `// Generated by scripts/lib/zod-schemas.mjs from zod/v4/core/schemas.js (MIT, see node_modules/zod/LICENSE). Do not edit; not in git.\n${text}`;
}

/**
 * zod's core as zod/mini imports it, its schemas from zod-schemas.js, its parse and errors from
 * zod-parse.js and zod-errors.js (ZOD_ERROR_COPIES): named exports take the
 * place of the same names of an `export *` (the rest of core/index.js, by a path no alias matches).
 */
export function zodCore(schemasSource, parseSource, errorsSource) {
  const names = exportsOf(schemasSource).filter((name) => name !== 'standardProps');
  return `// Generated by scripts/lib/zod-schemas.mjs (zod's core with src/generated/zod-schemas.js for its schemas, zod-parse.js and zod-errors.js for its parse and errors). Do not edit; not in git.
export * from "../../node_modules/zod/v4/core/index.js";
export { ${names.join(', ')} } from "./zod-schemas.js";
export { ${exportsOf(parseSource).join(', ')} } from "./zod-parse.js";
export { ${exportsOf(errorsSource).join(', ')} } from "./zod-errors.js";
`;
}
