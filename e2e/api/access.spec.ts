import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { declare, expectError, getIncident, marker, search, sessionFor, timeline } from "../support/api/helpers";
import type { IncidentJson } from "../support/api/types";

test.describe("authentication", () => {
  test("no credentials → 401 on every route", async ({ request }) => {
    const incident = await declare(request, { title: marker("Auth"), severity: "SEV4" });
    const ref = incident.reference;
    for (const res of [
      await request.get("/api/v1/incidents"),
      await request.post("/api/v1/incidents", { data: { title: "x", severity: "SEV1" } }),
      await request.get(`/api/v1/incidents/${ref}`),
      await request.patch(`/api/v1/incidents/${ref}`, { data: { version: 1, title: "x" } }),
      await request.get(`/api/v1/incidents/${ref}/timeline`),
      await request.post(`/api/v1/incidents/${ref}/timeline`, { data: { body: "x" } }),
      await request.patch(`/api/v1/incidents/${ref}/timeline/1`, { data: { highlighted: true } }),
      // Even for a reference that does not exist: authentication comes first.
      await request.get("/api/v1/incidents/nonsense"),
    ]) {
      const body = await expectError(res, 401);
      expect(body.error.code).toBe("unauthenticated");
    }
  });

  test("an unknown, malformed or non-bearer token → 401", async ({ request }) => {
    for (const authorization of ["Bearer hs_not-a-real-token", "Bearer nothing", "Bearer", "Basic YWRtaW46YWRtaW4=", `Bearer ${fixtures().tokens.admin}x`]) {
      await expectError(await request.get("/api/v1/incidents", { headers: { Authorization: authorization } }), 401);
    }
  });

  test("a bad token is refused even alongside a valid session cookie", async ({ playwright, baseURL }) => {
    const session = await sessionFor(playwright, baseURL!, "admin");
    await expectError(await session.get("/api/v1/incidents", { headers: { Authorization: "Bearer hs_wrong" } }), 401);
    expect((await session.get("/api/v1/incidents")).status()).toBe(200);
    await session.dispose();
  });
});

test.describe("role matrix", () => {
  test("a viewer token reads but cannot write", async ({ request }) => {
    const incident = await declare(request, { title: marker("Viewer reads"), severity: "SEV3" });
    const ref = incident.reference;
    const note = await request.post(`/api/v1/incidents/${ref}/timeline`, { headers: bearer("responder"), data: { body: "A note" } });
    const noteId = ((await note.json()) as { id: number }).id;
    const viewer = bearer("viewer");

    expect((await request.get("/api/v1/incidents", { headers: viewer })).status()).toBe(200);
    expect((await request.get(`/api/v1/incidents/${ref}`, { headers: viewer })).status()).toBe(200);
    expect((await request.get(`/api/v1/incidents/${ref}/timeline`, { headers: viewer })).status()).toBe(200);

    await expectError(await request.post("/api/v1/incidents", { headers: viewer, data: { title: marker("Viewer declares"), severity: "SEV1" } }), 403);
    await expectError(await request.patch(`/api/v1/incidents/${ref}`, { headers: viewer, data: { version: incident.version, status: "resolved" } }), 403);
    await expectError(await request.post(`/api/v1/incidents/${ref}/timeline`, { headers: viewer, data: { body: "Viewer note" } }), 403);
    await expectError(await request.patch(`/api/v1/incidents/${ref}/timeline/${noteId}`, { headers: viewer, data: { highlighted: true } }), 403);

    // Nothing changed.
    const after = await getIncident(request, ref);
    expect(after).toMatchObject({ status: "investigating", version: incident.version });
    const entries = (await (await request.get(`/api/v1/incidents/${ref}/timeline`, { headers: viewer })).json()) as {
      items: { body: string; highlighted: boolean }[];
    };
    expect(entries.items.map((e) => e.body)).not.toContain("Viewer note");
  });

  test("a viewer's session cannot declare either", async ({ playwright, baseURL, request }) => {
    const title = marker("Viewer session declares");
    const viewer = await sessionFor(playwright, baseURL!, "viewer");
    await expectError(await viewer.post("/api/v1/incidents", { data: { title, severity: "SEV1" } }), 403);
    expect((await viewer.get("/api/v1/incidents")).status()).toBe(200);
    await viewer.dispose();
    expect(await search(request, title)).toHaveLength(0);
  });

  test("responder and admin tokens can write", async ({ request }) => {
    for (const role of ["responder", "admin"] as const) {
      const incident = await declare(request, { title: marker(`${role} writes`), severity: "SEV3" }, role);
      const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
        headers: bearer(role),
        data: { version: incident.version, status: "identified" },
      });
      expect(res.status()).toBe(200);
      const note = await request.post(`/api/v1/incidents/${incident.reference}/timeline`, { headers: bearer(role), data: { body: "Working on it" } });
      expect(note.status()).toBe(201);
    }
  });
});

