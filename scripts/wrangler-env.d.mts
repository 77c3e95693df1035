/** The environment for running wrangler offline, without telemetry, its config kept in the project. */
export function wranglerEnv(root: string): NodeJS.ProcessEnv;
