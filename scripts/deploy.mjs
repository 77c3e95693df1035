// `npm run deploy`: fingerprint the static files, apply D1 migrations to every remote database of
// the environment (`DB` and the tenants' own), deploy the Worker, then rebuild the search keys
// of older formats (needs CLOUDFLARE_API_TOKEN and account access).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_readConfig } from 'wrangler';
import { databasesToMigrate, deploySteps } from './lib/deploy-plan.mjs';
import { wranglerEnv } from './wrangler-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const environment = process.env.DEPLOY_ENV ?? 'production';

// Every D1 database of the environment: `DB` and the tenants' own (src/db/tenants.ts). A tenant
// map the Worker would refuse, or one naming an undeclared binding, stops the deploy here.
let databases;
try {
  databases = databasesToMigrate(unstable_readConfig({ config: join(root, 'wrangler.toml'), env: environment }), environment);
} catch (error) {
  console.error(String(error));
  process.exit(1);
}

for (const [command, args] of deploySteps(databases, environment, {
  node: process.execPath,
  wrangler,
  scripts: join(root, 'scripts'),
})) {
  const result = spawnSync(command, args, { cwd: root, env: wranglerEnv(root), stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
