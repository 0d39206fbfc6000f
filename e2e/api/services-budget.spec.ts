import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, marker, sessionFor, timeline } from "../support/api/helpers";
import { createService, createSlo, getService, minutesAgo, resolve } from "../support/api/services";
import type { LinkedServiceJson, SpendJson } from "../support/api/types";

test.describe("error budgets through the API", () => {
  test("a backdated 30-minute incident spends 30 × weight of a 99.9 %/28-day budget", async ({ request }) => {
    const service = await createService(request, { tier: 1 });
    const slo = await createSlo(request, service.slug, { objective: 99.9, windowDays: 28 });
    expect(slo.budget).toMatchObject({ budgetMinutes: 40.32, spentMinutes: 0, remainingMinutes: 40.32, status: "healthy" });

    // Partial outage (weight 0.5) declared on the service, started 30 minutes ago, resolved now.
    const incident = await declare(request, {
      title: marker("Budget partial"),
      severity: "SEV2",
      startedAt: minutesAgo(30),
      services: [{ service: service.slug, impact: "partial_outage" }],
    });
    await resolve(request, incident.reference);
    const after = await getService(request, service.slug, "viewer");
    const budget = after.slos[0]!.budget;
    expect(budget.spentMinutes).toBeGreaterThanOrEqual(15);
    expect(budget.spentMinutes).toBeLessThan(15.5);
    expect(budget.remainingMinutes).toBeCloseTo(40.32 - budget.spentMinutes, 1);
    expect(budget.remainingPercent).toBeCloseTo((budget.remainingMinutes / 40.32) * 100, 0);
    expect(budget.status).toBe("healthy");
    expect(budget.incidents).toEqual([{ reference: incident.reference, title: incident.title, minutes: budget.spentMinutes, overridden: false }]);
    expect(after.worstStatus).toBe("healthy");
  });

  test("linking a resolved, backdated full outage afterwards drops the budget by its minutes; unlinking restores it", async ({ request }) => {
    const service = await createService(request);
    const slo = await createSlo(request, service.slug, { objective: 99.9 });
    // 32 minutes: 8.32 of 40.32 left (21 %) is at risk; 30 would leave 25.6 %, still healthy.
    const incident = await declare(request, { title: marker("Budget link later"), severity: "SEV3", startedAt: minutesAgo(32) });
    await resolve(request, incident.reference);
    expect((await getService(request, service.slug)).slos[0]!.budget.spentMinutes).toBe(0);

    const link = await request.post(`/api/v1/incidents/${incident.reference}/services`, {
      headers: bearer("responder"),
      data: { service: service.slug, impact: "full_outage" },
    });
    expect(link.status(), await link.text()).toBe(200);
    const items = ((await link.json()) as { items: LinkedServiceJson[] }).items;
    expect(items.map((s) => [s.slug, s.impact])).toEqual([[service.slug, "full_outage"]]);

    let budget = (await getService(request, service.slug)).slos[0]!.budget;
    expect(budget.spentMinutes).toBeGreaterThanOrEqual(32);
    expect(budget.spentMinutes).toBeLessThan(33);
    expect(budget.remainingMinutes).toBeLessThanOrEqual(8.32);
    expect(budget.status).toBe("at_risk");

    // The incident's own view of its spend: it pushed the SLO to at risk.
    const spendRes = await request.get(`/api/v1/incidents/${incident.reference}/slo-spend`, { headers: bearer("viewer") });
    expect(spendRes.status(), await spendRes.text()).toBe(200);
    const spend = ((await spendRes.json()) as { items: SpendJson[] }).items;
    expect(spend).toHaveLength(1);
    expect(spend[0]).toMatchObject({
      slo: { id: slo.id, objective: 99.9, windowDays: 28 },
      service: { slug: service.slug },
      budgetMinutes: 40.32,
      status: "at_risk",
      pushed: true,
      overridden: null,
    });
    expect(spend[0]!.spentMinutes).toBe(budget.spentMinutes);

    // Changing the impact halves it.
    await request.post(`/api/v1/incidents/${incident.reference}/services`, {
      headers: bearer("responder"),
      data: { service: service.slug, impact: "partial_outage" },
    });
    budget = (await getService(request, service.slug)).slos[0]!.budget;
    expect(budget.spentMinutes).toBeGreaterThanOrEqual(16);
    expect(budget.spentMinutes).toBeLessThan(16.5);
    expect(budget.status).toBe("healthy");

    const unlink = await request.delete(`/api/v1/incidents/${incident.reference}/services/${service.slug}`, { headers: bearer("responder") });
    expect(unlink.status(), await unlink.text()).toBe(200);
    expect(((await unlink.json()) as { items: unknown[] }).items).toEqual([]);
    expect((await getService(request, service.slug)).slos[0]!.budget).toMatchObject({ spentMinutes: 0, remainingMinutes: 40.32, incidents: [] });
    await expectError(await request.delete(`/api/v1/incidents/${incident.reference}/services/${service.slug}`, { headers: bearer("responder") }), 404);

    const entries = (await timeline(request, incident.reference)).filter((e) => e.kind === "service").map((e) => e.body);
    expect(entries).toEqual([
      `Affected service added: ${service.name} (Full outage)`,
      `Impact on ${service.name} changed from Full outage to Partial outage`,
      `Affected service removed: ${service.name} (was Partial outage)`,
    ]);
  });

  test("a drill spends nothing", async ({ request }) => {
    const service = await createService(request);
    await createSlo(request, service.slug);
    const drill = await declare(request, {
      title: marker("Drill"),
      severity: "SEV2",
      drill: true,
      startedAt: minutesAgo(20),
      services: [{ service: service.slug, impact: "full_outage" }],
    });
    await resolve(request, drill.reference);
    expect((await getService(request, service.slug)).slos[0]!.budget).toMatchObject({ spentMinutes: 0, incidents: [] });
  });

  test("a responder overrides an incident's spend with a reason; deleting the override computes it again", async ({ request }) => {
    const service = await createService(request);
    const slo = await createSlo(request, service.slug);
    const incident = await declare(request, {
      title: marker("Override"),
      severity: "SEV3",
      startedAt: minutesAgo(20),
      services: [{ service: service.slug, impact: "full_outage" }],
    });
    await resolve(request, incident.reference);
    const url = `/api/v1/incidents/${incident.reference}/slo-overrides/${slo.id}`;

    await expectError(await request.put(url, { headers: bearer("viewer"), data: { minutes: 2, reason: "Viewer says so" } }), 403);
    await expectError(await request.put(url, { headers: bearer("responder"), data: { minutes: -1, reason: "Negative" } }), 400, "minutes");
    await expectError(await request.put(url, { headers: bearer("responder"), data: { minutes: 2 } }), 400, "reason");
    await expectError(await request.put(url, { headers: bearer("responder"), data: { minutes: "2", reason: "String" } }), 400, "minutes");
    await expectError(
      await request.put(`/api/v1/incidents/${incident.reference}/slo-overrides/999999`, {
        headers: bearer("responder"),
        data: { minutes: 2, reason: "Ghost" },
      }),
      404,
    );

    const res = await request.put(url, { headers: bearer("responder"), data: { minutes: 2.5, reason: "Only the EU region" } });
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({
      slo: { id: slo.id },
      spentMinutes: 2.5,
      overridden: { minutes: 2.5, reason: "Only the EU region" },
      pushed: false,
    });
    const budget = (await getService(request, service.slug)).slos[0]!.budget;
    expect(budget).toMatchObject({
      spentMinutes: 2.5,
      remainingMinutes: 37.82,
      incidents: [{ reference: incident.reference, minutes: 2.5, overridden: true }],
    });
    const entry = (await timeline(request, incident.reference)).find((e) => e.kind === "service" && e.body.includes("Only the EU region"));
    expect(entry).toBeTruthy();

    const del = await request.delete(url, { headers: bearer("responder") });
    expect(del.status()).toBe(204);
    const again = (await getService(request, service.slug)).slos[0]!.budget;
    expect(again.spentMinutes).toBeGreaterThanOrEqual(20);
    expect(again.incidents[0]!.overridden).toBe(false);
  });
});

