// `npm run deploy`: fingerprint the static files, apply D1 migrations to every remote database of
// the environment (`DB` and the tenants' own), deploy the Worker, then rebuild the search keys
// of older formats (needs CLOUDFLARE_API_TOKEN and account access).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_readConfig } from 'wrangler';
import { databasesToMigrate } from './lib/deploy-plan.mjs';
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

for (const [command, args] of [
  [process.execPath, [join(root, 'scripts', 'fingerprint.mjs')]],
  ...databases.map((database) => [wrangler, ['d1', 'migrations', 'apply', database, '--remote', '--env', environment]]),
  [wrangler, ['deploy', '--env', environment]],
  // Keys of rows written by an older format (src/contacts/keys.ts): idempotent, resumable. After
  // the deploy: the new Worker reads older keys (and rebuilds those it meets), while the old one,
  // serving until the deploy, misread the new ones (code review, stop 62: format 14 marks a
  // contact's own name apart, which the old Worker's ranking did not know: names ranked last).
  ...databases.map((database) => [
    process.execPath,
    [join(root, 'scripts', 'rebuild-keys.mjs'), database, '--remote', '--env', environment],
  ]),
]) {
  const result = spawnSync(command, args, { cwd: root, env: wranglerEnv(root), stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
