// The contributing-factor taxonomy a new installation starts with (DESIGN.md); admins edit it.
// No "server-only" imports here: db/bootstrap.ts (run from instrumentation.ts and scripts) calls it.
import { DEFAULT_FACTORS } from "@/lib/postmortem-template";
import type { Db } from "../../client";
import { contributingFactors } from "../../schema";
import { insertIfEmpty } from "./insert-if-empty";

/**
 * On a database without any contributing factor, creates the defaults. Does nothing once any
 * factor exists (archived ones included), so an admin's edits stay. Returns how many it created.
 */
export async function ensureDefaultFactors(db: Db, now = Date.now()): Promise<number> {
  return await insertIfEmpty(db, contributingFactors, async (tx) => {
    for (const factor of DEFAULT_FACTORS) {
      await tx.insert(contributingFactors).values({ name: factor.name, description: factor.description, createdAt: now }).onConflictDoNothing();
    }
    return DEFAULT_FACTORS.length;
  });
}
