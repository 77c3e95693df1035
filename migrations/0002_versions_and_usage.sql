CREATE TABLE `asset_usage` (
	`asset_id` text PRIMARY KEY NOT NULL,
	`live` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_versions` (
	`contact_id` text NOT NULL,
	`version` integer NOT NULL,
	`asset_id` text NOT NULL,
	`action` text NOT NULL,
	`fields` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`bytes` integer NOT NULL,
	PRIMARY KEY(`contact_id`, `version`)
);
--> statement-breakpoint
CREATE INDEX `contact_versions_asset_created` ON `contact_versions` (`asset_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `key_format` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `import_id` text;--> statement-breakpoint
CREATE INDEX `contacts_asset_deleted` ON `contacts` (`asset_id`,`deleted_at`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_asset_import` ON `contacts` (`asset_id`,`import_id`) WHERE import_id IS NOT NULL;