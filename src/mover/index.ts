import { Hono } from 'hono/tiny';
import { STAGED_FOR_MS } from '../contacts/imports';
import { PURGE_AFTER_MS } from '../contacts/repository';
import { rootCause } from '../db/client';
import { isD1 } from '../db/tenants';
import { bearerMatches } from '../security/bearer';

/**
 * The mover: a Worker of its own (scripts/mover/wrangler.toml), deployed only while a tenant
 * moves to another database (docs/architecture.md, "How a tenant moves"; `npm run move-tenant`
 * drives it). It is not part of the app's bundle: the app knows nothing of moves but the
 * freeze, which the database itself enforces (migrations/0008_frozen_assets.sql). It has the
 * bindings of the databases it moves between and a secret of its own; every call names one
 * asset and the bindings (`from`, `to`), and may be repeated:
 *
 * - `POST /assets/:id/freeze?from=` lists the asset in `from`'s `frozen_assets`: from then on
 *   `from` refuses every write of it (buyers get 503 with their input kept, reads go on).
 * - `POST /assets/:id/copy?from=&to=` (frozen only) writes `from`'s rows of the asset (contacts,
 *   deleted ones, versions, counters, staged imports) into `to` in one batch, reads them back
 *   in it, compares every row, and notes the copy on the freeze line (an earlier note goes
 *   before the batch). 200 with the counts. A copy that is not exact is not noted (500), and
 *   taken out of `to` again where `to` held nothing of the asset before. Where `to` already holds other rows
 *   of the asset (written there after the switch, or left by a move given up), 409 and nothing
 *   copied, unless `replace=1` asks to replace them; the batch itself checks that `to` did not
 *   change after it was read.
 * - `POST /assets/:id/finish?from=&to=` (copied to `to` only, and `to` holding the asset) deletes the asset's rows from
 *   `from` in one batch and keeps its line there as a marker (`finished_at`): `from` goes on
 *   refusing writes of the asset, so a token that still lacks the tenant finds an empty book it
 *   cannot write to (503), never a second book. For after the tenant's map entry is live.
 * - `POST /assets/:id/thaw?from=` unlists the asset in `from`: a move given up before the
 *   switch (after a finish only with `force=1`, e.g. when the tenant moves back there).
 * - `GET /assets/:id?from=&to=` what each side holds, and whether they hold the same (rows the
 *   daily purge may already have removed on one side left out).
 *
 * Written by hand: D1 has no copy between databases, and a dump (`wrangler d1 export`) takes a
 * whole database, not one asset, and cannot load into a database that is in use.
 */

export interface MoverEnv {
  MOVER_SECRET?: string;
  [binding: string]: unknown;
}

/** The tables that hold an asset, each with the order its rows are read, written and compared in. */
const TABLES = [
  { name: 'contacts', order: 'id' },
  // Ascending versions: the trigger that bounds a contact's versions sees them as they were written.
  { name: 'contact_versions', order: 'contact_id, version' },
  { name: 'asset_usage', order: 'asset_id' },
  { name: 'import_staging', order: 'import_id' },
] as const;
type Table = (typeof TABLES)[number]['name'];
type Row = Record<string, unknown>;
type Rows = Record<Table, Row[]>;

/** Rows per insert statement: JSON of at most this many characters (D1 takes 2 MB per value). */
const CHUNK_CHARS = 500_000;
const BINDING = /^DB(_[A-Z0-9_]{1,60})?$/;
const COLUMN = /^[a-z_]{1,64}$/;
const ASSET = '/assets/:assetId{[A-Za-z0-9._:-]{1,128}}';

class MoveError extends Error {
  constructor(
    readonly status: 400 | 409 | 500,
    message: string,
  ) {
    super(message);
  }
}

function database(env: MoverEnv, binding: string | undefined, role: string): D1Database {
  const d1: unknown = binding && BINDING.test(binding) ? Reflect.get(env, binding) : undefined;
  if (!isD1(d1)) throw new MoveError(400, `${role}: no D1 binding ${binding ?? ''}`);
  return d1;
}

