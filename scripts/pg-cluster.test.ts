import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findPgBin, startCluster, stopCluster } from "./pg-cluster.mjs";

const bin = findPgBin();
const suite = bin ? describe : describe.skip;

async function serverSays(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT current_setting('max_connections') AS max, current_setting('fsync') AS fsync, current_setting('listen_addresses') AS listen",
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

suite(`scripts/pg-cluster.mjs${bin ? "" : " (skipped: no PostgreSQL binaries found)"}`, () => {
  it("starts two throwaway clusters at once on their own ports and directories, and removes each on stop", async () => {
    const [a, b] = await Promise.all([startCluster(), startCluster()]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.dir).not.toBe(b.dir);
      expect(a.url).toBe(`postgres://postgres@127.0.0.1:${a.port}/postgres`);
      expect(await serverSays(a.url)).toEqual({ max: "300", fsync: "off", listen: "127.0.0.1" });
      expect(await serverSays(b.url)).toEqual({ max: "300", fsync: "off", listen: "127.0.0.1" });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect([fs.existsSync(a.dir), fs.existsSync(b.dir)]).toEqual([false, false]);
  }, 120_000);

  it("works from the command line: start prints {url, dir, port, bin}, stop <dir> stops it", async () => {
    const script = path.join(process.cwd(), "scripts", "pg-cluster.mjs");
    const info = JSON.parse(execFileSync(process.execPath, [script, "start"], { encoding: "utf8" }));
    expect(Object.keys(info).sort()).toEqual(["bin", "dir", "port", "url"]);
    expect((await serverSays(info.url)).max).toBe("300");
    execFileSync(process.execPath, [script, "stop", info.dir]);
    expect(fs.existsSync(info.dir)).toBe(false);
  }, 120_000);

  it("refuses to delete a directory it did not make", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "not-a-cluster-"));
    try {
      await expect(stopCluster(dir)).rejects.toThrow(/is not a cluster made by pg-cluster\.mjs/);
      expect(fs.existsSync(dir)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
