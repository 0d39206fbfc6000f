-- A database-wide change counter: every statement that writes an app table moves it. Each process's
-- caches (the insights reports) compare it with what they were computed at, so a write through any
-- process invalidates them everywhere (SQLite's counterpart: PRAGMA data_version).
CREATE SEQUENCE IF NOT EXISTS "hindsight_data_version";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hindsight_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('hindsight_data_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "action_item_overdue_notices_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_item_overdue_notices" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "action_items_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_items" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "alerts_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "alerts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "audit_log_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "checklist_items_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "checklist_items" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contributing_factors" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "events_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "idempotency_keys_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "idempotency_keys" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_facts_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incident_facts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_playbooks_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incident_playbooks" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_roles_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incident_roles" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incident_services_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incident_services" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "incidents_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incidents" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integration_deliveries_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "integration_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "integrations_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "integrations" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "login_attempts_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "login_attempts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_items_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "playbook_items" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbook_services_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "playbook_services" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "playbooks_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "playbooks" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_comments_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "postmortem_comments" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_factors_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "postmortem_factors" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortem_reviewers_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "postmortem_reviewers" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "postmortems_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "postmortems" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "services_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "settings_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_overrides_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slo_spend_overrides" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slo_spend_segments_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slo_spend_segments" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "slos_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slos" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "team_members_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "team_members" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "teams_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "timeline_entries_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "timeline_entries" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "users_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_attempts_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "webhook_attempts" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "webhook_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_endpoints_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "webhook_endpoints" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER "webhook_fanout_cursor_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "webhook_fanout_cursor" FOR EACH STATEMENT EXECUTE FUNCTION hindsight_bump_data_version();
