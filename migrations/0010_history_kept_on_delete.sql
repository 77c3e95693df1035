-- A deleted contact keeps its history (UX review): 0003 kept only its last version, so the
-- "Rückgängig" right after a delete brought the contact back without its earlier versions, and
-- an old phone number was gone for good. Its versions now go with it (the purge after 30 days,
-- "Endgültig löschen": contacts_removed) or, as any contact's, the 21st oldest with each new one
-- and the oldest first when the byte budget needs room (versions_over_budget, 0009). The bounds:
-- docs/architecture.md, "Versions and bounded storage". Created anew, this trigger now fires
-- before versions_over_budget (SQLite fires the newest AFTER trigger first): the budget's purge
-- now sees the new version's bytes (fired first since 0009, it did not), after the 21st oldest
-- went. It may purge a little earlier; the repository's room check (hasRoom) is unchanged.
DROP TRIGGER versions_added;
--> statement-breakpoint
CREATE TRIGGER versions_added AFTER INSERT ON contact_versions BEGIN
  UPDATE asset_usage SET bytes = bytes + NEW.bytes WHERE asset_id = NEW.asset_id;
  -- 20 versions per contact, deleted or not.
  DELETE FROM contact_versions WHERE contact_id = NEW.contact_id AND version <= NEW.version - 20;
END;
