import type { Context } from 'hono';
import { MAX_BODY_BYTES } from '../config';
import type { AppEnv } from '../env';
import { loginUrl, renderError } from '../errors';
import { importOf } from '../paths';
import { isSameOrigin } from '../security/same-origin';
import * as React from '../views/jsx-factory';
import { formPage } from './pages';
import { formTokenOf, formValuesFrom, sentAlong, versionOf, withGrouped } from './schema';

/**
 * A contact form that arrives after the session ended must not lose what the customer typed:
 * the 401 answer shows the same form with every value, ready to be sent again once they have
 * signed in (in another tab, or on return). Null when the request is not such a form. Given to
 * the session middleware as its `onUnauthenticated` option (src/app.tsx).
 */
export async function keepFormOnExpiredSession(c: Context<AppEnv>): Promise<Response | null> {
  // Only for the app's own forms: a cross-site post gets the plain 401 and its values are dropped.
  if ((c.req.method !== 'POST' && c.req.method !== 'PUT') || !isSameOrigin(c)) return null;
  const { t, paths } = c.get('shell');
  const target = paths.target(c.req.path);
  // An upload's preview confirmed: signed in, the preview comes back ticked as sent, each kept
  // (`d`) as chosen (walkthrough, stop 81); its path under `${base}/assets/` (code review).
  const preview =
    c.req.path.startsWith(`${paths.base}/assets/`) &&
    /^\/[^/]+\/contacts\/import\/[\w-]+$/.test(c.req.path.slice(`${paths.base}/assets`.length));
  if (!target && !preview) return null;
  // Only a body of known, allowed size is read back (never a chunked upload of any length).
  const length = Number(c.req.header('content-length'));
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded') || !(length >= 0 && length <= MAX_BODY_BYTES))
    return null;
  // (Every card ticked of a preview; a contact form's fields one value each, as its route reads them.)
  const body = await c.req.parseBody({ all: !target });
  if (!target)
    return renderError(c, 401, {
      back: `${c.req.path}?on=${[body.card ?? []]
        .flat()
        .filter((card) => /^\d{1,4}$/.test(String(card)))
        .map((card) => `${card}d`)
        .join('-')}`,
    });
  const { assetId, contactId } = target;
  const hidden = contactId
    ? { name: 'version' as const, value: String(versionOf(body) ?? '') }
    : { name: 'form_token' as const, value: formTokenOf(body) };
  // What the form's button said besides its values (a "„…“ ändern" of this form's earlier save, a
  // revive, a restore) goes with it again, or the resend after signing in would do another thing
  // (data-safety review: a second contact instead of the change of the first).
  // "Alles noch einmal bearbeiten" (`again`) keeps what its comparison shows, what co-buyers changed
  // and who (`theirs`, `by`): else the resend saved the form at once, with no comparison (data review).
  // So does "Gespeicherte Werte übernehmen" (`take`): else its resend saved the input (review).
  // So does "ergänzen" (`import`): its save goes back to the upload's preview (code review).
  const keep = [
    ...sentAlong(body, ['edit_of', 'revive', 'restore', 'again']),
    // The end "Keine Frist" drops, as sent: the resend asks as the save would have (code review,
    // stop 82). Not beside a period, whose form carries its own.
    ...sentAlong(body, body.warranty_years ? [] : ['period_end']),
    ...sentAlong(body, ['theirs', 'by', 'base', 'take', 'over'], 1000),
    // "ergänzen"'s card with the preview's ticks: up to 4,960 characters (paths.ts ImportFrom).
    ...sentAlong(body, ['import'], 5000),
  ];
  // (With JS, "ergänzen" signs in back to its completed form, which the draft then fills: code review.)
  const upload = importOf(body.import);
  const returnTo = contactId
    ? upload
      ? paths.complete(assetId, contactId, upload)
      : paths.editContact(assetId, contactId)
    : paths.newContact(assetId);
  // A new tab only signs in: it opens the list, not an empty form a buyer would type into again
  // while the input waits in this tab (walkthrough, stop 68).
  const signInElsewhere = loginUrl(c, paths.contacts(assetId));
  const action = contactId ? paths.contact(assetId, contactId) : paths.contacts(assetId);
  // A revive's input has no page to come back to after signing in here: the contact's edit page
  // is the deleted contact's, with no form (data review: "Wiederherstellen" there dropped the
  // input). Nor has a clash's whole form: the edit page has no comparison. Each is sent again
  // from this page, as without JS.
  const fromHere = keep.some(([name]) => name === 'revive' || name === 'again' || name === 'take');
  const notice = (
    <div class="alert" role="alert" data-announce={t.errors.expired.text(fromHere)}>
      <p>{t.errors.expired.text(fromHere)}</p>
      {fromHere ? null : <p class="no-js">{t.errors.expired.thisTab}</p>}
      {/* With JS the draft is kept in this tab and comes back after signing in here; without JS
          only a second tab keeps this page (and its input) open. */}
      <p>
        {fromHere ? null : (
          <a class="button primary js-only" href={loginUrl(c, returnTo)}>
            {t.errors.expired.continue}
          </a>
        )}
        <a class={fromHere ? 'button primary' : 'button primary no-js'} href={signInElsewhere} target="_blank" rel="noopener">
          {t.errors.expired.login}
        </a>
      </p>
    </div>
  );
  return formPage(
    c,
    401,
    {
      mode: { kind: 'resend', action, hidden, keep },
      values: formValuesFrom(withGrouped(body)),
      heading: t.errors.expired.title,
      notice,
      unsaved: true,
    },
    assetId,
  );
}
