import { appFor } from './app';
import { purgeExpired } from './contacts/repository';
import { connect } from './db/client';
import type { Bindings } from './env';

// The Worker's entry: only handlers may be exported from here (workerd rejects other values).
export default {
  fetch(request, env, ctx) {
    return appFor(env).fetch(request, env, ctx);
  },
  /**
   * The daily purge (wrangler.toml [triggers]): what a buyer deleted really goes after 30 days,
   * also in an asset nobody writes to any more (DSGVO).
   */
  async scheduled(controller, env) {
    const purged = await purgeExpired(connect(env.DB), controller.scheduledTime);
    console.log(JSON.stringify({ level: 'info', message: 'scheduled purge', cron: controller.cron, purged }));
  },
} satisfies ExportedHandler<Bindings>;
