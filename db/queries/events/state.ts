import "server-only";
import { eq } from "drizzle-orm";
import { users, type Incident } from "../../schema";
import type { Reader } from "../../types";
import { findPostmortemRow } from "../postmortems/stored";
import { incidentPostmortemDue } from "../postmortems/due";
import type { PostmortemState } from "./types";

/** What the incident page's postmortem card shows to any reader of the incident (the caller checked access); null before one is started. */
export async function postmortemStateOf(db: Reader, incident: Incident, now = Date.now()): Promise<PostmortemState | null> {
  const row = await findPostmortemRow(db, incident.id);
  if (!row) return null;
  const due = await incidentPostmortemDue(db, incident, row.status, now);
  if (row.status !== "published") return { status: row.status, version: row.version, due };
  const owner = row.ownerId === null ? undefined : (await db.select({ name: users.name }).from(users).where(eq(users.id, row.ownerId)))[0];
  return { status: row.status, version: row.version, updatedAt: row.updatedAt, ownerName: owner?.name ?? null, due };
}
