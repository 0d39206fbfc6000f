// PostgreSQL advisory-lock keys the app uses (any constants nothing else in the database uses).

/** Held while migrations are applied, so processes starting at once (and `npm run db:copy`) apply them once. */
export const MIGRATION_LOCK_KEY = 7_201_114;
/** Held by a transaction appending to the event log until it commits (db/access/event-log-lock.ts). */
export const EVENT_LOG_LOCK_KEY = 7_201_115;
