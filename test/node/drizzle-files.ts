// drizzle-orm's files as the node tests of the bundle's stand-ins (src/db/no-*.ts, sqlite-*.ts,
// quiet-logger.ts) read them: to hold each wrangler.toml alias to what drizzle imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** A file of the installed drizzle-orm (a path under node_modules/drizzle-orm/). */
export const drizzle = (file: string) => readFileSync(join(root, 'node_modules', 'drizzle-orm', file), 'utf8');

/** The drizzle modules a D1 Worker may bundle: the core, sql/, sqlite-core/, d1/ (paths under drizzle-orm/). */
export function bundledDrizzle(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, 'node_modules', 'drizzle-orm', dir))) {
      const path = dir ? `${dir}/${entry}` : entry;
      if (statSync(join(root, 'node_modules', 'drizzle-orm', path)).isDirectory()) {
        if (
          ['sql', 'sqlite-core', 'd1', 'sqlite-core/query-builders', 'sqlite-core/columns', 'sql/expressions', 'sql/functions'].includes(
            path,
          )
        )
          walk(path);
      } else if (path.endsWith('.js')) files.push(path);
    }
  };
  walk('');
  return files;
}

/** The app's TypeScript sources under `dir` (a path under the repository). */
export function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}
