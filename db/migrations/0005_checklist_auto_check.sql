ALTER TABLE `checklist_items` ADD `auto_check` text;--> statement-breakpoint
ALTER TABLE `playbook_items` ADD `auto_check` text;--> statement-breakpoint
-- Existing databases: the default playbooks' items (and their copies on incidents) the system can verify.
UPDATE `playbook_items` SET `auto_check` = 'commander_assigned' WHERE `text` = 'Assign an incident commander';--> statement-breakpoint
UPDATE `playbook_items` SET `auto_check` = 'comms_lead_assigned' WHERE `text` = 'Assign a communications lead';--> statement-breakpoint
UPDATE `checklist_items` SET `auto_check` = 'commander_assigned' WHERE `text` = 'Assign an incident commander';--> statement-breakpoint
UPDATE `checklist_items` SET `auto_check` = 'comms_lead_assigned' WHERE `text` = 'Assign a communications lead';
