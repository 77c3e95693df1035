import { escapeToBuffer } from '../generated/hono-utils-html.js';

const SPECIAL = /[&<>'"]/;

/**
 * A text as hono/html and hono/jsx write it into HTML (`&`, `<`, `>`, `'` and `"` escaped): their
 * own escaping (escapeToBuffer), for markup written as plain strings where a page builds many
 * small pieces (the list's rows), without an escaped String object and a buffer for each.
 */
export function escapeHtml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  const buffer = [''];
  escapeToBuffer(text, buffer);
  return buffer[0] as string;
}
