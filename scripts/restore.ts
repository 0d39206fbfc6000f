// npm run restore -- FILE
// Replaces the database (DATABASE_PATH, else data/hindsight.db) with a backup; the server must be stopped.
import { databasePath } from "@/db/client";
import { describeCounts } from "@/db/ops/database-check";
import { RestoreError, restoreDatabase } from "@/db/ops/restore";
import { runFileCommand } from "./cli";

const USAGE = `Usage:
  npm run restore -- FILE

Replaces the database (DATABASE_PATH, else data/hindsight.db) with the backup FILE. Stop the server
first: restore refuses while a process has the database open. The backup is verified before
anything changes, and the replaced database is kept beside it as hindsight.db.replaced-<time>.
When FILE.auth-secret exists (npm run backup -- FILE --with-secret), it becomes the session secret.`;

runFileCommand(
  USAGE,
  process.argv.slice(2),
  {},
  async (file) => {
    const result = await restoreDatabase({ backup: file, target: databasePath() });
    console.log(`Verified ${file}: integrity_check ok, ${describeCounts(result.counts)}.`);
    if (result.replacedAs) console.log(`Kept the replaced database as ${result.replacedAs}.`);
    if (result.walNote) console.log(`Note: ${result.walNote}.`);
    console.log(`Restored ${result.target}. Start the server to use it (pending migrations are applied at start).`);
    if (result.secret?.unchanged) console.log(`The session secret in the backup is the one already in ${result.secret.installed}.`);
    else if (result.secret) {
      console.log(
        `Installed the session secret from the backup as ${result.secret.installed}` +
          (result.secret.previousAs ? ` (the previous one is ${result.secret.previousAs}).` : "."),
      );
    }
  },
  (error) => `Restore ${error instanceof RestoreError ? "refused" : "failed"}: ${error.message}`,
);
