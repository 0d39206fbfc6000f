// The database schema, one file per entity. Times are epoch milliseconds (UTC) in plain integers:
// easy to compare in SQL and portable to Postgres bigint.
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
export * from "./webhooks";
