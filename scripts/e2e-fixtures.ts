// Fills a fresh database with the people and tokens the end-to-end and API tests sign in as.
import fs from "node:fs";
import path from "node:path";
import { ensureFirstAdmin } from "@/db/bootstrap";
import { insertUser } from "@/db/commands/admin/users";
import { insertToken } from "@/db/commands/admin/tokens";
import { closeDatabase, prepareDatabase } from "@/db/client";

export const E2E_PASSWORD = "correct-horse-battery-staple";

async function main() {
  const dir = process.env.HINDSIGHT_E2E_DIR;
  if (!dir) throw new Error("HINDSIGHT_E2E_DIR is not set");
  process.env.DATABASE_PATH = path.join(dir, "hindsight.db");
  process.env.HINDSIGHT_ADMIN_EMAIL = "admin@example.test";
  process.env.HINDSIGHT_ADMIN_PASSWORD = E2E_PASSWORD;
  // Migrations first (PostgreSQL when DATABASE_URL is set: the servers then find the schema in place).
  await prepareDatabase();
  await ensureFirstAdmin(() => {});
  const people = [
    { email: "responder@example.test", name: "Riley Responder", role: "responder" as const },
    { email: "responder2@example.test", name: "Sam Second", role: "responder" as const },
    { email: "viewer@example.test", name: "Vic Viewer", role: "viewer" as const },
  ];
  for (const person of people) await insertUser({ ...person, password: E2E_PASSWORD });
  const tokens = {
    admin: (await insertToken({ name: "e2e admin", role: "admin" })).token,
    responder: (await insertToken({ name: "e2e responder", role: "responder" })).token,
    viewer: (await insertToken({ name: "e2e viewer", role: "viewer" })).token,
  };
  const fixtures = {
    password: E2E_PASSWORD,
    users: { admin: "admin@example.test", responder: people[0]!.email, responder2: people[1]!.email, viewer: people[2]!.email },
    tokens,
  };
  fs.writeFileSync(path.join(dir, "fixtures.json"), JSON.stringify(fixtures, null, 2));
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
