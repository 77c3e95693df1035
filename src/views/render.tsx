import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { layout } from './layout';

/** An htmx request wants a fragment; anything else (no JS, reload, back) a whole page. */
export function wantsFragment(c: Context<AppEnv>): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-history-restore-request') !== 'true';
}

/** Pages carry a customer's contacts: never stored by a browser or proxy cache; they vary by these. */
function privateHtml(c: Context<AppEnv>) {
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'HX-Request, Accept-Language, Cookie');
}

/** A piece of a page for htmx alone (search results, the next rows). */
export function fragment(c: Context<AppEnv>, body: Child, status: ContentfulStatusCode = 200) {
  privateHtml(c);
  return c.html(<>{body}</>, status);
}

/** One helper decides page vs fragment: the fragment is the very body of the page. */
export function render(c: Context<AppEnv>, view: { title: string; body: Child; status?: ContentfulStatusCode; list?: boolean }) {
  const status = view.status ?? 200;
  privateHtml(c);
  if (wantsFragment(c)) return c.html(<>{view.body}</>, status);
  return c.html(layout(c.get('shell'), view.title, view.body, view.list), status);
}
