import type { Hono } from 'hono/tiny';
import { appFor } from './app';
import { purgeExpired } from './contacts/repository';
import { connect } from './db/client';
import { inEveryDatabase } from './db/tenants';
import type { AppEnv, Bindings } from './env';

/**
 * The Worker's handlers; `devRoutes` as in `buildApp` (src/app.tsx). The entries are
 * src/index.ts (local development and tests, with the dev login) and src/production.ts (what
 * `npm run deploy` uploads, without it).
 */
export function worker(devRoutes?: Hono<AppEnv>) {
  return {
    // Any Request (tests call it directly), not only one with the edge's `cf` properties.
    fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
      return appFor(env, devRoutes).fetch(request, env, ctx);
    },
    /**
     * The daily purge (wrangler.toml [triggers]): what a buyer deleted really goes after 30 days,
     * also in an asset nobody writes to any more (DSGVO).
     */
    async scheduled(controller, env) {
      // Every database (src/db/tenants.ts), each on its own: one failing does not keep the others,
      // and the run is then marked failed with D1's own message (the next day's run purges again).
      await inEveryDatabase(env, async (d1, binding) => {
        const purged = await purgeExpired(connect(d1), controller.scheduledTime);
        console.log(JSON.stringify({ level: 'info', message: 'scheduled purge', cron: controller.cron, database: binding, purged }));
      });
    },
  } satisfies ExportedHandler<Bindings>;
}
