// scripts/rebuild-keys.mjs (run by `npm start` and by `npm run deploy` on every database) against
// a local D1 migrated by wrangler: it brings rows of older key formats up to date, and leaves the
// rows of an asset frozen for a move alone (that database refuses their writes, and a failing
// rebuild would stop the deploy that switches the tenant over).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { wranglerEnv } from '../../scripts/wrangler-env.mjs';
import { KEY_FORMAT } from '../../src/contacts/keys';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const persist = mkdtempSync(join(tmpdir(), 'kontakte-rebuild-'));
const env = { ...wranglerEnv(root), XDG_CONFIG_HOME: join(persist, 'config') };
const wrangler = (...args: string[]) =>
  run(join(root, 'node_modules', '.bin', 'wrangler'), ['d1', ...args, '--local', '--persist-to', persist], { cwd: root, env });

afterAll(() => rmSync(persist, { recursive: true, force: true }));

describe('rebuild-keys', () => {
  it('rebuilds the keys of older rows, but not those of a frozen asset', async () => {
    await wrangler('migrations', 'apply', 'kontakte');
    await wrangler(
      'execute',
      'kontakte',
      '--command',
      `INSERT INTO contacts (id, asset_id, company, sort_key, search_key, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
       VALUES ('c-old', 'a-1', 'Älter GmbH', 'x', 'x', 1, 'u', 'U', 1, 'u', 'U'), ('c-frozen', 'a-2', 'Umzug GmbH', 'x', 'x', 1, 'u', 'U', 1, 'u', 'U');
       INSERT INTO frozen_assets (asset_id, since) VALUES ('a-2', 1);`,
    );
    const { stdout } = await run(
      process.execPath,
      [join(root, 'scripts', 'rebuild-keys.mjs'), 'kontakte', '--local', '--persist-to', persist],
      {
        cwd: root,
        env,
      },
    );
    expect(stdout).toContain(`1 contact(s) brought to key format ${KEY_FORMAT}`);
    const read = await wrangler(
      'execute',
      'kontakte',
      '--json',
      '--command',
      'SELECT id, key_format, search_key FROM contacts ORDER BY id',
    );
    const rows = (JSON.parse(read.stdout) as { results: { id: string; key_format: number; search_key: string }[] }[])[0]?.results;
    expect(rows?.map(({ id, key_format }) => [id, key_format])).toEqual([
      ['c-frozen', 0],
      ['c-old', KEY_FORMAT],
    ]);
    // (A firm's company is its name since key format 14: its words marked so, '\r'.)
    expect(rows?.[1]?.search_key).toContain('\raelter\rgmbh');
  }, 60_000);
});
