// The stand-in wrangler.toml's [alias] puts in place of drizzle-orm's logger module in the
// Worker's bundle (src/db/quiet-logger.ts): drizzle's D1 driver and session are its only
// importers; the stand-in exports what they import, NoopLogger as drizzle has it; and the app
// never asks drizzle for query logging (the only way to its DefaultLogger).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoopLogger as drizzleNoop } from 'drizzle-orm/logger';
import { describe, expect, it } from 'vitest';
import * as stand from '../../src/db/quiet-logger';
import { drizzle, root } from './drizzle-files';

describe('src/db/quiet-logger.ts, in place of drizzle-orm/logger in the bundle', () => {
  it('is aliased for the imports of drizzle\u2019s D1 driver and session, and exports what they import', () => {
    expect(readFileSync(join(root, 'wrangler.toml'), 'utf8')).toContain('"../logger.js" = "./src/db/quiet-logger.ts"');
    expect(drizzle('d1/driver.js')).toContain('import { DefaultLogger } from "../logger.js"');
    expect(drizzle('d1/session.js')).toContain('import { NoopLogger } from "../logger.js"');
    for (const file of ['sqlite-core/session.js', 'sqlite-core/db.js', 'sqlite-core/dialect.js', 'sql/sql.js'])
      expect(drizzle(file), file).not.toContain('logger.js"');
    expect(new stand.NoopLogger().logQuery()).toBeUndefined();
    expect(Object.getOwnPropertyNames(stand.NoopLogger.prototype)).toEqual(Object.getOwnPropertyNames(drizzleNoop.prototype));
    expect(() => new stand.DefaultLogger()).toThrow(/not part of this build/);
  });

  it('is never asked for a query log: the app calls drizzle() without a logger', () => {
    const client = readFileSync(join(root, 'src', 'db', 'client.ts'), 'utf8');
    expect(client).toMatch(/drizzle\(/);
    expect(client).not.toMatch(/logger/);
  });
});
