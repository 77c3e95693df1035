// The D1 of the bench's "D1 apart" runner (bench only, never deployed): a Worker in a workerd of
// its own that holds the local D1 binding and runs, for each POST, one call that the app's Worker
// made on its D1 binding (scripts/bench/lib/d1-apart-worker.mjs sends them). In production D1 runs
// on other machines; locally Miniflare puts it in the Worker's process, where its SQLite, its
// zod checks of every row and its RPC all take the one thread the Worker runs on. With this, the
// Worker's process does what the Worker does on Cloudflare (its own code, the D1 binding's
// JavaScript, here JSON over HTTP, and HTTP), plus Miniflare's entry and the local rate limiter.
//
// Request:  { session: string | null, call }, call = { kind: 'all' | 'run' | 'raw' | 'first',
//           sql, params, columnNames?, column? } or { kind: 'batch', statements: [{ sql, params }] }
// Answer:   { result, bookmark } or { error: { message, cause } } (D1's own, as the binding throws it)
export default {
  async fetch(request, env) {
    const { session, call } = await request.json();
    const db = session ? env.DB.withSession(session) : env.DB;
    const statement = (s) => db.prepare(s.sql).bind(...s.params);
    try {
      let result;
      if (call.kind === 'batch') result = await db.batch(call.statements.map(statement));
      else if (call.kind === 'all') result = await statement(call).all();
      else if (call.kind === 'run') result = await statement(call).run();
      else if (call.kind === 'raw')
        result = call.columnNames ? await statement(call).raw({ columnNames: true }) : await statement(call).raw();
      else if (call.kind === 'first')
        result = call.column === undefined ? await statement(call).first() : await statement(call).first(call.column);
      else throw new Error(`d1-host: unknown call ${call.kind}`);
      // D1 answers numbers, strings and null (the app stores no blobs): JSON carries them as they are.
      return Response.json({ result, bookmark: session ? db.getBookmark() : null });
    } catch (error) {
      // D1's binding throws Error('D1_ERROR: …', { cause }) with SQLite's own message as the cause.
      return Response.json({ error: { message: String(error?.message ?? error), cause: error?.cause?.message } });
    }
  },
};
