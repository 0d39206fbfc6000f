// Fills the demo server's database ($HINDSIGHT_E2E_DIR/hindsight.db, run by scripts/e2e-server.mjs
// with HINDSIGHT_E2E_DIR pointing at its demo/ folder) with the demo data, after
// scripts/e2e-fixtures.ts put the test people and tokens there. The demo people join them.
import path from "node:path";
import { closeDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/demo/seed-demo";

async function main() {
  const dir = process.env.HINDSIGHT_E2E_DIR;
  if (!dir) throw new Error("HINDSIGHT_E2E_DIR is not set");
  process.env.DATABASE_PATH = path.join(dir, "hindsight.db");
  const started = Date.now();
  const result = await seedDemo({ log: () => {} });
  console.log(
    `[e2e] demo data in ${process.env.DATABASE_PATH}: ${result.incidents} incidents (${result.open} open, ${result.drills} drill${result.drills === 1 ? "" : "s"}), ` +
      `${result.teams} teams, ${result.services} services, ${result.actionItems} action items (${Date.now() - started} ms)`,
  );
}

main().then(
  async () => {
    await closeDatabase();
    process.exit(0);
  },
  (error: unknown) => {
    console.error("[e2e] demo seed failed:", error);
    process.exit(1);
  },
);
