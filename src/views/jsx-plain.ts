/**
 * In place of hono/jsx's `intrinsic-element/components.js` in the Worker's bundle (wrangler.toml
 * `[alias]`): no tag is given special behaviour, so every intrinsic element renders as a plain
 * node.
 *
 * hono/jsx gives eight tags a component of its own: `title`, `meta`, `link`, `style` and
 * `script` are hoisted into `<head>` (React 19's document metadata), and `form`, `input` and
 * `button` turn a function `action`/`formAction` into a permalink. This app writes its `<head>`
 * with hono/html (src/views/layout.tsx) and none of those five tags in JSX, and its forms post to
 * URLs, where hono's components return the same plain node this does; the components, their
 * hoisting context and helpers cost about 1 KB of the 100 KB gzip budget (performance.md).
 * test/node/jsx-plain.test.ts holds both conditions to the source and to hono's own rendering;
 * the Workers tests (vitest.config.ts applies wrangler.toml's aliases), the e2e suite and the
 * bench render through this module.
 */
export const components_exports: Record<string, never> = {};
