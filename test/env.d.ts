import type { D1Migration } from '@cloudflare/vitest-plugin';
import type { Bindings } from '../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      /** The test tenant's own database (vitest.config.ts). */
      DB_SEEBLICK: D1Database;
      /** A database no tenant maps to (vitest.config.ts). */
      DB_OLD: D1Database;
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index');
    }
  }
}
