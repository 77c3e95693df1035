// A wrapper Worker for diagnosis only: serves the app's bundle unchanged and adds
// /__bench/d1, which times the app's D1 query shapes inside workerd (many repetitions in one
// request, so workerd's millisecond clock still gives a fine average).
// scripts/bench copies this file next to the dry-run bundle's index.js.
import app from './index.js';

const LIVE = 'asset_id = ? AND deleted_at IS NULL';
const ALL_COLUMNS = 'SELECT * FROM contacts';
const LIST_COLUMNS =
  'SELECT id, position, company, title, first_name, last_name, street, postal_code, city, country, phone, mobile, email, website FROM contacts';
const VCARD_COLUMNS =
  'SELECT id, position, company, title, first_name, last_name, street, postal_code, city, country, phone, mobile, email, website, notes, updated_at FROM contacts';

const QUERIES = {
  // listContacts: one page plus the total, in one batch (what the app does)
  list: (db, asset) =>
    db.batch([
      db.prepare(`${ALL_COLUMNS} WHERE ${LIVE} ORDER BY sort_key, id LIMIT 100 OFFSET 0`).bind(asset),
      db.prepare(`SELECT count(*) AS total FROM contacts WHERE ${LIVE}`).bind(asset),
    ]),
  // the same with only the columns a list row shows
  listSlim: (db, asset) =>
    db.batch([
      db.prepare(`${LIST_COLUMNS} WHERE ${LIVE} ORDER BY sort_key, id LIMIT 100 OFFSET 0`).bind(asset),
      db.prepare(`SELECT count(*) AS total FROM contacts WHERE ${LIVE}`).bind(asset),
    ]),
  // the page alone (no count)
  listPageOnly: (db, asset) => db.prepare(`${ALL_COLUMNS} WHERE ${LIVE} ORDER BY sort_key, id LIMIT 100 OFFSET 0`).bind(asset).raw(),
  // allContacts for the export: every column (what the app does) ...
  exportAll: (db, asset) => db.prepare(`${ALL_COLUMNS} WHERE ${LIVE} ORDER BY sort_key, id`).bind(asset).raw(),
  // ... and only what a vCard needs
  exportSlim: (db, asset) => db.prepare(`${VCARD_COLUMNS} WHERE ${LIVE} ORDER BY sort_key, id`).bind(asset).raw(),
  // createContact's cap check
  count: (db, asset) => db.prepare(`SELECT count(*) AS total FROM contacts WHERE ${LIVE}`).bind(asset).raw(),
  // an empty round trip: the fixed cost of one D1 call
  ping: (db) => db.prepare('SELECT 1').raw(),
};

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/d1') {
      const kind = url.searchParams.get('kind') ?? 'list';
      const asset = url.searchParams.get('asset') ?? '';
      const n = Math.max(1, Math.min(1000, Number(url.searchParams.get('n') ?? 50)));
      const query = QUERIES[kind];
      if (!query) return new Response('unknown kind', { status: 400 });
      await query(env.DB, asset);
      const started = performance.now();
      for (let i = 0; i < n; i++) await query(env.DB, asset);
      return Response.json({ kind, asset, n, msPerCall: (performance.now() - started) / n });
    }
    return app.fetch(request, env, ctx);
  },
};
