import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setUpTestDb } from "@/db/testing/test-db";
import { declareIncident } from "@/db/commands/incidents/declare";
import { addNote } from "@/db/commands/incidents/timeline";
import { updateIncident } from "@/db/commands/incidents/update";
import { linkService, setSpendOverride } from "@/db/commands/incidents/services";
import { createService } from "@/db/commands/catalogue/services";
import { createSlo } from "@/db/commands/catalogue/slos";
import { createPlaybook } from "@/db/commands/catalogue/playbooks";
import { createActionItem } from "@/db/commands/action-items/create";
import { startPostmortem } from "@/db/commands/postmortems/start";
import { savePostmortem } from "@/db/commands/postmortems/save";
import { addComment } from "@/db/commands/postmortems/comments";
import { setReviewers } from "@/db/commands/postmortems/reviewers";
import { createFactor } from "@/db/commands/admin/factors";
import { createTeam, setTeamMember } from "@/db/commands/admin/teams";
import { getIncident } from "@/db/queries/incidents/detail";
import { listIncidents } from "@/db/queries/incidents/list";
import { listTimeline } from "@/db/queries/incidents/timeline";
import { listChecklist } from "@/db/queries/incidents/checklist";
import { listLinkedServices } from "@/db/queries/incidents/linked-services";
import { incidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { search } from "@/db/queries/incidents/search";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { listActionItems } from "@/db/queries/action-items/list";
import { getPostmortem } from "@/db/queries/postmortems/detail";
import { listPostmortems } from "@/db/queries/postmortems/list";
import { getService, listServices } from "@/db/queries/catalogue/services";
import { listSlos } from "@/db/queries/catalogue/slos";
import { listPlaybooks } from "@/db/queries/catalogue/playbooks";
import { listFactors } from "@/db/queries/admin/factors";
import { listTeams } from "@/db/queries/admin/teams";
import { getUpdateCadence } from "@/db/queries/admin/settings";
import { searchUsers } from "@/db/queries/users/search";
import { toIncidentJson, toIncidentListItemJson, toTimelineEntryJson } from "@/server/api/json/incident";
import { toActionItemJson } from "@/server/api/json/action-item";
import { toPostmortemCommentJson, toPostmortemJson, toPostmortemListItemJson } from "@/server/api/json/postmortem";
import { toLinkedServiceJson, toServiceJson, toSloSpendJson } from "@/server/api/json/service";
import { toChecklistJson, toPlaybookJson } from "@/server/api/json/playbook";
import { toUserJson } from "@/server/api/json/user";
import { serviceDetailJson, slosJson } from "@/app/api/v1/services/params";
import { errorSchema, itemsOf, pageOf } from "./common";
import { checklistSchema, incidentListItemSchema, incidentSchema, timelineEntrySchema } from "./incident";
import { actionItemSchema, incidentActionItemsSchema } from "./action-item";
import { factorSchema, postmortemCommentSchema, postmortemListItemSchema, postmortemSchema } from "./postmortem";
import { linkedServiceSchema, serviceDetailSchema, serviceSchema, sloSchema, sloSpendSchema } from "./service";
import { playbookSchema } from "./playbook";
import { searchResultsSchema, teamSchema, updateCadenceResponseSchema, userSchema } from "./people";
import { AppError } from "@/lib/errors";

// Real serializer output, from real rows written by the real commands, against the documented
// response schemas. The schemas are strict: a field the serializer adds, drops or retypes fails here.

const ctx = setUpTestDb();
let ref = 0;
let commentJson: unknown;

/** Parses and names the failing paths, so a drift reads as "incident.commander.id: unrecognized key". */
function expectShape(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(JSON.parse(JSON.stringify(value)));
  expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
}

beforeAll(async () => {
  const admin = ctx.admin.actor;
  const responder = ctx.responder.actor;
  await createService({
    actor: admin,
    input: { slug: "payments-api", name: "Payments API", tier: 1, links: [{ label: "Dash", url: "https://dash.example.test" }] },
  });
  await createSlo({ actor: admin, slug: "payments-api", input: { name: "Availability", objective: 99.9 } });
  await createPlaybook({
    actor: admin,
    input: { name: "SEV2 basics", severities: ["SEV2"], items: [{ text: "Page the owner", autoCheck: "commander_assigned" }] },
  });
  const team = await createTeam({ actor: admin, input: { name: "Payments" } });
  await setTeamMember({ actor: admin, teamId: team.id, userId: ctx.responder.id, member: true });
  const { incident } = await declareIncident({
    actor: responder,
    input: { title: "Checkout failing", severity: "SEV2", services: [{ service: "payments-api", impact: "partial_outage" }] },
  });
  ref = incident.id;
  await updateIncident({
    actor: responder,
    incidentId: ref,
    input: { version: incident.version, commanderEmail: ctx.responder.email, scribeId: ctx.admin.id },
  });
  await addNote({ actor: responder, incidentId: ref, input: { body: "Rolled back", highlighted: true } });
  await linkService({ actor: responder, incidentId: ref, input: { service: "payments-api", impact: "full_outage" } });
  const slo = (await listSlos({ actor: admin, slug: "payments-api" }))[0]!;
  await setSpendOverride({ actor: responder, incidentId: ref, sloId: slo.id, input: { minutes: 12.5, reason: "Partial region" } });
  await createActionItem({
    actor: responder,
    incidentId: ref,
    input: { title: "Alert on queue depth", ownerEmail: ctx.responder.email, priority: "P1", kind: "detect", service: "payments-api" },
  });
  const factor = await createFactor({ actor: admin, input: { name: "Capacity planning", description: "Not enough headroom" } });
  const pm = await startPostmortem({ actor: responder, incidentId: ref });
  await savePostmortem({
    actor: responder,
    incidentId: ref,
    input: { version: pm.version, sections: { summary: "It broke." }, factorIds: [factor.id], tags: ["payments"], ownerEmail: ctx.responder.email },
  });
  await setReviewers({ actor: responder, incidentId: ref, input: { reviewerEmails: [ctx.admin.email] } });
  commentJson = toPostmortemCommentJson(await addComment({ actor: responder, incidentId: ref, section: "summary", body: "Shorter?" }));
});

describe("documented response schemas match what the serializers write", () => {
  it("incidents, list items and timeline entries", async () => {
    const actor = ctx.admin.actor;
    const incident = toIncidentJson(await getIncident({ actor, incidentId: ref }));
    expect(incident.commander?.email).toBe(ctx.responder.email);
    expect(incident.scribe?.email).toBe(ctx.admin.email);
    expectShape(incidentSchema, incident);
    const { items, nextCursor } = await listIncidents({ actor, query: {} });
    expectShape(pageOf(incidentListItemSchema), { items: items.map(toIncidentListItemJson), nextCursor });
    const timeline = (await listTimeline({ actor, incidentId: ref })).map(toTimelineEntryJson);
    expect(timeline.length).toBeGreaterThan(3);
    expectShape(itemsOf(timelineEntrySchema), { items: timeline });
    expectShape(checklistSchema, toChecklistJson(await listChecklist({ actor, incidentId: ref })));
  });

  it("services, SLOs, budgets, links and spend", async () => {
    const actor = ctx.admin.actor;
    expectShape(itemsOf(serviceSchema), { items: (await listServices({ actor, query: {} })).map(toServiceJson) });
    const detail = await serviceDetailJson(actor, await getService({ actor, slug: "payments-api" }));
    expect(detail.slos[0]!.budget.incidents.length).toBe(1);
    expectShape(serviceDetailSchema, detail);
    expectShape(itemsOf(sloSchema), { items: await slosJson(actor, await listSlos({ actor, slug: "payments-api" })) });
    expectShape(itemsOf(linkedServiceSchema), { items: (await listLinkedServices({ actor, incidentId: ref })).map(toLinkedServiceJson) });
    const spend = (await incidentSloSpend({ actor, incidentId: ref })).map(toSloSpendJson);
    expect(spend[0]!.overridden).toEqual({ minutes: 12.5, reason: "Partial region" });
    expectShape(itemsOf(sloSpendSchema), { items: spend });
  });

  it("action items, postmortems and their lists", async () => {
    const actor = ctx.admin.actor;
    const forIncident = await actionItemsForIncident({ actor, incidentId: ref });
    expectShape(incidentActionItemsSchema, { items: forIncident.items.map(toActionItemJson), progress: forIncident.progress });
    const page = await listActionItems({ actor, query: {} });
    expectShape(pageOf(actionItemSchema), { items: page.items.map(toActionItemJson), nextCursor: page.nextCursor });
    const postmortem = toPostmortemJson((await getPostmortem({ actor, incidentId: ref }))!);
    expect(postmortem.owner?.email).toBe(ctx.responder.email);
    expect(postmortem.reviewers.map((r) => r.email)).toEqual([ctx.admin.email]);
    expectShape(postmortemSchema, postmortem);
    expectShape(postmortemCommentSchema, commentJson);
    const pms = await listPostmortems({ actor, query: {} });
    expectShape(pageOf(postmortemListItemSchema), { items: pms.items.map(toPostmortemListItemJson), nextCursor: pms.nextCursor });
    expectShape(itemsOf(factorSchema), { items: await listFactors({ actor, includeArchived: true }) });
  });

  it("playbooks, teams, people, search and settings", async () => {
    const actor = ctx.admin.actor;
    expectShape(itemsOf(playbookSchema), { items: (await listPlaybooks({ actor })).map(toPlaybookJson) });
    const teams = (await listTeams({ actor })).map((t) => ({
      id: t.id,
      name: t.name,
      serviceCount: t.serviceCount,
      members: t.members.map((m) => ({ name: m.name, email: m.email })),
    }));
    expectShape(itemsOf(teamSchema), { items: teams });
    const users = await searchUsers({ actor, query: { limit: "2" } });
    expectShape(pageOf(userSchema), { items: users.items.map(toUserJson), nextCursor: users.nextCursor });
    expectShape(searchResultsSchema, await search({ actor, query: { q: "e" } }));
    expectShape(updateCadenceResponseSchema, await getUpdateCadence({ actor }));
  });

  it("errors, as apiRoute writes them", () => {
    const error = new AppError("conflict", "Stale", { version: "Reload" }, { current: { id: 1 } }).toJSON();
    expectShape(errorSchema, { ...error, error: { ...error.error, requestId: "abc" } });
  });

  it("fails on drift: a field added, dropped or retyped", async () => {
    const incident = JSON.parse(JSON.stringify(toIncidentJson(await getIncident({ actor: ctx.admin.actor, incidentId: ref })))) as Record<string, unknown>;
    expect(incidentSchema.safeParse({ ...incident, extra: 1 }).success).toBe(false);
    const { severity: _dropped, ...withoutSeverity } = incident;
    expect(incidentSchema.safeParse(withoutSeverity).success).toBe(false);
    expect(incidentSchema.safeParse({ ...incident, startedAt: 1_700_000_000_000 }).success).toBe(false);
  });
});
