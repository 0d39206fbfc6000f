// npm run restore -- FILE
// Replaces the database (DATABASE_PATH, else data/hindsight.db) with a backup; the server must be stopped.
import { parseArgs } from "node:util";
import { databasePath } from "@/db/client";
import { describeCounts } from "@/db/database-check";
import { RestoreError, restoreDatabase } from "@/db/restore";

const USAGE = `Usage:
  npm run restore -- FILE

Replaces the database (DATABASE_PATH, else data/hindsight.db) with the backup FILE. Stop the server
first: restore refuses while a process has the database open. The backup is verified before
anything changes, and the replaced database is kept beside it as hindsight.db.replaced-<time>.
When FILE.auth-secret exists (npm run backup -- FILE --with-secret), it becomes the session secret.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError("Missing the backup FILE");
    if (positionals.length > 1) throw new UsageError(`Unexpected argument: ${positionals.slice(1).join(" ")}`);
    const result = await restoreDatabase({ backup: positionals[0]!, target: databasePath() });
    console.log(`Verified ${positionals[0]}: integrity_check ok, ${describeCounts(result.counts)}.`);
    if (result.replacedAs) console.log(`Kept the replaced database as ${result.replacedAs}.`);
    if (result.walNote) console.log(`Note: ${result.walNote}.`);
    console.log(`Restored ${result.target}. Start the server to use it (pending migrations are applied at start).`);
    if (result.secret?.unchanged) console.log(`The session secret in the backup is the one already in ${result.secret.installed}.`);
    else if (result.secret) {
      console.log(`Installed the session secret from the backup as ${result.secret.installed}` + (result.secret.previousAs ? ` (the previous one is ${result.secret.previousAs}).` : "."));
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`Restore ${error instanceof RestoreError ? "refused" : "failed"}: ${(error as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
