// The demo's postmortems (every state), their factors, reviewers and comments, and ~60 action
// items with the timeline entries the app would have written (db/seed/demo/postmortems.ts,
// db/seed/demo/action-items.ts). Runs inside seedDemo's transaction, after the incidents, and
// inserts rows directly so every timestamp matches the incident's history.
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { ACTION_STATUS_INFO, formatDueDate } from "@/lib/action-items";
import { DEMO_ACTION_ITEMS, planActionItem, trackerUrl, type PlannedActionItem } from "@/db/seed/demo/action-items";
import type { DemoPersonKey } from "@/db/seed/demo/people";
import { DEMO_POSTMORTEMS, demoPostmortemSections, demoPostmortemTimes, type DemoPostmortemSpec } from "@/db/seed/demo/postmortems";
import { REVIEW_CHECKLIST } from "@/lib/postmortem-template";
import { storedSections } from "@/lib/postmortem-action-items";
import type { Writer } from "../../types";
import { actionItems } from "../../schema/action-items";
import { contributingFactors } from "../../schema/factors";
import { incidentRoles, incidents, type Incident } from "../../schema/incidents";
import { postmortemComments, postmortemFactors, postmortemReviewers, postmortems } from "../../schema/postmortems";
import { incidentServices, services } from "../../schema/services";
import { timelineEntries } from "../../schema/timeline";
import { users } from "../../schema/users";

type Person = { id: number; name: string };

const NO_ACTIONS_REASON = "Fixed for good during the incident; nothing left to follow up.";
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type DemoPostmortemResult = { postmortems: Record<DemoPostmortemSpec["state"], number>; actionItems: number; timelineEntries: number };

export async function seedDemoPostmortems(tx: Writer, who: (key: DemoPersonKey) => Person, now: number): Promise<DemoPostmortemResult> {
  const result: DemoPostmortemResult = { postmortems: { draft: 0, in_review: 0, published: 0 }, actionItems: 0, timelineEntries: 0 };
  const factorIds = new Map(
    (await tx.select({ id: contributingFactors.id, name: contributingFactors.name }).from(contributingFactors)).map((f) => [f.name, f.id]),
  );
  const byTitle = new Map((await tx.select().from(incidents)).map((i) => [i.title, i]));

  const entry: EntryWriter = async (incidentId, kind, occurredAt, author, body, meta) => {
    await tx
      .insert(timelineEntries)
      .values({ incidentId, occurredAt, kind, body, authorUserId: author.id, authorLabel: author.name, meta: JSON.stringify(meta), createdAt: occurredAt });
    result.timelineEntries += 1;
  };

  const titles = new Set([...Object.keys(DEMO_POSTMORTEMS), ...Object.keys(DEMO_ACTION_ITEMS)]);
  for (const title of titles) {
    const incident = byTitle.get(title);
    if (!incident) throw new Error(`db/seed/demo postmortems or action items name an incident that is not in the demo: ${title}`);
    if (incident.resolvedAt === null) throw new Error(`Demo postmortem or action items for an unresolved incident: ${title}`);
    const spec = DEMO_POSTMORTEMS[title];
    const people = await tx
      .select({ userId: incidentRoles.userId, role: incidentRoles.role })
      .from(incidentRoles)
      .where(eq(incidentRoles.incidentId, incident.id));
    const onIncident = (key: DemoPersonKey) => people.some((p) => p.userId === who(key).id);
    const commander = people.find((p) => p.role === "commander")!;
    const times = spec ? demoPostmortemTimes(spec, { resolvedAt: incident.resolvedAt, closedAt: incident.closedAt }, now) : null;
    if (spec?.state === "published" && incident.status !== "closed") throw new Error(`Published demo postmortem on an incident that is not closed: ${title}`);
    if (spec && spec.state !== "published" && incident.status === "closed") throw new Error(`Unpublished demo postmortem on a closed incident: ${title}`);

    // Action items: written while the postmortem was drafted, or from the incident page soon after resolving.
    const creator = spec ? who(spec.owner) : (await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, commander.userId)))[0]!;
    const itemSpecs = DEMO_ACTION_ITEMS[title] ?? [];
    const planned: PlannedActionItem[] = itemSpecs.map((item, index) => {
      if (!onIncident(item.owner)) throw new Error(`Demo action item "${item.title}" is owned by someone not on the incident`);
      const createdAt = times ? times.createdAt + (index + 1) * 3 * HOUR : incident.resolvedAt! + 30 * MIN + index * 20 * MIN;
      return planActionItem(item, Math.min(createdAt, now - 2 * HOUR), now);
    });

    if (spec && times) {
      if (!onIncident(spec.owner)) throw new Error(`Demo postmortem owner is not on the incident: ${title}`);
      await insertPostmortem(tx, who, incident, spec, times, planned, factorIds, now, entry);
      result.postmortems[spec.state] += 1;
    }
    for (const item of planned) {
      await insertActionItem(tx, who, incident, item, creator, entry);
      result.actionItems += 1;
    }
  }
  return result;
}

