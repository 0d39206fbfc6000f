import "server-only";
import { eq } from "drizzle-orm";
import { REVIEW_CHECKLIST, SECTION_KEYS, type PostmortemSectionKey, type ReviewCheckKey } from "@/lib/postmortem-template";
import { postmortems, type Postmortem } from "../../schema";
import type { Reader } from "../../types";

/** The incident's postmortem row (no access check: callers check the incident first). */
export async function findPostmortemRow(db: Reader, incidentId: number): Promise<Postmortem | undefined> {
  return (await db.select().from(postmortems).where(eq(postmortems.incidentId, incidentId)))[0];
}

// ── Stored JSON ─────────────────────────────────────────────────────────────

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every template section, "" for the ones not written. */
export function parseSections(text: string): Record<PostmortemSectionKey, string> {
  const stored = parseObject(text);
  return Object.fromEntries(SECTION_KEYS.map((key) => [key, typeof stored[key] === "string" ? stored[key] : ""])) as Record<PostmortemSectionKey, string>;
}

export function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Every review question, false for the ones not ticked. */
export function parseChecklist(text: string): Record<ReviewCheckKey, boolean> {
  const stored = parseObject(text);
  return Object.fromEntries(REVIEW_CHECKLIST.map(({ key }) => [key, stored[key] === true])) as Record<ReviewCheckKey, boolean>;
}
