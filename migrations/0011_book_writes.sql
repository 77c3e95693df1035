-- The import preview's book state (src/contacts/imports.ts BOOK): a count of the asset's version
-- rows ever written, which every write of a contact (create, edit, delete, restore, an imported
-- row) raises and nothing lowers. c4edada named the newest version row by its rowid instead: a
-- rowid freed by "Endgültig löschen" is taken again by the next row (the state read as before
-- while the book had changed), and a move to another database (src/mover) renumbers every row (a
-- preview staged before the move was refused as changed though nothing had). The mover copies the
-- count with the other counters.
ALTER TABLE `asset_usage` ADD `writes` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Counted in the trigger that already updates the asset's row for each version (one UPDATE, as
-- before). Created anew, it stays the newest AFTER trigger, so it still fires before
-- versions_over_budget (0010).
DROP TRIGGER versions_added;
--> statement-breakpoint
CREATE TRIGGER versions_added AFTER INSERT ON contact_versions BEGIN
  UPDATE asset_usage SET bytes = bytes + NEW.bytes, writes = writes + 1 WHERE asset_id = NEW.asset_id;
  -- 20 versions per contact, deleted or not.
  DELETE FROM contact_versions WHERE contact_id = NEW.contact_id AND version <= NEW.version - 20;
END;