type EntryWriter = (incidentId: number, kind: "postmortem" | "action_item", occurredAt: number, author: Person, body: string, meta: unknown) => Promise<void>;

async function insertPostmortem(
  tx: Writer,
  who: (key: DemoPersonKey) => Person,
  incident: Incident,
  spec: DemoPostmortemSpec,
  times: Awaited<ReturnType<typeof demoPostmortemTimes>>,
  planned: PlannedActionItem[],
  factorIds: Map<string, number>,
  now: number,
  entry: EntryWriter,
) {
  const owner = who(spec.owner);
  const highlighted = (
    await tx
      .select({ occurredAt: timelineEntries.occurredAt, body: timelineEntries.body, authorLabel: timelineEntries.authorLabel, kind: timelineEntries.kind })
      .from(timelineEntries)
      // The generated section (highlighted entries), with the status and severity moves the author added back in.
      .where(and(eq(timelineEntries.incidentId, incident.id), or(eq(timelineEntries.highlighted, true), inArray(timelineEntries.kind, ["status", "severity"]))))
      .orderBy(asc(timelineEntries.occurredAt))
  )
    // Entries after resolution (the closing note) are not part of the story.
    .filter((e) => e.occurredAt <= incident.resolvedAt!);
  const affected = await tx
    .select({ name: services.name, impact: incidentServices.impact })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(eq(incidentServices.incidentId, incident.id));
  const sections = demoPostmortemSections(spec, {
    incident: { ...incident, resolvedAt: incident.resolvedAt! },
    services: affected,
    highlighted,
    actionItems: planned.map((p) => ({
      title: p.spec.title,
      priority: p.spec.priority,
      kind: p.spec.kind,
      ownerName: who(p.spec.owner).name,
      dueDate: p.dueDate,
    })),
  });

  const ticked = spec.state === "published" ? REVIEW_CHECKLIST.map((c) => c.key) : spec.state === "in_review" ? spec.checks : [];
  const written = Object.values(sections).filter(Boolean).length;
  const publisher = spec.state === "published" ? who(spec.publishedBy) : null;
  const row = (
    await tx
      .insert(postmortems)
      .values({
        incidentId: incident.id,
        status: spec.state,
        ownerId: owner.id,
        // Published without tracked work: the explicit "no action items needed" note the publish gate asks for.
        sections: storedSections(sections, spec.state !== "draft" && !planned.length ? NO_ACTIONS_REASON : null),
        tags: JSON.stringify(spec.tags),
        reviewChecklist: JSON.stringify(Object.fromEntries(ticked.map((key) => [key, true]))),
        // One save per section written or so, plus the review moves.
        version: written + (spec.state === "draft" ? 1 : 3) + (spec.state === "draft" && spec.returned ? 2 : 0),
        createdAt: times.createdAt,
        updatedAt: times.updatedAt,
        submittedAt: times.submittedAt,
        publishedAt: times.publishedAt,
        publishedById: publisher?.id ?? null,
      })
      .returning({ id: postmortems.id })
  )[0]!;

  for (const name of spec.factors) {
    const factorId = factorIds.get(name);
    // An admin may have renamed the defaults before seeding the demo; then the demo goes without.
    if (factorId !== undefined) await tx.insert(postmortemFactors).values({ postmortemId: row.id, factorId });
  }
  const reviewersAddedAt = times.submittedAt ?? times.createdAt;
  for (const key of spec.reviewers) await tx.insert(postmortemReviewers).values({ postmortemId: row.id, userId: who(key).id, addedAt: reviewersAddedAt });

  const latest = Math.min(times.publishedAt ?? now - HOUR, now - HOUR);
  for (const comment of spec.comments ?? []) {
    const author = who(comment.by);
    const at = Math.min(times.createdAt + Math.round(comment.after * DAY), latest - 30 * MIN);
    await tx
      .insert(postmortemComments)
      .values({ postmortemId: row.id, section: comment.section, body: comment.body, authorUserId: author.id, authorLabel: author.name, createdAt: at });
  }

  await entry(incident.id, "postmortem", times.createdAt, owner, "Postmortem started", { field: "postmortem", from: null, to: "draft" });
  const reviewerNames = spec.reviewers.map((key) => who(key).name).join(", ");
  if (times.submittedAt !== null) {
    await entry(incident.id, "postmortem", times.submittedAt, owner, `Postmortem sent for review to ${reviewerNames} by ${owner.name}`, {
      field: "postmortem",
      from: "draft",
      to: "in_review",
    });
  }
  if (spec.state === "draft" && spec.returned && times.returnedAt !== null) {
    const reviewer = who(spec.returned.by);
    await tx.insert(postmortemComments).values({
      postmortemId: row.id,
      section: "review",
      body: spec.returned.comment,
      authorUserId: reviewer.id,
      authorLabel: reviewer.name,
      createdAt: times.returnedAt,
    });
    await entry(incident.id, "postmortem", times.returnedAt, reviewer, `Postmortem sent back to draft by ${reviewer.name}`, {
      field: "postmortem",
      from: "in_review",
      to: "draft",
    });
  }
  if (publisher && times.publishedAt !== null) {
    await entry(incident.id, "postmortem", times.publishedAt, publisher, `Postmortem published by ${publisher.name}`, {
      field: "postmortem",
      from: "in_review",
      to: "published",
    });
  }
}

