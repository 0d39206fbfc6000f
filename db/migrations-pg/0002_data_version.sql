-- A database-wide change counter: every statement that changes rows of an app table moves it. Each
-- process's caches (the insights reports) compare it with what they were computed at, so a write
-- through any process invalidates them everywhere (SQLite's counterpart: PRAGMA data_version).
-- Statement triggers with transition tables: a statement that matches no row (a prune with nothing
-- to prune) does not count, and a bulk insert counts once.
CREATE SEQUENCE IF NOT EXISTS "hindsight_data_version";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hindsight_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM nextval('hindsight_data_version');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hindsight_bump_data_version_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('hindsight_data_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "action_item_overdue_notices_data_version_insert" AFTER INSERT ON "action_item_overdue_notices" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_item_overdue_notices_data_version_update" AFTER UPDATE ON "action_item_overdue_notices" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_item_overdue_notices_data_version_delete" AFTER DELETE ON "action_item_overdue_notices" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_item_overdue_notices_data_version_truncate" AFTER TRUNCATE ON "action_item_overdue_notices" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "action_items_data_version_insert" AFTER INSERT ON "action_items" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_items_data_version_update" AFTER UPDATE ON "action_items" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_items_data_version_delete" AFTER DELETE ON "action_items" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_items_data_version_truncate" AFTER TRUNCATE ON "action_items" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "alerts_data_version_insert" AFTER INSERT ON "alerts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "alerts_data_version_update" AFTER UPDATE ON "alerts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "alerts_data_version_delete" AFTER DELETE ON "alerts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "alerts_data_version_truncate" AFTER TRUNCATE ON "alerts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_data_version_insert" AFTER INSERT ON "api_tokens" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_data_version_update" AFTER UPDATE ON "api_tokens" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_data_version_delete" AFTER DELETE ON "api_tokens" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_data_version_truncate" AFTER TRUNCATE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "audit_log_data_version_insert" AFTER INSERT ON "audit_log" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "audit_log_data_version_update" AFTER UPDATE ON "audit_log" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "audit_log_data_version_delete" AFTER DELETE ON "audit_log" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "audit_log_data_version_truncate" AFTER TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "checklist_items_data_version_insert" AFTER INSERT ON "checklist_items" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "checklist_items_data_version_update" AFTER UPDATE ON "checklist_items" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "checklist_items_data_version_delete" AFTER DELETE ON "checklist_items" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "checklist_items_data_version_truncate" AFTER TRUNCATE ON "checklist_items" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_data_version_insert" AFTER INSERT ON "contributing_factors" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_data_version_update" AFTER UPDATE ON "contributing_factors" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_data_version_delete" AFTER DELETE ON "contributing_factors" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_data_version_truncate" AFTER TRUNCATE ON "contributing_factors" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "events_data_version_insert" AFTER INSERT ON "events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "events_data_version_update" AFTER UPDATE ON "events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "events_data_version_delete" AFTER DELETE ON "events" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "events_data_version_truncate" AFTER TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "idempotency_keys_data_version_insert" AFTER INSERT ON "idempotency_keys" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "idempotency_keys_data_version_update" AFTER UPDATE ON "idempotency_keys" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "idempotency_keys_data_version_delete" AFTER DELETE ON "idempotency_keys" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "idempotency_keys_data_version_truncate" AFTER TRUNCATE ON "idempotency_keys" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "incident_facts_data_version_insert" AFTER INSERT ON "incident_facts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_facts_data_version_update" AFTER UPDATE ON "incident_facts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_facts_data_version_delete" AFTER DELETE ON "incident_facts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_facts_data_version_truncate" AFTER TRUNCATE ON "incident_facts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "incident_playbooks_data_version_insert" AFTER INSERT ON "incident_playbooks" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_playbooks_data_version_update" AFTER UPDATE ON "incident_playbooks" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_playbooks_data_version_delete" AFTER DELETE ON "incident_playbooks" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_playbooks_data_version_truncate" AFTER TRUNCATE ON "incident_playbooks" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "incident_roles_data_version_insert" AFTER INSERT ON "incident_roles" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_roles_data_version_update" AFTER UPDATE ON "incident_roles" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_roles_data_version_delete" AFTER DELETE ON "incident_roles" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_roles_data_version_truncate" AFTER TRUNCATE ON "incident_roles" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "incident_services_data_version_insert" AFTER INSERT ON "incident_services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_services_data_version_update" AFTER UPDATE ON "incident_services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_services_data_version_delete" AFTER DELETE ON "incident_services" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_services_data_version_truncate" AFTER TRUNCATE ON "incident_services" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "incidents_data_version_insert" AFTER INSERT ON "incidents" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incidents_data_version_update" AFTER UPDATE ON "incidents" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incidents_data_version_delete" AFTER DELETE ON "incidents" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incidents_data_version_truncate" AFTER TRUNCATE ON "incidents" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "integration_deliveries_data_version_insert" AFTER INSERT ON "integration_deliveries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integration_deliveries_data_version_update" AFTER UPDATE ON "integration_deliveries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integration_deliveries_data_version_delete" AFTER DELETE ON "integration_deliveries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integration_deliveries_data_version_truncate" AFTER TRUNCATE ON "integration_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "integrations_data_version_insert" AFTER INSERT ON "integrations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integrations_data_version_update" AFTER UPDATE ON "integrations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integrations_data_version_delete" AFTER DELETE ON "integrations" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integrations_data_version_truncate" AFTER TRUNCATE ON "integrations" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "login_attempts_data_version_insert" AFTER INSERT ON "login_attempts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "login_attempts_data_version_update" AFTER UPDATE ON "login_attempts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "login_attempts_data_version_delete" AFTER DELETE ON "login_attempts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "login_attempts_data_version_truncate" AFTER TRUNCATE ON "login_attempts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "playbook_items_data_version_insert" AFTER INSERT ON "playbook_items" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_items_data_version_update" AFTER UPDATE ON "playbook_items" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_items_data_version_delete" AFTER DELETE ON "playbook_items" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_items_data_version_truncate" AFTER TRUNCATE ON "playbook_items" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "playbook_services_data_version_insert" AFTER INSERT ON "playbook_services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_services_data_version_update" AFTER UPDATE ON "playbook_services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_services_data_version_delete" AFTER DELETE ON "playbook_services" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_services_data_version_truncate" AFTER TRUNCATE ON "playbook_services" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "playbooks_data_version_insert" AFTER INSERT ON "playbooks" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbooks_data_version_update" AFTER UPDATE ON "playbooks" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbooks_data_version_delete" AFTER DELETE ON "playbooks" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbooks_data_version_truncate" AFTER TRUNCATE ON "playbooks" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "postmortem_comments_data_version_insert" AFTER INSERT ON "postmortem_comments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_comments_data_version_update" AFTER UPDATE ON "postmortem_comments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_comments_data_version_delete" AFTER DELETE ON "postmortem_comments" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_comments_data_version_truncate" AFTER TRUNCATE ON "postmortem_comments" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "postmortem_factors_data_version_insert" AFTER INSERT ON "postmortem_factors" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_factors_data_version_update" AFTER UPDATE ON "postmortem_factors" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_factors_data_version_delete" AFTER DELETE ON "postmortem_factors" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_factors_data_version_truncate" AFTER TRUNCATE ON "postmortem_factors" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "postmortem_reviewers_data_version_insert" AFTER INSERT ON "postmortem_reviewers" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_reviewers_data_version_update" AFTER UPDATE ON "postmortem_reviewers" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_reviewers_data_version_delete" AFTER DELETE ON "postmortem_reviewers" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_reviewers_data_version_truncate" AFTER TRUNCATE ON "postmortem_reviewers" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "postmortems_data_version_insert" AFTER INSERT ON "postmortems" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortems_data_version_update" AFTER UPDATE ON "postmortems" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortems_data_version_delete" AFTER DELETE ON "postmortems" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortems_data_version_truncate" AFTER TRUNCATE ON "postmortems" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "services_data_version_insert" AFTER INSERT ON "services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "services_data_version_update" AFTER UPDATE ON "services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "services_data_version_delete" AFTER DELETE ON "services" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "services_data_version_truncate" AFTER TRUNCATE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "settings_data_version_insert" AFTER INSERT ON "settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "settings_data_version_update" AFTER UPDATE ON "settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "settings_data_version_delete" AFTER DELETE ON "settings" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "settings_data_version_truncate" AFTER TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_overrides_data_version_insert" AFTER INSERT ON "slo_spend_overrides" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_overrides_data_version_update" AFTER UPDATE ON "slo_spend_overrides" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_overrides_data_version_delete" AFTER DELETE ON "slo_spend_overrides" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_overrides_data_version_truncate" AFTER TRUNCATE ON "slo_spend_overrides" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_segments_data_version_insert" AFTER INSERT ON "slo_spend_segments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_segments_data_version_update" AFTER UPDATE ON "slo_spend_segments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_segments_data_version_delete" AFTER DELETE ON "slo_spend_segments" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_segments_data_version_truncate" AFTER TRUNCATE ON "slo_spend_segments" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "slos_data_version_insert" AFTER INSERT ON "slos" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slos_data_version_update" AFTER UPDATE ON "slos" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slos_data_version_delete" AFTER DELETE ON "slos" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slos_data_version_truncate" AFTER TRUNCATE ON "slos" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "team_members_data_version_insert" AFTER INSERT ON "team_members" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "team_members_data_version_update" AFTER UPDATE ON "team_members" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "team_members_data_version_delete" AFTER DELETE ON "team_members" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "team_members_data_version_truncate" AFTER TRUNCATE ON "team_members" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "teams_data_version_insert" AFTER INSERT ON "teams" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "teams_data_version_update" AFTER UPDATE ON "teams" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "teams_data_version_delete" AFTER DELETE ON "teams" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "teams_data_version_truncate" AFTER TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "timeline_entries_data_version_insert" AFTER INSERT ON "timeline_entries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "timeline_entries_data_version_update" AFTER UPDATE ON "timeline_entries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "timeline_entries_data_version_delete" AFTER DELETE ON "timeline_entries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "timeline_entries_data_version_truncate" AFTER TRUNCATE ON "timeline_entries" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "users_data_version_insert" AFTER INSERT ON "users" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "users_data_version_update" AFTER UPDATE ON "users" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "users_data_version_delete" AFTER DELETE ON "users" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "users_data_version_truncate" AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "webhook_attempts_data_version_insert" AFTER INSERT ON "webhook_attempts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_attempts_data_version_update" AFTER UPDATE ON "webhook_attempts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_attempts_data_version_delete" AFTER DELETE ON "webhook_attempts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_attempts_data_version_truncate" AFTER TRUNCATE ON "webhook_attempts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_data_version_insert" AFTER INSERT ON "webhook_deliveries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_data_version_update" AFTER UPDATE ON "webhook_deliveries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_data_version_delete" AFTER DELETE ON "webhook_deliveries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_data_version_truncate" AFTER TRUNCATE ON "webhook_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "webhook_endpoints_data_version_insert" AFTER INSERT ON "webhook_endpoints" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_endpoints_data_version_update" AFTER UPDATE ON "webhook_endpoints" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_endpoints_data_version_delete" AFTER DELETE ON "webhook_endpoints" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_endpoints_data_version_truncate" AFTER TRUNCATE ON "webhook_endpoints" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
--> statement-breakpoint
CREATE TRIGGER "webhook_fanout_cursor_data_version_insert" AFTER INSERT ON "webhook_fanout_cursor" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_fanout_cursor_data_version_update" AFTER UPDATE ON "webhook_fanout_cursor" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_fanout_cursor_data_version_delete" AFTER DELETE ON "webhook_fanout_cursor" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_fanout_cursor_data_version_truncate" AFTER TRUNCATE ON "webhook_fanout_cursor" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version_truncate();
