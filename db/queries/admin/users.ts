import "server-only";
import { asc } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
import { getDb } from "../../client";
import { users, type User } from "../../schema";
import { readActiveUsers } from "../../access/users";

export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "disabled" | "createdAt">;
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

/** Every account, for the admin users page. */
export async function listUsers({ actor }: { actor: Actor }): Promise<PublicUser[]> {
  requirePermission(actor, "user", "manage");
  return await getDb().select(publicUserColumns).from(users).orderBy(asc(users.name));
}

/** Active users, for role pickers (anyone signed in sees who can be named). */
export async function listActiveUsers(_: { actor: Actor }): Promise<Pick<User, "id" | "email" | "name" | "role">[]> {
  return await readActiveUsers();
}
