// Shared by the scripts that run wrangler: offline, no telemetry, config kept in the project.
import { join } from 'node:path';

export function wranglerEnv(root) {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    XDG_CONFIG_HOME: join(root, '.wrangler', 'config'),
    CI: process.env.CI ?? '',
  };
}
