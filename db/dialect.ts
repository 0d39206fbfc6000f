// eslint-disable-next-line no-restricted-properties -- read once at import, before server/env is loaded by anything
const url = process.env.DATABASE_URL ?? "";
/** Which engine this process runs on: PostgreSQL when DATABASE_URL is a postgres:// URL, else embedded SQLite. */
export const dialect: "sqlite" | "pg" = /^postgres(ql)?:\/\//.test(url) ? "pg" : "sqlite";
