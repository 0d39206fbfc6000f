// npm run seed:demo — fills an EMPTY database (DATABASE_PATH, default data/hindsight.db) with demo
// people and ~40 incidents over the last six months. Refuses if any incident exists.
import { closeDatabase, databaseDescription, prepareDatabase } from "@/db/client";
import { initialAdminHint } from "@/db/bootstrap";
import { DemoSeedRefused, seedDemo } from "@/db/seed/demo/seed-demo";
import { DEMO_ALERT_TOKEN } from "@/db/seed/demo/people";
import { env } from "@/server/env";

async function main() {
  await prepareDatabase();
  const file = databaseDescription();
  console.log(`[seed:demo] Database: ${file}`);
  const result = await seedDemo();
  const created = result.people.filter((p) => p.created);
  const byRole = (role: string) => created.filter((p) => p.role === role).length;
  const url = `http://localhost:${process.env.PORT || 3000}/signin`;
  console.log("");
  console.log(`[seed:demo] Added ${created.length} people (${byRole("admin")} admin, ${byRole("responder")} responders, ${byRole("viewer")} viewers).`);
  console.log(
    `[seed:demo] Added ${result.incidents} incidents over the last 6 months: ${result.open} still open, ${result.private} private, ${result.drills} drill; ${result.timelineEntries} timeline entries.`,
  );
  if (result.alertDeclared > 0) {
    console.log(
      `[seed:demo] ${result.alertDeclared} of them were declared by the alerting integration (API token "${DEMO_ALERT_TOKEN.name}") and acknowledged when the on-call person took command.`,
    );
  }
  console.log("");
  console.log(`[seed:demo] Sign in at ${url} as any of these, with the password ${result.password}`);
  const width = Math.max(...result.people.map((p) => p.email.length));
  for (const person of result.people) {
    const note = person.created ? "" : "  (already existed; password unchanged)";
    console.log(`[seed:demo]   ${person.email.padEnd(width)}  ${person.role.padEnd(9)}  ${person.name}${note}`);
  }
  if (result.private > 0) {
    console.log(`[seed:demo] ${result.private} incidents are private (security): only admins and the responders on them can see them.`);
  }
  const adminHint = initialAdminHint();
  if (adminHint) console.log(`[seed:demo] First admin: ${adminHint}`);
  else if (env("HINDSIGHT_ADMIN_EMAIL")) console.log(`[seed:demo] First admin: ${env("HINDSIGHT_ADMIN_EMAIL")} with HINDSIGHT_ADMIN_PASSWORD.`);
}

main().then(
  async () => {
    await closeDatabase();
    process.exit(0);
  },
  (error: unknown) => {
    if (error instanceof DemoSeedRefused) {
      console.error(`[seed:demo] ${error.message}`);
    } else {
      console.error("[seed:demo] Failed:", error);
    }
    process.exit(1);
  },
);
