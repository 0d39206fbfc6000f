import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { createTestDb, type TestDb } from "./testing/test-db";
import { services } from "./schema";
import { staleError, updateVersioned } from "./versioned";
import { transaction } from "./transaction";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

async function addService() {
  return await transaction(
    async (tx) =>
      (
        await tx
          .insert(services)
          .values({ slug: `svc-${Date.now()}-${Math.random()}`, name: "Checkout", tier: 1, createdAt: 1, updatedAt: 1 })
          .returning()
      )[0]!,
  );
}

describe("updateVersioned", () => {
  it("writes the change, bumps the version and stamps updatedAt", async () => {
    const row = await addService();
    const updated = await transaction((tx) => updateVersioned(tx, services, row, { name: "Payments" }, 500, () => staleError("service", row.version)));
    expect(updated).toMatchObject({ name: "Payments", version: row.version + 1, updatedAt: 500 });
  });

  it("of two writers holding the same version, only the first succeeds; the second gets the stale error", async () => {
    const row = await addService();
    await transaction((tx) => updateVersioned(tx, services, row, { name: "First" }, 2, () => staleError("service", row.version)));
    const current = (await t.db.select().from(services).where(eq(services.id, row.id)))[0]!;
    let error: unknown;
    try {
      await transaction((tx) => updateVersioned(tx, services, row, { name: "Second" }, 3, () => staleError("service", current.version, current)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).fields).toEqual({ version: "Stale version" });
    expect((error as AppError).message).toBe("This service was changed by someone else (now version 2). Review the current state and try again.");
    expect((error as AppError).toJSON()).toMatchObject({ current: { name: "First", version: 2 } });
    expect((await t.db.select().from(services).where(eq(services.id, row.id)))[0]!.name).toBe("First");
  });
});
