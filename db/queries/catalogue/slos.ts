import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { getDb } from "../../client";
import { slos, type Slo } from "../../schema";

export type { Slo };
import { findServiceBySlug } from "../../access/services";

/** A service's SLOs, oldest first; every reader may see them. */
export async function listSlos({ slug }: { actor: Actor; slug: string }): Promise<Slo[]> {
  const db = getDb();
  const service = await findServiceBySlug(db, slug);
  if (!service) throw notFound("Service");
  return await db.select().from(slos).where(eq(slos.serviceId, service.id)).orderBy(slos.id);
}

/** One SLO (every reader may see SLOs); 404 when there is none. */
export async function getSlo({ id }: { actor: Actor; id: number }): Promise<Slo> {
  const slo = (await getDb().select().from(slos).where(eq(slos.id, id)))[0];
  if (!slo) throw notFound("SLO");
  return slo;
}
