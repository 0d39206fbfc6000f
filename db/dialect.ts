import { env } from "@/server/env";

export type Dialect = "sqlite" | "pg";

/** Which engine a DATABASE_URL selects: PostgreSQL for postgres:// and postgresql:// URLs, else SQLite. */
export function dialectOf(databaseUrl: string | undefined): Dialect {
  return databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? "pg" : "sqlite";
}

/**
 * The engine of this process, decided once at import: the schema (db/schema/index.ts) and the
 * connection (db/client.ts) follow it. An invalid DATABASE_URL throws here, naming the variable.
 */
export const dialect: Dialect = dialectOf(env("DATABASE_URL"));
