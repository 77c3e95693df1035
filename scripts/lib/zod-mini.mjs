// zod/mini's schemas (zod/v4/mini/schemas.js) as the Worker bundles them (wrangler.toml [alias]
// "../v4/mini/external.js", the text by which zod/mini's entry point, all the app imports of zod,
// imports the rest of it: src/generated/zod-mini-external.js). The text "./schemas.js" by which
// mini's modules import their schemas is also how zod's core imports its own, so no alias can take
// it: the entry's module and each of mini's modules that imports its schemas (coerce.js, iso.js,
// deep-partial.js, in-out.js) are copied here as they are, each importing the copies in place of
// mini's files, zod's core as src/generated/zod-core.js (scripts/lib/zod-schemas.mjs), and zod's
// other files by a path no alias matches. The copy of schemas.js is mini's without seven methods of
// every schema that nothing in the bundle calls: `with` (an alias of `check`), parse (the app
// parses with safeParse and z.safeParse; the method took zod's throwing parse, its error's stack
// capture and the global config's lookup along: 110 B gzip), parseAsync,
// safeParseAsync (the generated zValidator calls safeParse: scripts/lib/hono-validator.mjs), brand,
// register and apply (the app calls safeParse and check),
// nor an object's `shape` accessor, which nothing reads (128 and 62 B).
// Parsing is zod's own, line for line. scripts/fingerprint.mjs writes the files from the installed
// zod at every `prepare-assets`, so they never go stale; a text it does not find once stops that
// script. test/node/zod-mini.test.ts holds them to zod's modules.

/** mini's modules copied to src/generated/zod-mini-<name>.js: its entry's, its schemas and every importer of its schemas. */
export const MINI_COPIES = ['external', 'schemas', 'coerce', 'iso', 'deep-partial', 'in-out'];

/** ZodMiniType's methods that nothing in the bundle calls (the `with` alias is a getter and a setter). */
export const LEFT_METHODS = ['with', 'parse', 'parseAsync', 'safeParseAsync', 'brand', 'register', 'apply'];

/**
 * ZodMiniObject's `shape` accessor (schema.shape, the same object as its def's shape), which
 * nothing in the bundle reads: zod's object parse reads its def's shape, the app neither.
 */
export const SHAPE_ACCESSOR = '\n    util.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);\n';

/**
 * ZodMiniType's check that its instance was made by a core schema first ("Uninitialized schema"):
 * zod's $constructor gives an instance its `_zod` before it runs any initializer, ZodMiniType's
 * too (core/core.js), so the check never throws (23 B gzip).
 */
export const UNINITIALIZED_CHECK = '\n    if (!inst._zod)\n        throw new Error("Uninitialized schema in ZodMiniType.");\n';

/**
 * ZodMiniType's check() of a plain function (zod makes a check of it): the app's checks are all
 * zod's own (z.refine(), z.superRefine() and its helpers of them: test/node/zod-mini.test.ts, with
 * TypeScript's checker), so each is handed on as it is (26 B gzip).
 */
export const CHECK_FUNCTIONS = {
  from: '                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),\n',
  to: '                ...checks,\n',
};

/** A method of ZodMiniType's prototype table (its constructor's third argument), with its comments, from its name to its closing brace. */
const method = (name) =>
  new RegExp(`\\n(?: {4}//[^\\n]*\\n)* {4}(?:get |set )?${name}\\([^)\\n]*\\) \\{\\n(?: {8}[^\\n]*\\n)* {4}\\},(?=\\n|$)`, 'g');

