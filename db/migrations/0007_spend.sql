CREATE TABLE `slo_spend_segments` (
	`slo_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`incident_id` integer NOT NULL,
	`weight` real NOT NULL,
	FOREIGN KEY (`slo_id`) REFERENCES `slos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `slo_spend_segments_end_idx` ON `slo_spend_segments` (`slo_id`,`end`);