async function insertActionItem(
  tx: Writer,
  who: (key: DemoPersonKey) => Person,
  incident: Incident,
  item: PlannedActionItem,
  creator: Person,
  entry: EntryWriter,
) {
  const { spec } = item;
  const owner = who(spec.owner);
  const service = spec.service ? (await tx.select({ id: services.id }).from(services).where(eq(services.slug, spec.service)))[0] : undefined;
  if (spec.service && !service) throw new Error(`Demo action item "${spec.title}" names an unknown service ${spec.service}`);
  const moves: { at: number; from: PlannedActionItem["status"]; to: PlannedActionItem["status"] }[] = [];
  if (item.startedAt !== null) moves.push({ at: Math.max(item.startedAt, item.createdAt + HOUR), from: "open", to: "in_progress" });
  if (item.completedAt !== null) moves.push({ at: item.completedAt, from: moves.at(-1)?.to ?? "open", to: item.status });
  const row = (
    await tx
      .insert(actionItems)
      .values({
        incidentId: incident.id,
        title: spec.title,
        description: spec.description,
        ownerId: owner.id,
        dueDate: item.dueDate,
        priority: spec.priority,
        kind: spec.kind,
        status: item.status,
        trackerUrl: spec.ticket ? trackerUrl(spec.ticket) : null,
        serviceId: service?.id ?? null,
        version: 1 + moves.length,
        createdById: creator.id,
        createdAt: item.createdAt,
        updatedAt: moves.at(-1)?.at ?? item.createdAt,
        completedAt: item.completedAt,
      })
      .returning({ id: actionItems.id })
  )[0]!;
  await entry(
    incident.id,
    "action_item",
    item.createdAt,
    creator,
    `Action item added: ${spec.title} (${spec.priority}, owner ${owner.name}, due ${formatDueDate(item.dueDate)})`,
    {
      field: "action_item",
      actionItemId: row.id,
      from: null,
      to: "open",
    },
  );
  for (const move of moves) {
    const reason = move.to === "wont_do" && spec.outcome.is === "wont_do" ? ` — ${spec.outcome.reason}` : "";
    await entry(
      incident.id,
      "action_item",
      move.at,
      owner,
      `Action item “${spec.title}”: ${ACTION_STATUS_INFO[move.from].label} → ${ACTION_STATUS_INFO[move.to].label}${reason}`,
      {
        field: "action_item.status",
        actionItemId: row.id,
        from: move.from,
        to: move.to,
      },
    );
  }
}
