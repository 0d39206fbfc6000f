import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { declare, expectError, marker, sessionFor } from "../support/api/helpers";
import { pmUrl, readPostmortem, resolvedIncident, startPostmortem } from "../support/api/postmortems";

test.describe("role matrix", () => {
  test("without credentials every postmortem route is 401", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    for (const res of [
      await request.get(pmUrl(ref)),
      await request.post(pmUrl(ref)),
      await request.put(pmUrl(ref), { data: { version: 1 } }),
      await request.post(pmUrl(ref, "/transitions"), { data: { to: "in_review", version: 1 } }),
      await request.post(pmUrl(ref, "/comments"), { data: { section: "summary", body: "x" } }),
      await request.put(pmUrl(ref, "/review-checklist"), { data: { key: "data", checked: true } }),
      await request.put(pmUrl(ref, "/reviewers"), { data: { reviewerIds: [] } }),
      await request.get(`/api/v1/incidents/${ref}/postmortem.md`),
      await request.get("/api/v1/postmortems"),
      await request.get("/api/v1/factors"),
    ]) {
      expect((await expectError(res, 401)).error.code).toBe("unauthenticated");
    }
  });

  test("viewers cannot start, edit, comment, move or tick; they cannot read drafts", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    const viewer = bearer("viewer");
    await expectError(await request.post(pmUrl(ref), { headers: viewer }), 403);
    const pm = await startPostmortem(request, ref);
    await expectError(await request.get(pmUrl(ref), { headers: viewer }), 404);
    await expectError(await request.put(pmUrl(ref), { headers: viewer, data: { version: pm.version, sections: { summary: "Viewer text" } } }), 403);
    await expectError(await request.post(pmUrl(ref, "/comments"), { headers: viewer, data: { section: "summary", body: "x" } }), 403);
    await expectError(
      await request.post(pmUrl(ref, "/transitions"), {
        headers: viewer,
        data: { to: "in_review", version: pm.version, reviewerEmails: [fixtures().users.admin] },
      }),
      403,
    );
    await expectError(await request.put(pmUrl(ref, "/review-checklist"), { headers: viewer, data: { key: "data", checked: true } }), 403);
    await expectError(await request.put(pmUrl(ref, "/reviewers"), { headers: viewer, data: { reviewerEmails: [fixtures().users.admin] } }), 403);
    await expectError(await request.post("/api/v1/factors", { headers: viewer, data: { name: marker("Viewer factor") } }), 403);
    expect((await readPostmortem(request, ref)).version).toBe(pm.version);
  });

  test("a private incident's postmortem is a 404 to people outside it", async ({ playwright, baseURL, request }) => {
    const riley = await sessionFor(playwright, baseURL!, "responder");
    const declared = await riley.post("/api/v1/incidents", { data: { title: marker("Private"), severity: "SEV1", private: true } });
    expect(declared.status()).toBe(201);
    const ref = ((await declared.json()) as { reference: string }).reference;
    expect((await riley.post(pmUrl(ref))).status()).toBe(201);

    const sam = await sessionFor(playwright, baseURL!, "responder2");
    for (const res of [
      await sam.get(pmUrl(ref)),
      await sam.post(pmUrl(ref)),
      await sam.put(pmUrl(ref), { data: { version: 1, sections: { summary: "x" } } }),
      await sam.post(pmUrl(ref, "/comments"), { data: { section: "summary", body: "x" } }),
      await sam.get(`/api/v1/incidents/${ref}/postmortem.md`),
      await request.get(pmUrl(ref), { headers: bearer("responder") }),
    ]) {
      await expectError(res, 404);
    }
    const list = await sam.get(`/api/v1/postmortems?q=${ref}`);
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    // Admins see it.
    expect((await readPostmortem(request, ref, "admin")).incident).toBe(ref);
    await riley.dispose();
    await sam.dispose();
  });

  test("cookie writes from another site are refused", async ({ playwright, baseURL, request }) => {
    const incident = await resolvedIncident(request);
    const crossSite = await sessionFor(playwright, baseURL!, "responder", { sameOrigin: false });
    await expectError(await crossSite.post(pmUrl(incident.reference), { headers: { Origin: "https://evil.example" } }), 403);
    await expectError(await request.get(pmUrl(incident.reference), { headers: bearer("admin") }), 404);
    await crossSite.dispose();
  });

  test("only admins add contributing factors", async ({ request }) => {
    const name = marker("Factor");
    await expectError(await request.post("/api/v1/factors", { headers: bearer("responder"), data: { name } }), 403);
    const res = await request.post("/api/v1/factors", { headers: bearer("admin"), data: { name, description: "New kind of cause" } });
    expect(res.status(), await res.text()).toBe(201);
    expect(await res.json()).toMatchObject({ name, description: "New kind of cause", archived: false });
    await expectError(await request.post("/api/v1/factors", { headers: bearer("admin"), data: { name: name.toUpperCase() } }), 409);
    const list = ((await (await request.get("/api/v1/factors", { headers: bearer("viewer") })).json()) as { items: { name: string }[] }).items;
    expect(list.map((f) => f.name)).toContain(name);
  });
});

