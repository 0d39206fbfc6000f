// npm run db:copy -- --from data/hindsight.db --to postgres://…
// Moves an installation from SQLite to PostgreSQL: every table, checked by counts and checksums.
import { copyDatabase, CopyMismatch, rowsText } from "@/db/ops/copy/copy-database";
import { CopyRefused } from "@/db/ops/copy/copy-errors";
import { describeMismatches, formatComparison } from "@/db/ops/copy/copy-report";
import { describeUrl } from "@/db/ops/copy/pg-target";
import { parseCommandLine, UsageError } from "./cli";

const USAGE = `Usage:
  npm run db:copy -- --from FILE --to postgres://USER:PASSWORD@HOST:PORT/DATABASE

Copies the Hindsight SQLite database FILE into the PostgreSQL database, which must hold no rows
(a new database; the PostgreSQL migrations are applied to it first). Every table is copied in one
PostgreSQL transaction, then both sides' row counts and checksums are printed and compared: on any
difference nothing is kept. Stop the server first: the copy reads one consistent snapshot, so
anything written after it started would not be in PostgreSQL.
Exit code 0 when the copy matches, 1 when it was refused or did not match, 2 for bad arguments.`;

async function main(argv: string[]): Promise<number> {
  let from: string;
  let to: string;
  try {
    const { values, positionals } = parseCommandLine(argv, { from: { type: "string" }, to: { type: "string" } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
    if (!values.from) throw new UsageError("Missing --from FILE (the SQLite database, e.g. data/hindsight.db)");
    if (!values.to) throw new UsageError("Missing --to postgres://… (the empty PostgreSQL database)");
    from = values.from as string;
    to = values.to as string;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  console.log(`Copying ${from} to ${describeUrl(to)} …`);
  try {
    const result = await copyDatabase({ from, to, onProgress: (line) => console.log(line) });
    console.log(`\n${formatComparison(result.tables)}\n`);
    if (result.identities.length) {
      console.log(`New ids continue after the copied ones: ${result.identities.map((r) => `${r.table}.${r.column} at ${r.next}`).join(", ")}.`);
    }
    console.log(
      `Copied ${rowsText(result.rows)} in ${result.tables.length} tables in ${(result.milliseconds / 1000).toFixed(1)} s: ` +
        `row counts and checksums match. Set DATABASE_URL to ${describeUrl(to)} and start Hindsight.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CopyMismatch) {
      console.error(`\n${formatComparison(error.tables)}\n`);
      for (const line of describeMismatches(error.tables)) console.error(`MISMATCH ${line}`);
      console.error(`Copy failed: ${error.message}. Nothing was kept: the PostgreSQL tables are empty.`);
    } else if (error instanceof CopyRefused) {
      console.error(`Copy refused: ${error.message}`);
    } else {
      console.error(`Copy failed: ${(error as Error).message}. Nothing was kept: the PostgreSQL tables are empty.`);
    }
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
