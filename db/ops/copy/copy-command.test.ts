// The command itself: what it prints and its exit codes (0 copied, 1 refused or mismatched, 2 bad arguments).
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresAvailable, setUpCopyTest } from "@/db/testing/copy-cluster";

function dbCopy(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return new Promise((resolve) => {
    execFile(tsx, ["--conditions=react-server", "scripts/db-copy.ts", ...args], { cwd: process.cwd() }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!postgresAvailable)("the db:copy command", { timeout: 120_000 }, () => {
  const ctx = setUpCopyTest("copy-command");

  it("copies, prints both sides per table and a summary, exits 0; a second run is refused with exit 1", async () => {
    const url = new URL(await ctx.newDatabase());
    url.password = "s3cret";

    const copied = await dbCopy(["--from", ctx.source, "--to", url.toString()]);
    expect(copied.stderr).toBe("");
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/^table\s+SQLite rows\s+PostgreSQL rows\s+SQLite checksum\s+PostgreSQL checksum$/m);
    expect(copied.stdout).toMatch(/^incidents\s+4\s+4\s+([0-9a-f]{16})\s+\1\s+ok$/m);
    expect(copied.stdout).toMatch(/^New ids continue after the copied ones: .*\bincidents\.id at 6, .*timeline_entries\.id at 13, users\.id at 3\.$/m);
    expect(copied.stdout).toMatch(/^Copied \d+ rows in \d+ tables in [\d.]+ s: row counts and checksums match\./m);
    expect(copied.stdout).not.toContain("s3cret");

    const again = await dbCopy(["--from", ctx.source, "--to", url.toString()]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Copy refused: --to: the database already holds rows/);
  });

  it("exits 2 with the usage for missing arguments and 1 for a URL that is not PostgreSQL", async () => {
    const missing = await dbCopy(["--from", ctx.source]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Missing --to postgres:\/\/… .*\n\nUsage:\n {2}npm run db:copy -- --from FILE --to postgres:/);
    const mysql = await dbCopy(["--from", ctx.source, "--to", "mysql://root@127.0.0.1/hindsight"]);
    expect(mysql.code).toBe(1);
    expect(mysql.stderr).toBe("Copy refused: --to: mysql://root@127.0.0.1/hindsight is not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)\n");
  });
});
