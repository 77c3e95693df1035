// drizzle-orm's entity module as wrangler.toml's [alias] puts it in the Worker's bundle
// (src/generated/drizzle-entity.js, written by scripts/lib/drizzle-entity.mjs from the installed
// drizzle-orm): drizzle's entity.js but for is()'s check that the class it is asked about has its
// own entity kind (a developer's error for a class not drizzle's); every `is(…, C)` of the bundle
// names such a class, so the check never throws; the same answers for drizzle's classes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITY_LEFT_OUT, trimEntity } from '../../scripts/lib/drizzle-entity.mjs';
import { asBundled, bundledDrizzle, drizzle, esmOf, root, sources } from './drizzle-files';

const generatedPath = join(root, 'src', 'generated', 'drizzle-entity.js');
const generated = () => readFileSync(generatedPath, 'utf8');
const toml = () => readFileSync(join(root, 'wrangler.toml'), 'utf8');
const TEXTS = ['./entity.js', '../entity.js', '../../entity.js'];

describe('src/generated/drizzle-entity.js, in place of drizzle-orm/entity.js in the bundle', () => {
  it("wrangler.toml aliases every text by which drizzle's modules, the generated ones and the app import it, and only drizzle's entity.js answers those texts", () => {
    for (const text of [...TEXTS, 'drizzle-orm/entity']) expect(toml()).toContain(`"${text}" = "./src/generated/drizzle-entity.js"`);
    for (const file of bundledDrizzle()) {
      for (const [, from = ''] of drizzle(file).matchAll(/ from "([^"]+)";/g)) {
        if (!TEXTS.includes(from)) continue;
        expect(new URL(from, pathToFileURL(`/x/${file}`)).pathname, `${file}: ${from}`).toBe('/x/entity.js');
      }
    }
    // No other bundled package imports a module by those texts.
    const others = ['hono/dist', 'zod', '@hono/zod-validator', 'lean-qr']
      .flatMap(esmOf)
      .filter((file) => /from "(\.\/|\.\.\/|\.\.\/\.\.\/)entity\.js"/.test(readFileSync(join(root, 'node_modules', file), 'utf8')));
    expect(others).toEqual([]);
    for (const file of sources('src'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from '\.\.?\/(\.\.\/)?entity(\.js)?'/);
  });

  it('is what scripts/fingerprint.mjs writes from the installed drizzle-orm (not stale), refusing a text it was not written for', () => {
    expect(generated()).toBe(trimEntity(drizzle('entity.js')));
    expect(() => trimEntity(drizzle('entity.js').replace('please report this as a bug.', 'please report it.'))).toThrow(
      /check not found once/,
    );
  });

  it("is drizzle's module but for is()'s check of the class, a whole statement", () => {
    const body = (text: string) => text.replace(/^\/\/ Generated [^\n]*\n/, '').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    expect(ENTITY_LEFT_OUT).toMatch(
      /^ {2}if \(!Object\.prototype\.hasOwnProperty\.call\(type, entityKind\)\) \{\n {4}throw new Error\([\s\S]*\n {2}\}\n$/,
    );
    expect(body(generated())).toBe(body(drizzle('entity.js')).replace(ENTITY_LEFT_OUT, ''));
  });

  it('every class the bundle asks is() about has its own entity kind, so the check left out never throws', () => {
    const texts = [
      ...bundledDrizzle().map((file) => asBundled(file)),
      ...sources('src').map((file) => readFileSync(join(root, file), 'utf8')),
      ...readdirSync(join(root, 'src', 'generated'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(join(root, 'src', 'generated', file), 'utf8')),
    ];
    const asked = new Set<string>();
    for (const text of texts)
      for (const [, name = ''] of text.matchAll(/\bis\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*([\w$.]+)\s*\)/g))
        if (name !== 'type') asked.add(name);
    expect(asked.size).toBeGreaterThan(15);
    expect([...asked]).toEqual(expect.arrayContaining(['SQL', 'SQL.Aliased', 'Column', 'Table', 'Param', 'Placeholder']));
    const all = texts.join('\n');
    for (const name of asked) {
      const own = name.split('.').at(-1) ?? '';
      // Its class, declared with its own static entity kind (drizzle's JS, or a stand-in's TypeScript).
      // (Its body up to its `static [entityKind]`, with no other class declared in between.)
      expect(all, name).toMatch(
        new RegExp(
          `\\bclass ${own}\\b[^{\\n]*\\{(?:(?!\\n\\s*(export )?(abstract )?class )[\\s\\S])*?\\n\\s*static (override )?(readonly )?\\[entityKind\\](: string)? = ['"]`,
        ),
      );
    }
    // Only the definition itself and drizzle's own use `is(value, type)`.
    expect(drizzle('entity.js')).toContain('function is(value, type) {');
  });

  it("answers as drizzle's is() for drizzle's classes", async () => {
    const ours = await import(pathToFileURL(generatedPath).href);
    const theirs = await import('drizzle-orm/entity');
    const { SQL, Param, sql } = await import('drizzle-orm/sql/sql');
    const { Column } = await import('drizzle-orm/column');
    const { Table } = await import('drizzle-orm/table');
    const { SQLiteTable } = await import('drizzle-orm/sqlite-core');
    const { contacts } = await import('../../src/db/schema');
    const values = [null, undefined, 1, 'x', {}, sql`x`, new Param(1), contacts, contacts.id, sql`y`.as('y')];
    for (const type of [SQL, SQL.Aliased, Param, Column, Table, SQLiteTable])
      for (const value of values) expect(ours.is(value, type)).toBe(theirs.is(value, type));
    expect(ours.entityKind).toBe(theirs.entityKind);
    expect(ours.hasOwnEntityKind).toBe(theirs.hasOwnEntityKind);
  });
});
