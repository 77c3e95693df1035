// The .vcf import through HTTP as a browser drives it: upload, read the preview, confirm.
import { anna, send, type TestUser } from './helpers';

/** A buyer of an apartment of their own (the write limit counts per user). */
export function household(assetId: string, sub = `u-${assetId}`): TestUser {
  return { ...anna, sub, assets: [{ id: assetId, name: `Haus ${assetId}` }] };
}

/** Uploads a file; a staged one answers 303 to its preview's address, which this follows as a browser does. */
export async function upload(user: TestUser, file: string | Uint8Array, name = 'kontakte.vcf') {
  const response = await uploadOnly(user, file, name);
  const location = response.headers.get('Location');
  return response.status === 303 && location ? send(location, { user }) : response;
}

/** The upload's own answer (a 303 to the preview, or the form with its error). */
export async function uploadOnly(user: TestUser, file: string | Uint8Array, name = 'kontakte.vcf') {
  const form = new FormData();
  form.set('file', new File([file], name, { type: 'text/vcard' }));
  return send(`/assets/${user.assets[0]?.id}/contacts/import`, { user, method: 'POST', body: form });
}

/** A preview page's import id, its ticked and all card indices, and the book state its form carries. */
export function previewOf(html: string) {
  const importId = /action="[^"]*\/contacts\/import\/([A-Za-z0-9_-]+)"/.exec(html)?.[1] ?? '';
  const ticked = [...html.matchAll(/<input type="checkbox" id="card-(\d+)" name="card" value="\d+" checked=""/g)].map(
    (match) => match[1] ?? '',
  );
  const all = [...html.matchAll(/<input type="checkbox" id="card-(\d+)"/g)].map((match) => match[1] ?? '');
  const book = /<input type="hidden" name="book" value="([^"]*)"/.exec(html)?.[1] ?? '';
  return { importId, ticked, all, book };
}

/**
 * Confirms the cards of a preview: given the preview, with its book state as a browser sends it;
 * given only the import id, without (as pages from before that check did).
 */
export async function confirm(user: TestUser, preview: string | { importId: string; book: string }, cards: string[]) {
  const { importId, book } = typeof preview === 'string' ? { importId: preview, book: undefined } : preview;
  const body = new URLSearchParams([...(book === undefined ? [] : [['book', book]]), ...cards.map((card) => ['card', card])]);
  return send(`/assets/${user.assets[0]?.id}/contacts/import/${importId}`, {
    user,
    method: 'POST',
    body: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

/** The value of a preview's "ergänzen" button of card `index` ("<contact>.<card>"), where it has one. */
export const completeButton = (html: string, index: number) =>
  new RegExp(`name="complete" value="([A-Za-z0-9_-]+\\.${index})"`).exec(html)?.[1];

/**
 * "Ergänzen" of card `index` as a browser sends it, a button of the preview's form: with the
 * cards ticked as shown (or `cards`); the address of the edit form it leads to ('' for none).
 */
export async function completeLink(user: TestUser, html: string, index: number, cards = previewOf(html).ticked) {
  const value = completeButton(html, index);
  if (!value) return '';
  const { importId, book } = previewOf(html);
  const body = new URLSearchParams([['book', book], ...cards.map((card) => ['card', card]), ['complete', value]]);
  const response = await send(`/assets/${user.assets[0]?.id}/contacts/import/${importId}`, {
    user,
    method: 'POST',
    body: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return response.status === 303 ? (response.headers.get('Location') ?? '') : '';
}
