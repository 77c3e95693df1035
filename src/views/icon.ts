import { html } from 'hono/html';
import { ICONS_PATH } from '../generated/assets';
import type { Paths } from '../paths';

export type IconName = 'call' | 'mobile' | 'mail' | 'route' | 'card' | 'web' | 'plus';

/**
 * An icon out of the one cached sprite (src/client/icons.svg, fingerprinted as /static/icons-….svg).
 * Decorative: the link or button around it carries the accessible name.
 */
export function icon(paths: Paths, name: IconName) {
  return html`<svg class="i" aria-hidden="true"><use href="${paths.file(ICONS_PATH)}#${name}"></use></svg>`;
}