test.describe("bad input", () => {
  test("unknown section, too long, bad tags, bad factor, bad owner, missing version", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    const pm = await startPostmortem(request, ref);
    const put = (data: Record<string, unknown>) => request.put(pmUrl(ref), { headers: bearer("responder"), data });

    const unknown = await expectError(await put({ version: pm.version, sections: { blame: "x" } }), 400, "sections.blame");
    expect(unknown.error.message).toContain("blame");
    await expectError(await put({ version: pm.version, sections: { summary: "x".repeat(50_001) } }), 400, "sections.summary");
    await expectError(await put({ version: pm.version, sections: { summary: 42 } }), 400, "sections.summary");
    await expectError(await put({ version: pm.version, sections: "text" }), 400, "sections");
    await expectError(await put({ version: pm.version, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 400, "tags");
    await expectError(await put({ version: pm.version, tags: ["x".repeat(41)] }), 400, "tags.0");
    await expectError(await put({ version: pm.version, factorIds: [999_999] }), 400, "factorIds");
    await expectError(await put({ version: pm.version, factorIds: ["capacity"] }), 400, "factorIds.0");
    await expectError(await put({ version: pm.version, ownerEmail: "nobody@example.test" }), 400, "ownerEmail");
    await expectError(await put({ version: pm.version, ownerEmail: fixtures().users.viewer }), 400, "ownerEmail");
    await expectError(await put({ sections: { summary: "x" } }), 400, "version");
    await expectError(await put({ version: pm.version, colour: "red" }), 400, "colour");
    await expectError(await request.put(pmUrl(ref), { headers: { ...bearer("responder"), "Content-Type": "text/plain" }, data: "summary=x" }), 415);
    expect((await readPostmortem(request, ref)).version).toBe(pm.version);
  });

  test("bad transitions, comments and checklist keys", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    const pm = await startPostmortem(request, ref);
    const move = (data: Record<string, unknown>, role: "admin" | "responder" = "responder") =>
      request.post(pmUrl(ref, "/transitions"), { headers: bearer(role), data });

    await expectError(await move({ to: "archived", version: pm.version }), 400, "to");
    await expectError(await move({ to: "in_review" }), 400, "version");
    await expectError(await move({ to: "published", version: pm.version }, "admin"), 422, "to");
    await expectError(await move({ to: "draft", version: pm.version }), 422, "to");
    await expectError(await move({ to: "in_review", version: pm.version, reviewerEmails: [fixtures().users.viewer] }), 400, "reviewerEmails.0");
    await expectError(await move({ to: "in_review", version: pm.version, reviewerEmails: ["ghost@example.test"] }), 400, "reviewerEmails.0");
    await expectError(await move({ to: "in_review", version: pm.version, reviewerIds: [999_999] }), 400, "reviewerIds");
    await expectError(await move({ to: "in_review", version: pm.version + 1, reviewerEmails: [fixtures().users.admin] }), 409);

    const comment = (data: Record<string, unknown>) => request.post(pmUrl(ref, "/comments"), { headers: bearer("responder"), data });
    await expectError(await comment({ section: "nope", body: "x" }), 400, "section");
    await expectError(await comment({ section: "summary", body: "  " }), 400, "body");
    await expectError(await comment({ section: "summary", body: "x".repeat(5001) }), 400, "body");

    await expectError(await request.put(pmUrl(ref, "/review-checklist"), { headers: bearer("admin"), data: { key: "vibes", checked: true } }), 400, "key");
    await expectError(await request.put(pmUrl(ref, "/review-checklist"), { headers: bearer("admin"), data: { key: "data", checked: "yes" } }), 400, "checked");

    // Unknown incident references and incidents without a postmortem.
    await expectError(await request.get(pmUrl("INC-99999999"), { headers: bearer("admin") }), 404);
    await expectError(await request.get(pmUrl("nonsense"), { headers: bearer("admin") }), 404);
    const other = await declare(request, { title: marker("No postmortem"), severity: "SEV3" });
    await expectError(await request.put(pmUrl(other.reference), { headers: bearer("responder"), data: { version: 1 } }), 404);
    await expectError(await request.post(pmUrl(other.reference, "/transitions"), { headers: bearer("responder"), data: { to: "in_review", version: 1 } }), 404);
  });
});
