/** See deploy-plan.mjs: the database names `npm run deploy` migrates; throws where the tenant map is wrong. */
export function databasesToMigrate(
  config: { d1_databases?: { binding: string; database_name?: string }[]; vars?: Record<string, unknown> },
  environment: string,
): string[];
