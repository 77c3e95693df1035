/** The least a machine-to-machine secret may be (a shorter one, or none, lets nobody in). */
const MIN_SECRET_BYTES = 32;

const digest = async (text: string) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));

/**
 * Whether an `Authorization: Bearer …` header carries `secret`, compared in constant time: the
 * platform's calls (src/platform/routes.ts) and the mover's (src/mover/index.ts), each with a
 * secret of its own. Both are hashed first, so the runtime's `timingSafeEqual` compares two
 * values of one length and the time tells nothing of the secret's (hono's helper does the same
 * in 0.5 KB more of the bundle).
 */
export async function bearerMatches(authorization: string | undefined, secret: string | undefined): Promise<boolean> {
  const sent = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const expected = secret ?? '';
  if (new TextEncoder().encode(expected).length < MIN_SECRET_BYTES) return false;
  const [a, b] = await Promise.all([digest(sent), digest(expected)]);
  // workerd's own (not in the DOM's SubtleCrypto type the node checks see).
  return (crypto.subtle as SubtleCrypto & { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }).timingSafeEqual(a, b);
}
