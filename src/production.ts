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
// picker, the session and the error pages after the routes: 56 B less at f0d2175. Nothing here is
// used; these modules only define, so running them earlier changes nothing.
import './i18n/en';
import './db/sqlite-columns';
import './generated/sqlite-update.js';
import './db/schema';
import './observability/timing';
import './contacts/charset';
import './contacts/schema';
import './contacts/vcard-import';
import './contacts/ics';
import './contacts/views/format';
import './memo-router';
import './i18n/index';
import './contacts/qr';
import './session/jwt';
import './config';
import './contacts/or-else';
import './views/icon';
import './contacts/routes';
import './views/asset-picker';
import './session/index';
import './errors';
import { worker } from './worker';

// The entry `npm run deploy` uploads (wrangler.toml [env.production] main): the app without the
// dev login: its routes, page, texts and demo users are not in the bundle (test/node/bundle.test.ts).
// Only handlers may be exported from here.
export default worker();
