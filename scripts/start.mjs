// `npm start`: local development on http://127.0.0.1:8787 (PORT overrides) with local D1,
// migrations applied and demo data seeded; no Cloudflare account needed (contract §3).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wranglerEnv } from './wrangler-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = wranglerEnv(root);
const port = process.env.PORT ?? '8787';
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
// KONTAKTE_PERSIST_DIR: keep the local D1 state elsewhere (the browser tests use a throwaway
// directory so they never touch the developer's .wrangler data). Unset: wrangler's default.
const persistDir = process.env.KONTAKTE_PERSIST_DIR;
const persist = persistDir ? ['--persist-to', persistDir] : [];
const seedFile = join(persistDir ?? join(root, '.wrangler'), 'seed.sql');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(root, '.dev.vars'))) {
  copyFileSync(join(root, '.dev.vars.example'), join(root, '.dev.vars'));
  console.log('start: created .dev.vars from .dev.vars.example');
}
mkdirSync(join(root, '.wrangler'), { recursive: true });
if (persistDir) mkdirSync(persistDir, { recursive: true });
run(process.execPath, [join(root, 'scripts', 'fingerprint.mjs')]);
run(wrangler, ['d1', 'migrations', 'apply', 'kontakte', '--local', ...persist]);
run(process.execPath, [join(root, 'scripts', 'seed.mjs'), seedFile]);
run(wrangler, ['d1', 'execute', 'kontakte', '--local', ...persist, '--file', seedFile]);
run(process.execPath, [join(root, 'scripts', 'rebuild-keys.mjs'), 'kontakte', '--local', ...persist]);

const extra = process.argv.slice(2);
const server = spawn(
  wrangler,
  ['dev', '--local', '--ip', process.env.HOST ?? '127.0.0.1', '--port', port, '--show-interactive-dev-session=false', ...persist, ...extra],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
