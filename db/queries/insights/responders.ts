import "server-only";
import { sql } from "drizzle-orm";
import { ratio } from "@/lib/insights/ratio";
import type { InsightsReport } from "@/lib/insights/types";
import { users } from "../../schema";
import type { Scan } from "./fact-scope";
import type { InsightsContext } from "./scope";
import { binaryCompare } from "./services";
import { rows } from "../../sql";

const PEOPLE_LISTED = 20;

/** Incidents per person holding any role on them, and the share declared out of hours. */
export async function responderFigures(ctx: InsightsContext, scan: Scan): Promise<InsightsReport["responders"]> {
  const people = new Map<number, { n: number; ooh: number }>();
  let n = 0;
  let ooh = 0;
  for (let r = 0; r < scan.n; r++) {
    if (scan.drill[r] || scan.period[r] !== 0) continue;
    n++;
    ooh += scan.ooh[r]!;
    const { start, ids } = scan.responders;
    for (let k = start[r]!; k < start[r + 1]!; k++) {
      const person = people.get(ids[k]!) ?? { n: 0, ooh: 0 };
      person.n++;
      person.ooh += scan.ooh[r]!;
      people.set(ids[k]!, person);
    }
  }
  const names = new Map((await rows<{ id: number; name: string }>(sql`SELECT id, name FROM ${users}`, ctx.db)).map((u) => [u.id, u.name]));
  const ranked = [...people]
    .flatMap(([userId, p]) => (names.has(userId) ? [{ userId, name: names.get(userId)!, ...p }] : []))
    .sort((a, b) => b.n - a.n || b.ooh - a.ooh || binaryCompare(a.name, b.name) || a.userId - b.userId)
    .slice(0, PEOPLE_LISTED);
  return {
    outOfHours: ratio(ooh, n),
    people: ranked.map((p) => ({ userId: p.userId, name: p.name, incidents: p.n, outOfHours: p.ooh, outOfHoursRate: p.n ? p.ooh / p.n : null })),
  };
}
