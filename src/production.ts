import { worker } from './worker';

// The entry `npm run deploy` uploads (wrangler.toml [env.production] main): the app without the
// dev login, whose code is then not in the bundle at all. Only handlers may be exported from here.
export default worker();
