import { z } from "zod";
import type { IncidentStatus } from "../incident-status";
import type { Severity } from "../severity";

export const SEARCH_QUERY_MAX = 100;
export const SEARCH_LIMIT_MAX = 20;
export const SEARCH_LIMIT_DEFAULT = 5;

/** `GET /api/v1/search?q=&limit=`: what the command palette sends as you type. */
export const searchSchema = z.object({
  q: z
    .string({ error: "Required: the text to search for" })
    .trim()
    .min(1, "Required: the text to search for")
    .max(SEARCH_QUERY_MAX, `Must be at most ${SEARCH_QUERY_MAX} characters`),
  limit: z.coerce
    .number({ error: "Must be a number" })
    .int("Must be a whole number")
    .min(1, "Must be at least 1")
    .max(SEARCH_LIMIT_MAX, `Must be at most ${SEARCH_LIMIT_MAX}`)
    .default(SEARCH_LIMIT_DEFAULT),
});

export type SearchInput = z.infer<typeof searchSchema>;

/** What `GET /api/v1/search` answers; the command palette reads it. */
export type SearchResults = {
  incidents: { reference: string; title: string; severity: Severity; status: IncidentStatus }[];
  services: { slug: string; name: string }[];
  people: { id: number; name: string; email: string }[];
};

/** "INC-12", "inc12" or "12" → 12: the palette's reference match. */
export function referenceNumber(q: string): number | null {
  const match = /^(?:inc-?)?(\d{1,12})$/i.exec(q.trim());
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
