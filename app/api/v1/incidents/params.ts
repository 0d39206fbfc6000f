import { notFound } from "@/lib/errors";
import { parseReference } from "@/lib/validation/incident";

export type IncidentParams = { params: Promise<{ ref: string }> };
export type TimelineEntryParams = { params: Promise<{ ref: string; id: string }> };

/** "INC-42" → 42; anything that is not a reference is a 404, like an incident that does not exist. */
export function incidentIdFrom(ref: string): number {
  const id = parseReference(ref);
  if (id === null) throw notFound();
  return id;
}

/** A timeline entry id from the path: a positive whole number, else 404. */
export function entryIdFrom(value: string): number {
  const id = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("Timeline entry");
  return id;
}

/** Query parameters as a plain object; empty values count as not given (`?status=` means any status). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "" && !(key in query)) query[key] = value;
  return query;
}
