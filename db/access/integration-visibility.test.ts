// An integration actor sees public incidents and private ones its own alerts went to: the SQL filter
// (visibleTo) and canReadIncident over incidentAccessFacts agree.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { canReadIncident } from "@/lib/policy";
import { setUpTestDb } from "../testing/test-db";
import { alerts, incidents, integrations } from "../schema";
import { findVisibleIncident, incidentAccessFacts } from "./incidents";
import { transaction } from "../transaction";

const ctx = setUpTestDb();

async function integrationRow(name: string) {
  const now = Date.now();
  return await transaction(
    async (tx) =>
      (
        await tx
          .insert(integrations)
          .values({ name, kind: "alertmanager", secretHash: `hash-${name}`, secretHint: "abcd", rules: "[]", createdAt: now, updatedAt: now })
          .returning()
      )[0]!,
  );
}

async function incident(isPrivate: boolean, alertFrom: number | null) {
  const now = Date.now();
  return await transaction(async (tx) => {
    const row = (
      await tx
        .insert(incidents)
        .values({
          title: "x",
          severity: "SEV3",
          status: "investigating",
          private: isPrivate,
          startedAt: now,
          startedAtSource: "alert",
          declaredAt: now,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    if (alertFrom !== null) {
      await tx.insert(alerts).values({
        integrationId: alertFrom,
        dedupKey: `k-${row.id}`,
        incidentId: row.id,
        status: "firing",
        action: "declare",
        severity: "SEV3",
        title: "x",
        labels: "{}",
        annotations: "{}",
        startsAt: now,
        firstSeenAt: now,
        lastSeenAt: now,
      });
    }
    return row;
  });
}

describe("integration actor visibility", () => {
  it("public always; private only with its own alerts; SQL and policy agree", async () => {
    const mine = await integrationRow("mine");
    const other = await integrationRow("other");
    const actor: Actor = { kind: "integration", integrationId: mine.id, name: "mine", role: "responder", integrationKind: "alertmanager" };
    const cases = [
      [await incident(false, null), true],
      [await incident(true, mine.id), true],
      [await incident(true, other.id), false],
      [await incident(true, null), false],
    ] as const;
    for (const [row, visible] of cases) {
      expect(Boolean(await findVisibleIncident(ctx.t.db, actor, row.id))).toBe(visible);
      expect(canReadIncident(actor, await incidentAccessFacts(ctx.t.db, actor, row))).toBe(visible);
    }
  });
});
