// The playbooks a new installation starts with, so the first incident already gets a
// checklist. Admins edit or delete them under Admin → Playbooks.
// No "server-only" imports here: db/bootstrap.ts (run from instrumentation.ts and scripts) calls it.
import type { Severity } from "@/lib/severity";
import { DEFAULT_AUTO_CHECK_TEXTS, type AutoCheck } from "@/lib/checklist-auto";
import type { Db } from "../../client";
import { auditLog, playbookItems, playbooks } from "../../schema";
import { insertIfEmpty } from "./insert-if-empty";

type DefaultPlaybook = {
  name: string;
  description: string;
  severities: Severity[];
  items: { text: string; link: string | null; autoCheck: AutoCheck | null }[];
};

// Items the system can verify tick themselves (lib/checklist-auto.ts).
const item = (text: string, autoCheck: AutoCheck | null = DEFAULT_AUTO_CHECK_TEXTS[text] ?? null) => ({ text, link: null, autoCheck });

const SUMMARY_ITEM = "Write the current-state summary: what customers see, what is known";

export const DEFAULT_PLAYBOOKS: DefaultPlaybook[] = [
  {
    name: "Major incident (SEV1/SEV2)",
    description: "The first half hour of a critical or major incident: people, communication, likely causes, evidence.",
    severities: ["SEV1", "SEV2"],
    items: [
      item("Assign an incident commander"),
      item("Open a dedicated comms channel and post its link here"),
      item("Post the first stakeholder update within 15 minutes"),
      item("Check recent deploys and feature-flag changes, roll back if suspicious"),
      item("Confirm customer impact and affected regions"),
      item(SUMMARY_ITEM),
      item("Assign a communications lead"),
      item("Update the status page"),
      item("Schedule updates every 30 minutes"),
      item("Capture key evidence (graphs, logs) before it expires"),
    ],
  },
  {
    name: "Minor incident (SEV3/SEV4)",
    description: "Keep a small incident small: an owner, a likely cause, and a note of what happened.",
    severities: ["SEV3", "SEV4"],
    items: [
      item("Confirm the impact and whether a workaround exists"),
      item("Check recent deploys and config changes"),
      item("Post a short note in the team channel"),
      item("Raise the severity if customer impact grows"),
    ],
  },
];

/**
 * On a database without any playbook, creates the defaults (one transaction). Does nothing
 * once any playbook exists, even if an admin deleted the defaults on purpose. Returns how
 * many it created.
 */
export async function ensureDefaultPlaybooks(db: Db, now = Date.now()): Promise<number> {
  return await insertIfEmpty(db, playbooks, async (tx) => {
    for (const playbook of DEFAULT_PLAYBOOKS) {
      const row = (
        await tx
          .insert(playbooks)
          .values({ name: playbook.name, description: playbook.description, severities: JSON.stringify(playbook.severities), createdAt: now, updatedAt: now })
          .returning({ id: playbooks.id })
      )[0]!;
      await tx
        .insert(playbookItems)
        .values(playbook.items.map((i, index) => ({ playbookId: row.id, position: index + 1, text: i.text, link: i.link, autoCheck: i.autoCheck })));
      await tx.insert(auditLog).values({
        at: now,
        actorLabel: "system",
        action: "playbook.create",
        entityType: "playbook",
        entityId: String(row.id),
        after: JSON.stringify({ ...playbook, default: true }),
      });
    }
    return DEFAULT_PLAYBOOKS.length;
  });
}
