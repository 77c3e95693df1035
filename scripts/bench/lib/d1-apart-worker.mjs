// The app's Worker of the bench's "D1 apart" runner (bench only, never deployed): serves the
// deployable bundle's fetch handler unchanged, but its D1 binding sends each call as JSON over
// HTTP to a D1 in a workerd of its own (scripts/bench/lib/d1-host-worker.mjs, reached through the
// service binding D1_HOST). Only what the app uses of D1's binding API: prepare → bind →
// all/run/raw/first, batch, withSession → getBookmark (src/db/client.ts). The JSON and HTTP of
// each call run inside the app's timed binding call (Server-Timing `db`), as the D1 binding's own
// JavaScript does on Cloudflare (it, too, speaks JSON to a D1 elsewhere).
import app from './index.js';

class Statement {
  constructor(session, sql, params = []) {
    this.session = session;
    this.sql = sql;
    this.params = params;
  }
  bind(...params) {
    return new Statement(this.session, this.sql, params);
  }
  all() {
    return this.session.call({ kind: 'all', sql: this.sql, params: this.params });
  }
  run() {
    return this.session.call({ kind: 'run', sql: this.sql, params: this.params });
  }
  raw(options) {
    return this.session.call({ kind: 'raw', sql: this.sql, params: this.params, columnNames: options?.columnNames === true });
  }
  first(column) {
    return this.session.call({ kind: 'first', sql: this.sql, params: this.params, column });
  }
}

/** The database (no constraint) or a session: later calls of a session start from its last bookmark. */
class Session {
  constructor(host, constraint) {
    this.host = host;
    this.constraint = constraint;
    this.bookmark = null;
  }
  prepare(sql) {
    return new Statement(this, sql);
  }
  batch(statements) {
    return this.call({ kind: 'batch', statements: statements.map((s) => ({ sql: s.sql, params: s.params })) });
  }
  withSession(constraint) {
    return new Session(this.host, constraint);
  }
  getBookmark() {
    return this.bookmark;
  }
  async call(call) {
    const response = await this.host.fetch('http://d1/', {
      method: 'POST',
      body: JSON.stringify({ session: this.bookmark ?? this.constraint, call }),
    });
    const answer = await response.json();
    if (answer.bookmark) this.bookmark = answer.bookmark;
    if (answer.error) {
      const { message, cause } = answer.error;
      throw cause === undefined ? new Error(message) : new Error(message, { cause: new Error(cause) });
    }
    return answer.result;
  }
}

// Only `fetch`: the bench sends requests; the app's scheduled purge is not part of this runner.
export default {
  fetch(request, env, ctx) {
    return app.fetch(request, { ...env, DB: new Session(env.D1_HOST, null) }, ctx);
  },
};
