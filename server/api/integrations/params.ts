import "server-only";
import { notFound } from "@/lib/errors";

/** A numeric path id, or the 404 of `what`. */
export async function numericParam(params: Promise<Record<string, string>>, name: string, what: string): Promise<number> {
  const raw = (await params)[name] ?? "";
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound(what);
  return id;
}
