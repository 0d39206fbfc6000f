import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { getPostmortem } from "@/db/queries/postmortems/detail";
import { postmortemDueForIncident } from "@/db/queries/postmortems/due";
import type { PostmortemSummary } from "./postmortem-card";

/** What the incident page shows about its postmortem; viewers learn only that a draft exists. */
export async function postmortemSummaryFor({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<PostmortemSummary> {
  const { started, ...due } = await postmortemDueForIncident({ actor, incidentId });
  if (!started) return { status: null, ownerName: null, due, started, hidden: false };
  try {
    const pm = await getPostmortem({ actor, incidentId });
    return { status: pm?.status ?? null, ownerName: pm?.owner?.name ?? null, due, started, hidden: false };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { status: null, ownerName: null, due, started, hidden: true };
    throw error;
  }
}