test.describe("sessions and CSRF", () => {
  test("a signed-in person declares with the session cookie and becomes commander", async ({ playwright, baseURL }) => {
    const responder = await sessionFor(playwright, baseURL!, "responder");
    const res = await responder.post("/api/v1/incidents", { data: { title: marker("Cookie declare"), severity: "SEV3" } });
    expect(res.status(), await res.text()).toBe(201);
    const incident = (await res.json()) as IncidentJson;
    expect(incident.commander).toEqual({ name: "Riley Responder", email: "responder@example.test" });
    expect(incident.acknowledgedAt).not.toBeNull();
    await responder.dispose();
  });

  test("a cookie write without a same-origin Origin or Sec-Fetch-Site is refused", async ({ playwright, baseURL, request }) => {
    const title = marker("CSRF");
    const incident = await declare(request, { title: marker("CSRF target"), severity: "SEV3" });
    const session = await sessionFor(playwright, baseURL!, "responder", { sameOrigin: false });
    const attempts: { headers: Record<string, string> }[] = [
      { headers: {} },
      { headers: { Origin: "https://evil.example" } },
      { headers: { Origin: "null" } },
      { headers: { "Sec-Fetch-Site": "cross-site" } },
      { headers: { "Sec-Fetch-Site": "same-site", Origin: baseURL! } },
    ];
    for (const { headers } of attempts) {
      await expectError(await session.post("/api/v1/incidents", { headers, data: { title, severity: "SEV1" } }), 403);
      await expectError(
        await session.patch(`/api/v1/incidents/${incident.reference}`, { headers, data: { version: incident.version, title: "Hijacked" } }),
        403,
      );
      await expectError(await session.post(`/api/v1/incidents/${incident.reference}/timeline`, { headers, data: { body: "Hijacked" } }), 403);
    }
    // Reads need no Origin.
    expect((await session.get(`/api/v1/incidents/${incident.reference}`)).status()).toBe(200);
    // Same-origin browser requests pass.
    const ok = await session.post(`/api/v1/incidents/${incident.reference}/timeline`, {
      headers: { "Sec-Fetch-Site": "same-origin" },
      data: { body: "From the page" },
    });
    expect(ok.status()).toBe(201);
    await session.dispose();

    expect(await search(request, title)).toHaveLength(0);
    // (The accepted note acknowledged the incident, so only the title is compared.)
    expect((await getIncident(request, incident.reference)).title).toBe(incident.title);
    expect((await timeline(request, incident.reference)).map((e) => e.body)).not.toContain("Hijacked");
  });
});

