import * as React from './jsx-factory';
import type { Shell } from './shell';

export interface ErrorPageProps {
  shell: Shell;
  title: string;
  text: string;
  /** The way on from the error, e.g. to the login or back home. */
  action: { href: string; label: string };
  /** A 404 where a contact was: src/client/app.js offers this tab's unsent input for it (its draft's key). */
  draftOf?: string;
}

/** The body of every error page (401, 403, 404, 405, 413, 429, 500, 503). */
export function ErrorPage(props: ErrorPageProps) {
  return (
    <section class="error" aria-labelledby="error-title">
      <h1 id="error-title">{props.title}</h1>
      <p data-draft-of={props.draftOf}>{props.text}</p>
      <p>
        <a class="button" href={props.action.href}>
          {props.action.label}
        </a>
      </p>
    </section>
  );
}
