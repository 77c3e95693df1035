// A tenant's move as an operator runs it: `npm run move-tenant` (scripts/move-tenant.mjs) against
// the mover built from its own wrangler config (scripts/mover/wrangler.toml, as `wrangler deploy`
// would bundle it), in workerd with two local D1 databases migrated like the app's.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wranglerEnv } from '../../scripts/wrangler-env.mjs';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const SECRET = 'node-test-mover-secret-0123456789abcdef01234';
let work: string;
let mf: Miniflare;
let url: string;
let source: D1Database;
let target: D1Database;

async function moveTenant(args: string[], secret = SECRET) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'scripts', 'move-tenant.mjs'), ...args], {
      env: { ...process.env, MOVER_SECRET: secret },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function migrate(d1: D1Database) {
  for (const file of readdirSync(join(root, 'migrations'))
    .filter((name) => name.endsWith('.sql'))
    .sort())
    for (const statement of readFileSync(join(root, 'migrations', file), 'utf8').split('--> statement-breakpoint'))
      await d1.prepare(statement).run();
}

async function seed(d1: D1Database, asset: string, companies: string[]) {
  for (const company of companies)
    await d1
      .prepare(
        `INSERT INTO contacts (id, asset_id, company, sort_key, search_key, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
         VALUES (?, ?, ?, ?, ?, 1, 'u', 'Lea', 1, 'u', 'Lea')`,
      )
      .bind(crypto.randomUUID(), asset, company, company.toLowerCase(), company.toLowerCase())
      .run();
}

const count = async (d1: D1Database, asset: string) =>
  d1.prepare('SELECT count(*) AS n FROM contacts WHERE asset_id = ?').bind(asset).first<number>('n');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kontakte-move-'));
  await run(
    join(root, 'node_modules', '.bin', 'wrangler'),
    ['deploy', '--dry-run', '-c', 'scripts/mover/wrangler.toml', '--outdir', join(work, 'mover')],
    {
      cwd: root,
      env: { ...wranglerEnv(root), XDG_CONFIG_HOME: join(work, 'config') },
    },
  );
  mf = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      workers: [
        {
          name: 'kontakte-mover',
          modules: [{ type: 'ESModule', path: join(work, 'mover', 'index.js') }],
          modulesRoot: join(work, 'mover'),
          compatibilityDate: '2026-11-01',
          d1Databases: { DB: 'kontakte', DB_SEEBLICK: 'kontakte-seeblick' },
          bindings: { MOVER_SECRET: SECRET },
        },
      ],
    }),
  );
  url = (await mf.ready).toString();
  source = (await mf.getD1Database('DB')) as unknown as D1Database;
  target = (await mf.getD1Database('DB_SEEBLICK')) as unknown as D1Database;
  await migrate(source);
  await migrate(target);
  await seed(source, 'sb-1', ['Küchen Müller GmbH', 'Garten Groß', 'Pool & Co.']);
  await seed(source, 'sb-2', ['Fliesen Weiß']);
  await seed(source, 'lh-1', ['Bleibt hier GmbH']);
  writeFileSync(join(work, 'seeblick.txt'), '# Seeblick\nsb-1\nsb-2\n');
  writeFileSync(join(work, 'with-lindenhof.txt'), 'sb-1\nlh-1\n');
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run move-tenant', () => {
  const common = (file = 'seeblick.txt') => ['--url', url, '--from', 'DB', '--to', 'DB_SEEBLICK', '--assets', join(work, file)];

  it('freezes, copies, checks and finishes a tenant asset by asset; each step stops at the first asset that fails', async () => {
    const freeze = await moveTenant(['freeze', ...common()]);
    expect(freeze.code).toBe(0);
    expect(freeze.stdout).toContain('freeze: 2 assets, 4 contacts');
    // The database refuses a write of a frozen asset, whoever sends it.
    await expect(seed(source, 'sb-1', ['Während des Umzugs GmbH'])).rejects.toThrow(/frozen for a move/);

    // An asset not frozen stops the copy there, and says so.
    const halfway = await moveTenant(['copy', ...common('with-lindenhof.txt')]);
    expect(halfway.code).toBe(1);
    expect(halfway.stderr).toContain('lh-1: copy failed: 409');
    expect(halfway.stderr).toContain('1 of 2 assets done before it');
    expect(await count(target, 'lh-1')).toBe(0);

    // The check says what is not copied yet (sb-1 was, before the run above stopped), and fails.
    const unready = await moveTenant(['status', ...common()]);
    expect(unready.code).toBe(1);
    expect(unready.stdout).toContain('sb-1: 3 contacts, 3 versions; identical');
    expect(unready.stdout).toContain('sb-2: 1 contacts, 1 versions; not copied');
    expect(unready.stderr).toContain('not ready for the switch: sb-2');

    const copy = await moveTenant(['copy', ...common()]);
    expect(copy.code).toBe(0);
    expect(copy.stdout).toContain('copy: 2 assets, 4 contacts, 4 versions');
    const status = await moveTenant(['status', ...common()]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('sb-1: 3 contacts, 3 versions; identical');
    expect(status.stdout).toContain('sb-2: 1 contacts, 1 versions; identical');

    // Deleting the old copy needs the operator's word that the switch is live.
    const early = await moveTenant(['finish', ...common()]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--switched');
    expect(await count(source, 'sb-1')).toBe(3);
    const finish = await moveTenant(['finish', ...common(), '--switched']);
    expect(finish.code).toBe(0);
    expect([await count(source, 'sb-1'), await count(source, 'sb-2'), await count(source, 'lh-1')]).toEqual([0, 0, 1]);
    expect([await count(target, 'sb-1'), await count(target, 'sb-2')]).toEqual([3, 1]);
    const after = await moveTenant(['status', ...common()]);
    expect(after.stdout).toContain('sb-1: 0 contacts, 0 versions; finished');
    // The old database keeps refusing writes of a moved asset; a thaw needs --force.
    await expect(seed(source, 'sb-1', ['Zweites Buch GmbH'])).rejects.toThrow(/frozen for a move/);
    expect((await moveTenant(['thaw', ...common()])).stderr).toContain('409');
    expect((await moveTenant(['thaw', ...common(), '--force'])).code).toBe(0);
  });

  it('refuses without the right secret, a known step or the asset list', async () => {
    const wrong = await moveTenant(['status', ...common()], 'wrong-secret-0123456789abcdef0123456789abcdef');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('401');
    expect((await moveTenant(['status', ...common()], '')).stderr).toContain('MOVER_SECRET is not set');
    expect((await moveTenant(['move', ...common()])).code).toBe(2);
    expect((await moveTenant(['status', ...common(), '--colour'])).stderr).toContain("Unknown option '--colour'");
    expect(
      (await moveTenant(['status', '--url', 'nowhere', '--from', 'DB', '--to', 'DB_SEEBLICK', '--assets', join(work, 'seeblick.txt')]))
        .stderr,
    ).toContain('not a URL');
    expect((await moveTenant(['copy', '--url', url, '--from', 'DB', '--assets', join(work, 'seeblick.txt')])).stderr).toContain(
      'copy needs --to',
    );
  });
});
