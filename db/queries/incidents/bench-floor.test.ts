import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDb } from "../../testing/test-db";
import { declareIncident } from "../../commands/incidents/declare";
import { BENCH_FLOOR_ROWS, benchFloorRows } from "./bench-floor";

const ctx = setUpTestDb();
let privateId = 0;

beforeAll(async () => {
  for (let n = 1; n <= BENCH_FLOOR_ROWS + 5; n++) {
    await declareIncident({ actor: ctx.responder.actor, input: { title: `Incident ${n}`, severity: "SEV3" } });
  }
  privateId = (await declareIncident({ actor: ctx.admin.actor, input: { title: "Secret rotation", severity: "SEV2", private: true } })).incident.id;
});

describe("benchFloorRows", () => {
  it("reads the 50 newest incidents the actor may see, newest first", async () => {
    const rows = await benchFloorRows({ actor: ctx.admin.actor });
    expect(rows).toHaveLength(BENCH_FLOOR_ROWS);
    expect(rows[0]!.id).toBe(privateId);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
  });

  it("leaves out private incidents the actor may not see", async () => {
    const rows = await benchFloorRows({ actor: ctx.viewer.actor });
    expect(rows).toHaveLength(BENCH_FLOOR_ROWS);
    expect(rows.some((r) => r.id === privateId)).toBe(false);
    expect(rows[0]!.title).toBe(`Incident ${BENCH_FLOOR_ROWS + 5}`);
  });
});
