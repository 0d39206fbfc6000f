import "server-only";
import { asc } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { services } from "../../schema";

export type ServicePickerChoice = { id: number; slug: string; name: string; tier: number };

/**
 * The catalogue as pickers offer it (declare dialog, link a service, action items, list filters):
 * four columns of the services table, nothing computed from incidents, so its cost does not
 * grow with history. Every reader may list services, as with `listServices`.
 */
export async function listServicePickerChoices(_: { actor: Actor }): Promise<ServicePickerChoice[]> {
  return await getDb()
    .select({ id: services.id, slug: services.slug, name: services.name, tier: services.tier })
    .from(services)
    .orderBy(asc(services.tier), asc(services.name));
}
