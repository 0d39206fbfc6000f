import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { getDb } from "../../client";
import { slos, type Slo } from "../../schema";

export type { Slo };
import { findServiceBySlug } from "../../access/services";

/** A service's SLOs, oldest first; every reader may see them. */
export function listSlos({ slug }: { actor: Actor; slug: string }): Slo[] {
  const db = getDb();
  const service = findServiceBySlug(db, slug);
  if (!service) throw notFound("Service");
  return db.select().from(slos).where(eq(slos.serviceId, service.id)).orderBy(slos.id).all();
}

/** One SLO (every reader may see SLOs); 404 when there is none. */
export function getSlo({ id }: { actor: Actor; id: number }): Slo {
  const slo = getDb().select().from(slos).where(eq(slos.id, id)).get();
  if (!slo) throw notFound("SLO");
  return slo;
}