test.describe("incidents and services", () => {
  test("the incident list filters by service; the incident lists its services", async ({ request }) => {
    const service = await createService(request);
    const other = await createService(request);
    const on = await declare(request, {
      title: marker("On service"),
      severity: "SEV3",
      services: [
        { service: service.slug, impact: "degraded" },
        { service: other.slug, impact: "full_outage" },
      ],
    });
    const off = await declare(request, { title: marker("Off service"), severity: "SEV3", services: [{ service: other.slug, impact: "degraded" }] });
    const res = await request.get(`/api/v1/incidents?service=${service.slug}`, { headers: bearer("viewer") });
    expect(res.status(), await res.text()).toBe(200);
    const refs = ((await res.json()) as { items: { reference: string }[] }).items.map((i) => i.reference);
    expect(refs).toEqual([on.reference]);
    expect(refs).not.toContain(off.reference);

    const linked = (
      (await (await request.get(`/api/v1/incidents/${on.reference}/services`, { headers: bearer("viewer") })).json()) as { items: LinkedServiceJson[] }
    ).items;
    expect(linked.map((s) => [s.slug, s.impact]).sort()).toEqual(
      [
        [service.slug, "degraded"],
        [other.slug, "full_outage"],
      ].sort(),
    );
    // The service knows it has an open incident.
    expect((await getService(request, service.slug)).openIncidents).toBe(1);
  });

  test("a private incident of another team is a 404 to outsiders, and unnamed in budgets", async ({ request, playwright, baseURL }) => {
    const service = await createService(request);
    await createSlo(request, service.slug);
    // Declared by the responder token: private, on the service.
    const secret = await declare(request, {
      title: marker("Secret"),
      severity: "SEV2",
      private: true,
      startedAt: minutesAgo(10),
      services: [{ service: service.slug, impact: "full_outage" }],
    });
    const ref = secret.reference;

    // An admin sees it; a viewer token and a responder not on it nor in an owning team do not.
    expect((await request.get(`/api/v1/incidents/${ref}`, { headers: bearer("admin") })).status()).toBe(200);
    await expectError(await request.get(`/api/v1/incidents/${ref}`, { headers: bearer("viewer") }), 404);
    await expectError(await request.get(`/api/v1/incidents/${ref}/services`, { headers: bearer("viewer") }), 404);
    await expectError(await request.get(`/api/v1/incidents/${ref}/slo-spend`, { headers: bearer("viewer") }), 404);
    const outsider = await sessionFor(playwright, baseURL!, "responder2");
    await expectError(await outsider.get(`/api/v1/incidents/${ref}`), 404);
    await expectError(await outsider.post(`/api/v1/incidents/${ref}/services`, { data: { service: service.slug, impact: "degraded" } }), 404);
    await expectError(await outsider.delete(`/api/v1/incidents/${ref}/services/${service.slug}`), 404);
    const listed = ((await (await outsider.get(`/api/v1/incidents?service=${service.slug}`)).json()) as { items: unknown[] }).items;
    expect(listed).toEqual([]);
    await outsider.dispose();

    // The budget still counts its minutes, but a viewer does not learn which incident spent them.
    const forViewer = (await getService(request, service.slug, "viewer")).slos[0]!.budget;
    expect(forViewer.spentMinutes).toBeGreaterThanOrEqual(10);
    expect(forViewer.incidents).toEqual([{ reference: null, title: null, minutes: forViewer.incidents[0]!.minutes, overridden: false }]);
    const forAdmin = (await getService(request, service.slug, "admin")).slos[0]!.budget;
    expect(forAdmin.incidents[0]!.reference).toBe(ref);
    expect((await getService(request, service.slug, "viewer")).openIncidents).toBe(0);
  });

  test("teams are listed for any signed-in reader", async ({ request }) => {
    const res = await request.get("/api/v1/teams", { headers: bearer("viewer") });
    expect(res.status()).toBe(200);
    expect(Array.isArray(((await res.json()) as { items: unknown[] }).items)).toBe(true);
  });
});
