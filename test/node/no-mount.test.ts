// The stand-in wrangler.toml's [alias] puts in place of hono's utils/mount.js in the Worker's
// bundle (src/no-mount.ts): hono-base is its only importer among the bundled packages, for
// `app.mount()` alone, and the app never mounts another application.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as stand from '../../src/no-mount';
import { root, sources } from './drizzle-files';

/** Every ES module file of a package under node_modules that imports `specifier`. */
function importers(pkg: string, specifier: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, 'node_modules', dir))) {
      const path = `${dir}/${entry}`;
      if (statSync(join(root, 'node_modules', path)).isDirectory()) {
        if (entry !== 'cjs' && entry !== 'node_modules') walk(path);
      } else if (/\.(m?js)$/.test(entry) && readFileSync(join(root, 'node_modules', path), 'utf8').includes(`from "${specifier}"`))
        found.push(path);
    }
  };
  walk(pkg);
  return found;
}

describe('src/no-mount.ts, in place of hono/utils/mount.js in the bundle', () => {
  it('is aliased for hono-base\u2019s one import, which no other bundled module shares', () => {
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"./utils/mount.js" = "./src/no-mount.ts"');
    const hono = readFileSync(join(root, 'node_modules', 'hono', 'dist', 'hono-base.js'), 'utf8');
    expect(hono).toContain('import { createMountedRequest } from "./utils/mount.js"');
    // Only inside mount(): the one place that calls it.
    expect(hono.split('createMountedRequest(').length - 1).toBe(1);
    expect(hono.slice(hono.indexOf('mount(path, applicationHandler, options) {'))).toContain('createMountedRequest(');
    for (const pkg of ['hono', 'drizzle-orm', 'zod', 'lean-qr', '@hono/zod-validator'])
      expect(importers(pkg, './utils/mount.js'), pkg).toEqual(pkg === 'hono' ? ['hono/dist/hono-base.js'] : []);
    expect(() => stand.createMountedRequest()).toThrow(/not part of this build/);
  });

  it('is never reached: the app mounts no application of another framework', () => {
    for (const file of sources('src').filter((file) => file !== 'src/no-mount.ts')) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/\.mount\(|hono\/mount/);
    }
  });
});
