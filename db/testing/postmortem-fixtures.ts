// A postmortem ready to publish, for tests of what publishing does (events, webhooks).
import { eq } from "drizzle-orm";
import { postmortems } from "../schema";
import { updateIncident } from "../commands/incidents/update";
import { startPostmortem } from "../commands/postmortems/start";
import { savePostmortem } from "../commands/postmortems/save";
import { transitionPostmortem } from "../commands/postmortems/review";
import { listFactors } from "../queries/admin/factors";
import { ensureDefaultFactors } from "../seed/defaults/default-factors";
import type { TestContext } from "./test-db";

/**
 * Resolves the incident, writes its postmortem (by the responder) and sends it for review by the
 * admin with the review checklist ticked: the admin can publish it at the version returned.
 */
export async function postmortemInReview(ctx: TestContext, incident: { id: number; version: number }): Promise<{ version: number }> {
  const actor = ctx.responder.actor;
  await ensureDefaultFactors(ctx.t.db);
  await updateIncident({ actor, incidentId: incident.id, input: { version: incident.version, status: "resolved" } });
  const pm = await startPostmortem({ actor, incidentId: incident.id });
  const saved = await savePostmortem({
    actor,
    incidentId: incident.id,
    input: {
      version: pm.version,
      sections: { summary: "It broke.", impact: "Orders.", timeline: "- 14:00 declared", root_causes: "A push." },
      factorIds: [(await listFactors({ actor: ctx.admin.actor }))[0]!.id],
      noActionItemsReason: "Nothing left to do.",
    },
  });
  const sent = await transitionPostmortem({ actor, incidentId: incident.id, input: { to: "in_review", reviewerIds: [ctx.admin.id], version: saved.version } });
  const checklist = JSON.stringify({ data: true, impact: true, causes: true, actions: true, stakeholders: true });
  await ctx.t.db.update(postmortems).set({ reviewChecklist: checklist }).where(eq(postmortems.id, sent.id));
  return { version: sent.version };
}
