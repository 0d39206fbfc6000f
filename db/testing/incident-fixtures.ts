// Small helpers the incident and catalogue tests share (on top of setUpTestDb in test-db.ts).
import { beforeAll } from "vitest";
import { and, eq } from "drizzle-orm";
import type { UserRole } from "@/lib/roles";
import type { Db } from "../client";
import { timelineEntries, type TimelineEntry } from "../schema";
import type { TestContext, TestUser } from "./test-db";

/** More people for a test file, made after setUpTestDb's three: `const more = moreUsers(ctx, { helper: "responder" })`. */
export function moreUsers<K extends string>(ctx: TestContext, roles: Record<K, UserRole>): Record<K, TestUser> {
  const made = {} as Record<K, TestUser>;
  beforeAll(async () => {
    for (const [key, role] of Object.entries(roles) as [K, UserRole][]) made[key] = await ctx.t.createUser(role);
  });
  return made;
}

/** An incident's timeline entries of one kind, oldest first. */
export async function entriesOfKind(db: Db, incidentId: number, kind: TimelineEntry["kind"]): Promise<TimelineEntry[]> {
  return await db
    .select()
    .from(timelineEntries)
    .where(and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.kind, kind)))
    .orderBy(timelineEntries.id);
}
