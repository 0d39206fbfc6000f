import "server-only";
import { eq } from "drizzle-orm";
import { validationFailed } from "@/lib/errors";
import { services } from "../../schema";
import type { Reader } from "../../types";
import { personFrom } from "../../access/people";

/** The owner, an active user by id or email, else a 400 naming the field the caller used. */
export async function activeOwner(db: Reader, data: { ownerId?: number; ownerEmail?: string }): Promise<{ id: number; name: string }> {
  const owner = await personFrom(db, { id: data.ownerId, email: data.ownerEmail }, { id: "ownerId", email: "ownerEmail" });
  if (!owner) throw validationFailed({ ownerId: "Owner is required" });
  return owner;
}

/** The service named by id or slug (null clears it), else a 400 naming the field used; undefined when not given. */
export async function existingService(db: Reader, data: { serviceId?: number | null; service?: string | null }): Promise<number | null | undefined> {
  if (data.service !== undefined && data.service !== null) {
    const found = (await db.select({ id: services.id }).from(services).where(eq(services.slug, data.service)))[0];
    if (!found) throw validationFailed({ service: "No service with this slug" });
    return found.id;
  }
  if (data.serviceId !== undefined && data.serviceId !== null) {
    if (!(await db.select({ id: services.id }).from(services).where(eq(services.id, data.serviceId)))[0]) {
      throw validationFailed({ serviceId: "No service with this id" });
    }
    return data.serviceId;
  }
  return data.service === null || data.serviceId === null ? null : undefined;
}
