import { notFound } from "@/lib/errors";

export type SloParams = { params: Promise<{ id: string }> };

/** An SLO id from the path: a positive whole number, else 404. */
export function sloIdFrom(value: string): number {
  const id = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("SLO");
  return id;
}
