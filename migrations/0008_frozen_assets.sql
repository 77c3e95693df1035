-- Moving a tenant's assets to another database (docs/architecture.md, "How a tenant moves";
-- the mover, src/mover/index.ts). While an asset is listed here, this database refuses every
-- write of it: the triggers below abort the statement (and the D1 batch it is in), so a buyer's
-- write answers 503 with the input kept (the path of every storage fault) and nothing is
-- written; the platform's wipe and anonymise answer 503 too, and are repeated until 204 as the
-- contract asks. Reads go on. The daily purge skips the asset (src/contacts/repository.ts).
-- `copied_to`: the database the mover copied the frozen asset into; only then may it delete the
-- asset here, in one batch that sets `finishing` (which lets its deletes through), deletes the
-- asset's rows and sets `finished_at`: the line stays, so this database goes on refusing writes
-- of the asset (a token without the tenant never starts a second book here). Empty in every
-- database that no tenant has moved out of. Not in src/db/schema.ts (like the triggers): only
-- wrangler's migrations create it; `drizzle-kit push` would not know it.
CREATE TABLE `frozen_assets` (
	`asset_id` text PRIMARY KEY NOT NULL,
	`since` integer NOT NULL,
	`copied_to` text,
	`copied_at` integer,
	`finishing` integer DEFAULT 0 NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TRIGGER contacts_frozen_insert BEFORE INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = NEW.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER contacts_frozen_update BEFORE UPDATE ON contacts
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER contacts_frozen_delete BEFORE DELETE ON contacts
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER contact_versions_frozen_insert BEFORE INSERT ON contact_versions
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = NEW.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER contact_versions_frozen_update BEFORE UPDATE ON contact_versions
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER contact_versions_frozen_delete BEFORE DELETE ON contact_versions
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER asset_usage_frozen_insert BEFORE INSERT ON asset_usage
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = NEW.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER asset_usage_frozen_update BEFORE UPDATE ON asset_usage
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER asset_usage_frozen_delete BEFORE DELETE ON asset_usage
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER import_staging_frozen_insert BEFORE INSERT ON import_staging
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = NEW.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER import_staging_frozen_update BEFORE UPDATE ON import_staging
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
--> statement-breakpoint
CREATE TRIGGER import_staging_frozen_delete BEFORE DELETE ON import_staging
WHEN EXISTS (SELECT 1 FROM frozen_assets WHERE asset_id = OLD.asset_id AND finishing = 0) BEGIN
  SELECT RAISE(ABORT, 'kontakte: asset frozen for a move');
END;
