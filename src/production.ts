import { worker } from './worker';

// The entry `npm run deploy` uploads (wrangler.toml [env.production] main): the app without the
// dev login: its routes, page, texts and demo users are not in the bundle (test/node/bundle.test.ts).
// Only handlers may be exported from here.
export default worker();
