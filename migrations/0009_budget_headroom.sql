-- The byte budget's headroom (issue 14; docs/architecture.md, "Versions and bounded storage").
-- 0003 purged the oldest versions down to 64 KiB below the budget of 10,000,000 bytes, but a
-- write needs room for twice its row (the row and its version: `hasRoom` in
-- src/contacts/repository.ts), and a contact at the fields' maxima is up to about 45 KB: one
-- over 32 KiB was refused at the budget (409) while old versions could have made room (found in
-- a review). The trigger now keeps 128 KiB free: 10,000,000 - 131,072 = 9,868,928. An asset
-- above that gets there with its next write. The mirror in the repository is
-- BUDGET_HEADROOM_BYTES (test/storage-bounds.test.ts).
DROP TRIGGER versions_over_budget;
--> statement-breakpoint
-- Over budget: the asset's oldest versions go first (never a contact's current one), until the
-- next write has room. Only then: the window over the asset's versions is not computed per write.
CREATE TRIGGER versions_over_budget AFTER INSERT ON contact_versions
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
