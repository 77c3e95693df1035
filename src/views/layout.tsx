import type { Child } from 'hono/jsx';
import { CRITICAL_CSS, HTMX_PATH } from '../generated/assets';
import type { Shell } from './shell';

/**
 * htmx 4 settings: its indicator CSS is ours (CSP); requests time out on dead networks; going
 * back reloads the page from the server (always a whole page, never a stale fragment).
 */
const HTMX_CONFIG = JSON.stringify({ includeIndicatorCSS: false, defaultTimeout: 30000, history: 'reload' });

export function Layout(props: { shell: Shell; title: string; children: Child }) {
  const { shell, title } = props;
  const { t, paths, user, asset } = shell;
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${title} · ${t.appName}`}</title>
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="icon" href="data:," />
        {/* Our own build-time constant, hashed into the CSP: not user data. */}
        <style dangerouslySetInnerHTML={{ __html: CRITICAL_CSS }} />
        {/* htmx with src/client/app.js appended: one deferred, fingerprinted, immutable file. */}
        <script src={paths.file(HTMX_PATH)} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        {/* One line: the way back to the platform, the asset's name (only here), the other assets where there are several. */}
        <header class="top">
          <a class="back" href={shell.platformUrl}>
            <span aria-hidden="true">←</span>
            <span class="sr-only">{t.backToPlatform}: </span>
            <span class="pname">{shell.platformName}</span>
          </a>
          {asset ? <span class="asset">{asset.name || asset.id}</span> : null}
          {user && asset && user.assets.length > 1 ? (
            <a class="switch" href={paths.home()}>
              {t.switchAsset}
            </a>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        {/* Shown by src/client/app.js when a request fails on the way (JS only, so hidden). */}
        <div id="net" class="net" hidden>
          <p>{t.contacts.offline}</p>
          <button type="button" data-retry>
            {t.contacts.retry}
          </button>
        </div>
        <div id="announcer" class="sr-only" role="status" aria-live="polite"></div>
      </body>
    </html>
  );
}
