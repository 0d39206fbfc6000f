/** The PostgreSQL NOTIFY channel appendEvent signals on commit, so every process's feed reads at once. */
export const EVENTS_CHANNEL = "hindsight_events";