/** What `frozen_assets` says of the asset in `d1`, or undefined when it is not frozen there. */
interface Freeze {
  since: number;
  copied_to: string | null;
  copied_at: number | null;
  finished_at: number | null;
}

/** The freeze line and every row of the asset, in one batch (one transaction, from the primary). */
async function readAsset(d1: D1Database, assetId: string): Promise<{ freeze: Freeze | undefined; rows: Rows }> {
  const results = await d1.batch([
    d1.prepare('SELECT since, copied_to, copied_at, finished_at FROM frozen_assets WHERE asset_id = ?').bind(assetId),
    ...TABLES.map(({ name, order }) => d1.prepare(`SELECT * FROM ${name} WHERE asset_id = ? ORDER BY ${order}`).bind(assetId)),
  ]);
  const [freeze, ...tables] = results.map((result) => result.results as Row[]);
  const rows = Object.fromEntries(TABLES.map(({ name }, i) => [name, tables[i] ?? []])) as Rows;
  return { freeze: freeze?.[0] as Freeze | undefined, rows };
}

/** Inserts of `rows` into `table`, a few hundred KB of JSON each, in the rows' order. */
function inserts(d1: D1Database, table: Table, rows: Row[]): D1PreparedStatement[] {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  const bad = columns.find((column) => !COLUMN.test(column));
  if (bad) throw new MoveError(500, `${table}: unexpected column ${bad}`);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns
    .map((column) => `json_extract(value, '$.${column}')`)
    .join(', ')} FROM json_each(?) ORDER BY key`;
  const statements: D1PreparedStatement[] = [];
  let chunk: string[] = [];
  let chars = 0;
  const flush = () => {
    if (chunk.length) statements.push(d1.prepare(sql).bind(`[${chunk.join(',')}]`));
    chunk = [];
    chars = 0;
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (chars + json.length > CHUNK_CHARS) flush();
    chunk.push(json);
    chars += json.length + 1;
  }
  flush();
  return statements;
}

/** A fingerprint of what `to` holds of the asset that every buyer's write changes (count, versions, uploads). */
const FINGERPRINT =
  "(SELECT count(*) || '/' || coalesce(sum(version), 0) FROM contacts WHERE asset_id = ?1) || '/' || (SELECT count(*) FROM import_staging WHERE asset_id = ?1)";
const fingerprintOf = (rows: Rows) =>
  `${rows.contacts.length}/${rows.contacts.reduce((sum, row) => sum + Number(row.version), 0)}/${rows.import_staging.length}`;
/** What D1 says when the fingerprint statement below fails. */
const CHANGED = /NOT NULL constraint failed: frozen_assets\.since/;

/**
 * `to`'s rows of the asset replaced with `rows`, in one batch (a transaction: all or nothing).
 * The triggers of `to` run as on any write: inserting the contacts writes a version of each and
 * counts them, so those versions are deleted again before the copied ones go in, and the
 * counters are set to the copied ones last. `held`: the fingerprint of `to` when it was read.
 */
function replaceStatements(d1: D1Database, assetId: string, rows: Rows, held: string): D1PreparedStatement[] {
  const clear = (table: Table) => d1.prepare(`DELETE FROM ${table} WHERE asset_id = ?`).bind(assetId);
  const usage = rows.asset_usage[0];
  return [
    // Fails the batch at once (a NOT NULL violation, which `copy` answers with 409) if `to`
    // changed after it was read: a buyer's write there is never replaced unseen.
    d1.prepare(`INSERT INTO frozen_assets (asset_id, since) SELECT ?1, NULL WHERE ${FINGERPRINT} IS NOT ?2`).bind(assetId, held),
    // Its versions and counters follow by the triggers; what is left of them goes next.
    clear('contacts'),
    clear('contact_versions'),
    clear('asset_usage'),
    clear('import_staging'),
    ...inserts(d1, 'contacts', rows.contacts),
    clear('contact_versions'),
    ...inserts(d1, 'contact_versions', rows.contact_versions),
    ...inserts(d1, 'import_staging', rows.import_staging),
    usage
      ? d1
          .prepare(
            'INSERT INTO asset_usage (asset_id, live, bytes, writes) VALUES (?, ?, ?, ?) ON CONFLICT (asset_id) DO UPDATE SET live = excluded.live, bytes = excluded.bytes, writes = excluded.writes',
          )
          .bind(assetId, usage.live, usage.bytes, usage.writes ?? 0)
      : clear('asset_usage'),
  ];
}

/** Every row of the asset out of `d1`, in one batch (its triggers keep the counters). */
const clearAsset = (d1: D1Database, assetId: string) =>
  d1.batch(TABLES.map(({ name }) => d1.prepare(`DELETE FROM ${name} WHERE asset_id = ?`).bind(assetId)));

const counts = (rows: Rows) => ({
  contacts: rows.contacts.length,
  deleted: rows.contacts.filter((row) => row.deleted_at !== null).length,
  versions: rows.contact_versions.length,
  staged: rows.import_staging.length,
  bytes: Number(rows.asset_usage[0]?.bytes ?? 0),
});

/** The first table whose rows differ between the two sides (column order and values), if any. */
function firstDifference(a: Rows, b: Rows): Table | undefined {
  return TABLES.find(({ name }) => JSON.stringify(a[name]) !== JSON.stringify(b[name]))?.name;
}

/**
 * The rows the daily purge leaves (src/contacts/repository.ts purgeExpired): without contacts
 * deleted more than 30 days ago and their versions, without uploads staged more than an hour
 * ago, and without the byte count, which shrinks with them. The purge runs in `to` but skips
 * the frozen source, so only these can be compared once a purge may have run since the copy.
 */
function current(rows: Rows, now: number): Rows {
  const expired = new Set(
    rows.contacts.filter((row) => row.deleted_at !== null && Number(row.deleted_at) < now - PURGE_AFTER_MS).map((row) => row.id),
  );
  return {
    contacts: rows.contacts.filter((row) => !expired.has(row.id)),
    contact_versions: rows.contact_versions.filter((row) => !expired.has(row.contact_id)),
    asset_usage: rows.asset_usage.map(({ bytes: _, ...usage }) => usage),
    import_staging: rows.import_staging.filter((row) => Number(row.created_at) >= now - STAGED_FOR_MS),
  };
}

type MoverContext = { Bindings: MoverEnv };
const mover = new Hono<MoverContext>();

mover.use('*', async (c, next) => {
  if (!(await bearerMatches(c.req.header('authorization'), c.env.MOVER_SECRET)))
    return c.json({ error: 'unauthorized' }, 401, { 'WWW-Authenticate': 'Bearer' });
  await next();
});

// hono's own answer to a path the mover has no route for, set here: the app's bundle leaves hono's
// default out (scripts/lib/hono-base.mjs DEFAULT_NOT_FOUND), and its tests run the mover with it.
mover.notFound((c) => c.text('404 Not Found', 404));

mover.onError((error, c) => {
  if (error instanceof MoveError) return c.json({ error: error.message }, error.status);
  console.error(JSON.stringify({ level: 'error', message: 'move failed', error: String(error), cause: String(error.cause ?? '') }));
  return c.json({ error: String(error.cause ?? error) }, 500);
});

/** The two databases of a copy or a finish: both named, and not the same. */
function both(c: { env: MoverEnv; req: { query(name: string): string | undefined } }) {
  const fromName = c.req.query('from');
  const toName = c.req.query('to');
  if (fromName === toName) throw new MoveError(400, 'from and to must be two databases');
  return { from: database(c.env, fromName, 'from'), to: database(c.env, toName, 'to'), toName: toName ?? '' };
}

mover.get(ASSET, async (c) => {
  const { from, to } = both(c);
  const assetId = c.req.param('assetId');
  const [source, target] = await Promise.all([readAsset(from, assetId), readAsset(to, assetId)]);
  const now = Date.now();
  return c.json({
    from: { frozen: source.freeze ?? null, ...counts(source.rows) },
    to: { frozen: target.freeze ?? null, ...counts(target.rows) },
    identical: firstDifference(current(source.rows, now), current(target.rows, now)) === undefined,
  });
});

mover.post(`${ASSET}/freeze`, async (c) => {
  const from = database(c.env, c.req.query('from'), 'from');
  const assetId = c.req.param('assetId');
  await from
    .prepare('INSERT INTO frozen_assets (asset_id, since) VALUES (?, ?) ON CONFLICT (asset_id) DO NOTHING')
    .bind(assetId, Date.now())
    .run();
  const { freeze, rows } = await readAsset(from, assetId);
  return c.json({ frozen: freeze, ...counts(rows) });
});

mover.post(`${ASSET}/copy`, async (c) => {
  const { from, to, toName } = both(c);
  const assetId = c.req.param('assetId');
  const source = await readAsset(from, assetId);
  // Unfrozen, the source could change while it is copied, and its writes after the copy would be lost.
  if (!source.freeze) throw new MoveError(409, `${assetId} is not frozen in from: freeze it first`);
  if (source.freeze.finished_at !== null) throw new MoveError(409, `${assetId} was moved already: from holds none of its rows`);
  const before = await readAsset(to, assetId);
  if (before.freeze) throw new MoveError(409, `${assetId} is frozen in to`);
  // What `to` holds of the asset and the source does not: written there since the switch, or left
  // by a move given up. Replaced only when asked to, never silently.
  const now = Date.now();
  const held = TABLES.some(({ name }) => before.rows[name].length > 0);
  if (held && firstDifference(current(source.rows, now), current(before.rows, now)) && c.req.query('replace') !== '1')
    throw new MoveError(
      409,
      `${assetId}: to holds other rows of it (written there since the switch?); nothing copied; replace=1 replaces them`,
    );
  // An earlier copy's note goes first: from here on a copy that fails leaves nothing a finish
  // trusts (a copy run again after the switch, failing, once left the old note, and a finish then
  // deleted the source of a target that held nothing).
  const unnoted = await from
    .prepare('UPDATE frozen_assets SET copied_to = NULL, copied_at = NULL WHERE asset_id = ? AND since = ? AND finished_at IS NULL')
    .bind(assetId, source.freeze.since)
    .run();
  if (unnoted.meta.changes !== 1) throw new MoveError(409, `${assetId}: its freeze changed during the copy; copy again`);
  // The copy read back in its own batch (one transaction): a buyer's write in `to` right after it
  // is no difference of the copy's, and is never taken out with it.
  const readBack = TABLES.map(({ name, order }) => to.prepare(`SELECT * FROM ${name} WHERE asset_id = ? ORDER BY ${order}`).bind(assetId));
  let results: D1Result[];
  try {
    results = await to.batch([...replaceStatements(to, assetId, source.rows, fingerprintOf(before.rows)), ...readBack]);
  } catch (error) {
    // The batch wrote nothing (a transaction): an earlier exact copy in `to` is as it was, and
    // so is its note (without it, a finish after a switch would be refused for good).
    if (source.freeze.copied_to !== null)
      await from
        .prepare(
          'UPDATE frozen_assets SET copied_to = ?, copied_at = ? WHERE asset_id = ? AND since = ? AND finished_at IS NULL AND copied_to IS NULL',
        )
        .bind(source.freeze.copied_to, source.freeze.copied_at, assetId, source.freeze.since)
        .run();
    if (CHANGED.test(String(rootCause(error))))
      throw new MoveError(409, `${assetId}: to changed while the copy was prepared; nothing copied`);
    throw error;
  }
  const copied = {
    rows: Object.fromEntries(
      TABLES.map(({ name }, i) => [name, (results[results.length - TABLES.length + i]?.results ?? []) as Row[]]),
    ) as Rows,
  };
  const differs = firstDifference(source.rows, copied.rows);
  if (differs) {
    // Not noted: a finish never deletes the source of an inexact copy. Taken out again only where
    // `to` held nothing of the asset before: rows it held (replaced by this copy) are not removed
    // on top; the operator looks at both sides (GET) before anything else.
    if (held)
      throw new MoveError(500, `${assetId}: ${differs} differ after the copy; left in to (it held rows of the asset before), not noted`);
    await clearAsset(to, assetId);
    throw new MoveError(500, `${assetId}: ${differs} differ after the copy; taken out of to again`);
  }
  // Noted on this very freeze line: if the asset was thawed and frozen again meanwhile, the copy
  // may lack writes made in between, and is not noted.
  const noted = await from
    .prepare('UPDATE frozen_assets SET copied_to = ?, copied_at = ? WHERE asset_id = ? AND since = ? AND finished_at IS NULL')
    .bind(toName, now, assetId, source.freeze.since)
    .run();
  if (noted.meta.changes !== 1) throw new MoveError(409, `${assetId}: its freeze changed during the copy; copy again`);
  return c.json({ copied: counts(copied.rows), copiedAt: now });
});

mover.post(`${ASSET}/finish`, async (c) => {
  const { from, to, toName } = both(c);
  const assetId = c.req.param('assetId');
  const [{ freeze, rows }, target] = await Promise.all([readAsset(from, assetId), readAsset(to, assetId)]);
  // The note says a copy was made; `to` must still hold something of the book (its counters at
  // least stay while buyers delete there) before the only other copy goes.
  const empty = TABLES.every(({ name }) => target.rows[name].length === 0);
  if (freeze?.copied_to === toName && empty && TABLES.some(({ name }) => rows[name].length > 0))
    throw new MoveError(409, `${assetId}: to holds none of its rows; nothing deleted`);
  // One transaction, decided by the line itself: the deletes run only if it names this copy
  // (`finishing` lets them past the freeze); then it stays, as the marker of a finished move.
  const finishing = 'EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = ?1 AND finishing = 1)';
  const [gate] = await from.batch([
    from.prepare('UPDATE frozen_assets SET finishing = 1 WHERE asset_id = ? AND copied_to = ?').bind(assetId, toName),
    ...TABLES.map(({ name }) => from.prepare(`DELETE FROM ${name} WHERE asset_id = ?1 AND ${finishing}`).bind(assetId)),
    from
      .prepare('UPDATE frozen_assets SET finishing = 0, finished_at = coalesce(finished_at, ?2) WHERE asset_id = ?1 AND finishing = 1')
      .bind(assetId, Date.now()),
  ]);
  if (gate?.meta.changes !== 1) {
    const { freeze } = await readAsset(from, assetId);
    throw new MoveError(
      409,
      freeze ? `${assetId} was not copied to ${toName}: nothing deleted` : `${assetId} is not frozen in from: nothing deleted`,
    );
  }
  return c.json({ removed: counts(rows) });
});

mover.post(`${ASSET}/thaw`, async (c) => {
  const from = database(c.env, c.req.query('from'), 'from');
  const assetId = c.req.param('assetId');
  // After a finish the line is what keeps a token without the tenant from starting a second book.
  const thawed = await from
    .prepare('DELETE FROM frozen_assets WHERE asset_id = ? AND (finished_at IS NULL OR ?)')
    .bind(assetId, c.req.query('force') === '1' ? 1 : 0)
    .run();
  if (thawed.meta.changes === 0 && (await readAsset(from, assetId)).freeze)
    throw new MoveError(
      409,
      `${assetId} was moved out of from: thawing would let a second book start there; force=1 if the tenant moves back`,
    );
  return c.json({ thawed: assetId });
});

/** For the tests of what a single request cannot show (a write landing between read and batch). */
export const internals = { replaceStatements, fingerprintOf, readAsset };

export default mover;
