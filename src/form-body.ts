/**
 * In place of hono's `utils/body.js` in the Worker's bundle (wrangler.toml `[alias]`, imported
 * only by hono's request.js): `c.req.parseBody()` as hono reads a form, with `all` and `name[]`
 * arrays, without its `dot` option's nested objects, which no form of this app sends (289 B gzip
 * of a Worker that has to fit 100 KB, issue #18). test/bundle-aliases.test.ts holds it to hono's
 * own on the forms the app reads.
 */
import type { HonoRequest } from 'hono';
import { bufferToFormData } from 'hono/utils/buffer';

type Value = string | File;

export async function parseBody(request: HonoRequest, options: { all?: boolean } = {}): Promise<Record<string, Value | Value[]>> {
  const type = request.raw.headers.get('Content-Type') ?? '';
  const media = type.split(';')[0]?.trim().toLowerCase();
  const form: Record<string, Value | Value[]> = Object.create(null);
  if (media !== 'multipart/form-data' && media !== 'application/x-www-form-urlencoded') return form;
  // Kept for hono's validator, which reads the same body again (it keeps a FormData there, this a promise of one: both awaited).
  const cache = request.bodyCache as { formData?: Promise<FormData> };
  cache.formData ??= bufferToFormData(await request.arrayBuffer(), type);
  for (const [key, value] of await cache.formData) {
    const had = form[key];
    const many = key.endsWith('[]');
    if (!(options.all || many) || had === undefined) form[key] = many ? [value] : value;
    else if (Array.isArray(had)) had.push(value);
    else form[key] = [had, value];
  }
  return form;
}
