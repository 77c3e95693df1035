// Copies the browser files and the help pages' lists into public/static/ under content-hashed names and writes
// src/generated/assets.ts, the module the page shell imports for those names, the inline
// critical CSS and its CSP hash, and src/generated/sqlite-dialect.js, sqlite-db.js, sqlite-select.js
// sqlite-update.js, sqlite-insert.js and sqlite-delete.js, drizzle-orm's SQLite dialect, database and query builders as the Worker bundles
// them, and sqlite-session.js and d1-session.js, its sessions, and drizzle-errors.js and drizzle-query-promise.js, its errors
// and query promise as the generated modules import them (scripts/lib/drizzle-dialect.mjs), and drizzle-entity.js, its is() without the check of a class it never meets (scripts/lib/drizzle-entity.mjs), and drizzle-sql.js, its SQL builder without views, subqueries, enums and inlined parameters (scripts/lib/drizzle-sql.mjs), and drizzle-utils.js, its utils.js's row mapping, field order and table name without joins, subqueries and views (scripts/lib/drizzle-utils.mjs), and lean-qr-nano.js, lean-qr's nano build without its canvas methods and with its block table for level M only
// (scripts/lib/lean-qr.mjs), and jsx-base.js, hono/jsx's renderer without style objects and SVG attribute
// names (scripts/lib/hono-jsx.mjs), and hono-html.js, hono's html`` without running callbacks it never has (scripts/lib/hono-html.mjs), and hono-utils-html.js, hono's raw() and string buffers without callbacks (scripts/lib/hono-utils-html.mjs), and hono-body-limit.js, hono's body limit without its default error handler (scripts/lib/hono-body-limit.mjs), and hono-cookie.js, hono's getCookie for a cookie's name only (scripts/lib/hono-cookie.mjs), and hono-utils-cookie.js, hono's cookie parser without two shortcuts (scripts/lib/hono-utils-cookie.mjs), and hono-url.js, hono's URL utilities without getQueryParam's fast path for one key (scripts/lib/hono-url.mjs), and hono-http-exception.js, hono's HTTPException without getResponse() (scripts/lib/hono-http-exception.mjs), and hono-pattern-router.js, hono/tiny's router without optional parameters (scripts/lib/hono-pattern-router.mjs), and hono-compose.js, hono's compose() without its guard against a second next() (scripts/lib/hono-compose.mjs), and hono-base.js, hono's app class without mount() and fire() (scripts/lib/hono-base.mjs), and
// hono-context.js and hono-request.js, hono's `c` and `c.req` without members the app never calls (scripts/lib/hono-context.mjs),
// and hono-validator.js and zod-validator.js, hono's validator and zValidator without the targets the app never validates (scripts/lib/hono-validator.mjs),
// and zod-schemas.js and zod-core.js, zod's schemas without the Standard Schema interface, the encode direction, an object's catchall and propValues, and zod-util.js and zod-constructor.js, its util.js and core.js without the global config's messages, the reading of params given and what only params set, and the post-processor, and zod-errors.js and zod-parse.js, its errors without their message and parse importing them (scripts/lib/zod-schemas.mjs),
// and zod-mini-*.js, zod/mini without the schema methods nothing calls (scripts/lib/zod-mini.mjs). Every entry point (start, test,
// bench, deploy) runs it first, so the generated files never go into git and never go stale.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { HELP } from '../src/i18n/help.ts';
import { trimColumn } from './lib/drizzle-column.mjs';
import { trimD1Driver } from './lib/drizzle-d1-driver.mjs';
import {
  COLUMN_COMMON_TYPES,
  trimBuilder,
  trimColumnBuilder,
  trimColumnCommon,
  trimDatabase,
  trimDialect,
  trimErrors,
  trimQueryPromise,
  trimSession,
} from './lib/drizzle-dialect.mjs';
import { trimEntity } from './lib/drizzle-entity.mjs';
import { trimSql } from './lib/drizzle-sql.mjs';
import { trimTables } from './lib/drizzle-table.mjs';
import { trimUtils } from './lib/drizzle-utils.mjs';
import { trimHonoBase } from './lib/hono-base.mjs';
import { HONO_BODY_LIMIT_TYPES, trimHonoBodyLimit } from './lib/hono-body-limit.mjs';
import { trimHonoCompose } from './lib/hono-compose.mjs';
import { trimHonoContext, trimHonoRequest } from './lib/hono-context.mjs';
import { HONO_COOKIE_TYPES, trimHonoCookie } from './lib/hono-cookie.mjs';
import { HONO_HTML_TYPES, trimHonoHtml } from './lib/hono-html.mjs';
import { trimHonoHttpException } from './lib/hono-http-exception.mjs';
import { JSX_BASE_TYPES, trimJsxBase } from './lib/hono-jsx.mjs';
import { trimHonoPatternRouter } from './lib/hono-pattern-router.mjs';
import { trimHonoUrl } from './lib/hono-url.mjs';
import { trimHonoUtilsCookie } from './lib/hono-utils-cookie.mjs';
import { HONO_UTILS_HTML_TYPES, trimHonoUtilsHtml } from './lib/hono-utils-html.mjs';
import { trimHonoValidator, trimZodValidator, ZOD_VALIDATOR_TYPES } from './lib/hono-validator.mjs';
import { LEAN_QR_TYPES, trimLeanQr } from './lib/lean-qr.mjs';
import { MINI_COPIES, zodMini } from './lib/zod-mini.mjs';
import { trimZodCoreFile, trimZodErrorFile, trimZodSchemas, zodCore } from './lib/zod-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'public', 'static');
const generatedDir = join(root, 'src', 'generated');

