import { worker } from './worker';

// The entry `npm run deploy` uploads (wrangler.toml [env.production] main): the app without the
// dev login: its routes, page and demo users are not in the bundle (only its texts in the
// message files are). Only handlers may be exported from here.
export default worker();
