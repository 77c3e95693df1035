import { devLogin } from './dev/login';
import { worker } from './worker';

// The entry of local development (`npm start`) and the tests: the app with the dev login, whose
// routes still answer 404 unless DEV_LOGIN is "true" (only .dev.vars sets it). Production
// deploys src/production.ts. Only handlers may be exported from here (workerd rejects other values).
export default worker(devLogin);
