import type { Child } from 'hono/jsx';
import { CRITICAL_CSS_PATH, HTMX_PATH, PAGES_CSS_PATH, PRINT_CSS_PATH } from '../generated/assets';
import { html, raw } from '../generated/hono-html.js';
import * as React from './jsx-factory';
import type { Shell } from './shell';

/**
 * htmx 4 settings: its indicator CSS is ours (CSP); requests time out on dead networks; going
 * back reloads the page from the server (always a whole page, never a stale fragment).
 */
const HTMX_CONFIG = JSON.stringify({ includeIndicatorCSS: false, defaultTimeout: 30000, history: 'reload' });

/**
 * The whole page around a view's body. Written with hono/html (escaping tagged template) instead
 * of JSX, as the list rows are: every page pays for it, and hono/jsx sends <title>, <meta>,
 * <link>, <style> and <script> through components of its own (hoisting into <head>), which a
 * page that writes its own <head> does not need. The one script is htmx with src/client/app.js
 * appended: deferred, fingerprinted, immutable. The other pages' rules (src/views/pages.css) come
 * after the inline ones: in <head> on those pages, at the end of the list (`end`), whose first
 * page they would otherwise hold up, and whose form or card swapped in finds them loaded; on a
 * browser's first page other than the list they are inline (see render), preloaded at its end;
 * an error page and the apartment picker use none of them (`none`).
 */
export type PagesCss = 'head' | 'end' | 'none' | { inline: string };

export function layout(
  shell: Shell,
  title: string,
  body: Child,
  css: PagesCss,
  critical: string | undefined,
  here?: string,
  form?: boolean,
) {
  const { t, paths, user, asset } = shell;
  const pages = html`<link rel="stylesheet" href="${paths.file(PAGES_CSS_PATH)}"/>`;
  const print = html`<link rel="stylesheet" href="${paths.file(PRINT_CSS_PATH)}" media="print"/>`;
  // At the end of a page a stylesheet would hold up the deferred script while it loads (review:
  // htmx started 3 s late with the file held back 3 s): there it is fetched, and applied by
  // app.js on the list (`data-apply`), whose swapped-in cards and forms use it.
  const later = html`<link rel="preload" as="style" href="${paths.file(PAGES_CSS_PATH)}"${css === 'end' ? raw(' data-apply=""') : ''}/>`;
  // The critical CSS is our own static file (src/views/styles.css) as render read it, hashed into
  // the CSP: not user data. Linked where it could not be read. `\u00b7`, `\u2190` and `<\/script>`:
  // written as themselves, esbuild would lower this tagged template to a frozen array of its
  // strings and a helper (89 B gzip); the page's bytes are the same.
  return html`<!DOCTYPE html><html lang="${t.lang}"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width,initial-scale=1"/><title>${title} \u00b7 ${t.title}</title><meta name="htmx-config" content="${HTMX_CONFIG}"/><link rel="icon" href="data:,"/>${critical === undefined ? html`<link rel="stylesheet" href="${paths.file(CRITICAL_CSS_PATH)}"/>` : html`<style>${raw(critical)}</style>`}${typeof css === 'object' ? html`<style>${raw(css.inline)}</style>` : css === 'head' ? pages : ''}${css === 'end' ? '' : print}<script src="${paths.file(HTMX_PATH)}" defer=""><\/script></head><body${user ? html` data-user="${user.id}"` : ''}><a class="skip" href="#main">${t.skip}</a><header class="top"><a class="back" href="${shell.platformUrl}"><span aria-hidden="true">\u2190</span><span class="sr-only">${t.toPlatform}: </span><span class="pname">${shell.platformName}</span><span class="pshort" aria-hidden="true">${t.platform}</span></a>${
    // The way back to the platform, the asset's name (only here; it may wrap on a phone), the other assets where there are several.
    asset ? html`<span class="asset">${asset.name || asset.id}</span>` : ''
  }${user && asset && user.assets.length > 1 ? html`<a class="switch" href="${paths.home()}">${t.switchAsset}</a>` : ''}</header><main id="main" tabindex="-1">${body}</main>${
    // The other language, named in itself (contract §6, since stop 75: English only where the browser
    // asked for it), back to this page (`here`: a GET's, see render). Hidden on a contact form and
    // the import's preview, where without JS the page asked again lost what was typed or ticked
    // (walkthrough and code review, stop 80); shown by app.js, which keeps both in the tab.
    here === undefined
      ? ''
      : html`<footer class="foot"${form ? raw(' hidden=""') : ''}><form method="post" action="${paths.base}/language/${t.lang === 'en' ? 'de' : 'en'}?back=${encodeURIComponent(here)}">${raw(
          t.lang === 'en' ? '<button lang="de">Deutsch' : '<button lang="en">English',
        )}</button></form></footer>`
  }<div id="net" class="net" role="region" aria-label="${t.offline}" hidden=""><p>${
    // Shown by src/client/app.js when a request fails on the way (JS only, so hidden); the second sentence only for a form.
    // A landmark of its own: outside main, one jumping by landmarks met it nowhere (a11y walkthrough, stop 79).
    t.offline
  }<span data-form=""> ${t.offlineForm}</span></p><button type="button" data-retry="true">${t.retry}</button></div><div id="announcer" class="sr-only" role="status" aria-live="polite"></div>${css === 'end' ? html`${later}${print}` : typeof css === 'object' ? later : ''}</body></html>`;
}
