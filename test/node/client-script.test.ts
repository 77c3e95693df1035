// src/client/app.js is plain browser JavaScript that no build step checks: a syntax error (a name
// declared twice in one block, say) stopped every enhancement and htmx itself, which only the
// browser tests would see. Compiled here, so that `npm test` alone sees it too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { root } from './drizzle-files';

describe('src/client/app.js', () => {
  it('compiles as a classic script', () => {
    const source = readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8');
    expect(() => new Script(source, { filename: 'app.js' })).not.toThrow();
    // The check itself sees the mistake it is for.
    expect(() => new Script('{ var said = 1; const said = 2; }')).toThrow(SyntaxError);
  });

  it('knows Germany by the words the server does, for the postcode\u2019s number pad', () => {
    const source = readFileSync(join(root, 'src', 'client', 'app.js'), 'utf8');
    const server = readFileSync(join(root, 'src', 'contacts', 'schema.ts'), 'utf8');
    const words = /const GERMANY = \/\^\(\?:([a-z|]+)\)\$\/i;/.exec(server)?.[1];
    expect(words).toBe('deutschland|germany|brd|de|d');
    expect(source).toContain(`/^\\s*(${words})\\s*$/i.test(country.value)`);
  });
});
