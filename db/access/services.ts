import "server-only";
import { eq } from "drizzle-orm";
import { services, type Service } from "../schema";
import type { Reader } from "../types";

export type ServiceLink = { label: string; url: string };

export async function findServiceBySlug(db: Reader, slug: string): Promise<Service | undefined> {
  return (await db.select().from(services).where(eq(services.slug, slug.trim().toLowerCase())))[0];
}

/** A service's stored links (JSON); unreadable counts as none. */
export function parseLinks(json: string): ServiceLink[] {
  try {
    return JSON.parse(json) as ServiceLink[];
  } catch {
    return [];
  }
}

/** A service in API shape, links parsed (also what a 409 carries as `current`). */
export const withLinks = (service: Service) => ({ ...service, links: parseLinks(service.links) });
