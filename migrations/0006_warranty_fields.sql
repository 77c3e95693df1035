ALTER TABLE `contacts` ADD `accepted_on` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `warranty_until` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_asset_warranty` ON `contacts` (`asset_id`,`deleted_at`,`warranty_until`,`sort_key`,`id`) WHERE warranty_until <> '';