import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { users, type User } from "../schema";
import type { Reader } from "../types";

// Lookups without an actor: sign-in and session plumbing (server/auth), scripts and tests.

export function findUserByEmail(email: string): User | undefined {
  return getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function findUserById(id: number): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

/** Active users, by name, for role pickers. */
export function readActiveUsers(db: Reader = getDb()): Pick<User, "id" | "email" | "name" | "role">[] {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.name))
    .all();
}
