// What `npm run deploy` migrates (scripts/deploy.mjs), checked before anything runs: the
// environment's D1 databases, after the tenant map passed the Worker's own check
// (src/db/tenants.ts, loaded with Node's type stripping) and names only declared bindings.
import { tenantDatabases } from '../../src/db/tenants.ts';

/** The database names to migrate, `DB`'s first; throws with the reason where the map is wrong. */
export function databasesToMigrate(config, environment) {
  const databases = config.d1_databases ?? [];
  const unnamed = databases.find((database) => !database.database_name);
  if (unnamed) throw new Error(`d1_databases binding ${unnamed.binding} has no database_name in ${environment}`);
  const declared = new Set(databases.map((database) => database.binding));
  if (!declared.has('DB')) throw new Error(`no d1_databases binding DB in ${environment}`);
  for (const [tenant, binding] of tenantDatabases(config.vars?.TENANT_DATABASES)) {
    if (!declared.has(binding))
      throw new Error(`TENANT_DATABASES: ${tenant} maps to ${binding}, which is no d1_databases binding of ${environment}`);
  }
  return [...databases].sort((a, b) => Number(b.binding === 'DB') - Number(a.binding === 'DB')).map((database) => database.database_name);
}

/**
 * The steps of `npm run deploy`, in order, as [program, arguments] with `node` and `wrangler` for
 * the programs: the static files' fingerprints, every database's migrations, the Worker, then
 * every database's search keys of older formats. The keys after the Worker: the new code reads
 * older keys (and rebuilds those it meets), the old one, serving until the deploy, misread newer
 * ones (code review, stop 62: format 14 marks a contact's own name apart; names ranked last).
 */
export function deploySteps(databases, environment, { node, wrangler, scripts }) {
  return [
    [node, [`${scripts}/fingerprint.mjs`]],
    ...databases.map((database) => [wrangler, ['d1', 'migrations', 'apply', database, '--remote', '--env', environment]]),
    [wrangler, ['deploy', '--env', environment]],
    ...databases.map((database) => [node, [`${scripts}/rebuild-keys.mjs`, database, '--remote', '--env', environment]]),
  ];
}
