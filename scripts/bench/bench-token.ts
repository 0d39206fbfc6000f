// Creates an API token in the database the environment names (DATABASE_URL, else DATABASE_PATH), on either
// engine, and prints it as the last line: the war room and the alert burst on PostgreSQL
// (`npm run token` serves SQLite installations).
//   tsx --conditions=react-server scripts/bench/bench-token.ts ROLE NAME
import { closeDatabase, prepareDatabase } from "@/db/client";
import { insertToken } from "@/db/commands/admin/tokens";
import type { UserRole } from "@/lib/roles";

async function main() {
  const [role, name] = process.argv.slice(2);
  if (!role || !name) throw new Error("usage: bench-token.ts ROLE NAME");
  await prepareDatabase();
  try {
    const token = await insertToken({ name, role: role as UserRole });
    console.log(token.token);
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
