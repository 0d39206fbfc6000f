import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { can, requirePermission } from "@/lib/policy";
import { postmortems, users, type Incident, type Postmortem } from "../../schema";
import type { Reader, Writer } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { findVisibleIncident } from "../../access/incidents";
import { postmortemDetail } from "../../queries/postmortems/detail";
import { findPostmortemRow } from "../../queries/postmortems/stored";

/** Access for changing a postmortem: the incident visible (404), a responder (403), a postmortem (404). */
export function loadForWrite(tx: Reader, actor: Actor, incidentId: number): { incident: Incident; row: Postmortem } {
  const incident = findVisibleIncident(tx, actor, incidentId);
  if (!incident) throw notFound();
  requirePermission(actor, "postmortem", "edit");
  const row = findPostmortemRow(tx, incidentId);
  if (!row) throw notFound("Postmortem");
  return { incident, row };
}

/** 409 with the current postmortem, so the editor can show both versions and nothing typed is lost. */
export function stalePostmortem(tx: Reader, incident: Incident, row: Postmortem): AppError {
  return staleError("postmortem", row.version, postmortemDetail(tx, incident, row), "Your text is kept: compare both versions and save again.");
}

/** The versioned update (WHERE id AND version); zero rows → 409 with the current postmortem. */
export function updatePostmortem(tx: Writer, incident: Incident, row: Postmortem, changes: Partial<Postmortem>, now: number): Postmortem {
  return updateVersioned(tx, postmortems, row, changes, now, () => stalePostmortem(tx, incident, findPostmortemRow(tx, incident.id) ?? row));
}

export function assertNotPublished(row: Postmortem) {
  if (row.status === "published") {
    throw new AppError("unprocessable", "This postmortem is published; an admin must move it back to draft first to edit it", { status: "Published" });
  }
}

/** A user who may own or review a postmortem: active, responder or admin. */
export function assertEligiblePerson(tx: Reader, userId: number, field: string, what: string) {
  const user = tx.select({ id: users.id, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled)
    throw new AppError("validation_failed", `${field}: no active user with id ${userId}`, { [field]: `No active user with id ${userId}` });
  if (!can({ role: user.role }, "postmortem", "own-or-review")) {
    throw new AppError("validation_failed", `${field}: user ${userId} is a viewer and cannot ${what}`, {
      [field]: `User ${userId} is a viewer and cannot ${what}`,
    });
  }
}
