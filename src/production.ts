// The bundle's module order, for its gzip size: esbuild writes each module where it is first
// imported, and gzip finds repeats only within 32 KB of each other. Imported first, the catalogs
// open the bundle side by side (en.ts brings de.ts), the form's schema and the vCard import
// parser follow the other contact modules they share words with (fields, keys, vcard, warranty),
// the calendar and the QR code (with its encoder) come next to the other exports, and the routes
// bring the views in one run: 2.6 KB gzip less than the order app.tsx's imports give. The tables'
// columns and schema beside the form's schema, the list's formatters beside the calendar, and the
// session's token, the config, the router's memo, the language choice, the query's refinements and
// the icons before the routes: 0.4 KB less again (scripts found the places by gzip's measure; same
// modules, moved); drizzle's update builder, the database's timing and the import's charsets beside the schemas, the apartment
// picker, the session and the error pages after the routes: 56 B less at f0d2175. At stop 71 a
// search by gzip's measure over a model of that order (each module where the first import reaches
// it; one module moved at a time, kept where the bundle got smaller) placed the imports below:
// drizzle's stand-ins and generated builders and dialect beside the schema, zod/mini's and hono's
// JSX runtime's package entries (so that only zod's and hono's own modules import their generated
// copies: test/node/bundle.test.ts) beside the modules that use them most: 267 B less. Stop 72
// ran that search again after its cuts of hono's, drizzle's and zod's modules: drizzle's tracer,
// columns, cache, insert builder and sessions beside the schema, hono's app, context and html``
// beside the modules that use them, the views' shell and the request log before the routes, and
// a few imports of before left to where their importers put them: 125 B less (two passes).
// After the import's "ergänzen" (src/contacts/complement.ts) the search placed that module beside
// the calendar, the list's formatters and the 405 answer beside the session's token, the
// platform's routes last, and left hono's validator to its importer; a second pass moved the
// config, hono's render context stand-in, the session's claims and hono's validator up among the
// modules they share words with: 65 B less (two passes). After the layout's escapes and the SQL's
// pieces (stop 74, a helper) a pass moved drizzle's delete and select builders, hono's and the
// database's small helpers, the list's formatters, the security headers and the repository: 31 B less. Nothing here is used; these modules only define, so running them earlier
// changes nothing.
import './i18n/en';
import './db/no-tracing';
import './db/plain-columns';
import './views/jsx-plain';
import './db/no-constraints';
import './generated/sqlite-update.js';
import './db/sqlite-columns';
import './generated/sqlite-delete.js';
import './db/no-cache';
import './generated/sqlite-select.js';
import './generated/sqlite-insert.js';
import './generated/sqlite-dialect.js';
import './db/quiet-logger';
import './generated/sqlite-session.js';
import './db/schema';
import './observability/timing';
import 'zod/mini';
import './contacts/charset';
import './base64url';
import './kept';
import './memo-router';
import './contacts/fields';
import './contacts/schema';
import './contacts/vcard-import';
import './contacts/ics';
import './contacts/complement';
import './contacts/or-else';
import './session/jwt';
import './config';
import './contacts/views/format';
import './views/jsx-no-context';
import './generated/hono-context.js';
import './generated/hono-base.js';
import './contacts/qr';
import './contacts/derived';
import './views/escape';
import './db/prepared';
import './session/claims';
import './contacts/cursor';
import './generated/hono-validator.js';
import './i18n/index';
import 'hono/jsx/jsx-dev-runtime';
import './security/headers';
import './contacts/merge';
import './generated/zod-validator.js';
import './security/method-not-allowed';
import './generated/hono-html.js';
import './security/strict-forms';
import './security/bearer';
import './session/index';
import './paths';
import './views/layout';
import './views/render';
import './views/icon';
import './contacts/repository';
import './views/asset-picker';
import './views/error-page';
import './contacts/routes';
import './errors';
import './contacts/broken-encoding';
import './contacts/session-expired';
import './security/rate-limit';
import './observability/request-log';
import { worker } from './worker';

// The entry `npm run deploy` uploads (wrangler.toml [env.production] main): the app without the
// dev login: its routes, page, texts and demo users are not in the bundle (test/node/bundle.test.ts).
// Only handlers may be exported from here.
export default worker();
