import type { Messages } from '../i18n';
import type { Paths } from '../paths';
import type { AssetClaim } from '../session/claims';

/**
 * What every page view needs besides its own data: language, URLs, platform and asset. Set once
 * per request (src/app.tsx), then completed by the session (user) and the asset route (asset).
 */
export interface Shell {
  t: Messages;
  paths: Paths;
  platformName: string;
  platformUrl: string;
  /** `id`: the page names its user, so that one user's unsent input never fills another's form (app.js). */
  user?: { id: string; name: string; assets: readonly AssetClaim[] };
  asset?: AssetClaim;
}
