import { Hono } from 'hono/tiny';
import { anonymiseAuthor, wipeAsset } from '../contacts/repository';
import { connect } from '../db/client';
import { inEveryDatabase } from '../db/tenants';
import type { AppEnv } from '../env';
import { bearerMatches } from '../security/bearer';

/**
 * Machine-to-machine calls of the platform (never a customer session): `Authorization: Bearer
 * <PLATFORM_API_SECRET>`, a secret of its own. When an apartment is resold the platform wipes
 * its book, or removes a former co-buyer's name from it (DSGVO). Answers are plain, no pages.
 */
export const platformRoutes = new Hono<AppEnv>();

platformRoutes.use('*', async function requirePlatform(c, next) {
  if (!(await bearerMatches(c.req.header('authorization'), c.env.PLATFORM_API_SECRET)))
    return c.text('unauthorized', 401, { 'WWW-Authenticate': 'Bearer' });
  await next();
});

/**
 * Everything of the asset goes: contacts, deleted ones, versions, counters; in every database
 * (src/db/tenants.ts: the call names no tenant, and after a tenant moved its old copy goes too);
 * one database failing does not stop the others, and the answer is then 503 (the call is safe to repeat). 204.
 */
platformRoutes.post('/assets/:assetId{[A-Za-z0-9._:-]{1,128}}/wipe', async (c) => {
  await inEveryDatabase(c.env, (d1) => wipeAsset(connect(d1), c.req.param('assetId')));
  return c.body(null, 204);
});

/**
 * A former co-buyer's name is replaced in the asset's book (who created, changed or deleted
 * what), in every database as `wipe`. Asset ids as in the session (contract §2). Body: `user=<sub>` (form) and optionally `name=<replacement>`. 204.
 */
platformRoutes.post('/assets/:assetId{[A-Za-z0-9._:-]{1,128}}/anonymise', async (c) => {
  const body = await c.req.parseBody();
  const user = typeof body.user === 'string' ? body.user : '';
  if (user.length < 1 || user.length > 128) return c.text('user required', 400);
  const name =
    typeof body.name === 'string' && body.name.trim() ? body.name.trim().slice(0, 100) : 'Ehemalige Käuferin / ehemaliger Käufer';
  await inEveryDatabase(c.env, (d1) => anonymiseAuthor(connect(d1), c.req.param('assetId'), user, name));
  return c.body(null, 204);
});
