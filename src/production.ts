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
// database's small helpers, the list's formatters, the security headers and the repository: 31 B less. At stop 76 (a helper)
// a search over the whole list (imports moved, added and dropped, drizzle's and hono's exported
// modules among them; each order built by esbuild's rule, the first import of a module places it,
// and measured by gzip; never naming a module the tests keep out of src/ by name, as the stand-ins
// of drizzle's column-name conversion and of its query's promise class) found the order below:
// drizzle's modules by its SQL builder, the session and security modules and hono's cookie helper
// among the other small modules, the views in one run before the routes: 538 B less. After that
// stop's catalogs lost their `contacts` level (a helper), the search again: the form's fields by
// drizzle's select builder, the list's derived names, the JSX factory, the page of changes, the
// history and the pages' module among the views, the paths after them, the same-origin check
// before the routes: 174 B less. At stop 77 (a helper), after its cuts of zod's, drizzle's,
// hono's and lean-qr's modules, the search again: drizzle's select builder, conditions and query
// builder among its other modules, the import's charsets and the form's fields after the session's
// and the router's small helpers, the QR code beside hono's body limit, the icons, the cursor and
// the JSX factory among the small modules before the views: 89 B less. After a second helper's
// cuts of hono's HTML utility and drizzle's dialect, the search again: the plain columns before
// drizzle's query builder, the session's token after hono's cookie parser, the config after the
// prepared queries, the list's derived names after the schema and the page of changes after the
// form: 29 B less. At stop 83 (a helper), after stop 82's cuts and fixes, the search again (one
// pass: each import moved, src/'s modules and the generated ones no test keeps to their importers
// added): drizzle's delete builder and D1 session, hono's html`` and HTTPException moved among the
// modules they share words with, the form's fields and refinements by the schemas, the form view
// after the page of changes and the apartment picker after the views: 116 B less; after this
// stop's cuts of hono's, zod's and drizzle's modules, the search again: the import's charsets
// before the form's fields, hono's cookie helper and the bearer check after the database's client,
// hono's route helper before hono's html``: 5 B less. At stop 83 (a second helper), after its cuts of
// drizzle's utils.js, zod's safeParse, hono's mergePath, the forms' attributes and a select's
// orderBy(), the search again (one pass): the database's client, the form's fields and the search
// keys after zod/mini, the import's charsets after the router's memo, the list's formatters after
// hono's cookie helper, the prepared queries and the 405 answer after hono's route helper, the
// list's derived names after the JSX factory, the error pages among the views: 62 B less; a second pass: the query's refinements
// before the config, hono's compose() and HTML utility added beside their importers' neighbours, the
// session's token and the bearer check after the form's fields, hono's body limit and route helper
// after the escapes: 11 B less. Nothing here is used; these modules only define, so running them earlier
// changes nothing.
import './i18n/en';
import './generated/sqlite-update.js';
import './generated/sqlite-delete.js';
import 'drizzle-orm/table.utils';
import './db/plain-columns';
import 'drizzle-orm/query-builders/query-builder';
import './db/no-constraints';
import 'drizzle-orm/sqlite-core/table';
import 'drizzle-orm/table';
import './generated/sqlite-select.js';
import './generated/drizzle-sql.js';
import './generated/d1-session.js';
import 'drizzle-orm/d1/driver';
import './generated/drizzle-errors.js';
import './observability/timing';
import 'hono/http-exception';
import 'zod/mini';
import './db/client';
import './contacts/fields';
import './contacts/or-else';
import './contacts/keys';
import './config';
import './kept';
import './memo-router';
import './contacts/charset';
import './base64url';
import './contacts/vcard-import';
import './contacts/ics';
import './generated/hono-cookie.js';
import './generated/hono-compose.js';
import './contacts/views/format';
import 'hono/utils/cookie';
import './contacts/complement';
import './generated/hono-validator.js';
import './security/strict-forms';
import './session/jwt';
import './security/bearer';
import 'hono/tiny';
import './contacts/qr';
import 'drizzle-orm/sql/expressions/conditions';
import './db/prepared';
import './generated/hono-body-limit.js';
import './security/method-not-allowed';
import './session/index';
import './generated/hono-utils-html.js';
import './views/icon';
import './views/escape';
import './contacts/merge';
import './i18n/index';
import './db/schema';
import './contacts/cursor';
import './generated/hono-html.js';
import 'hono/route';
import './views/jsx-factory';
import './contacts/derived';
import './contacts/edits';
import './views/layout';
import './contacts/imports';
import './contacts/views/deleted';
import './contacts/views/print';
import './contacts/views/contact-list';
import './contacts/views/marked-lines';
import './contacts/views/history';
import './contacts/views/changes';
import './contacts/views/contact-form';
import './views/error-page';
import './contacts/views/contact-detail';
import './contacts/views/import';
import './views/asset-picker';
import './contacts/broken-encoding';
import './paths';
import './contacts/pages';
import './contacts/views/merge-clash';
import './views/render';
import './contacts/session-expired';
import './security/headers';
import './security/same-origin';
import './contacts/routes';
import './security/rate-limit';
import { worker } from './worker';

// The entry `npm run deploy` uploads (wrangler.toml [env.production] main): the app without the
// dev login: its routes, page, texts and demo users are not in the bundle (test/node/bundle.test.ts).
// Only handlers may be exported from here.
export default worker();
