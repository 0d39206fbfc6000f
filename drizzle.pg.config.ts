import { defineConfig } from "drizzle-kit";

// PostgreSQL migrations, generated from the tables derived from the SQLite schema (db/schema/pg).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg/index.ts",
  out: "./db/migrations-pg",
});
