// The PostgreSQL tables, derived from the SQLite ones (derive.ts), under the same export names.
// drizzle-kit reads this file (drizzle.pg.config.ts) to generate db/migrations-pg.
import * as sqlite from "../sqlite";
import { derivePgTables } from "./derive";

const tables = derivePgTables(sqlite);

export const users = tables.users;
export const apiTokens = tables.apiTokens;
export const incidents = tables.incidents;
export const incidentRoles = tables.incidentRoles;
export const timelineEntries = tables.timelineEntries;
export const auditLog = tables.auditLog;
export const loginAttempts = tables.loginAttempts;
export const idempotencyKeys = tables.idempotencyKeys;
export const teams = tables.teams;
export const teamMembers = tables.teamMembers;
export const services = tables.services;
export const incidentServices = tables.incidentServices;
export const slos = tables.slos;
export const sloSpendOverrides = tables.sloSpendOverrides;
export const playbooks = tables.playbooks;
export const playbookServices = tables.playbookServices;
export const playbookItems = tables.playbookItems;
export const incidentPlaybooks = tables.incidentPlaybooks;
export const checklistItems = tables.checklistItems;
export const settings = tables.settings;
export const contributingFactors = tables.contributingFactors;
export const postmortems = tables.postmortems;
export const postmortemFactors = tables.postmortemFactors;
export const postmortemReviewers = tables.postmortemReviewers;
export const postmortemComments = tables.postmortemComments;
export const actionItems = tables.actionItems;
export const incidentFacts = tables.incidentFacts;
export const events = tables.events;
export const sloSpendSegments = tables.sloSpendSegments;
export const integrations = tables.integrations;
export const alerts = tables.alerts;
export const integrationDeliveries = tables.integrationDeliveries;
export const webhookEndpoints = tables.webhookEndpoints;
export const webhookDeliveries = tables.webhookDeliveries;
export const webhookAttempts = tables.webhookAttempts;
export const webhookFanoutCursor = tables.webhookFanoutCursor;
export const actionItemOverdueNotices = tables.actionItemOverdueNotices;
