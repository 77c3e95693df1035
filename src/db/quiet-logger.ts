/**
 * In place of drizzle-orm's `logger.js` in the Worker's bundle (wrangler.toml `[alias]`), as
 * src/db/no-relations.ts is for its relations: drizzle's D1 session starts with a NoopLogger, and
 * only `drizzle(d1, { logger: true })` would build its DefaultLogger (which prints every query
 * with its parameters: a customer's data in the logs). The app never passes a logger
 * (src/db/client.ts); its own request log (src/observability/request-log.ts) holds no values.
 * test/node/quiet-logger.test.ts holds the alias to drizzle's imports.
 */
import { entityKind } from 'drizzle-orm/entity';

/** drizzle's NoopLogger, word for word. */
export class NoopLogger {
  static readonly [entityKind] = 'NoopLogger';
  logQuery(): void {}
}

/** Only built for `logger: true`. */
export class DefaultLogger {
  static readonly [entityKind] = 'DefaultLogger';
  constructor() {
    throw new Error('not part of this build');
  }
}
