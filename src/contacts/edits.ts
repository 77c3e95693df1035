import type { Database } from '../db/client';
import { type Author, type Contact, findAnyContact, updateContact } from './repository';
import type { ContactInput } from './schema';

/**
 * The one place that decides what an edit form's submission means for the stored contact:
 * saved, shown again with its errors, a conflict with a co-buyer's change, deleted meanwhile,
 * or no such contact at all.
 */
export type EditOutcome =
  | { kind: 'updated'; contact: Contact }
  /** The input has errors; the contact is still there. */
  | { kind: 'invalid'; current: Contact }
  /** Someone saved since `version` (or no version was sent): nothing was written. */
  | { kind: 'conflict'; current: Contact }
  /** Deleted while being edited: the input can be saved as a new contact. */
  | { kind: 'gone' }
  | { kind: 'missing' };

export async function saveEdit(
  db: Database,
  assetId: string,
  contactId: string,
  version: number | undefined,
  input: ContactInput | undefined,
  author: Author,
): Promise<EditOutcome> {
  if (input !== undefined && version !== undefined) {
    const result = await updateContact(db, assetId, contactId, version, input, author);
    if (result.kind !== 'gone') return result;
    return result.current ? { kind: 'gone' } : { kind: 'missing' };
  }
  const current = await findAnyContact(db, assetId, contactId);
  if (!current) return { kind: 'missing' };
  if (current.deletedAt !== null) return { kind: 'gone' };
  // Without the version the form was loaded with, nobody can tell what this edit is based on:
  // it is shown beside what is stored, as for a conflict.
  return version === undefined ? { kind: 'conflict', current } : { kind: 'invalid', current };
}
