-- Versions carry the warranty dates (issue 17): the merge and the history read a contact's
-- fields from its versions, so the triggers of 0003 write them into every version's JSON from
-- now on. The same triggers, dropped and created again with the two fields added to each
-- json_object list (SQLite cannot alter a trigger). Versions written before keep their JSON:
-- a missing field reads as '' (versionOf in src/contacts/repository.ts), which it was.
-- Adding a field: the json_object lists below (drop and create the triggers again).
DROP TRIGGER contacts_created;
--> statement-breakpoint
DROP TRIGGER contacts_changed;
--> statement-breakpoint
CREATE TRIGGER contacts_created AFTER INSERT ON contacts BEGIN
  INSERT INTO asset_usage (asset_id, live, bytes) VALUES (NEW.asset_id, NEW.deleted_at IS NULL, NEW.bytes)
    ON CONFLICT (asset_id) DO UPDATE SET live = live + excluded.live, bytes = bytes + excluded.bytes;
  INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes)
  SELECT NEW.id, NEW.version, NEW.asset_id, CASE WHEN NEW.import_id IS NULL THEN 'create' ELSE 'import' END, f, NEW.updated_by, NEW.updated_by_name, NEW.updated_at,
    length(CAST(f AS BLOB)) + length(CAST(NEW.updated_by_name AS BLOB)) + 64
  FROM (SELECT json_object('position', NEW.position, 'company', NEW.company, 'title', NEW.title, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'street', NEW.street, 'postal_code', NEW.postal_code, 'city', NEW.city, 'country', NEW.country, 'phone', NEW.phone, 'mobile', NEW.mobile, 'email', NEW.email, 'website', NEW.website, 'notes', NEW.notes, 'accepted_on', NEW.accepted_on, 'warranty_until', NEW.warranty_until) AS f);
END;
--> statement-breakpoint
CREATE TRIGGER contacts_changed AFTER UPDATE ON contacts WHEN NEW.version > OLD.version BEGIN
  UPDATE asset_usage SET live = live + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL), bytes = bytes + NEW.bytes - OLD.bytes
    WHERE asset_id = NEW.asset_id;
  INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes)
  SELECT NEW.id, NEW.version, NEW.asset_id, CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete' WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, f, NEW.updated_by, NEW.updated_by_name, NEW.updated_at,
    length(CAST(f AS BLOB)) + length(CAST(NEW.updated_by_name AS BLOB)) + 64
  FROM (SELECT json_object('position', NEW.position, 'company', NEW.company, 'title', NEW.title, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'street', NEW.street, 'postal_code', NEW.postal_code, 'city', NEW.city, 'country', NEW.country, 'phone', NEW.phone, 'mobile', NEW.mobile, 'email', NEW.email, 'website', NEW.website, 'notes', NEW.notes, 'accepted_on', NEW.accepted_on, 'warranty_until', NEW.warranty_until) AS f);
END;
