DROP INDEX `postmortems_status_idx`;--> statement-breakpoint
CREATE INDEX `postmortems_updated_idx` ON `postmortems` (`updated_at`,`incident_id`);--> statement-breakpoint
CREATE INDEX `postmortems_status_idx` ON `postmortems` (`status`,`updated_at`,`incident_id`);--> statement-breakpoint
CREATE INDEX `action_items_due_date_idx` ON `action_items` (`due_date`);--> statement-breakpoint
CREATE INDEX `incidents_list_order_idx` ON `incidents` ((CASE "status" WHEN 'investigating' THEN 1 WHEN 'identified' THEN 1 WHEN 'monitoring' THEN 1 ELSE 0 END),`declared_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_resolved_idx` ON `incidents` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `incidents_drill_idx` ON `incidents` (`id`) WHERE "incidents"."drill" = 1;