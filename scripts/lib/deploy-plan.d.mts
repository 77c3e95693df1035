/** See deploy-plan.mjs: the database names `npm run deploy` migrates; throws where the tenant map is wrong. */
export function databasesToMigrate(
  config: { d1_databases?: { binding: string; database_name?: string }[]; vars?: Record<string, unknown> },
  environment: string,
): string[];

/** See deploy-plan.mjs: `npm run deploy`'s steps in order, as [program, arguments]. */
export function deploySteps(
  databases: readonly string[],
  environment: string,
  programs: { node: string; wrangler: string; scripts: string },
): [string, string[]][];
