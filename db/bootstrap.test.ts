import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "./testing/test-db";
import { ensureFirstAdmin, initialPasswordFile } from "./bootstrap";

let t: TestDb;

beforeAll(async () => {
  delete process.env.HINDSIGHT_ADMIN_PASSWORD;
  delete process.env.HINDSIGHT_ADMIN_EMAIL;
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe("first admin", () => {
  it("keeps a generated password in the file only, never in the output", async () => {
    const lines: string[] = [];
    const consoleLog = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await ensureFirstAdmin((line) => lines.push(line));
      const [, password] = fs.readFileSync(initialPasswordFile(), "utf8").split("\n");
      expect(password!.length).toBeGreaterThan(10);
      expect(fs.statSync(initialPasswordFile()).mode & 0o777).toBe(0o600);
      expect(lines.join("\n")).toContain(initialPasswordFile());
      expect(lines.join("\n")).not.toContain(password);
      expect(consoleLog.mock.calls.flat().join("\n")).not.toContain(password);
    } finally {
      consoleLog.mockRestore();
    }
  });
});
