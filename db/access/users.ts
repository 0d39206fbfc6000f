import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { users, type User } from "../schema";
import type { Reader } from "../types";

// Lookups without an actor: sign-in and session plumbing (server/auth), scripts and tests.

export async function findUserByEmail(email: string): Promise<User | undefined> {
  return (await getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase())))[0];
}

export async function findUserById(id: number): Promise<User | undefined> {
  return (await getDb().select().from(users).where(eq(users.id, id)))[0];
}

/** Active users, by name, for role pickers. */
export async function readActiveUsers(db: Reader = getDb()): Promise<Pick<User, "id" | "email" | "name" | "role">[]> {
  return await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.name));
}