const hash = (data, encoding = 'hex') => createHash('sha256').update(data).digest(encoding);

function publish(content, baseName, extension) {
  const fileName = `${baseName}-${hash(content).slice(0, 12)}.${extension}`;
  writeFileSync(join(staticDir, fileName), content);
  return `/static/${fileName}`;
}

rmSync(staticDir, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });
mkdirSync(generatedDir, { recursive: true });

// One deferred script for the first visit: htmx with our small enhancement appended (one
// request less on a slow network; both run after parsing, htmx first).
const htmx = readFileSync(join(root, 'node_modules', 'htmx.org', 'dist', 'htmx.min.js'), 'utf8');
// Minified by esbuild (comments are half of it: 18.6 KB gzip as written, 9.0 KB minified at
// stop 46, 10.4 KB with stop 47's "Meinten Sie …?"; gzip level 6, as the bench measures), its
// syntax kept as written (no target: nothing is lowered or polyfilled).
const app = transformSync(readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8'), {
  loader: 'js',
  minify: true,
  legalComments: 'none',
}).code;
const htmxPath = publish(`${htmx.trimEnd()}\n;${app}`, 'htmx', 'min.js');
// The icons: one SVG sprite, referenced as <svg><use href="…#call"> (cached once, immutable).
const iconsPath = publish(readFileSync(join(root, 'src', 'client', 'icons.svg'), 'utf8').trim(), 'icons', 'svg');
const minified = (name) =>
  readFileSync(join(root, 'src', 'views', name), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
const css = minified('styles.css');
// Inline on every page, but read by the Worker from the static files once per isolate, not carried
// in its script (3.8 KB of its gzip budget; src/views/render.tsx): the file is also the page's
// fallback, linked, where it could not be read.
const criticalPath = publish(css, 'critical', 'css');
// The other pages' rules (card, form, clash, history, import, QR, phone list): cached, not inline
// (but for a browser's first page, which the Worker inlines them into: its hash is in the CSP).
const pagesCss = minified('pages.css');
const pagesPath = publish(pagesCss, 'pages', 'css');
// The print rules: a stylesheet of their own, for paper only (no screen carries them inline).
const printPath = publish(minified('print.css'), 'print', 'css');

// The help pages' lists (src/i18n/help.ts), read by the help route through ASSETS: the Worker's
// script does not carry them.
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const helpPaths = {};
for (const [language, topics] of Object.entries(HELP))
  for (const [topic, lines] of Object.entries(topics)) {
    helpPaths[topic] ??= {};
    helpPaths[topic][language] = publish(
      `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      `help-${topic}-${language}`,
      // Not .html: the assets' html_handling answers that with a redirect to the name without it,
      // a second fetch for every help page (code review).
      'txt',
    );
  }

const moduleText = `// Generated by scripts/fingerprint.mjs. Do not edit; not in git.
import type { Language } from '../i18n';
import type { HelpTopic } from '../i18n/help';

export const HTMX_PATH = ${JSON.stringify(htmxPath)};
export const HELP_PATHS: Record<HelpTopic, Record<Language, string>> = ${JSON.stringify(helpPaths)};
export const ICONS_PATH = ${JSON.stringify(iconsPath)};
export const PRINT_CSS_PATH = ${JSON.stringify(printPath)};
export const PAGES_CSS_PATH = ${JSON.stringify(pagesPath)};
export const PAGES_CSS_HASH = ${JSON.stringify(`sha256-${hash(pagesCss, 'base64')}`)};
export const CRITICAL_CSS_PATH = ${JSON.stringify(criticalPath)};
export const CRITICAL_CSS_HASH = ${JSON.stringify(`sha256-${hash(css, 'base64')}`)};
`;
/** Writes a generated file only when its text changed. */
function writeGenerated(name, text) {
  const target = join(generatedDir, name);
  let previous = '';
  try {
    previous = readFileSync(target, 'utf8');
  } catch {}
  if (previous !== text) writeFileSync(target, text);
}
writeGenerated('assets.ts', moduleText);
writeGenerated(
  'sqlite-dialect.js',
  trimDialect(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'dialect.js'), 'utf8')),
);
writeGenerated(
  'sqlite-column-common.js',
  trimColumnCommon(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'columns', 'common.js'), 'utf8')),
);
writeGenerated('sqlite-column-common.d.ts', COLUMN_COMMON_TYPES);
writeGenerated(
  'drizzle-column-builder.js',
  trimColumnBuilder(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'column-builder.js'), 'utf8')),
);
writeGenerated('sqlite-db.js', trimDatabase(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'db.js'), 'utf8')));
for (const kind of ['select', 'update', 'insert', 'delete'])
  writeGenerated(
    `sqlite-${kind}.js`,
    trimBuilder(kind, readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'query-builders', `${kind}.js`), 'utf8')),
  );
writeGenerated(
  'sqlite-session.js',
  trimSession('sqlite', readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'session.js'), 'utf8')),
);
writeGenerated(
  'drizzle-table.js',
  trimTables(
    readFileSync(join(root, 'node_modules', 'drizzle-orm', 'table.js'), 'utf8'),
    readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sqlite-core', 'table.js'), 'utf8'),
  ),
);
writeGenerated('d1-driver.js', trimD1Driver(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'd1', 'driver.js'), 'utf8')));
writeGenerated('drizzle-column.js', trimColumn(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'column.js'), 'utf8')));
writeGenerated('drizzle-entity.js', trimEntity(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'entity.js'), 'utf8')));
writeGenerated('drizzle-sql.js', trimSql(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'sql', 'sql.js'), 'utf8')));
writeGenerated('drizzle-utils.js', trimUtils(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'utils.js'), 'utf8')));
writeGenerated(
  'drizzle-query-promise.js',
  trimQueryPromise(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'query-promise.js'), 'utf8')),
);
writeGenerated('drizzle-errors.js', trimErrors(readFileSync(join(root, 'node_modules', 'drizzle-orm', 'errors.js'), 'utf8')));
writeGenerated('d1-session.js', trimSession('d1', readFileSync(join(root, 'node_modules', 'drizzle-orm', 'd1', 'session.js'), 'utf8')));
writeGenerated('lean-qr-nano.js', trimLeanQr(readFileSync(join(root, 'node_modules', 'lean-qr', 'nano.mjs'), 'utf8')));
writeGenerated('lean-qr-nano.d.ts', LEAN_QR_TYPES);
writeGenerated('jsx-base.js', trimJsxBase(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'jsx', 'base.js'), 'utf8')));
writeGenerated('jsx-base.d.ts', JSX_BASE_TYPES);
writeGenerated(
  'hono-html.js',
  trimHonoHtml(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'helper', 'html', 'index.js'), 'utf8')),
);
writeGenerated('hono-html.d.ts', HONO_HTML_TYPES);
writeGenerated(
  'hono-utils-html.js',
  trimHonoUtilsHtml(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'utils', 'html.js'), 'utf8')),
);
writeGenerated('hono-utils-html.d.ts', HONO_UTILS_HTML_TYPES);
writeGenerated(
  'hono-body-limit.js',
  trimHonoBodyLimit(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'middleware', 'body-limit', 'index.js'), 'utf8')),
);
writeGenerated('hono-body-limit.d.ts', HONO_BODY_LIMIT_TYPES);
writeGenerated(
  'hono-cookie.js',
  trimHonoCookie(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'helper', 'cookie', 'index.js'), 'utf8')),
);
writeGenerated('hono-cookie.d.ts', HONO_COOKIE_TYPES);
writeGenerated(
  'hono-utils-cookie.js',
  trimHonoUtilsCookie(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'utils', 'cookie.js'), 'utf8')),
);
writeGenerated('hono-url.js', trimHonoUrl(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'utils', 'url.js'), 'utf8')));
writeGenerated(
  'hono-http-exception.js',
  trimHonoHttpException(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'http-exception.js'), 'utf8')),
);
writeGenerated(
  'hono-pattern-router.js',
  trimHonoPatternRouter(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'router', 'pattern-router', 'router.js'), 'utf8')),
);
writeGenerated('hono-compose.js', trimHonoCompose(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'compose.js'), 'utf8')));
writeGenerated('hono-base.js', trimHonoBase(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'hono-base.js'), 'utf8')));
writeGenerated('hono-context.js', trimHonoContext(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'context.js'), 'utf8')));
writeGenerated('hono-request.js', trimHonoRequest(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'request.js'), 'utf8')));
writeGenerated(
  'hono-validator.js',
  trimHonoValidator(readFileSync(join(root, 'node_modules', 'hono', 'dist', 'validator', 'validator.js'), 'utf8')),
);
writeGenerated(
  'zod-validator.js',
  trimZodValidator(readFileSync(join(root, 'node_modules', '@hono', 'zod-validator', 'dist', 'index.mjs'), 'utf8')),
);
writeGenerated('zod-validator.d.ts', ZOD_VALIDATOR_TYPES);
const zodSchemas = readFileSync(join(root, 'node_modules', 'zod', 'v4', 'core', 'schemas.js'), 'utf8');
writeGenerated('zod-schemas.js', trimZodSchemas(zodSchemas));
const zodCoreFile = (file) => readFileSync(join(root, 'node_modules', 'zod', 'v4', 'core', file), 'utf8');
writeGenerated('zod-core.js', zodCore(zodSchemas, zodCoreFile('parse.js'), zodCoreFile('errors.js')));
writeGenerated('zod-parse.js', trimZodErrorFile('parse.js', zodCoreFile('parse.js')));
writeGenerated('zod-errors.js', trimZodErrorFile('errors.js', zodCoreFile('errors.js')));
for (const [file, copy] of [
  ['util.js', 'zod-util.js'],
  ['core.js', 'zod-constructor.js'],
])
  writeGenerated(copy, trimZodCoreFile(file, readFileSync(join(root, 'node_modules', 'zod', 'v4', 'core', file), 'utf8')));
for (const file of MINI_COPIES)
  writeGenerated(`zod-mini-${file}.js`, zodMini(file, readFileSync(join(root, 'node_modules', 'zod', 'v4', 'mini', `${file}.js`), 'utf8')));
console.log(`fingerprint: ${htmxPath} (htmx + src/client/app.js), ${css.length} B critical CSS, ${pagesPath}`);
