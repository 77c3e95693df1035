// zod's schemas as wrangler.toml's [alias] "../core/index.js" puts them in the Worker's bundle
// (src/generated/zod-core.js and zod-schemas.js, written by scripts/lib/zod-schemas.mjs from the
// installed zod): zod's core, its schemas line for line but for the Standard Schema interface
// (`~standard`), which nothing in the bundle reads, and the branches of zod's encode direction
// (`ctx.direction === "backward"` and its canary pass), which nothing in the bundle sets. The
// Workers tests (vitest.config.ts applies the same aliases), the e2e suite and the bench parse through it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  ASYNC_BRANCHES,
  ASYNC_MESSAGE,
  CATCHALL_THROW,
  CONFIG_ARG,
  CONFIG_MESSAGES,
  CUSTOM_PROMISE,
  ERROR_MESSAGE,
  exportsOf,
  FINALIZE_UNSET,
  GLOBAL_CONFIG,
  HAS_INSTANCE,
  LEAN_EDITS,
  MEMO_ALLOC,
  NEW_ERROR,
  NORMALIZE_PARAMS,
  OBJECT_SYNC_EDITS,
  onlyLeavesOut,
  POST_PROCESSOR,
  PURE_EXPORTS,
  SAFE_PARSE_CTX,
  trimZodCoreFile,
  trimZodErrorFile,
  trimZodSchemas,
  WHEN_BRANCH,
  ZOD_CORE_COPIES,
  ZOD_ERROR_COPIES,
  zodCore,
} from '../../scripts/lib/zod-schemas.mjs';
import { appProgram, esmOf, root, sourceCode, sources } from './drizzle-files';

