// Column builders the tables share. Times are epoch milliseconds (UTC) in plain integers.
import { integer, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** Integer primary key with AUTOINCREMENT: ids are never reused. */
export const id = () => integer("id").primaryKey({ autoIncrement: true });
/** A required reference to the parent row; the row is deleted with its parent. */
export const parentId = (name: string, parent: () => AnySQLiteColumn) => integer(name).notNull().references(parent, { onDelete: "cascade" });
/** A required reference that keeps the referenced row (it cannot be deleted while referenced). */
export const requiredRef = (name: string, target: () => AnySQLiteColumn) => integer(name).notNull().references(target);
export const createdAt = () => integer("created_at").notNull();
export const updatedAt = () => integer("updated_at").notNull();
