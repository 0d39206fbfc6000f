// The schema query code imports. The SQLite tables (db/schema/sqlite.ts) are the typed exports; on
// PostgreSQL (DATABASE_URL, db/dialect.ts) each table export is instead the table derived from it
// (db/schema/pg), typed as the SQLite table so the same queries compile for both engines.
// Types and helpers (openRankOf, …) come through unchanged from ./sqlite.
import { dialect } from "../dialect";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

export * from "./sqlite";

const table = <K extends keyof typeof pg & keyof typeof sqlite>(name: K) => (dialect === "pg" ? pg[name] : sqlite[name]) as unknown as (typeof sqlite)[K];

export const users = table("users");
export const apiTokens = table("apiTokens");
export const incidents = table("incidents");
export const incidentRoles = table("incidentRoles");
export const timelineEntries = table("timelineEntries");
export const auditLog = table("auditLog");
export const loginAttempts = table("loginAttempts");
export const idempotencyKeys = table("idempotencyKeys");
export const teams = table("teams");
export const teamMembers = table("teamMembers");
export const services = table("services");
export const incidentServices = table("incidentServices");
export const slos = table("slos");
export const sloSpendOverrides = table("sloSpendOverrides");
export const playbooks = table("playbooks");
export const playbookServices = table("playbookServices");
export const playbookItems = table("playbookItems");
export const incidentPlaybooks = table("incidentPlaybooks");
export const checklistItems = table("checklistItems");
export const settings = table("settings");
export const contributingFactors = table("contributingFactors");
export const postmortems = table("postmortems");
export const postmortemFactors = table("postmortemFactors");
export const postmortemReviewers = table("postmortemReviewers");
export const postmortemComments = table("postmortemComments");
export const actionItems = table("actionItems");
export const incidentFacts = table("incidentFacts");
export const events = table("events");
export const sloSpendSegments = table("sloSpendSegments");
export const integrations = table("integrations");
export const alerts = table("alerts");
export const integrationDeliveries = table("integrationDeliveries");
export const webhookEndpoints = table("webhookEndpoints");
export const webhookDeliveries = table("webhookDeliveries");
export const webhookAttempts = table("webhookAttempts");
export const webhookFanoutCursor = table("webhookFanoutCursor");
export const actionItemOverdueNotices = table("actionItemOverdueNotices");
