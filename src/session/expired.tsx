import type { Context } from 'hono';
import { ContactForm } from '../contacts/views/contact-form';
import { FORM_TOKEN, formValuesFrom } from '../contacts/schema';
import type { AppEnv } from '../env';
import { loginUrl } from '../errors';
import { randomToken } from '../random';
import { MAX_BODY_BYTES } from '../limits';
import { isSameOrigin } from '../security/same-origin';
import { render, shellOf } from '../views/render';


/**
 * A contact form that arrives after the session ended must not lose what the customer typed:
 * the 401 answer shows the same form with every value, ready to be sent again once they have
 * signed in (in another tab, or on return). Null when the request is not such a form.
 */
export async function sessionExpiredForm(c: Context<AppEnv>): Promise<Response | null> {
  // Only for the app's own forms: a cross-site post gets the plain 401 and its values are dropped.
  if ((c.req.method !== 'POST' && c.req.method !== 'PUT') || !isSameOrigin(c)) return null;
  const shell = shellOf(c);
  const path = c.req.path.slice(shell.paths.base.length);
  const match = /^\/assets\/([A-Za-z0-9._:-]{1,128})\/contacts(?:\/([A-Za-z0-9_-]{1,64}))?$/.exec(path);
  if (!match) return null;
  const [, assetId = '', contactId] = match;
  // Only a body of known, allowed size is read back (never a chunked upload of any length).
  const length = Number(c.req.header('content-length'));
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded') || !(length >= 0 && length <= MAX_BODY_BYTES)) return null;
  const body = await c.req.parseBody();
  const values = formValuesFrom(body);
  const { t, paths } = shell;
  const hidden = contactId
    ? { name: 'version' as const, value: typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? body.version : '1' }
    : { name: 'form_token' as const, value: typeof body.form_token === 'string' && FORM_TOKEN.test(body.form_token) ? body.form_token : randomToken(18) };
  const returnTo = contactId ? paths.editContact(assetId, contactId) : paths.newContact(assetId);
  const action = contactId ? paths.contact(assetId, contactId) : paths.contacts(assetId);
  const notice = (
    <div class="alert" role="alert" data-announce={t.errors.sessionExpired.text}>
      <p>{t.errors.sessionExpired.text}</p>
      <p>
        <a href={loginUrl(c, returnTo)} target="_blank" rel="noopener">
          {t.errors.sessionExpired.login}
        </a>
      </p>
    </div>
  );
  return render(c, {
    status: 401,
    title: t.errors.sessionExpired.title,
    body: (
      <ContactForm
        shell={shell}
        assetId={assetId}
        mode={{ kind: 'resend', action, hidden }}
        values={values}
        heading={t.errors.sessionExpired.title}
        notice={notice}
        unsaved
      />
    ),
  });
}
