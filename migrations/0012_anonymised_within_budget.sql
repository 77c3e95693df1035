-- The platform's anonymise (src/contacts/repository.ts anonymiseAuthor) replaces a former
-- co-buyer's name in every version, and each version's `bytes` and the asset's count follow the
-- new name: a longer name can take an asset near its budget over the line. The budget's purge
-- (versions_over_budget, 0009) fires only when a version is inserted, so until the next edit or
-- delete new contacts were refused as "no room" while old versions could have made it (data-safety
-- review, stop 67). The same purge now also runs when a version's author is renamed: anonymise
-- counts the asset's bytes first, so the first renamed row purges down to the headroom, and the
-- rows after it find the asset within it. Deleting rows of the table an UPDATE walks from its
-- AFTER trigger is safe in SQLite: the UPDATE has collected its rows first and skips the gone ones.
CREATE TRIGGER versions_renamed AFTER UPDATE OF author_name ON contact_versions
WHEN (SELECT bytes FROM asset_usage WHERE asset_id = NEW.asset_id) > 9868928 BEGIN
  DELETE FROM contact_versions WHERE rowid IN (
    SELECT rid FROM (
      SELECT v.rowid AS rid, v.bytes AS b,
        sum(v.bytes) OVER (ORDER BY v.created_at, v.contact_id, v.version ROWS UNBOUNDED PRECEDING) AS running
      FROM contact_versions v JOIN contacts c ON c.id = v.contact_id
      WHERE v.asset_id = NEW.asset_id AND v.version < c.version
    )
    WHERE running - b < (SELECT bytes FROM asset_usage WHERE asset_id = NEW.asset_id) - 9868928
  );
END;
