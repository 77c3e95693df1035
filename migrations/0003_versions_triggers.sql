-- Versions and storage bounds (issue 14), kept by triggers so that no write path can forget
-- them: every insert or versioned update of a contact stores its values as a version; the
-- per-asset counters (live contacts for the cap, bytes for the budget) follow every change.
-- The numbers here are mirrored in src/contacts/repository.ts (test/storage-bounds.test.ts):
--   20 versions per contact, the last one only for a deleted contact, 1,000 deleted contacts
--   kept for at most 30 days, a budget of 10,000,000 bytes per asset of which the oldest
--   versions make room for the next write (65536 bytes of headroom).
-- Adding a field: add it to the json_object lists below (drop and create the triggers again).

-- Contacts stored before versions existed: their current state is their first version.
UPDATE contacts SET bytes = length(CAST(json_object('position', position, 'company', company, 'title', title, 'first_name', first_name, 'last_name', last_name, 'street', street, 'postal_code', postal_code, 'city', city, 'country', country, 'phone', phone, 'mobile', mobile, 'email', email, 'website', website, 'notes', notes) AS BLOB)) + length(CAST(sort_key AS BLOB)) + length(CAST(search_key AS BLOB)) + 128;
--> statement-breakpoint
INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes)
SELECT id, version, asset_id, CASE WHEN deleted_at IS NULL THEN 'create' ELSE 'delete' END, f, updated_by, updated_by_name, updated_at,
  length(CAST(f AS BLOB)) + length(CAST(updated_by_name AS BLOB)) + 64
FROM (SELECT *, json_object('position', position, 'company', company, 'title', title, 'first_name', first_name, 'last_name', last_name, 'street', street, 'postal_code', postal_code, 'city', city, 'country', country, 'phone', phone, 'mobile', mobile, 'email', email, 'website', website, 'notes', notes) AS f FROM contacts);
--> statement-breakpoint
INSERT INTO asset_usage (asset_id, live, bytes)
SELECT asset_id, sum(deleted_at IS NULL), sum(bytes) + coalesce((SELECT sum(v.bytes) FROM contact_versions v WHERE v.asset_id = c.asset_id), 0)
FROM contacts c GROUP BY asset_id;
--> statement-breakpoint
CREATE TRIGGER contacts_created AFTER INSERT ON contacts BEGIN
  INSERT INTO asset_usage (asset_id, live, bytes) VALUES (NEW.asset_id, NEW.deleted_at IS NULL, NEW.bytes)
    ON CONFLICT (asset_id) DO UPDATE SET live = live + excluded.live, bytes = bytes + excluded.bytes;
  INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes)
  SELECT NEW.id, NEW.version, NEW.asset_id, CASE WHEN NEW.import_id IS NULL THEN 'create' ELSE 'import' END, f, NEW.updated_by, NEW.updated_by_name, NEW.updated_at,
    length(CAST(f AS BLOB)) + length(CAST(NEW.updated_by_name AS BLOB)) + 64
  FROM (SELECT json_object('position', NEW.position, 'company', NEW.company, 'title', NEW.title, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'street', NEW.street, 'postal_code', NEW.postal_code, 'city', NEW.city, 'country', NEW.country, 'phone', NEW.phone, 'mobile', NEW.mobile, 'email', NEW.email, 'website', NEW.website, 'notes', NEW.notes) AS f);
END;
--> statement-breakpoint
CREATE TRIGGER contacts_changed AFTER UPDATE ON contacts WHEN NEW.version > OLD.version BEGIN
  UPDATE asset_usage SET live = live + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL), bytes = bytes + NEW.bytes - OLD.bytes
    WHERE asset_id = NEW.asset_id;
  INSERT INTO contact_versions (contact_id, version, asset_id, action, fields, author_id, author_name, created_at, bytes)
  SELECT NEW.id, NEW.version, NEW.asset_id, CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete' WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END, f, NEW.updated_by, NEW.updated_by_name, NEW.updated_at,
    length(CAST(f AS BLOB)) + length(CAST(NEW.updated_by_name AS BLOB)) + 64
  FROM (SELECT json_object('position', NEW.position, 'company', NEW.company, 'title', NEW.title, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'street', NEW.street, 'postal_code', NEW.postal_code, 'city', NEW.city, 'country', NEW.country, 'phone', NEW.phone, 'mobile', NEW.mobile, 'email', NEW.email, 'website', NEW.website, 'notes', NEW.notes) AS f);
END;
--> statement-breakpoint
-- Keys rebuilt in a newer format change the row's size, not its version.
CREATE TRIGGER contacts_resized AFTER UPDATE OF bytes ON contacts WHEN NEW.version = OLD.version BEGIN
  UPDATE asset_usage SET bytes = bytes + NEW.bytes - OLD.bytes WHERE asset_id = NEW.asset_id;
END;
--> statement-breakpoint
-- A delete keeps at most 1,000 deleted contacts of the asset, none older than 30 days.
CREATE TRIGGER contacts_deleted AFTER UPDATE OF deleted_at ON contacts WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN
  DELETE FROM contacts WHERE asset_id = NEW.asset_id AND deleted_at IS NOT NULL AND (
    deleted_at < NEW.deleted_at - 2592000000
    OR id IN (SELECT id FROM contacts WHERE asset_id = NEW.asset_id AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT -1 OFFSET 1000)
  );
END;
--> statement-breakpoint
CREATE TRIGGER contacts_removed AFTER DELETE ON contacts BEGIN
  DELETE FROM contact_versions WHERE contact_id = OLD.id;
  UPDATE asset_usage SET live = live - (OLD.deleted_at IS NULL), bytes = bytes - OLD.bytes WHERE asset_id = OLD.asset_id;
END;
--> statement-breakpoint
CREATE TRIGGER versions_added AFTER INSERT ON contact_versions BEGIN
  UPDATE asset_usage SET bytes = bytes + NEW.bytes WHERE asset_id = NEW.asset_id;
  -- 20 versions per contact; a deleted contact keeps only its last one.
  DELETE FROM contact_versions WHERE contact_id = NEW.contact_id AND (version <= NEW.version - 20 OR (NEW.action = 'delete' AND version < NEW.version));
END;
--> statement-breakpoint
-- Over budget: the asset's oldest versions go first (never a contact's current one), until the
-- next write has room. Only then: the window over the asset's versions is not computed per write.
CREATE TRIGGER versions_over_budget AFTER INSERT ON contact_versions
WHEN (SELECT bytes FROM asset_usage WHERE asset_id = NEW.asset_id) > 9934464 BEGIN
  DELETE FROM contact_versions WHERE rowid IN (
    SELECT rid FROM (
      SELECT v.rowid AS rid, v.bytes AS b,
        sum(v.bytes) OVER (ORDER BY v.created_at, v.contact_id, v.version ROWS UNBOUNDED PRECEDING) AS running
      FROM contact_versions v JOIN contacts c ON c.id = v.contact_id
      WHERE v.asset_id = NEW.asset_id AND v.version < c.version
    )
    WHERE running - b < (SELECT bytes FROM asset_usage WHERE asset_id = NEW.asset_id) - 9934464
  );
END;
--> statement-breakpoint
CREATE TRIGGER versions_removed AFTER DELETE ON contact_versions BEGIN
  UPDATE asset_usage SET bytes = bytes - OLD.bytes WHERE asset_id = OLD.asset_id;
END;
