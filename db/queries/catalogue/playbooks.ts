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
export function listPlaybooks({ actor }: { actor: Actor }): PlaybookDetail[] {
  void actor;
  const db = getDb();
  return playbookDetails(
    db,
    db
      .select()
      .from(playbooks)
      .orderBy(sql`${playbooks.enabled} DESC`, asc(playbooks.name), asc(playbooks.id))
      .all(),
  );
}

export function getPlaybook({ actor, playbookId }: { actor: Actor; playbookId: number }): PlaybookDetail {
  void actor;
  const found = findPlaybook(getDb(), playbookId);
  if (!found) throw notFound("Playbook");
  return found;
}

/** The services a playbook can name, for the admin form. */
export function listServiceChoices({ actor }: { actor: Actor }): PlaybookServiceView[] {
  requirePermission(actor, "playbook", "manage");
  return getDb().select({ id: services.id, slug: services.slug, name: services.name }).from(services).orderBy(asc(services.name)).all();
}
