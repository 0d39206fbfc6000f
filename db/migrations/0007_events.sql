CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor_user_id` integer,
	`actor_token_id` integer,
	`actor_label` text NOT NULL,
	`at` integer NOT NULL,
	`payload` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `events_incident_idx` ON `events` (`incident_id`,`id`);