import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { asc, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/actor";
import { setUpTestDb, type TestUser } from "../../testing/test-db";
import { contributingFactors, incidentFacts, incidents, postmortems } from "../../schema";
import { computeIncidentFacts } from "../../access/incident-facts";
import { setOrgTimeZone } from "../../commands/admin/settings";
import { createService } from "../../commands/catalogue/services";
import { declareIncident } from "../../commands/incidents/declare";
import { updateIncident } from "../../commands/incidents/update";
import { addResponder, removeResponder } from "../../commands/incidents/people";
import { linkService, unlinkService } from "../../commands/incidents/services";
import { addNote } from "../../commands/incidents/timeline";
import { startPostmortem } from "../../commands/postmortems/start";
import { savePostmortem } from "../../commands/postmortems/save";
import { getInsights } from "./index";
import { referenceInsights } from "./reference";

// Randomized histories written through the commands (declarations backdated up to 100 days,
// edits of past timestamps, drill and private toggles, severity changes, people, service links,
// postmortem factors): the maintained incident_facts must equal the facts recomputed from the
// incidents table, and the report read from them the reference SQL report.

const ctx = setUpTestDb();
const SLUGS = ["api", "web", "db"] as const;
const MIN = 60_000;
let factorIds: number[] = [];
let people: TestUser[] = [];

beforeAll(async () => {
  await setOrgTimeZone({ actor: ctx.admin.actor, timeZone: "Europe/Berlin" });
  for (const slug of SLUGS) await createService({ actor: ctx.admin.actor, input: { slug, name: `Service ${slug}`, tier: 2 } });
  const t0 = Date.now();
  factorIds = [];
  for (const name of ["Deploy", "Config", "Capacity"])
    factorIds.push((await ctx.t.db.insert(contributingFactors).values({ name, createdAt: t0 }).returning())[0]!.id);
  people = [ctx.responder, await ctx.t.createUser("responder"), await ctx.t.createUser("responder")];
});

const storedFacts = async () => await ctx.t.db.select().from(incidentFacts).orderBy(asc(incidentFacts.incidentId));
const ago = (minutes: number) => new Date(Date.now() - minutes * MIN).toISOString();
const pick = <T>(list: readonly T[], k: number) => list[k % list.length]!;
const severity = fc.constantFrom("SEV1", "SEV2", "SEV3", "SEV4");
const timestampEdit = fc.record({
  field: fc.constantFrom("startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"),
  minutesAgo: fc.option(fc.integer({ min: 0, max: 100 * 24 * 60 }), { nil: null }),
});

const command = fc.oneof(
  fc.record({
    kind: fc.constant("declare" as const),
    severity,
    private: fc.boolean(),
    drill: fc.boolean(),
    startedAgo: fc.integer({ min: 0, max: 100 * 24 * 60 }),
    detectedAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    services: fc.subarray([...SLUGS]),
  }),
  fc.record({
    kind: fc.constant("update" as const),
    target: fc.nat(),
    severity: fc.option(severity, { nil: undefined }),
    drill: fc.option(fc.boolean(), { nil: undefined }),
    private: fc.option(fc.boolean(), { nil: undefined }),
    status: fc.option(fc.constantFrom("identified", "monitoring", "resolved", "closed", "investigating"), { nil: undefined }),
    edits: fc.array(timestampEdit, { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constantFrom("addResponder" as const, "removeResponder" as const, "note" as const), target: fc.nat(), person: fc.nat() }),
  fc.record({ kind: fc.constantFrom("link" as const, "unlink" as const), target: fc.nat(), service: fc.nat() }),
  fc.record({ kind: fc.constant("factors" as const), target: fc.nat(), factors: fc.subarray([0, 1, 2]) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

async function apply(c: Command, actor: Actor) {
  const ids = (await ctx.t.db.select({ id: incidents.id }).from(incidents).orderBy(asc(incidents.id))).map((r) => r.id);
  if (c.kind === "declare") {
    const startedAt = ago(c.startedAgo);
    const detectedAt = c.detectedAfter === null ? undefined : new Date(Date.parse(startedAt) + c.detectedAfter * MIN).toISOString();
    await declareIncident({
      actor,
      input: {
        title: "Randomized",
        severity: c.severity,
        private: c.private,
        drill: c.drill,
        startedAt,
        ...(detectedAt && Date.parse(detectedAt) <= Date.now() ? { detectedAt } : {}),
        services: c.services.map((service) => ({ service, impact: "degraded" })),
      },
    });
    return;
  }
  if (!ids.length) return;
  const incidentId = pick(ids, c.target);
  if (c.kind === "update") {
    const { version } = (await ctx.t.db.select({ version: incidents.version }).from(incidents).where(eq(incidents.id, incidentId)))[0]!;
    const input: Record<string, unknown> = { version, severity: c.severity, drill: c.drill, private: c.private, status: c.status };
    for (const e of c.edits) input[e.field] = e.minutesAgo === null ? (e.field === "startedAt" ? ago(0) : null) : ago(e.minutesAgo);
    await updateIncident({ actor, incidentId, input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) });
  } else if (c.kind === "addResponder") await addResponder({ actor, incidentId, userId: pick(people, c.person).id });
  else if (c.kind === "removeResponder") await removeResponder({ actor, incidentId, userId: pick(people, c.person).id });
  else if (c.kind === "note") await addNote({ actor: pick(people, c.person).actor, incidentId, input: { body: "A note" } });
  else if (c.kind === "link") await linkService({ actor, incidentId, input: { service: pick(SLUGS, c.service), impact: "partial_outage" } });
  else if (c.kind === "unlink") await unlinkService({ actor, incidentId, slug: pick(SLUGS, c.service) });
  else if (c.kind === "factors") {
    if (!(await ctx.t.db.select().from(postmortems).where(eq(postmortems.incidentId, incidentId)))[0]) await startPostmortem({ actor, incidentId });
    const { version } = (await ctx.t.db.select({ version: postmortems.version }).from(postmortems).where(eq(postmortems.incidentId, incidentId)))[0]!;
    await savePostmortem({ actor, incidentId, input: { version, factorIds: c.factors.map((k) => factorIds[k]!) } });
  }
}

describe("incident facts on randomized histories", () => {
  it("stay equal to the facts recomputed from the incidents, and the report to the reference SQL", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (history) => {
        for (const c of history) {
          try {
            await apply(c, ctx.admin.actor);
          } catch (error) {
            // Refused changes (timestamp order, nothing to remove…) roll back with their facts.
            if (!(error instanceof AppError)) throw error;
          }
          // After every command, refused ones included.
          expect(await storedFacts()).toEqual(await computeIncidentFacts(ctx.t.db));
        }
        const now = Date.now();
        for (const actor of [ctx.admin.actor, ctx.viewer.actor]) {
          for (const query of [{ range: "90" }, { range: "30", severity: "SEV1,SEV2" }, { range: "90", service: "api" }]) {
            expect(await getInsights({ actor, query, now, fresh: true })).toEqual(await referenceInsights({ actor, query, now }));
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
