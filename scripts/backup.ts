// npm run backup -- FILE [--force] [--with-secret]
// A consistent copy of the database (DATABASE_PATH, else data/hindsight.db), safe while the server runs.
import { parseArgs } from "node:util";
import { BackupError, backupDatabase } from "@/db/backup";
import { databasePath } from "@/db/client";
import { describeCounts } from "@/db/database-check";

const USAGE = `Usage:
  npm run backup -- FILE [--force] [--with-secret]

Writes a consistent, checked copy of the database (DATABASE_PATH, else data/hindsight.db) to FILE,
also while the server runs. FILE is created with mode 0600.
  --force         replace FILE if it exists
  --with-secret   also copy the session secret (auth-secret) to FILE.auth-secret, so that
                  sessions stay signed in after restoring on another machine`;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { force: { type: "boolean" }, "with-secret": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
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
    const source = databasePath();
    console.log(`Backing up ${source} …`);
    const result = await backupDatabase({ source, target: positionals[0]!, force: values.force, withSecret: values["with-secret"] });
    console.log(`Wrote ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, mode 0600) in ${(result.milliseconds / 1000).toFixed(1)} s.`);
    console.log(`integrity_check: ok`);
    console.log(`Contains ${describeCounts(result.counts)}.`);
    if (result.secret && "copiedTo" in result.secret) console.log(`Copied the session secret to ${result.secret.copiedTo} (mode 0600).`);
    if (result.secret && "skipped" in result.secret) console.log(`Did not copy the session secret: ${result.secret.skipped}.`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof BackupError) {
      console.error(`Backup failed: ${error.message}`);
      return 1;
    }
    console.error(`Backup failed: ${(error as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
