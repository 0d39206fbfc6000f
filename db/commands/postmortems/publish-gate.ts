import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { REVIEW_CHECKLIST } from "@/lib/postmortem-template";
import { parseNoActionItemsReason } from "@/lib/postmortem-action-items";
import { publishCheck, publishErrorFields, type PublishCheck } from "@/lib/postmortem-publish-gate";
import { actionItems, postmortemFactors, type Postmortem } from "../../schema";
import type { Reader } from "../../types";
import { rolesOf } from "../../access/incidents";
import { parseChecklist, parseSections } from "../../queries/postmortems/stored";

/** The publish gate (lib/postmortem-publish-gate.ts) on the stored postmortem. */
async function publishCheckFor(db: Reader, incidentId: number, row: Postmortem, acknowledgeHints: boolean): Promise<PublishCheck> {
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  const factorCount = count(
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(postmortemFactors)
        .where(eq(postmortemFactors.postmortemId, row.id))
    )[0],
  );
  const actionItemCount = count(
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(actionItems)
        .where(eq(actionItems.incidentId, incidentId))
    )[0],
  );
  const people = [...new Set(((await rolesOf(db, [incidentId])).get(incidentId) ?? []).map((p) => p.name))];
  return publishCheck({
    sections: parseSections(row.sections),
    factorCount,
    actionItemCount,
    noActionItemsReason: parseNoActionItemsReason(row.sections),
    people,
    acknowledgeHints,
  });
}

/**
 * 422 unless every review question is ticked (naming the missing ones) and the publish gate
 * passes (each missing section, the factors or action items, and `acknowledgeHints` while
 * blameless hints remain unacknowledged). Returns the gate, for its acknowledged hints.
 */
export async function assertReadyToPublish(db: Reader, incidentId: number, row: Postmortem, acknowledgeHints: boolean): Promise<PublishCheck> {
  const ticks = parseChecklist(row.reviewChecklist);
  const missing = REVIEW_CHECKLIST.filter((c) => !ticks[c.key]);
  if (missing.length) {
    throw new AppError(
      "unprocessable",
      `Tick every review question before publishing; still open: ${missing.map((m) => m.label).join(" ")}`,
      { reviewChecklist: `Not ticked: ${missing.map((m) => m.key).join(", ")}` },
      { missing: missing.map((m) => m.key) },
    );
  }
  const gate = await publishCheckFor(db, incidentId, row, acknowledgeHints);
  const gateFields = publishErrorFields(gate);
  if (Object.keys(gateFields).length) {
    const reasons = [...gate.blockers.map((b) => b.message), ...(gate.needsHintAcknowledgement ? [gateFields.acknowledgeHints!] : [])];
    throw new AppError("unprocessable", `Not ready to publish: ${reasons.join("; ")}.`, gateFields, {
      missing: gate.blockers.map((b) => b.field),
      hints: gate.hints.map((h) => ({ section: h.section, phrase: h.phrase })),
    });
  }
  return gate;
}
