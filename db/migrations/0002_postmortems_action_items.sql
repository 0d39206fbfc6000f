CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`owner_id` integer,
	`due_date` text NOT NULL,
	`priority` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`tracker_url` text,
	`service_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_incident_idx` ON `action_items` (`incident_id`);--> statement-breakpoint
CREATE INDEX `action_items_owner_idx` ON `action_items` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_items_due_idx` ON `action_items` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `action_items_service_idx` ON `action_items` (`service_id`);--> statement-breakpoint
CREATE TABLE `contributing_factors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contributing_factors_name_unique` ON `contributing_factors` (`name`);--> statement-breakpoint
CREATE TABLE `postmortem_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`postmortem_id` integer NOT NULL,
	`section` text NOT NULL,
	`body` text NOT NULL,
	`author_user_id` integer,
	`author_label` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`postmortem_id`) REFERENCES `postmortems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postmortem_comments_pm_idx` ON `postmortem_comments` (`postmortem_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `postmortem_factors` (
	`postmortem_id` integer NOT NULL,
	`factor_id` integer NOT NULL,
	PRIMARY KEY(`postmortem_id`, `factor_id`),
	FOREIGN KEY (`postmortem_id`) REFERENCES `postmortems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`factor_id`) REFERENCES `contributing_factors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postmortem_factors_factor_idx` ON `postmortem_factors` (`factor_id`);--> statement-breakpoint
CREATE TABLE `postmortem_reviewers` (
	`postmortem_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`postmortem_id`, `user_id`),
	FOREIGN KEY (`postmortem_id`) REFERENCES `postmortems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `postmortems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`status` text NOT NULL,
	`owner_id` integer,
	`sections` text DEFAULT '{}' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`review_checklist` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`published_at` integer,
	`published_by_id` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `postmortems_incident_unique` ON `postmortems` (`incident_id`);--> statement-breakpoint
CREATE INDEX `postmortems_status_idx` ON `postmortems` (`status`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
