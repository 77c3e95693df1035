import type { LanguageVariables } from 'hono/language';
import type { RequestIdVariables } from 'hono/request-id';
import type { AssetClaim, Session } from './session/claims';
import type { Messages } from './i18n';

/** Bindings and vars of the Worker (wrangler.toml, .dev.vars, secrets). */
export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** HS256 key for the platform's session cookie; at least 32 bytes. */
  SESSION_SECRET: string;
  /** The previous key, accepted during rotation. */
  SESSION_SECRET_PREVIOUS?: string;
  SESSION_COOKIE: string;
  SESSION_ISSUER: string;
  SESSION_AUDIENCE: string;
  LOGIN_URL: string;
  PLATFORM_NAME: string;
  PLATFORM_URL: string;
  /** Where the app is mounted on the platform's domain, e.g. "/kontakte"; empty by default. */
  BASE_PATH?: string;
  /** The query parameter of LOGIN_URL that carries the return address; "returnTo" by default. */
  LOGIN_RETURN_PARAM?: string;
  /** CSP frame-ancestors sources (space separated) for platforms that embed Kontakte; "'none'" by default. */
  FRAME_ANCESTORS?: string;
  /** Workers rate-limit binding for writes per user; optional. */
  WRITE_LIMITER?: RateLimit;
  /** "true" enables /dev/login; only ever set in .dev.vars. */
  DEV_LOGIN?: string;
}

export interface Variables extends LanguageVariables, RequestIdVariables {
  session: Session;
  /** The asset of the current /assets/:assetId route, checked against the session. */
  asset: AssetClaim;
  t: Messages;
  cspNonce: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
