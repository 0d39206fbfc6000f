import "server-only";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { can, requirePermission } from "@/lib/policy";
import { postmortems, type Incident, type Postmortem } from "../../schema";
import type { Reader, Writer } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { findVisibleIncident } from "../../access/incidents";
import { activePerson, type Person } from "../../access/people";
import { postmortemDetail } from "../../queries/postmortems/detail";
import { findPostmortemRow } from "../../queries/postmortems/stored";

/** Access for changing a postmortem: the incident visible (404), a responder (403), a postmortem (404). */
export async function loadForWrite(tx: Reader, actor: Actor, incidentId: number): Promise<{ incident: Incident; row: Postmortem }> {
  const incident = await findVisibleIncident(tx, actor, incidentId);
  if (!incident) throw notFound();
  requirePermission(actor, "postmortem", "edit");
  const row = await findPostmortemRow(tx, incidentId);
  if (!row) throw notFound("Postmortem");
  return { incident, row };
}

/** 409 with the current postmortem, so the editor can show both versions and nothing typed is lost. */
export async function stalePostmortem(tx: Reader, incident: Incident, row: Postmortem): Promise<AppError> {
  return staleError("postmortem", row.version, await postmortemDetail(tx, incident, row), "Your text is kept: compare both versions and save again.");
}

/** The versioned update (WHERE id AND version); zero rows → 409 with the current postmortem. */
export async function updatePostmortem(tx: Writer, incident: Incident, row: Postmortem, changes: Partial<Postmortem>, now: number): Promise<Postmortem> {
  return await updateVersioned(tx, postmortems, row, changes, now, async () =>
    stalePostmortem(tx, incident, (await findPostmortemRow(tx, incident.id)) ?? row),
  );
}

export function assertNotPublished(row: Postmortem) {
  if (row.status === "published") {
    throw new AppError("unprocessable", "This postmortem is published; an admin must move it back to draft first to edit it", { status: "Published" });
  }
}

/** A user who may own or review a postmortem: active, responder or admin; `field` names the id or email that was sent. */
export async function assertEligiblePerson(tx: Reader, who: number | Person, field: string, what: string): Promise<Person> {
  const person = typeof who === "number" ? await activePerson(tx, { id: who }, field) : who;
  if (!can({ role: person.role }, "postmortem", "own-or-review")) {
    const name = typeof who === "number" ? `User ${who}` : person.email;
    throw new AppError("validation_failed", `${field}: ${name} is a viewer and cannot ${what}`, { [field]: `${name} is a viewer and cannot ${what}` });
  }
  return person;
}
