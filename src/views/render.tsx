import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bookmarkSetCookie, overHttps } from '../db/client';
import type { AppEnv } from '../env';
import { CRITICAL_CSS_PATH, PAGES_CSS_PATH } from '../generated/assets';
import { getCookie } from '../generated/hono-cookie.js';
import * as React from './jsx-factory';
import { layout, type PagesCss } from './layout';

/** An htmx request wants a fragment; anything else (no JS, reload, back) a whole page. */
export function wantsFragment(c: Context<AppEnv>): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-history-restore-request') !== 'true';
}

/** Pages carry a customer's contacts: never stored by a browser or proxy cache; they vary by these. */
function privateHtml(c: Context<AppEnv>) {
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'HX-Request, HX-Lang, Accept-Language, Cookie');
}

/** A piece of a page for htmx alone (search results, the next rows). */
export function fragment(c: Context<AppEnv>, body: Child, status: ContentfulStatusCode = 200) {
  privateHtml(c);
  return c.html(<>{body}</>, status);
}

/**
 * The other pages' stylesheet (src/views/pages.css) is a request of its own: a browser's first
 * page other than the list (a link from elsewhere, a bookmark, with an empty cache) waited a round
 * trip more for it (bench:throttle: the form 2.7 s on Regular 3G, 1.4 s since). So a page tells
 * this cookie which file every page links, and a page asked without it carries the rules inline,
 * read from the static files, and preloads the file at its end for the next page.
 */
const CSS_COOKIE = 'kontakte_css';

/**
 * A stylesheet's text (the critical rules, the other pages'), read once per isolate: a file never
 * changes within a deploy (its name is its content's hash), and the Worker's script need not carry
 * it. Undefined while it cannot be read: the page links the file then.
 */
const styleTexts = new Map<string, string>();
async function styleText(c: Context<AppEnv>, path: string): Promise<string | undefined> {
  let text = styleTexts.get(path);
  if (text !== undefined) return text;
  try {
    const file = await c.env.ASSETS.fetch(new URL(path, c.req.url));
    if (file.ok) {
      text = await file.text();
      styleTexts.set(path, text);
    } else await file.body?.cancel();
  } catch {
    // Not readable now: linked, as for a browser that has it.
  }
  return text;
}

/**
 * One helper decides page vs fragment: the fragment is the very body of the page. `list` is the
 * list page (the other pages' rules at its end), `plain` a page that uses none of them (an error,
 * the apartment picker), `form` a page whose input the other language would lose without JS (a
 * contact form, the import's preview: its foot's switch hidden, see layout).
 */
export async function render(
  c: Context<AppEnv>,
  view: { title: string; body: Child; status?: ContentfulStatusCode; list?: boolean; plain?: boolean; form?: boolean },
) {
  const status = view.status ?? 200;
  privateHtml(c);
  if (wantsFragment(c)) return c.html(<>{view.body}</>, status);
  let css: PagesCss = view.plain ? 'none' : view.list ? 'end' : 'head';
  if (css !== 'none' && getCookie(c, CSS_COOKIE) !== PAGES_CSS_PATH) {
    // Told by a page that went well only: an answer without a session (the form kept after it
    // ended, 401) or a refusal writes no cookie.
    if (status === 200) {
      const secure = overHttps(c.req.url);
      c.header('Set-Cookie', `${bookmarkSetCookie(CSS_COOKIE, PAGES_CSS_PATH, c.var.shell.paths.base || '/', secure)}; Max-Age=31536000`, {
        append: true,
      });
    }
    // (Unread, the file is linked in <head> as for a browser that has it.)
    const inline = css === 'head' ? await styleText(c, PAGES_CSS_PATH) : undefined;
    if (inline !== undefined) css = { inline };
  }
  // The page's own address, for the other language's button: only a GET's answer can be asked for
  // again; a POST's (a clash, a form with errors) has no button (code review, stop 75).
  const { url } = c.req;
  const here = c.req.method === 'GET' ? url.slice(url.indexOf('/', 8)) : undefined;
  return c.html(layout(c.get('shell'), view.title, view.body, css, await styleText(c, CRITICAL_CSS_PATH), here, view.form), status);
}
