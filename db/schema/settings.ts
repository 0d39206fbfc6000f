import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Organisation settings, one JSON value per key (e.g. which severities require a postmortem). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
