import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission, requirePerson } from "@/lib/policy";
import type { UserRole } from "@/lib/roles";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { parseInput } from "@/lib/validation/parse";
import { changePasswordSchema, createUserSchema, updateUserSchema } from "@/lib/validation/user";
import { users, type User } from "../../schema";
import { recordAudit } from "../../access/audit";
import { findUserById } from "../../access/users";
import { publicUserColumns, type PublicUser } from "../../queries/admin/users";
import { changedRows } from "../../sql";
import { transaction } from "../../transaction";

/** Creates a user without an actor check: first-run bootstrap and scripts only. */
export async function insertUser(input: { email: string; name: string; role: UserRole; password: string }, actor: Actor | null = null) {
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return await transaction(async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)))[0]) {
      throw new AppError("conflict", "A user with this email already exists", { email: "A user with this email already exists" });
    }
    const now = Date.now();
    const user = (
      await tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, passwordHash, createdAt: now, updatedAt: now })
        .returning(publicUserColumns)
    )[0]!;
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: user });
    return user;
  });
}

export async function createUser({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "user", "manage");
  return insertUser(input as Parameters<typeof insertUser>[0], actor);
}

export async function updateUser({ actor, userId, input }: { actor: Actor; userId: number; input: unknown }): Promise<PublicUser> {
  requirePermission(actor, "user", "manage");
  const data = parseInput(updateUserSchema, input);
  return await transaction(async (tx) => {
    const before = (await tx.select(publicUserColumns).from(users).where(eq(users.id, userId)))[0];
    if (!before) throw notFound("User");
    if (actor.kind === "user" && actor.userId === userId && (data.disabled === true || (data.role && data.role !== "admin"))) {
      throw new AppError("unprocessable", "You cannot disable yourself or remove your own admin role", {
        [data.disabled ? "disabled" : "role"]: "Not allowed on your own account",
      });
    }
    const changes: Partial<User> = {};
    if (data.name !== undefined && data.name !== before.name) changes.name = data.name;
    if (data.role !== undefined && data.role !== before.role) changes.role = data.role;
    if (data.disabled !== undefined && data.disabled !== before.disabled) changes.disabled = data.disabled;
    if (Object.keys(changes).length === 0) return before;
    const endSessions = changes.role !== undefined || changes.disabled === true;
    const after = (
      await tx
        .update(users)
        .set({
          ...changes,
          updatedAt: Date.now(),
          ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        })
        .where(eq(users.id, userId))
        .returning(publicUserColumns)
    )[0]!;
    await recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: userId, before, after });
    return after;
  });
}

export async function resetUserPassword({ actor, userId, password }: { actor: Actor; userId: number; password: string }) {
  requirePermission(actor, "user", "manage");
  const problem = createUserSchema.shape.password.safeParse(password);
  if (!problem.success) throw new AppError("validation_failed", problem.error.issues[0]!.message, { password: problem.error.issues[0]!.message });
  const passwordHash = await hashPassword(password);
  await transaction(async (tx) => {
    const res = await tx
      .update(users)
      .set({ passwordHash, updatedAt: Date.now(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    if (changedRows(res) === 0) throw notFound("User");
    await recordAudit(tx, actor, { action: "user.password_reset", entityType: "user", entityId: userId });
  });
}

/** The signed-in person changes their own password; other sessions of theirs end. */
export async function changeOwnPassword({ actor, input }: { actor: Actor; input: unknown }) {
  requirePerson(actor, "change their password");
  const data = parseInput(changePasswordSchema, input);
  const user = await findUserById(actor.userId);
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError("validation_failed", "Current password is incorrect", { currentPassword: "Current password is incorrect" });
  }
  const passwordHash = await hashPassword(data.newPassword);
  return await transaction(async (tx) => {
    const updated = (
      await tx
        .update(users)
        .set({ passwordHash, updatedAt: Date.now(), sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, actor.userId))
        .returning({ sessionVersion: users.sessionVersion })
    )[0]!;
    await recordAudit(tx, actor, { action: "user.password_change", entityType: "user", entityId: actor.userId });
    return updated.sessionVersion;
  });
}
