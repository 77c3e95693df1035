// The Workers tests run what the bundle runs: wrangler.toml's [alias] applies here too
// (vitest.config.ts), so hono/jsx renders every tag as a plain node (src/views/jsx-plain.ts).
import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';

describe("wrangler.toml's [alias] in the Workers tests", () => {
  it('hono/jsx gives no tag a component of its own, as in the bundle', () => {
    for (const tag of ['form', 'input', 'button', 'title', 'meta', 'link', 'style', 'script'])
      expect(typeof (jsx(tag, {}) as unknown as { tag: unknown }).tag, tag).toBe('string');
  });
});
