// The SQLite schema, one file per entity: the source of truth from which db/schema/pg derives the
// PostgreSQL tables. Query code imports db/schema (index.ts), which picks the tables of the engine in use.
// Times are epoch milliseconds (UTC) in plain integers: easy to compare in SQL, bigint on PostgreSQL.
export * from "./users";
export * from "./tokens";
export * from "./incidents";
export * from "./timeline";
export * from "./audit";
export * from "./login-attempts";
export * from "./idempotency";
export * from "./teams";
export * from "./services";
export * from "./slos";
export * from "./playbooks";
export * from "./checklist";
export * from "./settings";
export * from "./factors";
export * from "./postmortems";
export * from "./action-items";
export * from "./incident-facts";
export * from "./events";
export * from "./slo-spend";
export * from "./integrations";
export * from "./webhooks";
