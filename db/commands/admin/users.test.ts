import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/server/auth/password";
import { setUpTestDb, rejected, thrown, TEST_PASSWORD, auditsOf } from "../../testing/test-db";
import { auditLog } from "../../schema";
import { changeOwnPassword, createUser, insertUser, updateUser } from "./users";
import { findUserByEmail, findUserById } from "../../access/users";
import { listUsers } from "../../queries/admin/users";

const ctx = setUpTestDb();

describe("users", () => {
  it("stores a normalised email and an argon2id hash, never the password", async () => {
    const user = await insertUser({ email: "  Dana.Lee@Example.TEST ", name: "Dana Lee", role: "viewer", password: TEST_PASSWORD });
    expect(user.email).toBe("dana.lee@example.test");
    const row = (await findUserByEmail("DANA.LEE@example.test"))!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong-password-1234")).toBe(false);
  });

  it("refuses a duplicate email with 409", async () => {
    const error = await rejected(() => insertUser({ email: ctx.responder.email.toUpperCase(), name: "Again", role: "viewer", password: TEST_PASSWORD }));
    expect(error.status).toBe(409);
  });

  it("refuses a short password", async () => {
    const error = await rejected(() => insertUser({ email: "short@example.test", name: "Short", role: "viewer", password: "short" }));
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty("password");
  });

  it("only admins create and list users", async () => {
    expect(
      (await rejected(() => createUser({ actor: ctx.responder.actor, input: { email: "x@example.test", name: "X", role: "viewer", password: TEST_PASSWORD } })))
        .status,
    ).toBe(403);
    expect((await thrown(() => listUsers({ actor: ctx.responder.actor }))).status).toBe(403);
    const created = await createUser({ actor: ctx.admin.actor, input: { email: "eve@example.test", name: "Eve", role: "responder", password: TEST_PASSWORD } });
    expect((await listUsers({ actor: ctx.admin.actor })).map((u) => u.email)).toContain("eve@example.test");
    expect((await listUsers({ actor: ctx.admin.actor }))[0]).not.toHaveProperty("passwordHash");
    const audit = await ctx.t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(created.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user.create", actorUserId: ctx.admin.id });
  });

  it("a role change bumps the session version; a name change does not", async () => {
    const person = await ctx.t.createUser("responder");
    const v1 = (await findUserById(person.id))!.sessionVersion;
    await updateUser({ actor: ctx.admin.actor, userId: person.id, input: { name: "Renamed" } });
    expect((await findUserById(person.id))!.sessionVersion).toBe(v1);
    const updated = await updateUser({ actor: ctx.admin.actor, userId: person.id, input: { role: "viewer" } });
    expect(updated.role).toBe("viewer");
    expect((await findUserById(person.id))!.sessionVersion).toBe(v1 + 1);
    const audit = (await auditsOf(ctx.t.db, "user.update")).at(-1)!;
    expect(JSON.parse(audit.before!)).toMatchObject({ role: "responder" });
    expect(JSON.parse(audit.after!)).toMatchObject({ role: "viewer" });
  });

  it("disabling bumps the session version", async () => {
    const person = await ctx.t.createUser("viewer");
    const v1 = (await findUserById(person.id))!.sessionVersion;
    expect((await updateUser({ actor: ctx.admin.actor, userId: person.id, input: { disabled: true } })).disabled).toBe(true);
    expect((await findUserById(person.id))!.sessionVersion).toBe(v1 + 1);
  });

  it("an admin cannot disable themself or drop their own admin role", async () => {
    const disable = await thrown(() => updateUser({ actor: ctx.admin.actor, userId: ctx.admin.id, input: { disabled: true } }));
    expect(disable).toBeInstanceOf(AppError);
    expect(disable.status).toBe(422);
    expect(disable.fields).toHaveProperty("disabled");
    const demote = await thrown(() => updateUser({ actor: ctx.admin.actor, userId: ctx.admin.id, input: { role: "responder" } }));
    expect(demote.fields).toHaveProperty("role");
    expect(await findUserById(ctx.admin.id)).toMatchObject({ role: "admin", disabled: false });
  });

  it("only admins change users; unknown users are 404", async () => {
    expect((await thrown(() => updateUser({ actor: ctx.responder.actor, userId: ctx.responder.id, input: { role: "admin" } }))).status).toBe(403);
    expect((await findUserById(ctx.responder.id))!.role).toBe("responder");
    expect((await thrown(() => updateUser({ actor: ctx.admin.actor, userId: 99_999, input: { role: "viewer" } }))).status).toBe(404);
    expect((await thrown(() => updateUser({ actor: ctx.admin.actor, userId: ctx.responder.id, input: { role: "owner" } }))).status).toBe(400);
  });

  it("changing your own password checks the current one and ends other sessions", async () => {
    const person = await ctx.t.createUser("responder");
    const v1 = (await findUserById(person.id))!.sessionVersion;
    const wrong = await rejected(() =>
      changeOwnPassword({
        actor: person.actor,
        input: { currentPassword: "not-it-at-all", newPassword: "a-new-long-passphrase", confirmPassword: "a-new-long-passphrase" },
      }),
    );
    expect(wrong.fields).toHaveProperty("currentPassword");
    const mismatch = await rejected(() =>
      changeOwnPassword({
        actor: person.actor,
        input: { currentPassword: TEST_PASSWORD, newPassword: "a-new-long-passphrase", confirmPassword: "different-passphrase" },
      }),
    );
    expect(mismatch.fields).toHaveProperty("confirmPassword");
    const version = await changeOwnPassword({
      actor: person.actor,
      input: { currentPassword: TEST_PASSWORD, newPassword: "a-new-long-passphrase", confirmPassword: "a-new-long-passphrase" },
    });
    expect(version).toBe(v1 + 1);
    expect(await verifyPassword((await findUserById(person.id))!.passwordHash, "a-new-long-passphrase")).toBe(true);
  });
});
