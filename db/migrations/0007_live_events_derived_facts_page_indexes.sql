CREATE TABLE `incident_facts` (
	`incident_id` integer PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`declared_at` integer NOT NULL,
	`severity` text NOT NULL,
	`drill` integer NOT NULL,
	`private` integer NOT NULL,
	`detect_ms` integer,
	`acknowledge_ms` integer,
	`mitigate_ms` integer,
	`resolve_ms` integer,
	`reconstructed` integer NOT NULL,
	`resolved_at` integer,
	`impact_end_at` integer,
	`service_ids` text NOT NULL,
	`responder_ids` text NOT NULL,
	`factor_ids` text NOT NULL,
	`postmortem_status` text,
	`postmortem_published_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_facts_started_idx` ON `incident_facts` (`started_at`,`severity`,`drill`,`private`,`declared_at`,`detect_ms`,`acknowledge_ms`,`mitigate_ms`,`resolve_ms`,`reconstructed`,`resolved_at`,`impact_end_at`,`service_ids`,`responder_ids`,`factor_ids`,`postmortem_status`,`postmortem_published_at`);--> statement-breakpoint
CREATE INDEX `incident_facts_private_idx` ON `incident_facts` (`incident_id`) WHERE "incident_facts"."private" = 1;--> statement-breakpoint
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
CREATE INDEX `events_incident_idx` ON `events` (`incident_id`,`id`);--> statement-breakpoint
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
CREATE INDEX `slo_spend_segments_end_idx` ON `slo_spend_segments` (`slo_id`,`end`);--> statement-breakpoint
DROP INDEX `postmortems_status_idx`;--> statement-breakpoint
CREATE INDEX `postmortems_updated_idx` ON `postmortems` (`updated_at`,`incident_id`);--> statement-breakpoint
CREATE INDEX `postmortems_status_idx` ON `postmortems` (`status`,`updated_at`,`incident_id`);--> statement-breakpoint
CREATE INDEX `action_items_due_date_idx` ON `action_items` (`due_date`);--> statement-breakpoint
CREATE INDEX `incidents_list_order_idx` ON `incidents` ((CASE "status" WHEN 'investigating' THEN 1 WHEN 'identified' THEN 1 WHEN 'monitoring' THEN 1 ELSE 0 END),`declared_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_resolved_idx` ON `incidents` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `incidents_drill_idx` ON `incidents` (`id`) WHERE "incidents"."drill" = 1;