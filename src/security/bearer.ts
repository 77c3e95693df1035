import { timingSafeEqual } from 'hono/utils/buffer';

/** The least a machine-to-machine secret may be (a shorter one, or none, lets nobody in). */
const MIN_SECRET_BYTES = 32;

/**
 * Whether an `Authorization: Bearer …` header carries `secret`, compared in constant time: the
 * platform's calls (src/platform/routes.ts) and the mover's (src/mover/index.ts), each with a
 * secret of its own.
 */
export async function bearerMatches(authorization: string | undefined, secret: string | undefined): Promise<boolean> {
  const sent = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const expected = secret ?? '';
  return new TextEncoder().encode(expected).length >= MIN_SECRET_BYTES && timingSafeEqual(sent, expected);
}
