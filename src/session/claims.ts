import * as z from 'zod/mini';
import { finiteNumber, lengthIn, listOf, matching } from '../contacts/or-else';
import { TENANT } from '../db/tenants';

/** Clock skew tolerated on `exp`, `iat` and `nbf` (contract §2). */
export const CLOCK_SKEW_SECONDS = 60;
/** Longest token lifetime accepted: assignments ride in the token, so tokens stay short-lived. */
export const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

const seconds = finiteNumber();

/** Asset ids are the platform's (contract §2); they appear in URLs. */
export const ASSET_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const assetClaim = z.object({
  id: z.string().check(matching(ASSET_ID)),
  name: z.string(),
  // The apartment's tenant (a property developer): it picks the asset's database (src/db/tenants.ts).
  // Optional (docs/contract.md §2): without it, or for a tenant without a database of its own, `DB`.
  tenant: z.optional(z.string().check(matching(TENANT))),
});

/** The claims of the platform's session token, every one required (contract §2). */
export const sessionClaims = z.object({
  sub: z.string().check(lengthIn(1, 128)),
  // Names and role are whatever the platform says (contract §2): only their type is checked.
  name: z.string(),
  role: z.string(),
  assets: listOf(assetClaim).check(lengthIn(1, 100)),
  iss: z.string(),
  // A string or an array of strings (RFC 7519 §4.1.3), read as an array: what
  // `z.union([z.string(), z.array(z.string())])` accepts, without zod's union schema (0.4 KB gzip
  // of the Worker's bundle, where nothing else used it; test/session.test.ts holds it to that union).
  aud: z.pipe(
    z.transform((aud) => (typeof aud === 'string' ? [aud] : aud)),
    listOf(z.string()),
  ),
  iat: seconds,
  exp: seconds,
  nbf: z.optional(seconds),
});

export type SessionClaims = z.infer<typeof sessionClaims>;
export type AssetClaim = z.infer<typeof assetClaim>;

export interface Session {
  userId: string;
  name: string;
  role: string;
  assets: AssetClaim[];
  expiresAt: number;
}

export interface ClaimExpectations {
  issuer: string;
  audience: string;
  nowSeconds: number;
}

/**
 * Validates the payload of a token whose signature was already verified (src/session/jwt.ts):
 * every claim, issuer, audience and the times with leeway.
 */
export function sessionFromPayload(payload: unknown, expected: ClaimExpectations): Session | null {
  return sessionFromClaims(claimsOf(payload), expected);
}

/** The claims of a payload as zod reads them, null where a claim is missing or of the wrong type. */
export function claimsOf(payload: unknown): SessionClaims | null {
  const parsed = sessionClaims.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/**
 * The session of claims read by `claimsOf`: issuer, audience and the times with leeway, checked
 * on every call (a verified token's claims are read once, src/session/index.ts).
 */
export function sessionFromClaims(claims: SessionClaims | null, expected: ClaimExpectations): Session | null {
  if (!claims) return null;
  const now = expected.nowSeconds;
  if (claims.iss !== expected.issuer || !claims.aud.includes(expected.audience)) return null;
  if (claims.exp <= now - CLOCK_SKEW_SECONDS) return null;
  if (claims.iat > now + CLOCK_SKEW_SECONDS) return null;
  if (claims.nbf !== undefined && claims.nbf > now + CLOCK_SKEW_SECONDS) return null;
  if (claims.exp <= claims.iat || claims.exp - claims.iat > MAX_LIFETIME_SECONDS) return null;
  return {
    userId: claims.sub,
    // Stored with every change (who made it); a row's two are outside the asset's byte budget:
    // cut as a name the platform replaces (src/platform/routes.ts), so that storage stays bounded
    // (security review).
    name: [...claims.name].slice(0, 100).join(''),
    role: claims.role,
    assets: claims.assets,
    expiresAt: claims.exp,
  };
}
