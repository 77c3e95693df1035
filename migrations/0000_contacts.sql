CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`asset_id` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`mobile` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`create_token` text,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_by_name` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_by_name` text NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `contacts_asset_list` ON `contacts` (`asset_id`,`deleted_at`,`sort_key`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_asset_create_token` ON `contacts` (`asset_id`,`create_token`) WHERE create_token IS NOT NULL;