CREATE TABLE `import_staging` (
	`import_id` text PRIMARY KEY NOT NULL,
	`asset_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`cards` text NOT NULL,
	`status` text DEFAULT 'staged' NOT NULL,
	`done_token` text,
	`imported` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_staging_asset` ON `import_staging` (`asset_id`,`created_at`);