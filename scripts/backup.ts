// npm run backup -- FILE [--force] [--with-secret]
// A consistent copy of the database (DATABASE_PATH, else data/hindsight.db), safe while the server runs.
import { backupDatabase } from "@/db/ops/backup";
import { databasePath } from "@/db/client";
import { describeCounts } from "@/db/ops/database-check";
import { runFileCommand } from "./cli";

const USAGE = `Usage:
  npm run backup -- FILE [--force] [--with-secret]

Writes a consistent, checked copy of the database (DATABASE_PATH, else data/hindsight.db) to FILE,
also while the server runs. FILE is created with mode 0600.
  --force         replace FILE if it exists
  --with-secret   also copy the session secret (auth-secret) to FILE.auth-secret, so that
                  sessions stay signed in after restoring on another machine`;

runFileCommand(
  USAGE,
  process.argv.slice(2),
  { force: { type: "boolean" }, "with-secret": { type: "boolean" } },
  async (file, values) => {
    const source = databasePath();
    console.log(`Backing up ${source} …`);
    const result = await backupDatabase({ source, target: file, force: values.force === true, withSecret: values["with-secret"] === true });
    console.log(`Wrote ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, mode 0600) in ${(result.milliseconds / 1000).toFixed(1)} s.`);
    console.log(`integrity_check: ok`);
    console.log(`Contains ${describeCounts(result.counts)}.`);
    if (result.secret && "copiedTo" in result.secret) console.log(`Copied the session secret to ${result.secret.copiedTo} (mode 0600).`);
    if (result.secret && "skipped" in result.secret) console.log(`Did not copy the session secret: ${result.secret.skipped}.`);
  },
  (error) => `Backup failed: ${error.message}`,
);
