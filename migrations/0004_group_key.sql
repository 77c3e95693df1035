ALTER TABLE `contacts` ADD `group_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_asset_group` ON `contacts` (`asset_id`,`deleted_at`,`group_key`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_asset_key_format` ON `contacts` (`asset_id`,`key_format`);