const core = join(root, 'node_modules', 'zod', 'v4', 'core');
const original = () => readFileSync(join(core, 'schemas.js'), 'utf8');
const generated = (file: string) => readFileSync(join(root, 'src', 'generated', file), 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
/** A generated copy with PURE_EXPORTS's edits of its file undone. */
const unpure = (file: string, text: string) =>
  PURE_EXPORTS.filter(([of]) => of === file).reduce((copy, [, from, to]) => copy.replace(to, from), text);

describe('src/generated/zod-core.js and zod-schemas.js, in place of zod/v4/core in the bundle', () => {
  it("wrangler.toml aliases the text by which zod/mini imports zod's core, and no other bundled package imports it", () => {
    expect(toml()).toContain('"../core/index.js" = "./src/generated/zod-core.js"');
    const importers = [
      'hono/dist',
      'zod/v4/mini',
      'zod/v4/core',
      'drizzle-orm/sqlite-core',
      'drizzle-orm/d1',
      '@hono/zod-validator',
      'lean-qr',
    ]
      .flatMap(esmOf)
      .filter((file) => /from "\.\.\/core\/index\.js"/.test(readFileSync(join(root, 'node_modules', file), 'utf8')));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file).toMatch(/^zod[\\/]v4[\\/]mini[\\/]/);
  });

  it('is what scripts/fingerprint.mjs writes from the installed zod (not stale), refusing a text it was not written for', () => {
    expect(generated('zod-schemas.js')).toBe(trimZodSchemas(original()));
    expect(generated('zod-core.js')).toBe(
      zodCore(original(), readFileSync(join(core, 'parse.js'), 'utf8'), readFileSync(join(core, 'errors.js'), 'utf8')),
    );
    expect(() => trimZodSchemas(original().replace('get "~standard"()', 'get "~std"()'))).toThrow(/not found once/);
    expect(() => trimZodSchemas(`import { x } from "./other.js";\n${original()}`.replace('./other.js', './other/x.js'))).toThrow(
      /other imports than expected/,
    );
    expect(() => trimZodSchemas(original().replace('if (ctx.skipChecks) {', 'if (ctx.skip) {'))).toThrow(/encode branches not found/);
    expect(() => trimZodSchemas(original().replace('skipChecks: true', 'skipChecks: !0'))).toThrow(/encode branches not found/);
    expect(() => trimZodSchemas(original().replace('function handleCatchall(', 'function catchall('))).toThrow(
      /catchall or propValues not found/,
    );
    expect(() => trimZodSchemas(original().replace('for (const k of allKeys) {', 'for (const key of allKeys) {'))).toThrow(
      /check of its shape not found/,
    );
  });

  it("is zod's module line for line but for the Standard Schema interface, the encode direction, catchall, propValues, values and patterns, importing zod's own core files", () => {
    const ours = generated('zod-schemas.js').split('\n').slice(1);
    // (Less the lines of the asynchronous parse's branches, held by the test below.)
    let withoutAsync = original().replace(WHEN_BRANCH.from, WHEN_BRANCH.to);
    for (const [, from, to] of ASYNC_BRANCHES) withoutAsync = withoutAsync.replace(from, to);
    // (And an object's parse without its abortEarly and promises, held by its own test below.)
    for (const [, from, to] of OBJECT_SYNC_EDITS) withoutAsync = withoutAsync.replace(from, to);
    // (And finalizeIssue given no config: CONFIG_ARG, held by its own test below.)
    withoutAsync = withoutAsync.replaceAll(CONFIG_ARG.from, CONFIG_ARG.to);
    // (And an object's symbol keys and lazy shape, a catch's context: LEAN_EDITS, held by their own test below.)
    for (const [, from, to] of LEAN_EDITS) withoutAsync = withoutAsync.replace(from, to);
    const theirs = withoutAsync.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n').split('\n');
    const normalized = ours.map((line) =>
      line
        .replace('"../../node_modules/zod/v4/core/', '"./')
        .replace(/"\.\/zod-(util|constructor|parse)\.js"/, (_, name) => `"./${name === 'constructor' ? 'core' : name}.js"`),
    );
    // Every line of ours is zod's, in zod's order, but the throw in place of each call of the
    // catchall's handler; what is left out comes in runs of lines next to each other.
    // (And a container's result allocated without the memoizer: `memo ? memo.alloc(…, {}, ctx) : {}` as `{}`.)
    const same = (theirsLine: string, line: string) =>
      theirsLine === line ||
      (line.endsWith(CATCHALL_THROW) && theirsLine.startsWith(`${line.slice(0, -CATCHALL_THROW.length)}return handleCatchall(`)) ||
      (theirsLine !== theirsLine.replace(MEMO_ALLOC, '$1;') && theirsLine.replace(MEMO_ALLOC, '$1;') === line) ||
      // (A custom refinement's Promise returned as it is: the test of the asynchronous branches below.)
      (`${theirsLine}\n` === CUSTOM_PROMISE.from && `${line}\n` === CUSTOM_PROMISE.to);
    let at = 0;
    let throws = 0;
    let allocs = 0;
    let promises = 0;
    const runs: string[][] = [];
    const leave = (until: number) => {
      if (at < until) runs.push(theirs.slice(at, until));
      at = until;
    };
    for (const line of normalized) {
      let next = at;
      while (next < theirs.length && !same(theirs[next] ?? '', line)) next += 1;
      expect(next, line).toBeLessThan(theirs.length);
      if (theirs[next] !== line) {
        if (line.endsWith(CATCHALL_THROW)) throws += 1;
        else if (`${line}\n` === CUSTOM_PROMISE.to) promises += 1;
        else allocs += 1;
      }
      leave(next);
      at += 1;
    }
    leave(theirs.length);
    expect(throws).toBe(2);
    expect(promises).toBe(1);
    expect(allocs).toBe((original().match(MEMO_ALLOC) ?? []).length);
    expect(allocs).toBeGreaterThan(2);
    // zod/mini takes the memoizer only from z.config({ memoizer: memoizer() }), which the app never calls.
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/\bmemoizer\b|\bz\.config\(/);
    // A run is the Standard Schema's, or whole statements of what nothing in the bundle reaches:
    // a schema's `if (ctx.direction === "backward") { … }`, $ZodType's canary helper and its
    // `if (ctx.skipChecks) { … }`, the catchall's handler, every schema's lazy propValues, values
    // and pattern, the string's own pattern, an object's check that its shape is made of schemas,
    // the memoizer's hooks (the JIT compiler's use of it, not in the bundle, stays), and $ZodType's
    // stamp of zod's version on each schema.
    const leftStatement =
      /^( *)(if \(ctx\.direction === "backward"\) \{|if \(ctx\.skipChecks\) \{|const handleCanaryResult = \(canary, payload, ctx\) => \{|function handleCatchall\(proms, input, payload, ctx, def, inst, abortEarly\) \{|util\.defineLazyInternal\(inst, "(?:propValues|values|pattern)", \(zod\) => (?:\{|[^{]*\);)|inst\._zod\.pattern = def\.pattern \?\? regexes\.anyString;|for \(const k of allKeys\) \{|const memo = core\.globalConfig\.memoizer;|memo\?\.attach\(inst\);|core\.globalConfig\.memoizer\?\.guard\(inst\);|if \((?:payload|result)\.memo\)|inst\._zod\.version = version;|if \(def\.coerce\)|const okeys = util\.optionalKeys\(def\.shape\);|\/\/ string-only: handleCatchall [^\n]*|keySet: new Set\(keys\),|numKeys: keys\.length,|optionalKeys: new Set\(okeys\),|util\.attachSchema\(payload\.issues, (?:currLen|start), inst\);|if \(inst\._zod\.def\.params\))$/;
    const left: string[] = [];
    const statements: string[] = [];
    for (const run of runs) {
      if (!leftStatement.test(run[0] ?? '')) {
        // The Standard Schema's: its accessors on $ZodType's prototype, and standardProps with its helpers.
        expect(run.join('\n'), run.join('\n')).toMatch(/~standard|Standard Schema/);
        left.push(...run);
        continue;
      }
      for (let i = 0; i < run.length; ) {
        const [, indent = '', head = ''] = leftStatement.exec(run[i] ?? '') ?? [];
        expect(head, run.join('\n')).not.toBe('');
        // (A brace-less `if` is its line and the one below it; the string's coercion, its try and catch.)
        const end = head.endsWith('{')
          ? run.findIndex((line, j) => j > i && [`${indent}}`, `${indent}};`, `${indent}});`].includes(line))
          : head === 'if (def.coerce)'
            ? run.findIndex((line, j) => j > i && line === `${indent}    catch (_) { }`)
            : head.startsWith('if (')
              ? i + 1
              : i;
        expect(end, run.join('\n')).toBeGreaterThanOrEqual(i);
        for (const line of run.slice(i + 1, end)) expect(line === '' || line.startsWith(`${indent} `), line).toBe(true);
        statements.push(/"(propValues|values|pattern)"/.exec(head)?.[1] ?? head);
        i = end + 1;
      }
    }
    const count = (pattern: RegExp) => (original().match(pattern) ?? []).length;
    expect(statements.filter((head) => head.includes('backward')).length).toBe(count(/if \(ctx\.direction === "backward"\) \{/g));
    const lazy = ['propValues', 'values', 'pattern'];
    for (const name of lazy)
      expect(statements.filter((head) => head === name).length, name).toBe(
        count(new RegExp(`util\\.defineLazyInternal\\(inst, "${name}"`, 'g')),
      );
    // The memoizer's: each container's two lines, the transform's guard, and the flag's two reads.
    const memo = statements.filter((head) => /memo/.test(head));
    expect(memo.filter((head) => head === 'const memo = core.globalConfig.memoizer;').length).toBe(count(/memo\?\.attach\(inst\);/g));
    expect(memo.filter((head) => head === 'memo?.attach(inst);').length).toBe(count(/memo\?\.attach\(inst\);/g));
    expect(memo.filter((head) => !head.includes('const memo') && !head.includes('attach')).sort()).toEqual([
      'core.globalConfig.memoizer?.guard(inst);',
      'if (payload.memo)',
      'if (result.memo)',
    ]);
    expect(statements.filter((head) => !head.includes('backward') && !lazy.includes(head) && !memo.includes(head)).sort()).toEqual(
      [
        'const handleCanaryResult = (canary, payload, ctx) => {',
        'for (const k of allKeys) {',
        'function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {',
        'if (ctx.skipChecks) {',
        'inst._zod.pattern = def.pattern ?? regexes.anyString;',
        'inst._zod.version = version;',
        // (The string's coercion, and of an object's normalized shape what nothing reads: STRING_COERCE, NORMALIZED_UNREAD.)
        'if (def.coerce)',
        'const okeys = util.optionalKeys(def.shape);',
        '// string-only: handleCatchall matches it against `for...in`, which never yields a symbol',
        'keySet: new Set(keys),',
        'numKeys: keys.length,',
        'optionalKeys: new Set(okeys),',
        // (The checks' stamps of their schema on an issue and a refinement's params: ISSUE_STAMP, REFINE_PARAMS.)
        'util.attachSchema(payload.issues, currLen, inst);',
        'util.attachSchema(payload.issues, start, inst);',
        'if (inst._zod.def.params)',
      ].sort(),
    );
    // Nothing in zod's modules (nor the app) reads a schema's version: only $ZodType sets it.
    const zodFiles = (readdirSync(core) as string[]).filter((file) => file.endsWith('.js'));
    for (const file of zodFiles)
      expect((readFileSync(join(core, file), 'utf8').match(/_zod\.version\b/g) ?? []).length, file).toBe(file === 'schemas.js' ? 1 : 0);
    for (const file of sources('src'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/_zod\.version|\.version\.(major|minor|patch)\b/);
    // The only `skipChecks: true` is the canary's, in a left-out backward branch: what the generated run no longer reads.
    expect(original().match(/skipChecks: true/g)).toHaveLength(1);
    expect(generated('zod-schemas.js')).not.toMatch(/skipChecks: true|handleCanaryResult|handleCatchall\(|"propValues"/);
    const code = left.filter((line) => line.trim() !== '' && !/^\s*(\/\/|\/\*\*|\*)/.test(line)).join('\n');
    expect(code).toMatch(/get "~standard"\(\)/);
    expect(code).toMatch(/export function standardProps\(inst\)/);
    // No schema kind, nor any other export: only the interface's accessors and its helpers.
    expect(code).not.toMatch(/\$constructor\(/);
    expect(code.match(/^export /gm)).toEqual(['export ']);
    expect(generated('zod-schemas.js')).not.toContain('standard');
    for (const [, from = ''] of generated('zod-schemas.js').matchAll(/ from "([^"]+)";$/gm))
      expect(from).toMatch(
        /^\.\.\/\.\.\/node_modules\/zod\/v4\/core\/(?!util\.js|core\.js|parse\.js)[\w-]+\.js$|^\.\/zod-(util|constructor|parse)\.js$/,
      );
  });

  it("exports what zod's core does, its schemas the generated ones, and parses as zod's", async () => {
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    const schemas = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-schemas.js')).href);
    const zod = await import(pathToFileURL(join(core, 'index.js')).href);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(zod).sort());
    const names = exportsOf(original()).filter((name) => name !== 'standardProps');
    for (const name of names) expect(ours[name], name).toBe(schemas[name]);
    // zod's parse and errors from their copies (zod-parse.js, zod-errors.js: their own tests below).
    const parse = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-parse.js')).href);
    const errors = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-errors.js')).href);
    for (const copy of [parse, errors]) for (const name of Object.keys(copy)) expect(ours[name], name).toBe(copy[name]);
    const copied = [...Object.keys(parse), ...Object.keys(errors)];
    expect(copied).toContain('safeParse');
    expect(copied).toContain('$ZodRealError');
    for (const name of Object.keys(zod).filter((key) => !names.includes(key) && !copied.includes(key)))
      expect(ours[name], name).toBe(zod[name]);
    // A schema of each kind the app builds parses as zod's own does.
    for (const z of [ours, zod]) {
      const object = new z.$ZodObject({
        type: 'object',
        shape: {
          name: new z.$ZodString({ type: 'string' }),
          note: new z.$ZodOptional({ type: 'optional', innerType: new z.$ZodString({ type: 'string' }) }),
        },
      });
      expect(z.safeParse(object, { name: 'Anna', extra: 1 })).toEqual({ success: true, data: { name: 'Anna' } });
      expect(z.safeParse(object, { name: 1 }).success).toBe(false);
      expect(z.safeParse(object, { name: 1 }).error.issues[0].path).toEqual(['name']);
      const piped = new z.$ZodPipe({
        type: 'pipe',
        in: new z.$ZodString({ type: 'string' }),
        out: new z.$ZodTransform({ type: 'transform', transform: (value: string) => value.trim() }),
      });
      expect(z.parse(piped, ' x ')).toBe('x');
      expect(await z.safeParseAsync(piped, ' y ')).toEqual({ success: true, data: 'y' });
      const string = new z.$ZodString({ type: 'string' });
      const caught = new z.$ZodCatch({ type: 'catch', innerType: string, catchValue: () => 'fallback' });
      expect([z.parse(caught, 'x'), z.parse(caught, 1)]).toEqual(['x', 'fallback']);
      const defaulted = new z.$ZodDefault({ type: 'default', innerType: string, defaultValue: 'none' });
      expect([z.parse(defaulted, 'x'), z.parse(defaulted, undefined)]).toEqual(['x', 'none']);
    }
    // An object with a catchall (z.strictObject, z.looseObject) throws rather than pass unchecked keys.
    const strict = (z: typeof ours) =>
      new z.$ZodObject({
        type: 'object',
        shape: { name: new z.$ZodString({ type: 'string' }) },
        catchall: new z.$ZodNever({ type: 'never' }),
      });
    expect(() => ours.safeParse(strict(ours), { name: 'Anna', extra: 1 })).toThrow(/zod catchall/);
    expect(zod.safeParse(strict(zod), { name: 'Anna', extra: 1 }).error.issues[0].code).toBe('unrecognized_keys');
    expect('~standard' in new ours.$ZodString({ type: 'string' })).toBe(false);
    expect('~standard' in new zod.$ZodString({ type: 'string' })).toBe(true);
  });

  it('parses an object without its abortEarly, which no context of the bundle has, and without the promises nothing fills', () => {
    let text = original().replace(WHEN_BRANCH.from, WHEN_BRANCH.to);
    for (const [, from, to] of ASYNC_BRANCHES) text = text.replace(from, to);
    for (const [name, from, to] of OBJECT_SYNC_EDITS) {
      expect(text.split(from).length, name).toBe(2);
      // Lines left out; the return's one line keeps its payload only (its promises' part was of none).
      if (name.endsWith('awaited')) {
        expect(from.trim()).toBe('return proms.length ? Promise.all(proms).then(() => payload) : payload;');
        expect(to.trim()).toBe('return payload;');
      } else expect(onlyLeavesOut(from, to), name).toBe(true);
      text = text.replace(from, to);
    }
    // The object's parse in the bundle: no abortEarly read, no promise collected.
    const ours = generated('zod-schemas.js');
    const object = ours.slice(ours.indexOf('export const $ZodObject = '), ours.indexOf('export const $ZodObjectJIT = '));
    expect(object).toContain('inst._zod.parse = (payload, ctx) => {');
    expect(object).not.toMatch(/abortEarly|proms/);
    // Before, the object's list of promises was filled only by the branches ASYNC_BRANCHES leave out.
    const before = original().slice(original().indexOf('export const $ZodObject = '), original().indexOf('export const $ZodObjectJIT = '));
    expect(before.match(/proms\.push\(/g)).toHaveLength(1);
    expect(ASYNC_BRANCHES.find(([name]) => name === "an object's property")?.[1]).toContain('proms.push(');
    // abortEarly: set only by zod's validate() and validateAsync() (core/parse.js), which the bundle
    // has not, and a context the app would give a parse, which it gives none: bundle.test.ts finds
    // no `abortEarly` in the bundle.
    const setters = readdirSync(core)
      .filter((file) => file.endsWith('.js') && /abortEarly: true/.test(readFileSync(join(core, file), 'utf8')))
      .sort();
    expect(setters).toEqual(['parse.js']);
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/abortEarly|\bz\.validate\b/);
  });

  it("leaves out only the lines of an asynchronous parse's branches, which a synchronous parse never takes", async () => {
    const text = original();
    expect(ASYNC_BRANCHES.length).toBe(8);
    for (const [name, from, to] of ASYNC_BRANCHES) {
      expect(text.split(from).length, name).toBe(2);
      expect(onlyLeavesOut(from, to), name).toBe(true);
      // What goes comes in runs of lines, each starting at a Promise's branch (`let asyncResult;`, an
      // `if` on a Promise, on the chained checks or on `ctx.async`), or at an `else {` or a closing
      // brace whose `if` went with its body kept.
      const lines = from.split('\n');
      const kept = to.split('\n');
      const runs: string[] = [];
      for (let i = 0, k = 0; i < lines.length; i += 1) {
        if (k < kept.length && lines[i] === kept[k]) k += 1;
        else if (i === 0 || lines[i - 1] === kept[k - 1]) runs.push((lines[i] ?? '').trim());
      }
      expect(runs.length, name).toBeGreaterThan(0);
      for (const head of runs)
        expect(head, name).toMatch(/^(?:let asyncResult;|if \((?:asyncResult|ctx\.async|\w+ instanceof Promise)\b.*|\})$/);
    }
    expect(() =>
      trimZodSchemas(text.replace('if (asyncResult || _ instanceof Promise) {', 'if (_ instanceof Promise || asyncResult) {')),
    ).toThrow(/asynchronous parse\) not found once/);
    expect(generated('zod-schemas.js')).not.toMatch(/asyncResult|\bctx\.async\b(?! === false)/);
    // A custom refinement's check gives its function's Promise as it is, for which the checks' run throws.
    expect(text.split(CUSTOM_PROMISE.from)).toHaveLength(2);
    expect(text).toContain(`        if (r instanceof Promise) {\n${CUSTOM_PROMISE.from}        }\n`);
    expect(generated('zod-schemas.js')).toContain(`        if (r instanceof Promise) {\n${CUSTOM_PROMISE.to}        }\n`);
    expect(generated('zod-schemas.js')).toContain(
      '                if (_ instanceof Promise && ctx?.async === false) {\n                    throw new core.$ZodAsyncError();',
    );
    expect(() => trimZodSchemas(text.replace(CUSTOM_PROMISE.from, CUSTOM_PROMISE.from.replace('(r) =>', 'r =>')))).toThrow(
      /custom refinement's Promise not found once/,
    );
    // A synchronous parse answers as zod's, also where a transform or a refinement gives a Promise (zod's $ZodAsyncError).
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    const zod = await import(pathToFileURL(join(core, 'index.js')).href);
    const answers = (z: typeof ours) => {
      const string = () => new z.$ZodString({ type: 'string' });
      const refined = (fn: (value: unknown) => unknown) => new z.$ZodCustom({ type: 'custom', check: 'custom', fn });
      const shape = {
        name: new z.$ZodPipe({
          type: 'pipe',
          in: string(),
          out: new z.$ZodTransform({ type: 'transform', transform: (value: string) => value.trim() }),
        }),
        note: new z.$ZodOptional({
          type: 'optional',
          innerType: new z.$ZodCatch({ type: 'catch', innerType: string(), catchValue: () => 'caught' }),
        }),
        tag: new z.$ZodOptional({
          type: 'optional',
          innerType: new z.$ZodDefault({ type: 'default', innerType: string(), defaultValue: 'none' }),
        }),
      };
      const object = new z.$ZodObject({ type: 'object', shape });
      const checked = new z.$ZodString({ type: 'string', checks: [refined((value) => value !== 'no')] });
      const run = (schema: unknown, value: unknown) => {
        try {
          const result = z.safeParse(schema, value);
          return result.success ? result : { success: false, issues: result.error.issues };
        } catch (error) {
          return { threw: (error as Error).constructor.name, message: (error as Error).message };
        }
      };
      return [
        ...[{ name: ' a ' }, { name: 1 }, { name: 'b', note: 2 }, { name: 'c', note: 'x', tag: undefined }, {}, 'x'].map((value) =>
          run(object, value),
        ),
        ...['yes', 'no', 3].map((value) => run(checked, value)),
        run(new z.$ZodTransform({ type: 'transform', transform: async () => 1 }), 'x'),
        run(new z.$ZodString({ type: 'string', checks: [refined(async () => true)] }), 'x'),
        run(new z.$ZodObject({ type: 'object', shape: { a: new z.$ZodTransform({ type: 'transform', transform: async () => 1 }) } }), {
          a: 1,
        }),
      ];
    };
    // (Its $ZodAsyncError with the bundle's message for a path it never reaches: ASYNC_MESSAGE, its own test below.)
    const zodMessage = ASYNC_MESSAGE.from.slice('super(`'.length, -'`);'.length);
    expect(JSON.parse(JSON.stringify(answers(ours)).replaceAll('not part of this build', zodMessage))).toEqual(answers(zod));
    expect(answers(zod).at(-1)).toMatchObject({ message: expect.stringMatching(/Encountered Promise during synchronous parse/) });
    expect(answers(ours).at(-1)).toMatchObject({ threw: '$ZodAsyncError', message: 'not part of this build' });
  });

  it("runs a check unless the payload is aborted: no check of the bundle has a `when` (zod's size and length checks, a check's params)", async () => {
    // The one edit: the branch of a check with a `when` gone, its `else if (isAborted)` an `if`.
    expect(original().split(WHEN_BRANCH.from)).toHaveLength(2);
    expect(WHEN_BRANCH.from.endsWith(`                else ${WHEN_BRANCH.to.trimStart()}`)).toBe(true);
    expect(WHEN_BRANCH.from.startsWith('                if (ch._zod.def.when) {\n')).toBe(true);
    expect(generated('zod-schemas.js')).not.toMatch(/if \(ch\._zod\.def\.when\)|explicitlyAborted/);
    // Who sets a check's `when` in zod: its checks.js (size and length checks) and a check's params.
    const setters = (readdirSync(core) as string[]).filter(
      (file) => file.endsWith('.js') && /\.when \?\?|when:/.test(readFileSync(join(core, file), 'utf8')),
    );
    expect(setters.sort()).toEqual(['checks.js']);
    for (const file of sources('src')) {
      const text = sourceCode(file);
      if (!/from 'zod/.test(text)) continue;
      expect(text, file).not.toMatch(/\bwhen\b/);
    }
    // The same answers as zod's for the checks the app's schemas have: refinements, several on one schema, after a failed parse.
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    const zod = await import(pathToFileURL(join(core, 'index.js')).href);
    const answers = (z: typeof ours) => {
      const refine = (fn: (value: unknown) => boolean, abort = false) => new z.$ZodCustom({ type: 'custom', check: 'custom', fn, abort });
      const schema = new z.$ZodString({
        type: 'string',
        checks: [refine((value) => String(value).length > 1), refine((value) => value !== 'xx', true), refine((value) => value !== 'yy')],
      });
      return ['', 'x', 'xx', 'yy', 'zz', 3].map((value) => {
        const result = z.safeParse(schema, value);
        return result.success
          ? result.data
          : result.error.issues.map((issue: { code: string; message: string }) => [issue.code, issue.message]);
      });
    };
    expect(answers(ours)).toEqual(answers(zod));
  });

  it("no string schema of the app is coerced, and nothing reads the keys' set, number or optional set of an object's normalized shape", async () => {
    for (const file of sources('src')) {
      const text = sourceCode(file);
      if (!/from 'zod/.test(text)) continue;
      expect(text, file).not.toMatch(/\bcoerce\b/);
    }
    expect(generated('zod-schemas.js')).not.toMatch(/String\(payload\.value\)|\b(keySet|numKeys|optionalKeys)\b/);
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    const zod = await import(pathToFileURL(join(core, 'index.js')).href);
    const answers = (z: typeof ours) =>
      [1, 'a', null, undefined, { a: 1 }].map((value) => {
        const result = z.safeParse(new z.$ZodString({ type: 'string' }), value);
        return result.success ? result.data : result.error.issues;
      });
    expect(answers(ours)).toEqual(answers(zod));
  });

  it("nothing in the bundle sets the encode direction: only zod's encode functions do, and the app never calls them", () => {
    const setters = (readdirSync(core) as string[])
      .filter((file) => file.endsWith('.js') && readFileSync(join(core, file), 'utf8').includes('direction: "backward"'))
      .sort();
    expect(setters).toEqual(['parse.js']);
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      if (!/from 'zod/.test(text)) continue;
      expect(text, file).not.toMatch(/\bz\.(safeEncode|encode|encodeAsync|safeEncodeAsync|codec)\b/);
    }
    const validator = readFileSync(join(root, 'node_modules', '@hono', 'zod-validator', 'dist', 'index.mjs'), 'utf8');
    expect(validator).not.toMatch(/encode|backward/i);
  });

  it("the app never gives an object a catchall, nor uses zod's discriminated union (the only reader of propValues)", () => {
    for (const file of sources('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      if (!/from 'zod/.test(text)) continue;
      expect(text, file).not.toMatch(/\bz\.(strictObject|looseObject|catchall|discriminatedUnion)\b|\.catchall\(/);
    }
  });

  it("leaves out an object's symbol keys and lazy copy of its shape, a catch's context for its fallback and a schema's bag (LEAN_EDITS), none of which the app's schemas give or read, and parses as zod's", async () => {
    const text = original().replaceAll(CONFIG_ARG.from, CONFIG_ARG.to);
    expect(LEAN_EDITS.map(([name]) => name)).toEqual([
      "an object's symbol keys",
      "an object's lazy copy of its shape",
      "a catch's context for its fallback",
      "a schema's bag",
    ]);
    for (const [name, from, to] of LEAN_EDITS) {
      expect(text.split(from).length, name).toBe(2);
      if (to) expect(generated('zod-schemas.js').split(to).length, name).toBe(2);
      expect(generated('zod-schemas.js').includes(from), name).toBe(false);
    }
    expect(() =>
      trimZodSchemas(original().replace('Object.getOwnPropertySymbols(def.shape)', 'Object.getOwnPropertySymbols(def.shape ?? {})')),
    ).toThrow(/symbol keys not found once/);
    expect(generated('zod-schemas.js')).not.toMatch(/getOwnPropertySymbols|get\.raw|\{ get \}/);
    // The app's schemas: z.object()s of named keys, plain values (no symbol, no getter), and one
    // catch, orElse's, whose fallback takes nothing; no z.catch, extend, pick, omit or partial.
    for (const file of sources('src')) {
      const code = sourceCode(file);
      if (!/from 'zod/.test(code)) continue;
      expect(code, file).not.toMatch(
        /\bSymbol\b|\bget\s+[\w$]+\s*\(|\bz\.(catch|extend|safeExtend|pick|omit|partial|required|keyof|merge)\(|\.shape\b/,
      );
      expect(code.match(/\bcatchValue\b/g)?.length ?? 0, file).toBe(file.endsWith('or-else.ts') ? 1 : 0);
    }
    expect(sourceCode('src/contacts/or-else.ts')).toContain('catchValue: () => value })');
    // A schema's bag: only zod's string formats and sizes, z.instanceof(), its discriminated union,
    // JSON Schema and JIT write or read it (test/node/bundle.test.ts finds no `.bag` in the bundle);
    // $constructor's init reads the instance's _zod before it calls $ZodType's initializer: never without one.
    expect(generated('zod-constructor.js')).toMatch(
      /function init\(inst, def\) \{\n {8}if \(!inst\._zod\) \{[\s\S]*?\n {8}initializer\(inst, def\);/,
    );
    // The same answers as zod's: objects as zod/mini makes them (a def of its own, cloned by a
    // check), a catch with a constant fallback, over good and bad inputs.
    const mini = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-mini-external.js')).href);
    const theirsMini = await import(pathToFileURL(join(root, 'node_modules', 'zod', 'v4', 'mini', 'index.js')).href);
    const answers = (z: typeof theirsMini) => {
      const caught = new z.ZodMiniCatch({ type: 'catch', innerType: z.optional(z.string()), catchValue: () => 'none' });
      const object = z
        .object({ name: z.string(), note: z.optional(z.string()), kind: caught })
        .check(z.refine((value: { name: string }) => value.name !== 'x'));
      const shape = { a: z.string() };
      const plain = z.object(shape);
      return [
        ...[
          { name: 'Anna' },
          { name: 'Anna', note: 'n', kind: 'k', extra: 1 },
          { name: 1, kind: 2 },
          { name: 'x' },
          null,
          'text',
          { kind: [] },
        ].map((value) => z.safeParse(object, value)),
        z.safeParse(plain, { a: 'b' }),
        Object.keys(plain._zod.def.shape),
        plain._zod.def.shape.a === shape.a,
      ].map((result) => JSON.parse(JSON.stringify(result)));
    };
    expect(answers(mini)).toEqual(answers(theirsMini));
  });

  it("nothing in the bundle reads a schema's values or pattern: zod's record, template literal, unions and JIT compiler, their only readers, are not in it", () => {
    const getters = /util\.defineLazyInternal\(inst, "(?:values|pattern|propValues)", \(zod\) => (?:[^{\n]*\);|\{\n[\s\S]*?\n {4}\}\);)/g;
    const text = original()
      .replace(getters, '')
      .replace(/^\s*\/\/[^\n]*$/gm, '');
    // Each top-level declaration (from its line to the next) that still reads one, by its name.
    const readers = [
      ...text.matchAll(/^(?:export )?(?:const|function) (\$?\w+)[^\n]*\n((?:(?!(?:export )?(?:const|function) )[^\n]*\n)*)/gm),
    ]
      .filter(([head = '', , body = '']) => /_zod\.(values|pattern)\b(?! = )/.test(head + body))
      .map(([, name]) => name);
    // (leafPattern and partPattern are the template literal's helpers.)
    expect(readers.sort()).toEqual(['$ZodRecord', '$ZodTemplateLiteral', 'leafPattern', 'partPattern']);
    // (A union's and the other schemas' reads are inside their own lazy values and pattern, left
    // out; zod's JIT compiler, compile.js, is not in the bundle either: bundle.test.ts.)
    for (const file of sources('src')) {
      const text = sourceCode(file);
      if (!/from 'zod/.test(text)) continue;
      expect(text, file).not.toMatch(
        /\bz\.(record|partialRecord|looseRecord|templateLiteral|union|xor|discriminatedUnion|enum|literal|toJSONSchema)\b/,
      );
    }
  });

  it('the app and its validator never read a schema\u2019s ~standard', () => {
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toContain('~standard');
    const validator = readFileSync(join(root, 'node_modules', '@hono', 'zod-validator', 'dist', 'index.mjs'), 'utf8');
    expect(validator).not.toContain('~standard');
    expect(validator).toContain('safeParseAsync');
  });
});

describe("src/generated/zod-util.js and zod-constructor.js, in place of zod's core/util.js and core/core.js in the bundle", () => {
  const zodFile = (file: string) => readFileSync(join(core, file), 'utf8');

  it('wrangler.toml aliases "./util.js" and "./core.js", which of the bundled packages only zod\'s core modules import', () => {
    expect(toml()).toContain('"./util.js" = "./src/generated/zod-util.js"');
    expect(toml()).toContain('"./core.js" = "./src/generated/zod-constructor.js"');
    const importers = [
      'hono/dist',
      'zod/v4/mini',
      'zod/v4/core',
      'zod/mini',
      'drizzle-orm/sqlite-core',
      'drizzle-orm/d1',
      'drizzle-orm/sql',
      '@hono/zod-validator',
      'lean-qr',
      'jose/dist/webapi',
    ]
      .flatMap(esmOf)
      .filter((file) => /from ["']\.\/(util|core)\.js["']/.test(readFileSync(join(root, 'node_modules', file), 'utf8')));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file).toMatch(/^zod[\\/]v4[\\/]core[\\/]/);
    // Nor does the app or a generated module import either by that text.
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from ["']\.\/(util|core)\.js["']/);
    for (const file of readdirSync(join(root, 'src', 'generated')))
      expect(generated(file), file).not.toMatch(/from ["'](\.\/|[./]*node_modules\/zod\/v4\/core\/)(util|core)\.js["']/);
  });

  it('is what scripts/fingerprint.mjs writes from the installed zod (not stale), refusing a text it was not written for', () => {
    expect(generated('zod-util.js')).toBe(trimZodCoreFile('util.js', zodFile('util.js')));
    expect(generated('zod-constructor.js')).toBe(trimZodCoreFile('core.js', zodFile('core.js')));
    expect(() => trimZodCoreFile('util.js', zodFile('util.js').replace('config.localeError?.(iss)', 'config.locale?.(iss)'))).toThrow(
      /not found once/,
    );
    expect(() => trimZodCoreFile('core.js', zodFile('core.js').replace('if (pp)', 'if (pp !== undefined)'))).toThrow(/not found once/);
    expect(() => trimZodCoreFile('util.js', zodFile('util.js').replace('delete params.message;', 'params.message = undefined;'))).toThrow(
      /normalizeParams's reading of params not found once/,
    );
    expect(() =>
      trimZodCoreFile('util.js', zodFile('util.js').replace('if (ctx?.reportInput) {', 'if (ctx?.reportInput === true) {')),
    ).toThrow(/finalizeIssue's a context's reportInput not found once/);
    expect(() => trimZodCoreFile('util.js', `import { x } from "./other.js";\n${zodFile('util.js')}`)).toThrow(
      /other imports than expected/,
    );
    expect(() => trimZodCoreFile('parse.js', zodFile('parse.js'))).toThrow(/is not copied/);
  });

  it("is zod's modules line for line but for finalizeIssue's lookups, normalizeParams's reading of params, the postProcessor hook and the import of each other", () => {
    for (const [file, left] of [
      ['util.js', CONFIG_MESSAGES],
      ['core.js', zodFile('core.js').match(POST_PROCESSOR)?.[0] ?? 'missing'],
    ] as const) {
      // (An export marked pure, its value the same: PURE_EXPORTS, their own test below.)
      const ours = unpure(file, generated(ZOD_CORE_COPIES[file].slice(2)))
        .replace(/^\/\/ Generated by [^\n]*\n/, '')
        .replace(/ from "\.\/zod-(util|constructor)\.js";/, (_, name) => ` from "./${name === 'util' ? 'util' : 'core'}.js";`);
      const theirs = zodFile(file)
        .replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n')
        .replace(left, '');
      const edited =
        file === 'util.js'
          ? FINALIZE_UNSET.reduce((text, [, from, to]) => text.replace(from, to), theirs.replace(NORMALIZE_PARAMS, ''))
          : NEW_ERROR.reduce((text, [from, to]) => text.replace(from, to), theirs.replace(HAS_INSTANCE, ''))
              .replace(GLOBAL_CONFIG.from, GLOBAL_CONFIG.to)
              .replace(ASYNC_MESSAGE.from, ASYNC_MESSAGE.to);
      expect(`${ours.slice(0, -1)}`).toBe(edited.slice(0, -1));
      // Lines left out, but finalizeIssue's fallback message, "Invalid input" where zod's lookups found none.
      // (And newError(Definition), whose error is built as `new Definition()`: NEW_ERROR, its own test below.)
      expect(
        onlyLeavesOut(
          zodFile(file),
          ours
            .replace('        : "Invalid input";\n', '')
            .replace(NEW_ERROR[1]?.[1] ?? 'missing', NEW_ERROR[1]?.[0] ?? '')
            .replace(GLOBAL_CONFIG.to, GLOBAL_CONFIG.from)
            .replace(ASYNC_MESSAGE.to, ASYNC_MESSAGE.from),
        ),
      ).toBe(true);
    }
    expect(generated('zod-util.js')).toContain('const message = iss.message\n        ? iss.message\n        : "Invalid input";\n');
    expect(generated('zod-constructor.js')).not.toContain('postProcessor');
    expect(generated('zod-constructor.js')).not.toContain('hasInstance');
    expect(() => trimZodCoreFile('core.js', zodFile('core.js').replace('Symbol.hasInstance', 'Symbol.iterator'))).toThrow(
      /Symbol.hasInstance not found once/,
    );
  });

  it("throws $ZodAsyncError where zod does, with the bundle's message for a path it never reaches: no schema of the app is asynchronous", async () => {
    expect(zodFile('core.js').split(ASYNC_MESSAGE.from)).toHaveLength(2);
    expect(generated('zod-constructor.js').split(ASYNC_MESSAGE.to)).toHaveLength(2);
    expect(generated('zod-constructor.js')).not.toContain('Encountered Promise');
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    const zod = await import(pathToFileURL(join(core, 'index.js')).href);
    const thrown = (z: typeof ours) => {
      try {
        z.safeParse(new z.$ZodTransform({ type: 'transform', transform: async (value: unknown) => value }), 'x');
      } catch (error) {
        return [(error as Error).constructor.name, error instanceof Error, (error as Error).message];
      }
    };
    expect(thrown(ours)).toEqual(['$ZodAsyncError', true, 'not part of this build']);
    expect(thrown(zod)).toEqual(['$ZodAsyncError', true, ASYNC_MESSAGE.from.slice('super(`'.length, -'`);'.length)]);
    // (The app's schemas: test/node/hono-validator.test.ts parses each of src/ synchronously.)
  });

  it("builds a failed parse's error as zod does but for its stack's frames (newError left out), and nothing in src/ reads an error's stack", async () => {
    expect(zodFile('core.js').split(NEW_ERROR[0]?.[0] ?? 'missing').length).toBe(2);
    expect(zodFile('core.js').split(NEW_ERROR[1]?.[0] ?? 'missing').length).toBe(2);
    expect(generated('zod-constructor.js')).not.toMatch(/stackTraceLimit|newError/);
    expect(() => trimZodCoreFile('core.js', zodFile('core.js').replace('E.stackTraceLimit = 0;', 'E.stackTraceLimit = 1;'))).toThrow(
      /newError not found once/,
    );
    // The same failed result, its error of the same name, issues and keys, an Error to Error.isError.
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    const schema = z.object({ id: z.string().check(z.refine((value: string) => value.length > 2)) });
    for (const value of [{ id: 'a' }, { id: 1 }, {}, null, 'x']) {
      const theirs = z.safeParse(schema, value);
      const mine = ours.safeParse(schema, value);
      expect(mine.success).toBe(false);
      expect(theirs.success).toBe(false);
      const [a, b] = [mine.error, theirs.error] as [Error & { issues: unknown }, Error & { issues: unknown }];
      expect(a.issues).toEqual(b.issues);
      // (Its message zod makes of the issues when read, which the bundle's errors leave out: ERROR_MESSAGE.)
      expect([a.name, a instanceof Error, (Error as { isError?: (e: unknown) => boolean }).isError?.(a) ?? true]).toEqual([
        b.name,
        true,
        true,
      ]);
      expect(Object.keys(a)).toEqual(Object.keys(b).filter((key) => key !== 'message'));
    }
    // No module of the app nor a generated one reads an error's stack.
    for (const file of sources('src')) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/\.stack\b/);
  });

  it("no instanceof in the bundle asks a zod class (its Symbol.hasInstance is left out): zod's modules ask only other classes, but in what the app never calls", async () => {
    // Every instanceof of zod's modules the bundle takes (zod/mini's, zod's core's, their generated
    // copies), by its right side: a zod class only in z.tuple() and z.instanceof() (and core's _tuple(),
    // which only z.tuple() calls); `params.Parent` is a $constructor's Parent (Error, for $ZodError).
    // (zod/compile's JIT compiler, core/compile.js, is not in the bundle: test/node/bundle.test.ts finds
    // no postProcessor, the hook by which it comes in; zod-validator.js's Response is a hook's answer.)
    const others = new Set(['Promise', 'Date', 'File', 'Map', 'Set', 'RegExp', 'Error', 'Response', 'params.Parent']);
    const zodClass: Record<string, string[]> = {};
    const files = [
      ...readdirSync(core).map((file) => join(core, file)),
      ...readdirSync(join(root, 'node_modules', 'zod', 'v4', 'mini')).map((file) => join(root, 'node_modules', 'zod', 'v4', 'mini', file)),
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((file) => file.startsWith('zod-'))
        .map((file) => join(root, 'src', 'generated', file)),
    ].filter((file) => file.endsWith('.js') && !file.endsWith('compile.js'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let within = '';
      for (const line of text.split('\n')) {
        within = /^(?:export )?function (\w+)/.exec(line)?.[1] ?? within;
        for (const [, right = ''] of line.matchAll(/\binstanceof ([\w$.]+)/g))
          if (!others.has(right)) zodClass[within] = [...(zodClass[within] ?? []), `${file.slice(root.length + 1)}: ${right}`];
      }
    }
    expect(Object.keys(zodClass).sort()).toEqual(['_instanceof', '_tuple', 'tuple']);
    // The app calls neither (TypeScript's checker: every call of src/ that resolves to zod), nor asks a zod class itself.
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const calls: string[] = [];
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          checker.getResolvedSignature(node)?.getDeclaration()?.getSourceFile().fileName.includes('/node_modules/zod/')
        )
          calls.push(node.expression.getText(source));
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
          const right = checker.getTypeAtLocation(node.right);
          const made = right.getConstructSignatures().map((signature) => signature.getReturnType());
          for (const type of made) expect(type.getProperty('_zod'), `${source.fileName}: ${node.getText(source)}`).toBeUndefined();
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(calls).toContain('z.object');
    for (const call of calls) expect(call).not.toMatch(/\b(tuple|instanceof)$/);
  });

  it("normalizes no params as zod does (none, or zod/mini's refine's `{}`), and no call of the app's gives zod params", async () => {
    type Util = { normalizeParams(params?: unknown): unknown };
    const ours = (await import(pathToFileURL(join(root, 'src', 'generated', 'zod-util.js')).href)) as Util;
    const theirs = (await import(pathToFileURL(join(core, 'util.js')).href)) as Util;
    for (const params of [undefined, null, '', 0]) expect(ours.normalizeParams(params)).toEqual(theirs.normalizeParams(params));
    const none = {};
    expect(ours.normalizeParams(none)).toBe(none);
    expect(theirs.normalizeParams(none)).toBe(none);
    expect(none).toEqual({});
    // What is left out: a string, a message, an error string (zod makes each an error function).
    expect(theirs.normalizeParams('Pflichtfeld')).not.toBe('Pflichtfeld');
    expect(ours.normalizeParams('Pflichtfeld')).toBe('Pflichtfeld');
    // Read with TypeScript's checker: no call of the app to a function of zod's gives an argument
    // for a parameter named params or ctx (z.string(params), z.object(shape, params), z.refine(fn, params),
    // z.custom(fn, params), z.check(fn, params), schema.parse(value, params), z.safeParse(schema, value, ctx), …).
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const calls: string[] = [];
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const declaration = checker.getResolvedSignature(node)?.getDeclaration();
          if (declaration?.getSourceFile().fileName.includes('/node_modules/zod/')) {
            calls.push(node.expression.getText(source));
            declaration.parameters.forEach((parameter, index) => {
              if (/^_?(params|ctx)$/i.test(parameter.name.getText()))
                expect(node.arguments.length, `${source.fileName}: ${node.getText(source).slice(0, 60)}`).toBeLessThanOrEqual(index);
            });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    for (const name of ['z.string', 'z.object', 'z.refine', 'z.custom', 'z.check', 'z.safeParse']) expect(calls).toContain(name);
  });

  it("finalizes the issues of the bundle's parses as zod does, without the lookups of errors that only params set", async () => {
    type Util = { finalizeIssue(iss: Record<string, unknown>, ctx: unknown, config: unknown): unknown };
    const ours = (await import(pathToFileURL(join(root, 'src', 'generated', 'zod-util.js')).href)) as Util;
    const theirs = (await import(pathToFileURL(join(core, 'util.js')).href)) as Util;
    const zod = await import(pathToFileURL(join(core, 'index.js')).href);
    // A schema, a check (a refinement: z.custom() is both) and a bare issue, as the app's schemas raise them.
    const schema = new zod.$ZodString({ type: 'string' });
    const check = new zod.$ZodCustom({ type: 'custom', check: 'custom', fn: () => false, abort: true });
    const issues = () => [
      { code: 'invalid_type', expected: 'string', input: 3, inst: schema },
      { code: 'custom', input: 'x', inst: check, path: ['company'], message: 'nameRequired', continue: false },
      { code: 'custom', input: 'x', inst: check, schema, path: [] },
      { code: 'custom', input: 1, message: 'item' },
      { code: 'custom', input: 1, message: '' },
    ];
    for (const ctx of [{ async: false }, undefined]) {
      const mine = issues().map((iss) => ours.finalizeIssue(iss, ctx, {}));
      expect(mine).toEqual(issues().map((iss) => theirs.finalizeIssue(iss, ctx, {})));
      expect(mine.map((iss) => (iss as { message: string }).message)).toEqual([
        'Invalid input',
        'nameRequired',
        'Invalid input',
        'item',
        'Invalid input',
      ]);
    }
    // What only params set, which the bundle never has: a def's error (z.string({ error })), a
    // context's error and reportInput (schema.parse(value, { error, reportInput })).
    const withError = new zod.$ZodString({ type: 'string', error: () => 'Text' });
    expect(theirs.finalizeIssue({ code: 'invalid_type', inst: withError }, undefined, {})).toMatchObject({ message: 'Text' });
    expect(ours.finalizeIssue({ code: 'invalid_type', inst: withError }, undefined, {})).toMatchObject({ message: 'Invalid input' });
    expect(theirs.finalizeIssue({ code: 'custom', input: 1 }, { reportInput: true }, {})).toHaveProperty('input', 1);
    // Nor does anything read the stamp of a schema on an issue (util.attachSchema) but the lookups
    // left out: finalizeIssue copies every key of an issue but `schema`, and no other module of
    // zod's in the bundle reads it; so the generated schemas stamp none (ISSUE_STAMP), nor copy a
    // refinement's params, which only params give its def (REFINE_PARAMS).
    expect(generated('zod-schemas.js')).not.toMatch(/attachSchema|_iss\.params/);
    for (const file of ['parse.js', 'errors.js', 'api.js', 'checks.js'])
      expect(readFileSync(join(core, file), 'utf8'), file).not.toMatch(/\.schema\b(?!\._zod)/);
    for (const file of ['zod-util.js', 'zod-constructor.js', 'zod-schemas.js', 'zod-validator.js'])
      expect(generated(file).replace(/\nexport function attachSchema\([\s\S]*?\n\}\n/, '\n'), file).not.toMatch(/\.schema\b|attachSchema/);
    // No def of the bundle gets an error: zod/mini's builders put one only from params, which the
    // app never gives (above); nor does the one def the app writes itself, its catch's.
    expect(sourceCode('src/contacts/or-else.ts')).toContain("new z.ZodMiniCatch({ type: 'catch', innerType, catchValue: () => value })");
    expect(sourceCode('src/contacts/or-else.ts')).not.toMatch(/\berror\b|reportInput/);
  });

  it("gives finalizeIssue no config, which it no longer reads, and keeps zod's config as the module's own object, which nothing of the bundle reads", async () => {
    // Every call of finalizeIssue with config() in zod's parse.js and schemas.js, as CONFIG_ARG's: no other call of config() left.
    for (const [file, copy] of [
      ['parse.js', 'zod-parse.js'],
      ['schemas.js', 'zod-schemas.js'],
    ] as const) {
      const count = zodFile(file).split(CONFIG_ARG.from).length - 1;
      expect(count, file).toBeGreaterThan(0);
      // (schemas.js's one in toStandardResult, the Standard Schema's, and its catch's context, LEAN_EDITS, which the generated copy leaves out.)
      expect(generated(copy).split(CONFIG_ARG.to).length - 1, copy).toBe(file === 'schemas.js' ? count - 2 : count);
      expect(generated(copy), copy).not.toMatch(/\bconfig\(/);
    }
    expect(() =>
      trimZodErrorFile('parse.js', zodFile('parse.js').replaceAll(CONFIG_ARG.from, 'util.finalizeIssue(iss, ctx, core.config(1))')),
    ).toThrow(/finalizeIssue\(iss, ctx, core\.config\(\)\) not found/);
    expect(() => trimZodErrorFile('parse.js', `${zodFile('parse.js')}\ncore.config();\n`)).toThrow(/more calls of config\(\)/);
    // finalizeIssue reads no config: the same issue with none, an empty one and one that sets every message zod's would.
    type Util = { finalizeIssue(iss: Record<string, unknown>, ctx: unknown, config?: unknown): unknown };
    const ours = (await import(pathToFileURL(join(root, 'src', 'generated', 'zod-util.js')).href)) as Util;
    expect(generated('zod-util.js')).toMatch(/export function finalizeIssue\(iss, ctx, config\) \{\n(?:(?!\n\}\n)[\s\S])*\n\}\n/);
    const body =
      /export function finalizeIssue\(iss, ctx, config\) \{\n((?:(?!\n\}\n)[\s\S])*)\n\}\n/.exec(generated('zod-util.js'))?.[1] ?? 'config';
    expect(body).not.toMatch(/\bconfig\b/);
    for (const iss of [
      { code: 'custom', input: 1 },
      { code: 'invalid_type', message: 'nameRequired', path: ['company'] },
    ])
      for (const config of [{}, { customError: () => 'custom', localeError: () => 'locale' }])
        expect(ours.finalizeIssue({ ...iss }, undefined, config)).toEqual(ours.finalizeIssue({ ...iss }, undefined));
    // core.js's config on globalThis, as the module's own object: found once, no other mention of globalThis left.
    expect(zodFile('core.js').split(GLOBAL_CONFIG.from).length).toBe(2);
    expect(generated('zod-constructor.js')).toContain(GLOBAL_CONFIG.to);
    expect(generated('zod-constructor.js')).not.toMatch(/__zod_globalConfig|globalThis/);
    expect(() =>
      trimZodCoreFile(
        'core.js',
        zodFile('core.js').replace('(_a.__zod_globalConfig = {})', '(_a.__zod_globalConfig = Object.create(null))'),
      ),
    ).toThrow(/global config's statement not found once/);
    // Its readers in the generated modules are config() and what the bundle leaves out (an object's JIT, util's allowsEval):
    // test/node/bundle.test.ts finds neither the config nor those in the bundle.
    const readers = readdirSync(join(root, 'src', 'generated'))
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => (generated(file).match(/\bglobalConfig\.\w+/g) ?? []).map((read) => `${file} ${read}`));
    expect(readers.sort()).toEqual([
      'zod-schemas.js globalConfig.jitless',
      'zod-schemas.js globalConfig.memoizer',
      'zod-util.js globalConfig.jitless',
    ]);
  });

  it('nothing in the bundle sets a customError, localeError or postProcessor: only z.config() and zod/compile do, and neither is called or imported', () => {
    for (const file of sources('src')) {
      const text = sourceCode(file);
      expect(text, file).not.toMatch(
        /\bz\.config\(|\bconfig\(\{|zod\/compile|zod\/locales|__zod_globalConfig|customError|localeError|postProcessor/,
      );
    }
    // zod/mini, unlike zod's classic schemas (its ZodType sets English on first construction), sets no locale.
    for (const file of esmOf('zod/v4/mini')) expect(readFileSync(join(root, 'node_modules', file), 'utf8'), file).not.toMatch(/\bconfig\(/);
    expect(readFileSync(join(root, 'node_modules', 'zod', 'v4', 'classic', 'schemas.js'), 'utf8')).toMatch(/\bcore\.config\(en\(\)\)/);
  });
});

describe("src/generated/zod-errors.js and zod-parse.js, zod's errors without their message and its parse importing them", () => {
  const zodFile = (file: string) => readFileSync(join(core, file), 'utf8');
  const back = (text: string) =>
    text
      .replace(/^\/\/ Generated by [^\n]*\n/, '')
      .replace(/ from "\.\/zod-(util|constructor|errors)\.js";/g, (_, name) => ` from "./${name === 'constructor' ? 'core' : name}.js";`)
      .replaceAll(CONFIG_ARG.to, CONFIG_ARG.from)
      .replace(SAFE_PARSE_CTX.to, SAFE_PARSE_CTX.from);
  const withoutMap = (text: string) => text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');

  it('is what scripts/fingerprint.mjs writes from the installed zod (not stale), refusing a text it was not written for', () => {
    expect(ZOD_ERROR_COPIES).toEqual({ 'errors.js': './zod-errors.js', 'parse.js': './zod-parse.js' });
    expect(generated('zod-errors.js')).toBe(trimZodErrorFile('errors.js', zodFile('errors.js')));
    expect(generated('zod-parse.js')).toBe(trimZodErrorFile('parse.js', zodFile('parse.js')));
    expect(() =>
      trimZodErrorFile(
        'errors.js',
        zodFile('errors.js').replace('if (!_installedToString.has(proto)) {', 'if (!_installedToString.has(p)) {'),
      ),
    ).toThrow(/the toString on the prototype not found once/);
    expect(() => trimZodErrorFile('errors.js', `${zodFile('errors.js')}\nObject.defineProperty(x, "message", {});\n`)).toThrow(
      /more of an error's message than expected/,
    );
    expect(() => trimZodErrorFile('parse.js', `import { x } from "./other.js";\n${zodFile('parse.js')}`)).toThrow(
      /other imports than expected/,
    );
    expect(() => trimZodErrorFile('util.js', zodFile('util.js'))).toThrow(/is not copied/);
    expect(() =>
      trimZodErrorFile(
        'parse.js',
        zodFile('parse.js').replace(SAFE_PARSE_CTX.from, SAFE_PARSE_CTX.from.replace('_ctx ?', '_ctx != null ?')),
      ),
    ).toThrow(/safeParse's context not found once/);
    expect(generated('zod-parse.js').split(SAFE_PARSE_CTX.to)).toHaveLength(2);
    // zod-core.js exports them in place of zod's, and zod-schemas.js imports its parse from the copy: one copy of each.
    expect(generated('zod-core.js')).toContain(` from "./zod-parse.js";`);
    expect(generated('zod-core.js')).toContain(` from "./zod-errors.js";`);
    expect(generated('zod-schemas.js')).toContain('import { parse, parseAsync } from "./zod-parse.js";');
    for (const file of readdirSync(join(root, 'src', 'generated')))
      expect(generated(file), file).not.toMatch(/from "[./]*(node_modules\/zod\/v4\/core\/)?(errors|parse)\.js"/);
  });

  it("is zod's modules line for line but for the error's message and toString and the imports of the copies", () => {
    expect(back(generated('zod-parse.js'))).toBe(withoutMap(zodFile('parse.js')));
    const ours = unpure('errors.js', back(generated('zod-errors.js')));
    expect(ours).toBe(ERROR_MESSAGE.reduce((text, [, from]) => text.replace(from, ''), withoutMap(zodFile('errors.js'))));
    expect(onlyLeavesOut(zodFile('errors.js'), ours)).toBe(true);
    expect(ERROR_MESSAGE.map(([name]) => name)).toEqual([
      'the message accessor',
      'the set of prototypes given a toString',
      'the definition of the message',
      'the toString on the prototype',
    ]);
  });

  it("parses as zod's safeParse does, its error an Error with zod's name and issues and Error's own message", async () => {
    type Core = typeof import('zod/v4/core');
    const ours = (await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href)) as Core;
    const theirs = (await import(pathToFileURL(join(core, 'index.js')).href)) as Core;
    const z = await import('zod/mini');
    const schema = z.object({ name: z.string().check(z.minLength(2)), age: z.optional(z.number()) });
    for (const value of [{ name: 'Anna' }, { name: 'A' }, { name: 3, age: 'x' }, null, 'x', { name: 'Bo', age: 4 }]) {
      const a = ours.safeParse(schema, value);
      const b = theirs.safeParse(schema, value);
      expect(a.success).toBe(b.success);
      expect(a.data).toEqual(b.data);
      if (!a.success && !b.success) {
        expect(a.error.issues).toEqual(b.error.issues);
        expect(a.error).toBeInstanceOf(Error);
        expect([a.error.name, b.error.name]).toEqual(['$ZodError', '$ZodError']);
        expect(Object.keys(a.error)).toEqual(Object.keys(b.error).filter((key) => key !== 'message'));
        expect(a.error.message).toBe('');
        expect(b.error.message).toBe(JSON.stringify(b.error.issues, null, 2));
      }
    }
    // Its context as zod's, with no context given (as the app's every safeParse) or one: the same
    // keys in the same order, a new object each time (SAFE_PARSE_CTX).
    const seen: unknown[] = [];
    const probe = z.string().check(
      z.refine((value) => {
        return value !== 'x';
      }),
    );
    const run = probe._zod.run;
    probe._zod.run = (payload, ctx) => {
      seen.push(ctx);
      return run(payload, ctx);
    };
    const given = { reportInput: true, async: true };
    for (const parse of [ours.safeParse, theirs.safeParse]) {
      parse(probe, 'x');
      parse(probe, 'y', given);
      parse(probe, 'y', undefined);
    }
    expect(seen.slice(0, 3)).toEqual(seen.slice(3));
    for (const ctx of seen) expect(ctx).not.toBe(given);
    const keys = [['async'], ['reportInput', 'async'], ['async']];
    expect(seen.map((ctx) => Object.keys(ctx as object))).toEqual([...keys, ...keys]);
    expect(seen.map((ctx) => (ctx as { async: boolean }).async)).toEqual([false, false, false, false, false, false]);
    // The parse that throws, as zod's, its error without the message.
    const thrown = (() => {
      try {
        ours.parse(schema, { name: 'A' });
      } catch (error) {
        return error as Error & { issues: unknown };
      }
    })();
    expect([thrown instanceof Error, thrown?.name, thrown?.message]).toEqual([true, '$ZodError', '']);
    expect(thrown?.issues).toEqual(theirs.safeParse(schema, { name: 'A' }).error?.issues);
  });

  it("nothing in src/ reads a zod error's message or makes it a string: every zod error of the app is read for its issues", async () => {
    // TypeScript's checker: each expression of the app whose type is a zod error ($ZodError: `issues`
    // and `_zod`) is the object of `.issues` or the argument of fieldErrorsFrom(), which reads its issues.
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const uses: string[] = [];
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        // (Not the name of a property access: `error` of `result.error` is the access's own type.)
        if (
          ts.isExpression(node) &&
          !ts.isParenthesizedExpression(node.parent) &&
          !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
        ) {
          const type = checker.getTypeAtLocation(node);
          if (type.getProperty('issues') && type.getProperty('_zod') && type.getProperty('name')) {
            const parent = node.parent;
            const use =
              ts.isPropertyAccessExpression(parent) && parent.expression === node
                ? `.${parent.name.text}`
                : ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)
                  ? `${parent.expression.getText(source)}()`
                  : ts.isPropertyAccessExpression(node) && node.name.text === 'error'
                    ? `${ts.SyntaxKind[parent.kind]}`
                    : `${ts.SyntaxKind[parent.kind]} of ${node.getText(source)}`;
            uses.push(use);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(uses.length).toBeGreaterThan(0);
    expect(uses).toContain('fieldErrorsFrom()');
    for (const use of uses) expect(['.issues', 'fieldErrorsFrom()']).toContain(use);
    const schema = readFileSync(join(root, 'src', 'contacts', 'schema.ts'), 'utf8');
    expect(schema).toMatch(
      /export function fieldErrorsFrom\(error: \{ issues: [^\n]*\}\): FieldErrors \{\n {2}const errors: FieldErrors = \{\};\n {2}for \(const issue of error\.issues\) \{/,
    );
    expect(
      schema
        .slice(schema.indexOf('export function fieldErrorsFrom('))
        .split('\n}\n')[0]
        ?.match(/\berror\b/g),
    ).toHaveLength(2);
  });
});

describe("zod's exports the bundle takes but never uses, marked pure (PURE_EXPORTS)", () => {
  it("marks each once, its value the same as zod's, and none of them is used in the bundle", async () => {
    const zodFile = (file: string) => readFileSync(join(core, file), 'utf8');
    const copy = { 'util.js': 'zod-util.js', 'errors.js': 'zod-errors.js' } as const;
    expect(PURE_EXPORTS.map(([file]) => file)).toEqual(['util.js', 'errors.js']);
    for (const [file, from, to] of PURE_EXPORTS) {
      expect(zodFile(file).split(from)).toHaveLength(2);
      expect(generated(copy[file as keyof typeof copy]).split(to)).toHaveLength(2);
      expect(to.replace('/* @__PURE__ */ ', '').replace(/\(\(\) => (.*)\)\(\);\n$/, '($1);\n')).toBe(from);
    }
    expect(() => trimZodCoreFile('util.js', zodFile('util.js').replace('(..._args) => { }', '() => { }'))).toThrow(
      /an export to mark pure not found once/,
    );
    const util = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-util.js')).href);
    const theirs = await import(pathToFileURL(join(core, 'util.js')).href);
    expect(util.captureStackTrace).toBe(theirs.captureStackTrace);
    const errors = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-errors.js')).href);
    expect(new errors.$ZodError([]).issues).toEqual([]);
    // Nothing of the bundle but zod's throwing parses (not in it: ZodMiniType has no parse()) reads
    // captureStackTrace, and nothing but zod's own index exports $ZodError.
    for (const file of readdirSync(join(root, 'src', 'generated')).filter((name) => name.startsWith('zod-')))
      for (const line of generated(file)
        .split('\n')
        .filter((text) => /\bcaptureStackTrace\(|\$ZodError\b(?!")/.test(text)))
        expect(`${file}: ${line}`).toMatch(
          /^zod-(parse\.js: +util\.captureStackTrace\(e, |errors\.js: export const \$ZodError = |core\.js: export \{)/,
        );
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/')))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/captureStackTrace|\$ZodError\b|\bz\.parse\(/);
  });
});
