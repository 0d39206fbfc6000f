CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`integration_id` integer NOT NULL,
	`dedup_key` text NOT NULL,
	`group_key` text,
	`incident_id` integer,
	`status` text NOT NULL,
	`action` text NOT NULL,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`labels` text NOT NULL,
	`annotations` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`acknowledged_at` integer,
	`generator_url` text,
	`dashboard_url` text,
	`panel_url` text,
	`silence_url` text,
	`values` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_firing_unique` ON `alerts` (`integration_id`,`dedup_key`) WHERE status = 'firing';--> statement-breakpoint
CREATE INDEX `alerts_dedup_idx` ON `alerts` (`integration_id`,`dedup_key`,`id`);--> statement-breakpoint
CREATE INDEX `alerts_group_idx` ON `alerts` (`integration_id`,`group_key`,`id`);--> statement-breakpoint
CREATE INDEX `alerts_incident_idx` ON `alerts` (`incident_id`,`status`);--> statement-breakpoint
CREATE TABLE `integration_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`integration_id` integer NOT NULL,
	`received_at` integer NOT NULL,
	`http_status` integer NOT NULL,
	`outcome` text NOT NULL,
	`alert_count` integer DEFAULT 0 NOT NULL,
	`result` text,
	`error` text,
	`payload` text NOT NULL,
	`payload_truncated` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `integration_deliveries_idx` ON `integration_deliveries` (`integration_id`,`id`);--> statement-breakpoint
CREATE TABLE `integrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`secret_hash` text NOT NULL,
	`secret_hint` text NOT NULL,
	`hmac_secret` text,
	`rules` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integrations_secret_hash_unique` ON `integrations` (`secret_hash`);--> statement-breakpoint
ALTER TABLE `events` ADD `actor_integration_id` integer;