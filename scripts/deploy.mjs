// `npm run deploy`: fingerprint the static files, apply D1 migrations to the remote
// production database, then deploy the Worker (needs CLOUDFLARE_API_TOKEN and account access).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wranglerEnv } from './wrangler-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const environment = process.env.DEPLOY_ENV ?? 'production';
const database = environment === 'production' ? 'kontakte-production' : 'kontakte';

for (const [command, args] of [
  [process.execPath, [join(root, 'scripts', 'fingerprint.mjs')]],
  [wrangler, ['d1', 'migrations', 'apply', database, '--remote', '--env', environment]],
  // Keys of rows written by an older format (src/contacts/keys.ts): idempotent, resumable.
  [process.execPath, [join(root, 'scripts', 'rebuild-keys.mjs'), database, '--remote', '--env', environment]],
  [wrangler, ['deploy', '--env', environment]],
]) {
  const result = spawnSync(command, args, { cwd: root, env: wranglerEnv(root), stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
