import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { getDb } from "../../client";
import { playbooks, services } from "../../schema";
import { findPlaybook, playbookDetails, type PlaybookDetail, type PlaybookServiceView } from "../../access/playbooks";

export type { PlaybookDetail, PlaybookItemView, PlaybookServiceView } from "../../access/playbooks";

/** Every playbook, enabled first, then by name. Anyone signed in may read them. */
export async function listPlaybooks({ actor }: { actor: Actor }): Promise<PlaybookDetail[]> {
  void actor;
  const db = getDb();
  return playbookDetails(
    db,
    await db
      .select()
      .from(playbooks)
      .orderBy(sql`${playbooks.enabled} DESC`, asc(playbooks.name), asc(playbooks.id)),
  );
}

export async function getPlaybook({ actor, playbookId }: { actor: Actor; playbookId: number }): Promise<PlaybookDetail> {
  void actor;
  const found = await findPlaybook(getDb(), playbookId);
  if (!found) throw notFound("Playbook");
  return found;
}

/** The services a playbook can name, for the admin form. */
export async function listServiceChoices({ actor }: { actor: Actor }): Promise<PlaybookServiceView[]> {
  requirePermission(actor, "playbook", "manage");
  return await getDb().select({ id: services.id, slug: services.slug, name: services.name }).from(services).orderBy(asc(services.name));
}
