/**
 * The opaque position in a list after which "Mehr laden" / "Weiter" go on (contract §4): the
 * sort values of the last row shown, id last. Paging by key never repeats or skips a row while
 * co-buyers add or delete contacts, where paging by offset does. A cursor names its order: one
 * from another order (or a damaged one) is no cursor, and the list starts at the beginning.
 */
import { binaryToBase64url, fromBase64url, strictUtf8 } from '../base64url';
import { groupKey } from './keys';

export type ListOrder = 'name' | 'search' | 'position' | 'searchPosition' | 'warranty';

export type CursorValue = string | number;

/** How many sort values each order has (the id included). */
const ARITY: Readonly<Record<ListOrder, number>> = { name: 2, search: 3, position: 3, searchPosition: 4, warranty: 4 };

const isCursorValue = (value: unknown): value is CursorValue =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

export function encodeCursor(order: ListOrder, values: readonly CursorValue[]): string {
  // Its UTF-8 bytes as the characters btoa takes (JSON.stringify escapes a lone surrogate, so
  // encodeURIComponent never throws): what TextEncoder and a loop over its bytes wrote, without them.
  return binaryToBase64url(unescape(encodeURIComponent(JSON.stringify([order, ...values]))));
}

export function decodeCursor(token: string | undefined, order: ListOrder): CursorValue[] | undefined {
  if (!token || token.length > 40_000 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const parsed: unknown = JSON.parse(strictUtf8.decode(fromBase64url(token)));
    if (!Array.isArray(parsed) || parsed[0] !== order || parsed.length !== ARITY[order] + 1) return undefined;
    const values: unknown[] = parsed.slice(1);
    // The warranty view's first value is the day it splits running from ended ends at (review).
    if (order === 'warranty' && !/^\d{4}-\d\d-\d\d$/.test(String(values[0]))) return undefined;
    // A position's group key as the keys stored now write it: a page made before a key format that
    // folds more ("Bauleiterin" in "Bauleiter", 25) and its rebuild went on past the rows whose key
    // then sorted before it (code review, stop 78). groupKey keeps a key it wrote as it is.
    if (order.endsWith('osition') && typeof values[0] === 'string' && values[0] !== groupKey('')) values[0] = groupKey(values[0]);
    return values.every(isCursorValue) ? values : undefined;
  } catch {
    return undefined;
  }
}
