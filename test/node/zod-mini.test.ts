// zod/mini as wrangler.toml's [alias] "../v4/mini/external.js" puts it in the Worker's bundle
// (src/generated/zod-mini-*.js, written by scripts/lib/zod-mini.mjs from the installed zod): mini's
// modules line for line, importing each other's copies and zod's core as src/generated/zod-core.js,
// and its schemas without ZodMiniType's `with`, parse, parseAsync, safeParseAsync, brand, register and apply, which nothing
// in the bundle calls. The Workers tests (vitest.config.ts applies the same aliases), the e2e suite
// and the bench parse through it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CHECK_FUNCTIONS,
  LEFT_METHODS,
  MINI_COPIES,
  rewriteImports,
  SHAPE_ACCESSOR,
  UNINITIALIZED_CHECK,
  zodMini,
} from '../../scripts/lib/zod-mini.mjs';
import { appProgram, esmOf, root, sources } from './drizzle-files';

const mini = join(root, 'node_modules', 'zod', 'v4', 'mini');
const original = (file: string) => readFileSync(join(mini, `${file}.js`), 'utf8');
const generated = (file: string) => readFileSync(join(root, 'src', 'generated', `zod-mini-${file}.js`), 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const withoutMap = (text: string) => text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');

describe('src/generated/zod-mini-*.js, in place of zod/v4/mini in the bundle', () => {
  it("wrangler.toml aliases the text by which zod/mini's entry imports the rest of it, and no other bundled package has it", () => {
    expect(toml()).toContain('"../v4/mini/external.js" = "./src/generated/zod-mini-external.js"');
    const importers = ['hono/dist', 'zod', 'drizzle-orm/sqlite-core', 'drizzle-orm/d1', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => /from "\.\.\/v4\/mini\/external\.js"/.test(readFileSync(join(root, 'node_modules', file), 'utf8')))
      .sort();
    // zod/mini's entry, and zod/v4-mini's, the same module by another name.
    expect(importers.map((file) => file.split(/[\\/]/).join('/'))).toEqual(['zod/mini/index.js', 'zod/v4-mini/index.js']);
    // Every module of mini's that imports its schemas is copied, so that the bundle has one ZodMiniType.
    const importersOfSchemas = (readdirSync(mini) as string[])
      .filter((file) => file.endsWith('.js') && /from "\.\/schemas\.js"/.test(readFileSync(join(mini, file), 'utf8')))
      .map((file) => file.slice(0, -3));
    expect([...importersOfSchemas, 'schemas'].sort()).toEqual([...MINI_COPIES].sort());
  });

  it('is what scripts/fingerprint.mjs writes from the installed zod (not stale), refusing a text it was not written for', () => {
    for (const file of MINI_COPIES) expect(generated(file), file).toBe(zodMini(file, original(file)));
    expect(() =>
      zodMini('schemas', original('schemas').replace('    brand() {\n        return this;\n    },', '    brand() { return this; },')),
    ).toThrow(/brand\(\) not found as expected/);
    expect(() => zodMini('schemas', original('schemas').replace('set with(value) {', 'set alias(value) {'))).toThrow(
      /with\(\) not found as expected/,
    );
    expect(() => zodMini('schemas', original('schemas').replace('export const ZodMiniType = ', 'export const ZodMiniBase = '))).toThrow(
      /ZodMiniType not found once/,
    );
    expect(() => zodMini('coerce', `import { x } from "../other/x.js";\n${original('coerce')}`)).toThrow(
      /an import from \.\.\/other\/x\.js/,
    );
    expect(() => zodMini('coerce', `import "./side.js";\n${original('coerce')}`)).toThrow(/other imports than expected/);
    expect(() => zodMini('checks', original('checks'))).toThrow(/is not copied/);
  });

  it("is zod's modules line for line but for their imports and ZodMiniType's seven methods, importing the copies, zod-core.js and zod's own files", () => {
    for (const file of MINI_COPIES) {
      const imports = [...generated(file).matchAll(/ from "([^"]+)";$/gm)].map((match) => match[1] ?? '');
      expect(imports.length, file).toBeGreaterThan(0);
      for (const from of imports)
        expect(from, file).toMatch(
          /^\.\/zod-(core|util|constructor)\.js$|^\.\/zod-mini-[\w-]+\.js$|^\.\.\/\.\.\/node_modules\/zod\/v4\/(core|mini|locales)\/[\w-]+\.js$/,
        );
      for (const from of imports.filter((path) => path.startsWith('./zod-mini-')))
        expect(MINI_COPIES).toContain(from.slice('./zod-mini-'.length, -3));
      // Nothing of mini's that the copies replace is imported from node_modules.
      for (const from of imports)
        expect(from, file).not.toMatch(
          /node_modules\/zod\/v4\/(core\/(index|util|core)|mini\/(schemas|coerce|iso|deep-partial|in-out|external))\.js$/,
        );
      const ours = generated(file).split('\n').slice(1);
      // (ZodMiniType's check() of a function handed on as it is: CHECK_FUNCTIONS, its own test below.)
      const theirs = rewriteImports(file, withoutMap(original(file)).replace(CHECK_FUNCTIONS.from, CHECK_FUNCTIONS.to)).split('\n');
      if (file !== 'schemas') {
        expect(ours, file).toEqual(theirs);
        continue;
      }
      // Every line of ours is zod's, in zod's order; what is left out is ZodMiniType's methods, whole.
      const left: string[] = [];
      let at = 0;
      for (const line of ours) {
        while (at < theirs.length && theirs[at] !== line) left.push(theirs[at++] ?? '');
        expect(at, line).toBeLessThan(theirs.length);
        at += 1;
      }
      left.push(...theirs.slice(at));
      // And ZodMiniObject's shape accessor, its one line.
      const shape = left.indexOf(SHAPE_ACCESSOR.trim().padStart(SHAPE_ACCESSOR.trim().length + 4));
      expect(shape).toBeGreaterThan(-1);
      left.splice(shape, 1);
      // And ZodMiniType's check of its instance, its two lines: zod's $constructor gives every
      // instance its `_zod` before running an initializer (core/core.js), so it never throws.
      const check = UNINITIALIZED_CHECK.split('\n').slice(1, -1);
      expect(check).toHaveLength(2);
      const checkAt = left.indexOf(check[0] ?? '');
      expect(left.slice(checkAt, checkAt + 2)).toEqual(check);
      left.splice(checkAt, 2);
      expect(readFileSync(join(root, 'node_modules', 'zod', 'v4', 'core', 'core.js'), 'utf8')).toMatch(
        /if \(!inst\._zod\) \{[\s\S]{0,300}?Object\.defineProperty\(inst, "_zod"[\s\S]{0,400}?initializer\(inst, def\);/,
      );
      const heads = left.filter((line) => /^ {4}(get |set )?\w+\(/.test(line)).map((line) => line.trim().replace(/\(.*$/, ''));
      expect(heads).toEqual(['get with', 'set with', 'parse', 'parseAsync', 'safeParseAsync', 'brand', 'register', 'apply']);
      for (const line of left) expect(line, line).toMatch(/^ {4}(\/\/|get |set |\w+\(|\},$)|^ {8}/);
      const type = ours.slice(ours.findIndex((line) => line.startsWith('export const ZodMiniType = ')));
      // (`parse.` is mini's parse module, through which safeParse parses.)
      expect(type.slice(0, type.indexOf('});')).join('\n')).not.toMatch(new RegExp(`\\b(${LEFT_METHODS.join('|')})\\b(?!\\.)`));
    }
  });

  it("exports what zod/mini does and parses as zod/mini's, its schemas without the seven methods", async () => {
    const ours = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-mini-external.js')).href);
    const zod = await import(pathToFileURL(join(mini, 'external.js')).href);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(zod).sort());
    expect(Object.keys(ours.coerce).sort()).toEqual(Object.keys(zod.coerce).sort());
    expect(Object.keys(ours.iso).sort()).toEqual(Object.keys(zod.iso).sort());
    // Its schemas are the generated ones, everywhere they are reached; its core is zod-core.js.
    const core = await import(pathToFileURL(join(root, 'src', 'generated', 'zod-core.js')).href);
    expect(ours.core.$ZodObject).toBe(core.$ZodObject);
    expect(ours.coerce.number().safeParse).toBeDefined();
    expect(ours.coerce.number()).toBeInstanceOf(ours.ZodMiniNumber);
    for (const z of [ours, zod]) {
      const schema = z.object({
        name: z.string().check(z.trim(), z.minLength(1)),
        note: z.optional(z.string()),
        age: z.optional(
          z.pipe(
            z.string(),
            z.transform((value: string) => Number(value)),
          ),
        ),
        kind: z.catch(z.string().check(z.refine((value: string) => value === 'a')), 'a'),
      });
      expect(z.parse(schema, { name: ' Anna ', age: '3', kind: 'b', extra: 1 })).toEqual({ name: 'Anna', age: 3, kind: 'a' });
      expect(z.safeParse(schema, { name: ' ' }).error.issues[0].path).toEqual(['name']);
      expect(schema.safeParse({ name: 1 }).success).toBe(false);
      expect(await z.safeParseAsync(schema, { name: 'x' })).toEqual({ success: true, data: { name: 'x', kind: 'a' } });
      expect(z.parse(z.coerce.number(), '4')).toBe(4);
      expect(z.parse(schema.clone(), { name: 'y' })).toEqual({ name: 'y', kind: 'a' });
    }
    for (const name of LEFT_METHODS) {
      expect(name in ours.string(), name).toBe(false);
      expect(name in zod.string(), name).toBe(true);
    }
    expect('shape' in ours.object({})).toBe(false);
    expect('shape' in zod.object({})).toBe(true);
  });

  it("nothing in the bundle reads an object schema's shape: zod's object parse reads its def's", () => {
    const read = /(?<!def|value)\.shape\b/;
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/')))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(read);
    for (const file of ['zod-validator.js', 'hono-validator.js', 'zod-schemas.js', ...MINI_COPIES.map((name) => `zod-mini-${name}.js`)])
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8').replace(/^ \* @deprecated.*$/gm, ''), file).not.toMatch(read);
    const core = join(root, 'node_modules', 'zod', 'v4', 'core');
    for (const file of (readdirSync(core) as string[]).filter((name) => name.endsWith('.js')))
      expect(readFileSync(join(core, file), 'utf8'), file).not.toMatch(read);
    expect(original('schemas')).toContain(SHAPE_ACCESSOR);
  });

  it("ZodMiniType's check() hands zod's checks on as they are: no check of the app is a plain function", async () => {
    // The one line, the same but for the function's branch.
    expect(original('schemas').split(CHECK_FUNCTIONS.from)).toHaveLength(2);
    expect(CHECK_FUNCTIONS.from.replace(/\.map\(\(ch\) => typeof ch === "function" \? \{ _zod: \{[^\n]*\} \} : ch\)/, '')).toBe(
      CHECK_FUNCTIONS.to,
    );
    // Every argument of a check() in the app, read with TypeScript's checker, is one of zod's checks
    // (z.refine(), z.superRefine(), or src/contacts/or-else.ts's helpers of them): no call signature.
    const program = await appProgram();
    const checker = program.getTypeChecker();
    const found: string[] = [];
    for (const source of program.getSourceFiles()) {
      if (!source.fileName.startsWith(join(root, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'check') {
          const receiver = checker.getTypeAtLocation(node.expression.expression);
          if (receiver.getProperty('_zod'))
            for (const argument of node.arguments) {
              found.push(argument.getText(source).slice(0, 40));
              expect(checker.getTypeAtLocation(argument).getCallSignatures(), argument.getText(source)).toHaveLength(0);
              expect(checker.getTypeAtLocation(argument).getProperty('_zod'), argument.getText(source)).toBeDefined();
            }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found.length).toBeGreaterThan(5);
    // Nor does zod call a schema's check() itself (its checks' runs call `_zod.check(`, another function).
    const core = join(root, 'node_modules', 'zod', 'v4', 'core');
    const texts = [
      ...MINI_COPIES.map((file) => generated(file)),
      ...['zod-schemas.js', 'zod-validator.js'].map((file) => readFileSync(join(root, 'src', 'generated', file), 'utf8')),
      ...(readdirSync(core) as string[]).filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(core, name), 'utf8')),
    ];
    for (const text of texts) expect(text.replace(/\b_zod\.check\(/g, '')).not.toMatch(/\.check\(/);
  });

  it("nothing in the bundle calls a schema's with, parse, parseAsync, brand, register or apply", () => {
    const call = /\.(with|parseAsync|safeParseAsync|brand|register|apply)\(/;
    // A schema's parse(): JavaScript's JSON, Date and URL parse, zod's core its schemas' own _zod.parse().
    const parse = /(?<!\b(JSON|Date|URL|URLStatic|_zod))\.parse\(/;
    for (const file of sources('src').filter((path) => !path.startsWith('src/generated/'))) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(call);
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(parse);
    }
    for (const file of ['zod-validator.js', 'hono-validator.js', 'zod-schemas.js'])
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8'), file).not.toMatch(parse);
    for (const file of ['zod-validator.js', 'hono-validator.js', 'zod-schemas.js'])
      expect(readFileSync(join(root, 'src', 'generated', file), 'utf8'), file).not.toMatch(
        /\.(with|parseAsync|safeParseAsync|brand|register)\(|[^t]\.apply\(/,
      );
    // zod's core calls none of them on a schema (Reflect.apply is JavaScript's own; an error message names parseAsync).
    const core = join(root, 'node_modules', 'zod', 'v4', 'core');
    for (const file of (readdirSync(core) as string[]).filter((name) => name.endsWith('.js')))
      expect(
        readFileSync(join(core, file), 'utf8').replaceAll('Reflect.apply(', '').replace('Use .parseAsync() instead', ''),
        file,
      ).not.toMatch(call);
    for (const file of MINI_COPIES) expect(generated(file).replace(/^\/\/ Generated by[^\n]*\n/, ''), file).not.toMatch(call);
  });
});