test.describe("private incidents", () => {
  test("exist only for admins and the people on them", async ({ playwright, baseURL, request }) => {
    const title = marker("Private breach");
    const responder = await sessionFor(playwright, baseURL!, "responder");
    const responder2 = await sessionFor(playwright, baseURL!, "responder2");
    const viewer = await sessionFor(playwright, baseURL!, "viewer");

    const res = await responder.post("/api/v1/incidents", { data: { title, severity: "SEV1", private: true, summary: "Leaked credentials" } });
    expect(res.status(), await res.text()).toBe(201);
    const incident = (await res.json()) as IncidentJson;
    expect(incident.private).toBe(true);
    const ref = incident.reference;

    // The declarer sees it everywhere.
    expect((await responder.get(`/api/v1/incidents/${ref}`)).status()).toBe(200);
    expect(((await (await responder.get(`/api/v1/incidents?q=${title}`)).json()) as { items: IncidentJson[] }).items).toHaveLength(1);

    // To another responder, a viewer and non-admin tokens it does not exist.
    for (const [who, ctx, headers] of [
      ["responder2 session", responder2, {}],
      ["viewer session", viewer, {}],
      ["viewer token", request, bearer("viewer")],
      ["responder token", request, bearer("responder")],
    ] as const) {
      await test.step(who, async () => {
        const get = await ctx.get(`/api/v1/incidents/${ref}`, { headers });
        const body = await expectError(get, 404);
        expect(body.error.message).not.toContain(title);
        await expectError(await ctx.get(`/api/v1/incidents/${ref}/timeline`, { headers }), 404);
        const list = (await (await ctx.get("/api/v1/incidents?limit=200", { headers })).json()) as { items: IncidentJson[] };
        expect(list.items.map((i) => i.reference)).not.toContain(ref);
        const found = (await (await ctx.get(`/api/v1/incidents?q=${encodeURIComponent(title)}`, { headers })).json()) as { items: IncidentJson[] };
        expect(found.items).toHaveLength(0);
        const byRef = (await (await ctx.get(`/api/v1/incidents?q=${ref}`, { headers })).json()) as { items: IncidentJson[] };
        expect(byRef.items.map((i) => i.reference)).not.toContain(ref);
      });
    }
    // Writes by outsiders are 404 too (not 403: that would say it exists).
    await expectError(await responder2.patch(`/api/v1/incidents/${ref}`, { data: { version: incident.version, title: "Seen" } }), 404);
    await expectError(await responder2.post(`/api/v1/incidents/${ref}/timeline`, { data: { body: "Seen" } }), 404);
    await expectError(
      await request.patch(`/api/v1/incidents/${ref}`, { headers: bearer("responder"), data: { version: incident.version, title: "Seen" } }),
      404,
    );

    // Admins see it.
    expect((await getIncident(request, ref, "admin")).title).toBe(title);
    expect((await search(request, title, "admin")).map((i) => i.reference)).toEqual([ref]);

    // Giving responder2 a role on it lets them in.
    const patched = await responder.patch(`/api/v1/incidents/${ref}`, { data: { version: incident.version, scribeEmail: "responder2@example.test" } });
    expect(patched.status(), await patched.text()).toBe(200);
    expect((await responder2.get(`/api/v1/incidents/${ref}`)).status()).toBe(200);
    await expectError(await viewer.get(`/api/v1/incidents/${ref}`), 404);

    await Promise.all([responder.dispose(), responder2.dispose(), viewer.dispose()]);
  });

  test("a token sees the private incident it declared; other non-admins do not", async ({ playwright, baseURL, request }) => {
    const title = marker("Private by token");
    const incident = await declare(request, { title, severity: "SEV2", private: true });
    expect(incident.private).toBe(true);
    expect((await request.get(`/api/v1/incidents/${incident.reference}`, { headers: bearer("responder") })).status()).toBe(200);
    const note = await request.post(`/api/v1/incidents/${incident.reference}/timeline`, { headers: bearer("responder"), data: { body: "Rotating keys" } });
    expect(note.status()).toBe(201);

    await expectError(await request.get(`/api/v1/incidents/${incident.reference}`, { headers: bearer("viewer") }), 404);
    const responder = await sessionFor(playwright, baseURL!, "responder");
    await expectError(await responder.get(`/api/v1/incidents/${incident.reference}`), 404);
    await responder.dispose();
    expect((await getIncident(request, incident.reference, "admin")).title).toBe(title);
  });
});
