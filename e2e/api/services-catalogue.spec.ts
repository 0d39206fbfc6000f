import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, marker, sessionFor } from "../support/api/helpers";
import { createService, createSlo, getService, uniqueSlug } from "../support/api/services";
import type { ServiceJson, SloJson } from "../support/api/types";

test.describe("services: authentication and role matrix", () => {
  test("no credentials → 401 on every services route", async ({ request }) => {
    const service = await createService(request);
    const slo = await createSlo(request, service.slug);
    for (const res of [
      await request.get("/api/v1/services"),
      await request.post("/api/v1/services", { data: { slug: uniqueSlug("anon"), name: "x", tier: 1 } }),
      await request.get(`/api/v1/services/${service.slug}`),
      await request.patch(`/api/v1/services/${service.slug}`, { data: { version: 1, description: "x" } }),
      await request.get(`/api/v1/services/${service.slug}/slos`),
      await request.post(`/api/v1/services/${service.slug}/slos`, { data: { name: "x", objective: 99 } }),
      await request.patch(`/api/v1/slos/${slo.id}`, { data: { version: 1, objective: 99 } }),
      await request.delete(`/api/v1/slos/${slo.id}`),
      await request.get("/api/v1/teams"),
    ]) {
      expect((await expectError(res, 401)).error.code).toBe("unauthenticated");
    }
  });

  test("a viewer reads the catalogue but cannot create, edit or link", async ({ request }) => {
    const service = await createService(request);
    const slo = await createSlo(request, service.slug);
    const viewer = bearer("viewer");
    expect((await request.get("/api/v1/services", { headers: viewer })).status()).toBe(200);
    expect((await request.get(`/api/v1/services/${service.slug}`, { headers: viewer })).status()).toBe(200);
    expect((await request.get(`/api/v1/services/${service.slug}/slos`, { headers: viewer })).status()).toBe(200);
    expect((await request.get(`/api/v1/slos/${slo.id}`, { headers: viewer })).status()).toBe(200);
    expect((await request.get("/api/v1/teams", { headers: viewer })).status()).toBe(200);

    const slug = uniqueSlug("viewer-made");
    await expectError(await request.post("/api/v1/services", { headers: viewer, data: { slug, name: "Nope", tier: 1 } }), 403);
    await expectError(await request.patch(`/api/v1/services/${service.slug}`, { headers: viewer, data: { version: 1, description: "Viewer was here" } }), 403);
    await expectError(await request.post(`/api/v1/services/${service.slug}/slos`, { headers: viewer, data: { name: "Nope", objective: 99 } }), 403);
    await expectError(await request.patch(`/api/v1/slos/${slo.id}`, { headers: viewer, data: { version: 1, objective: 99 } }), 403);
    await expectError(await request.delete(`/api/v1/slos/${slo.id}`, { headers: viewer }), 403);
    const incident = await declare(request, { title: marker("Viewer links"), severity: "SEV4" });
    await expectError(
      await request.post(`/api/v1/incidents/${incident.reference}/services`, { headers: viewer, data: { service: service.slug, impact: "degraded" } }),
      403,
    );

    await expectError(await request.get(`/api/v1/services/${slug}`, { headers: viewer }), 404);
    const after = await getService(request, service.slug);
    expect(after).toMatchObject({ version: 1, description: "" });
    expect(after.slos).toHaveLength(1);
  });

  test("a responder cannot create services or SLOs, nor change admin fields; may edit description and links", async ({ request }) => {
    const service = await createService(request, { tier: 2 });
    const slo = await createSlo(request, service.slug);
    const responder = bearer("responder");
    await expectError(await request.post("/api/v1/services", { headers: responder, data: { slug: uniqueSlug("resp"), name: "Nope", tier: 1 } }), 403);
    await expectError(await request.post(`/api/v1/services/${service.slug}/slos`, { headers: responder, data: { name: "Nope", objective: 99 } }), 403);
    await expectError(await request.patch(`/api/v1/slos/${slo.id}`, { headers: responder, data: { version: 1, objective: 99 } }), 403);
    await expectError(await request.delete(`/api/v1/slos/${slo.id}`, { headers: responder }), 403);
    for (const data of [
      { version: 1, tier: 1 },
      { version: 1, name: "Renamed" },
      { version: 1, runbookUrl: "https://wiki.example.com/x" },
      { version: 1, teamId: null },
    ]) {
      const body = await expectError(await request.patch(`/api/v1/services/${service.slug}`, { headers: responder, data }), 403);
      expect(body.error.message).toMatch(/admin/i);
    }

    const res = await request.patch(`/api/v1/services/${service.slug}`, {
      headers: responder,
      data: { version: 1, description: "Handles the carts", links: [{ label: "Dashboard", url: "https://grafana.example.com/d/cart" }] },
    });
    expect(res.status(), await res.text()).toBe(200);
    const updated = (await res.json()) as ServiceJson & { slos: SloJson[] };
    expect(updated).toMatchObject({
      slug: service.slug,
      version: 2,
      tier: 2,
      description: "Handles the carts",
      links: [{ label: "Dashboard", url: "https://grafana.example.com/d/cart" }],
    });
    expect(updated.slos.map((s) => s.id)).toEqual([slo.id]);
  });

  test("an admin creates, edits and deletes; responses carry the public shape", async ({ request }) => {
    const slug = uniqueSlug("admin-made");
    const res = await request.post("/api/v1/services", {
      headers: bearer("admin"),
      data: {
        slug,
        name: "Ledger",
        tier: 1,
        description: "Money in, money out",
        runbookUrl: "https://wiki.example.com/ledger",
        links: [{ label: "Repo", url: "https://git.example.com/ledger" }],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    expect(res.headers()["location"]).toBe(`/api/v1/services/${slug}`);
    const created = (await res.json()) as ServiceJson & { slos: SloJson[] };
    expect(created).toMatchObject({
      slug,
      name: "Ledger",
      tier: 1,
      team: null,
      version: 1,
      openIncidents: 0,
      worstStatus: null,
      slos: [],
      runbookUrl: "https://wiki.example.com/ledger",
    });
    expect(created).not.toHaveProperty("id");
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);

    const patched = await request.patch(`/api/v1/services/${slug}`, {
      headers: bearer("admin"),
      data: { version: 1, tier: 3, name: "Ledger v2", runbookUrl: null },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(await patched.json()).toMatchObject({ tier: 3, name: "Ledger v2", runbookUrl: null, version: 2 });

    const sloRes = await request.post(`/api/v1/services/${slug}/slos`, {
      headers: bearer("admin"),
      data: { name: "Availability", sliDescription: "2xx / all", objective: 99.95 },
    });
    expect(sloRes.status(), await sloRes.text()).toBe(201);
    const slo = (await sloRes.json()) as SloJson;
    expect(sloRes.headers()["location"]).toBe(`/api/v1/slos/${slo.id}`);
    // 28 days × 1440 × 0.0005 = 20.16 minutes.
    expect(slo).toMatchObject({ name: "Availability", sliDescription: "2xx / all", objective: 99.95, windowDays: 28, version: 1 });
    expect(slo.budget).toMatchObject({
      budgetMinutes: 20.16,
      spentMinutes: 0,
      remainingMinutes: 20.16,
      remainingPercent: 100,
      status: "healthy",
      incidents: [],
    });

    const sloPatched = await request.patch(`/api/v1/slos/${slo.id}`, { headers: bearer("admin"), data: { version: 1, objective: 99.9, windowDays: 7 } });
    expect(sloPatched.status(), await sloPatched.text()).toBe(200);
    expect(await sloPatched.json()).toMatchObject({ objective: 99.9, windowDays: 7, version: 2, budget: { budgetMinutes: 10.08 } });

    const list = (await (await request.get(`/api/v1/services/${slug}/slos`, { headers: bearer("viewer") })).json()) as { items: SloJson[] };
    expect(list.items.map((s) => [s.id, s.budget.budgetMinutes])).toEqual([[slo.id, 10.08]]);

    const del = await request.delete(`/api/v1/slos/${slo.id}`, { headers: bearer("admin") });
    expect(del.status()).toBe(204);
    expect(await del.text()).toBe("");
    await expectError(await request.get(`/api/v1/slos/${slo.id}`, { headers: bearer("admin") }), 404);
    await expectError(await request.delete(`/api/v1/slos/${slo.id}`, { headers: bearer("admin") }), 404);
    expect((await getService(request, slug)).slos).toEqual([]);
  });

  test("session cookie writes must come from this site", async ({ playwright, baseURL }) => {
    const sameSite = await sessionFor(playwright, baseURL!, "admin");
    const ok = await sameSite.post("/api/v1/services", { data: { slug: uniqueSlug("cookie"), name: "Cookie made", tier: 3 } });
    expect(ok.status(), await ok.text()).toBe(201);
    await sameSite.dispose();
    const crossSite = await sessionFor(playwright, baseURL!, "admin", { sameOrigin: false });
    await expectError(
      await crossSite.post("/api/v1/services", { headers: { Origin: "https://evil.example.com" }, data: { slug: uniqueSlug("csrf"), name: "Evil", tier: 3 } }),
      403,
    );
    expect((await crossSite.get("/api/v1/services")).status()).toBe(200);
    await crossSite.dispose();
  });
});

test.describe("services: bad input → 400 naming the field, duplicates → 409", () => {
  const serviceCases: { name: string; body: (slug: string) => Record<string, unknown>; field: string }[] = [
    { name: "slug with spaces and capitals", body: () => ({ slug: "Bad Slug!", name: "x", tier: 1 }), field: "slug" },
    { name: "slug with a double hyphen", body: (s) => ({ slug: `${s}--x`, name: "x", tier: 1 }), field: "slug" },
    { name: "slug as a number", body: () => ({ slug: 42, name: "x", tier: 1 }), field: "slug" },
    { name: "missing name", body: (s) => ({ slug: s, tier: 1 }), field: "name" },
    { name: "tier 4", body: (s) => ({ slug: s, name: "x", tier: 4 }), field: "tier" },
    { name: "tier 0", body: (s) => ({ slug: s, name: "x", tier: 0 }), field: "tier" },
    { name: "tier as a string", body: (s) => ({ slug: s, name: "x", tier: "1" }), field: "tier" },
    { name: "javascript: runbook URL", body: (s) => ({ slug: s, name: "x", tier: 1, runbookUrl: "javascript:alert(1)" }), field: "runbookUrl" },
    { name: "data: link", body: (s) => ({ slug: s, name: "x", tier: 1, links: [{ label: "x", url: "data:text/html,<b>hi</b>" }] }), field: "links.0.url" },
    { name: "links not a list", body: (s) => ({ slug: s, name: "x", tier: 1, links: "https://example.com" }), field: "links" },
    { name: "unknown team", body: (s) => ({ slug: s, name: "x", tier: 1, teamId: 999999 }), field: "teamId" },
    { name: "unknown field", body: (s) => ({ slug: s, name: "x", tier: 1, owner: "me" }), field: "owner" },
  ];
  for (const c of serviceCases) {
    test(`create service: ${c.name}`, async ({ request }) => {
      const slug = uniqueSlug("bad");
      const body = await expectError(await request.post("/api/v1/services", { headers: bearer("admin"), data: c.body(slug) }), 400, c.field);
      expect(body.error.code).toBe("validation_failed");
      if (c.field === "owner") expect(body.error.fields!.owner).toBe("Unknown field");
      await expectError(await request.get(`/api/v1/services/${slug}`, { headers: bearer("admin") }), 404);
    });
  }

  test("duplicate slug → 409 naming slug, in any case", async ({ request }) => {
    const service = await createService(request);
    for (const slug of [service.slug, service.slug.toUpperCase()]) {
      const body = await expectError(await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name: "Again", tier: 1 } }), 409, "slug");
      expect(body.error.code).toBe("conflict");
    }
    expect((await getService(request, service.slug)).name).toBe(service.name);
  });

  test("not JSON → 415; unknown service → 404", async ({ request }) => {
    const res = await request.post("/api/v1/services", { headers: { ...bearer("admin"), "Content-Type": "text/plain" }, data: "slug=x" });
    await expectError(res, 415);
    await expectError(await request.get(`/api/v1/services/${uniqueSlug("ghost")}`, { headers: bearer("admin") }), 404);
    await expectError(
      await request.patch(`/api/v1/services/${uniqueSlug("ghost")}`, { headers: bearer("admin"), data: { version: 1, description: "x" } }),
      404,
    );
    await expectError(
      await request.post(`/api/v1/services/${uniqueSlug("ghost")}/slos`, { headers: bearer("admin"), data: { name: "x", objective: 99 } }),
      404,
    );
    for (const id of ["0", "abc", "1.5", "99999999"])
      await expectError(await request.patch(`/api/v1/slos/${id}`, { headers: bearer("admin"), data: { version: 1, objective: 99 } }), 404);
  });

  const sloCases: { name: string; body: Record<string, unknown>; field: string }[] = [
    { name: "objective 49", body: { name: "x", objective: 49 }, field: "objective" },
    { name: "objective 100", body: { name: "x", objective: 100 }, field: "objective" },
    { name: 'objective "99.9" (a string)', body: { name: "x", objective: "99.9" }, field: "objective" },
    { name: "windowDays 0", body: { name: "x", objective: 99, windowDays: 0 }, field: "windowDays" },
    { name: "windowDays 91", body: { name: "x", objective: 99, windowDays: 91 }, field: "windowDays" },
    { name: "windowDays 1.5", body: { name: "x", objective: 99, windowDays: 1.5 }, field: "windowDays" },
    { name: "missing name", body: { objective: 99 }, field: "name" },
    { name: "unknown field", body: { name: "x", objective: 99, target: 99 }, field: "target" },
  ];
  for (const c of sloCases) {
    test(`create SLO: ${c.name}`, async ({ request }) => {
      const service = await createService(request);
      const body = await expectError(await request.post(`/api/v1/services/${service.slug}/slos`, { headers: bearer("admin"), data: c.body }), 400, c.field);
      expect(body.error.code).toBe("validation_failed");
      expect((await getService(request, service.slug)).slos).toEqual([]);
    });
  }

  test("patch SLO with an out-of-range objective or window → 400", async ({ request }) => {
    const service = await createService(request);
    const slo = await createSlo(request, service.slug);
    await expectError(await request.patch(`/api/v1/slos/${slo.id}`, { headers: bearer("admin"), data: { version: 1, objective: 49 } }), 400, "objective");
    await expectError(await request.patch(`/api/v1/slos/${slo.id}`, { headers: bearer("admin"), data: { version: 1, windowDays: 91 } }), 400, "windowDays");
    await expectError(await request.patch(`/api/v1/slos/${slo.id}`, { headers: bearer("admin"), data: { objective: 99 } }), 400, "version");
  });

  test("link: unknown impact, unknown service, bad slug, unknown field → 400 naming the field", async ({ request }) => {
    const service = await createService(request);
    const incident = await declare(request, { title: marker("Bad link"), severity: "SEV4" });
    const url = `/api/v1/incidents/${incident.reference}/services`;
    const responder = bearer("responder");
    await expectError(await request.post(url, { headers: responder, data: { service: service.slug, impact: "meltdown" } }), 400, "impact");
    const unknown = await expectError(
      await request.post(url, { headers: responder, data: { service: uniqueSlug("ghost"), impact: "degraded" } }),
      400,
      "service",
    );
    expect(unknown.error.message).toMatch(/Unknown service/);
    await expectError(await request.post(url, { headers: responder, data: { service: "Not a slug!", impact: "degraded" } }), 400, "service");
    await expectError(await request.post(url, { headers: responder, data: { impact: "degraded" } }), 400, "service");
    await expectError(await request.post(url, { headers: responder, data: { service: service.slug, impact: "degraded", note: "x" } }), 400, "note");
    const linked = (await (await request.get(url, { headers: responder })).json()) as { items: unknown[] };
    expect(linked.items).toEqual([]);
  });

  test("declare with an unknown service → 400 naming it, nothing stored", async ({ request }) => {
    const title = marker("Declare ghost");
    await expectError(
      await request.post("/api/v1/incidents", {
        headers: bearer("responder"),
        data: { title, severity: "SEV3", services: [{ service: uniqueSlug("ghost"), impact: "degraded" }] },
      }),
      400,
      "services.0.service",
    );
    const found = (await (await request.get(`/api/v1/incidents?q=${encodeURIComponent(title)}`, { headers: bearer("admin") })).json()) as { items: unknown[] };
    expect(found.items).toEqual([]);
  });
});

test.describe("services: optimistic concurrency", () => {
  test("a stale service version → 409 with the current service in the GET shape", async ({ request }) => {
    const service = await createService(request);
    const first = await request.patch(`/api/v1/services/${service.slug}`, { headers: bearer("responder"), data: { version: 1, description: "First edit" } });
    expect(first.status()).toBe(200);
    const body = await expectError(
      await request.patch(`/api/v1/services/${service.slug}`, { headers: bearer("admin"), data: { version: 1, description: "Second edit" } }),
      409,
      "version",
    );
    const current = (body as unknown as { current: ServiceJson & { slos: SloJson[] } }).current;
    expect(current).toMatchObject({ slug: service.slug, version: 2, description: "First edit", slos: [] });
    expect((await getService(request, service.slug)).description).toBe("First edit");
  });

  test("a stale SLO version → 409 with the current SLO and its budget", async ({ request }) => {
    const service = await createService(request);
    const slo = await createSlo(request, service.slug, { objective: 99 });
    expect((await request.patch(`/api/v1/slos/${slo.id}`, { headers: bearer("admin"), data: { version: 1, name: "Renamed" } })).status()).toBe(200);
    const body = await expectError(
      await request.patch(`/api/v1/slos/${slo.id}`, { headers: bearer("admin"), data: { version: 1, objective: 98 } }),
      409,
      "version",
    );
    const current = (body as unknown as { current: SloJson }).current;
    expect(current).toMatchObject({ id: slo.id, name: "Renamed", version: 2, objective: 99, budget: { budgetMinutes: 403.2 } });
  });
});

test.describe("services: catalogue filters", () => {
  test("q, tier, openIncident and atRisk filter the list; most critical tier first", async ({ request }) => {
    const tag = uniqueSlug("filt");
    const calm = await createService(request, { slug: `${tag}-calm`, tier: 3 });
    const busy = await createService(request, { slug: `${tag}-busy`, tier: 1 });
    const burnt = await createService(request, { slug: `${tag}-burnt`, tier: 2, description: "Burns budget" });
    // 99.9 % over 1 day = 1.44 minutes; an open full outage started 10 minutes ago exhausts it.
    await createSlo(request, burnt.slug, { objective: 99.9, windowDays: 1 });
    await createSlo(request, calm.slug, { objective: 99 });
    await declare(request, { title: marker("Busy"), severity: "SEV4", services: [{ service: busy.slug, impact: "degraded" }] });
    await declare(request, {
      title: marker("Burnt"),
      severity: "SEV3",
      startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      services: [{ service: burnt.slug, impact: "full_outage" }],
    });

    const list = async (query: string) => {
      const res = await request.get(`/api/v1/services?q=${tag}${query}`, { headers: bearer("viewer") });
      expect(res.status(), await res.text()).toBe(200);
      return ((await res.json()) as { items: ServiceJson[] }).items;
    };
    expect((await list("")).map((s) => s.slug)).toEqual([busy.slug, burnt.slug, calm.slug]);
    expect((await list("&tier=3")).map((s) => s.slug)).toEqual([calm.slug]);
    expect((await list("&openIncident=1")).map((s) => s.slug)).toEqual([busy.slug, burnt.slug]);
    const atRisk = await list("&atRisk=true");
    expect(atRisk.map((s) => [s.slug, s.worstStatus, s.openIncidents])).toEqual([[burnt.slug, "exhausted", 1]]);
    expect((await list("&tier=1&atRisk=1")).map((s) => s.slug)).toEqual([]);
    await expectError(await request.get(`/api/v1/services?tier=4`, { headers: bearer("viewer") }), 400, "tier");
  });
});