/** A mini module's imports: its copies by their generated names, zod's core as zod-core.js, its util.js and core.js as their copies (zod-util.js, zod-constructor.js: scripts/lib/zod-schemas.mjs), the rest by a path no alias matches. */
export function rewriteImports(file, text) {
  const rewritten = text.replace(/^((?:import|export) [^\n]* from )"([^"]+)";$/gm, (_, head, from) => {
    const local = /^\.\/([\w-]+)\.js$/.exec(from)?.[1];
    if (local !== undefined)
      return `${head}"${MINI_COPIES.includes(local) ? `./zod-mini-${local}.js` : `../../node_modules/zod/v4/mini/${local}.js`}";`;
    if (from === '../core/index.js') return `${head}"./zod-core.js";`;
    if (from === '../core/util.js' || from === '../core/core.js')
      return `${head}"./zod-${from === '../core/util.js' ? 'util' : 'constructor'}.js";`;
    const zod = /^\.\.\/(core|locales)\/([\w-]+\.js)$/.exec(from);
    if (zod) return `${head}"../../node_modules/zod/v4/${zod[1]}/${zod[2]}";`;
    throw new Error(`zod/v4/mini/${file}.js: an import from ${from} not expected; update scripts/lib/zod-mini.mjs`);
  });
  if (/(?:from|import) ?"\.\.?\/(?!zod-|\.\.\/node_modules\/zod\/v4\/)/.test(rewritten))
    throw new Error(`zod/v4/mini/${file}.js: other imports than expected; update scripts/lib/zod-mini.mjs`);
  return rewritten;
}

/** A mini module (MINI_COPIES) as src/generated/zod-mini-<file>.js: schemas.js without LEFT_METHODS, every one importing the copies. */
export function zodMini(file, source) {
  if (!MINI_COPIES.includes(file)) throw new Error(`zod/v4/mini/${file}.js is not copied; see scripts/lib/zod-mini.mjs`);
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  if (file === 'schemas') {
    const head = '\nexport const ZodMiniType = /*@__PURE__*/ core.$constructor("ZodMiniType", (inst, def) => {\n';
    const start = text.indexOf(head);
    const end = text.indexOf('\n});\n', start);
    if (start === -1 || text.indexOf(head, start + 1) !== -1 || end === -1)
      throw new Error('zod/v4/mini/schemas.js: ZodMiniType not found once; update scripts/lib/zod-mini.mjs');
    let type = text.slice(start, end);
    for (const name of LEFT_METHODS) {
      const found = type.match(method(name))?.length ?? 0;
      if (found !== (name === 'with' ? 2 : 1))
        throw new Error(`zod/v4/mini/schemas.js: ZodMiniType's ${name}() not found as expected; update scripts/lib/zod-mini.mjs`);
      type = type.replace(method(name), '');
    }
    // (`parse.` is mini's parse module, through which safeParse parses.)
    if (new RegExp(`\\b(?:${LEFT_METHODS.join('|')})\\b(?!\\.)`).test(type))
      throw new Error("zod/v4/mini/schemas.js: more of ZodMiniType's left methods than expected; update scripts/lib/zod-mini.mjs");
    text = text.slice(0, start) + type + text.slice(end);
    if (text.split(SHAPE_ACCESSOR).length !== 2)
      throw new Error("zod/v4/mini/schemas.js: ZodMiniObject's shape accessor not found once; update scripts/lib/zod-mini.mjs");
    text = text.replace(SHAPE_ACCESSOR, '\n');
    if (text.split(UNINITIALIZED_CHECK).length !== 2)
      throw new Error("zod/v4/mini/schemas.js: ZodMiniType's check of its instance not found once; update scripts/lib/zod-mini.mjs");
    text = text.replace(UNINITIALIZED_CHECK, '\n');
    if (text.split(CHECK_FUNCTIONS.from).length !== 2)
      throw new Error("zod/v4/mini/schemas.js: ZodMiniType's check() of a function not found once; update scripts/lib/zod-mini.mjs");
    text = text.replace(CHECK_FUNCTIONS.from, CHECK_FUNCTIONS.to);
    if (/installLazyProp|"shape"/.test(text))
      throw new Error('zod/v4/mini/schemas.js: more lazy properties than expected; update scripts/lib/zod-mini.mjs');
  }
  return `// Generated by scripts/lib/zod-mini.mjs from zod/v4/mini/${file}.js (MIT, see node_modules/zod/LICENSE). Do not edit; not in git.\n${rewriteImports(file, text)}`;
}
