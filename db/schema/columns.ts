// Column builders the tables share. Times are epoch milliseconds (UTC) in plain integers.
import { integer, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { USER_ROLES } from "../../lib/roles";

/** Integer primary key with AUTOINCREMENT: ids are never reused. */
export const id = () => integer("id").primaryKey({ autoIncrement: true });
/** A required reference to the parent row; the row is deleted with its parent. */
export const parentId = (name: string, parent: () => AnySQLiteColumn) => integer(name).notNull().references(parent, { onDelete: "cascade" });
/** A required reference that keeps the referenced row (it cannot be deleted while referenced). */
export const requiredRef = (name: string, target: () => AnySQLiteColumn) => integer(name).notNull().references(target);
export const createdAt = () => integer("created_at").notNull();
export const updatedAt = () => integer("updated_at").notNull();
/** An optional reference; `onDelete` says what happens to this column when the referenced row goes. */
export const ref = (name: string, target: () => AnySQLiteColumn, onDelete?: "cascade" | "set null") =>
  onDelete ? integer(name).references(target, { onDelete }) : integer(name).references(target);
/** Optimistic-concurrency version, bumped by every versioned write (db/versioned.ts). */
export const version = () => integer("version").notNull().default(1);
/** A user's or API token's role. */
export const role = () => text("role", { enum: USER_ROLES }).notNull();
