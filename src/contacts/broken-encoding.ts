import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import type { RecoveredForm } from '../security/strict-forms';
import { fieldSpec } from './fields';
import { formPage } from './pages';
import { type FieldErrors, formTokenOf, formValuesFrom, versionOf, withGrouped } from './schema';

/**
 * A contact form whose body was not valid UTF-8 (src/security/strict-forms.ts): the form again
 * (422) with every field that could be read, and an error beside each one that could not.
 * Null for any other request (a plain 400 then). Given to the middleware as `onInvalid`.
 */
export function keepFormOnBrokenEncoding(c: Context<AppEnv>, recovered: RecoveredForm): Promise<Response> | Response | null {
  const { paths, t } = c.var.shell;
  const target = paths.target(c.req.path);
  if (!target || (c.req.method !== 'POST' && c.req.method !== 'PUT')) return null;
  if (!c.var.session.assets.some((asset) => asset.id === target.assetId)) throw new HTTPException(404);
  const errors: FieldErrors = {};
  for (const name of recovered.broken) {
    const spec = fieldSpec(name);
    if (spec) errors[spec.name] = 'encoding';
  }
  // Broken bytes in a field we do not know (the token, the version): nothing to show beside a field.
  if (Object.keys(errors).length === 0) return null;
  const { assetId, contactId } = target;
  const mode = contactId
    ? ({
        kind: 'resend',
        action: paths.contact(assetId, contactId),
        hidden: { name: 'version', value: String(versionOf(recovered.values) ?? '') },
      } as const)
    : ({ kind: 'create', formToken: formTokenOf(recovered.values) } as const);
  return formPage(c, 422, { mode, values: formValuesFrom(withGrouped(recovered.values)), errors, heading: t.encodingTitle }, assetId);
}
