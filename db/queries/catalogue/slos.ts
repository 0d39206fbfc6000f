import "server-only";
import { eq } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import { getDb } from "../../client";
import { slos, type Slo } from "../../schema";

export type { Slo };
import { findServiceBySlug } from "../../access/services";

/** A service's SLOs, oldest first; every reader may see them. */
export function listSlos({ slug }: { slug: string }): Slo[] {
  const db = getDb();
  const service = findServiceBySlug(db, slug);
  if (!service) throw notFound("Service");
  return db.select().from(slos).where(eq(slos.serviceId, service.id)).orderBy(slos.id).all();
}

export function getSlo(id: number): Slo | undefined {
  return getDb().select().from(slos).where(eq(slos.id, id)).get();
}
