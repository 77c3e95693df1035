import type { Database, WriteGate } from './db/client';
import type { AssetClaim, Session } from './session/claims';
import type { Shell } from './views/shell';

/**
 * Bindings and vars of the Worker: `Bindings` is generated from wrangler.toml and
 * .dev.vars.example by `npm run types` (src/worker-configuration.d.ts); wrangler.toml says what
 * each one means.
 */
type WorkerBindings = Bindings & {
  /**
   * Tenants with a database of their own: a JSON object of tenant name to D1 binding (`DB_…`),
   * each binding declared in wrangler.toml (src/db/tenants.ts). Unset: every asset lives in `DB`.
   */
  TENANT_DATABASES?: string;
};

export type { WorkerBindings as Bindings };

export interface Variables {
  /** Our own id of the request (a random UUID), set by the request log; never one a client sent. */
  requestId: string;
  session: Session;
  /** The asset of the current /assets/:assetId route, checked against the session. */
  asset: AssetClaim;
  /** The asset's database connection, opened once per request by the asset route. */
  db: Database;
  /** A write's rate-limit check (src/security/rate-limit.ts); not set for reads. */
  writeGate?: WriteGate;
  /** What every page view needs: built once per request, completed by the session and asset. */
  shell: Shell;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
