import { appFor } from './app';
import type { Bindings } from './env';

// The Worker's entry: only handlers may be exported from here (workerd rejects other values).
export default {
  fetch(request, env, ctx) {
    return appFor(env).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Bindings>;
