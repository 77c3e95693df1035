import { ICONS_PATH } from '../generated/assets';
import { raw } from '../generated/hono-utils-html.js';
import type { Paths } from '../paths';
import { escapeHtml } from './escape';

export type IconName = 'call' | 'mobile' | 'mail' | 'route' | 'card' | 'web' | 'plus';

/**
 * An icon out of the one cached sprite (src/client/icons.svg, fingerprinted as /static/icons-….svg).
 * Decorative: the link or button around it carries the accessible name.
 */
export function icon(paths: Paths, name: IconName) {
  return raw(iconHtml(paths, name));
}

/**
 * The same icon's markup as a string (the list's rows are written as plain strings), made once
 * per app's paths (one per isolate and base path) and name: a row of the list shows up to two.
 */
export function iconHtml(paths: Paths, name: IconName): string {
  let made = icons.get(paths);
  if (!made) {
    made = new Map();
    icons.set(paths, made);
  }
  let markup = made.get(name);
  if (markup === undefined) {
    markup = `<svg class="i" aria-hidden="true"><use href="${escapeHtml(paths.file(ICONS_PATH))}#${escapeHtml(name)}"></use></svg>`;
    made.set(name, markup);
  }
  return markup;
}

const icons = new WeakMap<Paths, Map<IconName, string>>();
