import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "./client";
import { auditLog, users } from "./schema";
import { hashPassword } from "@/server/auth/password";
import { passwordProblem } from "@/lib/password-rules";
import { ensureDefaultPlaybooks } from "./seed/defaults/default-playbooks";
import { ensureDefaultFactors } from "./seed/defaults/default-factors";
import { dataDir, writeSecretFile } from "@/server/auth/data-dir";
import { env } from "@/server/env";
import { transaction } from "./transaction";

export const DEFAULT_ADMIN_EMAIL = "admin@hindsight.local";

export function initialPasswordFile() {
  return path.join(dataDir(), "initial-admin-password");
}

/**
 * On an empty database, creates the first admin: from HINDSIGHT_ADMIN_EMAIL and
 * HINDSIGHT_ADMIN_PASSWORD, or with a generated password saved only to
 * data/initial-admin-password (0600): never printed, so it stays out of logs. Never a fixed default password.
 */
export async function ensureFirstAdmin(log: (line: string) => void = console.log): Promise<void> {
  const db = getDb();
  if ((await db.select({ n: sql<number>`count(*)` }).from(users))[0]!.n > 0) return;
  const email = (env("HINDSIGHT_ADMIN_EMAIL") || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const given = env("HINDSIGHT_ADMIN_PASSWORD");
  if (given && passwordProblem(given)) {
    throw new Error(`HINDSIGHT_ADMIN_PASSWORD: ${passwordProblem(given)}`);
  }
  const password = given || randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const created = await transaction(async (tx) => {
    if ((await tx.select({ n: sql<number>`count(*)` }).from(users))[0]!.n > 0) return false;
    const now = Date.now();
    const user = (
      await tx.insert(users).values({ email, name: "Administrator", role: "admin", passwordHash, createdAt: now, updatedAt: now }).returning({ id: users.id })
    )[0]!;
    await tx.insert(auditLog).values({
      at: now,
      actorLabel: "system",
      action: "user.create",
      entityType: "user",
      entityId: String(user.id),
      after: JSON.stringify({ email, role: "admin", firstRun: true }),
    });
    return true;
  });
  if (!created) return;
  await ensureDefaultPlaybooks(db);
  await ensureDefaultFactors(db);
  if (given) {
    log(`[hindsight] Created the first admin ${email} with the password from HINDSIGHT_ADMIN_PASSWORD.`);
    return;
  }
  writeSecretFile(initialPasswordFile(), `${email}\n${password}\n`);
  log(`[hindsight] Created the first admin account ${email}; its password is in ${initialPasswordFile()} (readable only by you; change it after signing in).`);
}

export function initialAdminHint(): string | null {
  try {
    const [email] = fs.readFileSync(initialPasswordFile(), "utf8").split("\n");
    return `Sign in as ${email} with the password in ${initialPasswordFile()}`;
  } catch {
    return null;
  }
}
