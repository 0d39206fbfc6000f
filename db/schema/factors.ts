import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";

export const contributingFactors = sqliteTable(
  "contributing_factors",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contributing_factors_name_unique").on(t.name)],
);
export type ContributingFactor = typeof contributingFactors.$inferSelect;
