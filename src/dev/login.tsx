import { setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../env';
import { signHs256 } from '../session/jwt';
import * as React from '../views/jsx-factory';
import { render } from '../views/render';
import { DEMO_USERS } from './demo-users';
import { DEV_LOGIN_MESSAGES } from './messages';

const DEV_SESSION_SECONDS = 8 * 60 * 60;

/** Like the platform's login, go back where the user came from: a path on this origin only. */
function returnAddress(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : undefined;
}

/**
 * The local dev login (contract §3): issues the platform's cookie for a demo user. Every route
 * is a 404 unless DEV_LOGIN is "true", which only .dev.vars sets.
 */
export const devLogin = new Hono<AppEnv>()
  .use(async function onlyInDevelopment(c, next) {
    if (c.env.DEV_LOGIN !== 'true') throw new HTTPException(404);
    await next();
  })
  .get('/login', (c) => {
    const { t: app, paths } = c.var.shell;
    const t = DEV_LOGIN_MESSAGES[app.lang === 'en' ? 'en' : 'de'];
    return render(c, {
      title: t.title,
      body: (
        <section aria-labelledby="dev-login-title">
          <h1 id="dev-login-title">{t.title}</h1>
          <p>{t.text}</p>
          <form method="post" action={`${paths.base}/dev/login`} class="stack">
            {returnAddress(c.req.query('returnTo')) ? <input type="hidden" name="returnTo" value={c.req.query('returnTo')} /> : null}
            <fieldset>
              <legend>{t.user}</legend>
              {DEMO_USERS.map((user, index) => (
                <label class="choice">
                  <input type="radio" name="user" value={user.key} checked={index === 0} />
                  {` ${user.name} · ${user.role} · ${user.assets.map((asset) => asset.name).join(', ')}`}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t.submit}</button>
          </form>
        </section>
      ),
    });
  })
  .post('/login', async (c) => {
    const form = await c.req.parseBody();
    const user = DEMO_USERS.find((candidate) => candidate.key === form.user);
    if (!user) throw new HTTPException(422, { message: 'unknown demo user' });
    const now = Math.floor(Date.now() / 1000);
    const token = await signHs256(
      {
        sub: user.sub,
        name: user.name,
        role: user.role,
        assets: user.assets,
        iss: c.env.SESSION_ISSUER,
        aud: c.env.SESSION_AUDIENCE,
        iat: now,
        exp: now + DEV_SESSION_SECONDS,
      },
      c.env.SESSION_SECRET,
    );
    const secure = new URL(c.req.url).protocol === 'https:';
    setCookie(c, c.env.SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: DEV_SESSION_SECONDS });
    return c.redirect(returnAddress(form.returnTo) ?? c.var.shell.paths.home(), 303);
  });
