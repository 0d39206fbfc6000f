import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { expectError, getIncident, marker, sessionFor, timeline } from "../support/api/helpers";
import { CHECKLIST_KEYS, pmUrl, readPostmortem, resolvedIncident, startPostmortem, writeRequired } from "../support/api/postmortems";
import type { PostmortemJson, PostmortemListItemJson } from "../support/api/types";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test.describe("starting and reading", () => {
  test("POST starts it once (201, pre-filled), a second POST is 409; GET is 404 before", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    await expectError(await request.get(pmUrl(ref), { headers: bearer("responder") }), 404);

    const res = await request.post(pmUrl(ref), { headers: bearer("responder") });
    expect(res.status()).toBe(201);
    expect(res.headers()["location"]).toBe(pmUrl(ref));
    const pm = (await res.json()) as PostmortemJson;
    expect(pm).toMatchObject({
      incident: ref,
      status: "draft",
      version: 1,
      owner: null,
      tags: [],
      factors: [],
      reviewers: [],
      comments: [],
      publishedAt: null,
    });
    expect(pm.createdAt).toMatch(ISO);
    expect(pm.due.state).toBe("due");
    expect(pm.due.dueAt).toMatch(ISO);
    expect(Object.keys(pm.sections)).toContain("root_causes");
    expect(pm.sections.timeline).toContain("Declared SEV2 incident");
    expect(pm.sections.impact).toContain("Time to resolve");
    expect(pm.reviewChecklist).toEqual(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, false])));

    const again = await expectError(await request.post(pmUrl(ref), { headers: bearer("admin") }), 409);
    expect((again as unknown as { current: PostmortemJson }).current.id).toBe(pm.id);
    expect(await readPostmortem(request, ref, "responder")).toEqual(pm);

    const entries = await timeline(request, ref);
    expect(entries.filter((e) => e.kind === "postmortem").map((e) => e.body)).toEqual(["Postmortem started"]);
  });

  test("a person starting it owns it", async ({ playwright, baseURL, request }) => {
    const incident = await resolvedIncident(request);
    const session = await sessionFor(playwright, baseURL!, "responder");
    const res = await session.post(pmUrl(incident.reference));
    expect(res.status(), await res.text()).toBe(201);
    expect(((await res.json()) as PostmortemJson).owner).toMatchObject({ name: "Riley Responder", email: fixtures().users.responder });
    await session.dispose();
  });
});

test.describe("saving", () => {
  test("PUT merges sections, sets factors, tags and owner by email; 409 with current on a stale version", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    const pm = await startPostmortem(request, ref);
    const factors = ((await (await request.get("/api/v1/factors", { headers: bearer("viewer") })).json()) as { items: { id: number; name: string }[] }).items;
    expect(factors.map((f) => f.name)).toEqual(expect.arrayContaining(["Change / deploy", "Configuration", "Monitoring gap"]));
    const config = factors.find((f) => f.name === "Configuration")!;

    const put = await request.put(pmUrl(ref), {
      headers: bearer("responder"),
      data: {
        version: pm.version,
        sections: { summary: "Checkout failed for 40 minutes." },
        factorIds: [config.id],
        tags: ["checkout"],
        ownerEmail: fixtures().users.responder2,
      },
    });
    expect(put.status(), await put.text()).toBe(200);
    const saved = (await put.json()) as PostmortemJson;
    expect(saved.version).toBe(pm.version + 1);
    expect(saved.sections.summary).toBe("Checkout failed for 40 minutes.");
    expect(saved.sections.timeline).toBe(pm.sections.timeline);
    expect(saved.factors).toEqual([{ id: config.id, name: "Configuration" }]);
    expect(saved.tags).toEqual(["checkout"]);
    expect(saved.owner?.name).toBe("Sam Second");

    // Someone else saves from the old version: 409 with the current postmortem; nothing of the first save is lost.
    const stale = await request.put(pmUrl(ref), { headers: bearer("admin"), data: { version: pm.version, sections: { summary: "Other words" } } });
    const body = (await expectError(stale, 409)) as unknown as { error: { code: string }; current: PostmortemJson };
    expect(body.error.code).toBe("conflict");
    expect(body.current).toEqual(saved);
    expect((await readPostmortem(request, ref)).sections.summary).toBe("Checkout failed for 40 minutes.");
  });

  test("regenerating the timeline picks up newly highlighted entries", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    const pm = await startPostmortem(request, ref);
    const note = await request.post(`/api/v1/incidents/${ref}/timeline`, {
      headers: bearer("responder"),
      data: { body: "Paged the database team", highlighted: true },
    });
    expect(note.status()).toBe(201);
    await expectError(await request.post(pmUrl(ref, "/timeline"), { headers: bearer("responder"), data: { version: pm.version + 1 } }), 409);
    const res = await request.post(pmUrl(ref, "/timeline"), { headers: bearer("responder"), data: { version: pm.version } });
    expect(res.status(), await res.text()).toBe(200);
    const regenerated = (await res.json()) as PostmortemJson;
    expect(regenerated.sections.timeline).toContain("Paged the database team");
    expect(regenerated.version).toBe(pm.version + 1);
  });
});

test.describe("review and publishing", () => {
  test("draft → in_review → published by a named reviewer closes the resolved incident", async ({ playwright, baseURL, request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    let pm = await writeRequired(request, ref, await startPostmortem(request, ref));

    // No reviewer yet: 422.
    await expectError(
      await request.post(pmUrl(ref, "/transitions"), { headers: bearer("responder"), data: { to: "in_review", version: pm.version } }),
      422,
      "reviewerIds",
    );

    let res = await request.post(pmUrl(ref, "/transitions"), {
      headers: bearer("responder"),
      data: { to: "in_review", version: pm.version, reviewerEmails: [fixtures().users.responder2], comment: "Ready for review" },
    });
    expect(res.status(), await res.text()).toBe(200);
    pm = (await res.json()) as PostmortemJson;
    expect(pm.status).toBe("in_review");
    expect(pm.reviewers.map((r) => r.name)).toEqual(["Sam Second"]);
    expect(pm.submittedAt).toMatch(ISO);

    // A comment on a section.
    const comment = await request.post(pmUrl(ref, "/comments"), { headers: bearer("responder"), data: { section: "root_causes", body: "One more why?" } });
    expect(comment.status(), await comment.text()).toBe(201);
    expect(await comment.json()).toMatchObject({ section: "root_causes", body: "One more why?", author: 'API token "e2e responder"' });

    const reviewer = await sessionFor(playwright, baseURL!, "responder2");
    const riley = await sessionFor(playwright, baseURL!, "responder");
    // The owner/another responder cannot tick or publish; the reviewer can.
    await expectError(await riley.put(pmUrl(ref, "/review-checklist"), { data: { key: "data", checked: true } }), 403);
    for (const key of CHECKLIST_KEYS.slice(0, 3)) {
      const tick = await reviewer.put(pmUrl(ref, "/review-checklist"), { data: { key, checked: true } });
      expect(tick.status(), await tick.text()).toBe(200);
    }
    const missing = await expectError(
      await reviewer.post(pmUrl(ref, "/transitions"), { data: { to: "published", version: pm.version } }),
      422,
      "reviewChecklist",
    );
    expect(missing.error.message).toContain("Were the outcomes shared with the relevant stakeholders?");
    for (const key of CHECKLIST_KEYS.slice(3)) {
      expect((await reviewer.put(pmUrl(ref, "/review-checklist"), { data: { key, checked: true } })).status()).toBe(200);
    }
    await expectError(await riley.post(pmUrl(ref, "/transitions"), { data: { to: "published", version: pm.version } }), 403);
    await expectError(await request.post(pmUrl(ref, "/transitions"), { headers: bearer("responder"), data: { to: "published", version: pm.version } }), 403);

    res = await reviewer.post(pmUrl(ref, "/transitions"), { data: { to: "published", version: pm.version } });
    expect(res.status(), await res.text()).toBe(200);
    pm = (await res.json()) as PostmortemJson;
    expect(pm).toMatchObject({ status: "published", publishedBy: "Sam Second", due: { state: "published" } });

    const closed = await getIncident(request, ref);
    expect(closed.status).toBe("closed");
    const bodies = (await timeline(request, ref)).map((e) => e.body);
    expect(bodies).toContain("Postmortem published by Sam Second");
    expect(bodies).toContain("Status changed from Resolved to Closed");

    // Published: viewers read it; nobody edits it until an admin moves it back with a comment.
    expect((await readPostmortem(request, ref, "viewer")).status).toBe("published");
    const edit = await expectError(await request.put(pmUrl(ref), { headers: bearer("admin"), data: { version: pm.version, sections: { summary: "x" } } }), 422);
    expect(edit.error.message).toMatch(/back to draft first/);
    await expectError(await reviewer.post(pmUrl(ref, "/transitions"), { data: { to: "draft", version: pm.version, comment: "Reopen" } }), 403);
    await expectError(await request.post(pmUrl(ref, "/transitions"), { headers: bearer("admin"), data: { to: "draft", version: pm.version } }), 400, "comment");
    res = await request.post(pmUrl(ref, "/transitions"), {
      headers: bearer("admin"),
      data: { to: "draft", version: pm.version, comment: "Impact numbers were wrong" },
    });
    expect(res.status(), await res.text()).toBe(200);
    expect(((await res.json()) as PostmortemJson).status).toBe("draft");
    await expectError(await request.get(pmUrl(ref), { headers: bearer("viewer") }), 404);

    await reviewer.dispose();
    await riley.dispose();
  });

  test("an admin token publishes; in_review → draft needs a comment", async ({ request }) => {
    const incident = await resolvedIncident(request);
    const ref = incident.reference;
    let pm = await writeRequired(request, ref, await startPostmortem(request, ref));
    let res = await request.post(pmUrl(ref, "/transitions"), {
      headers: bearer("responder"),
      data: { to: "in_review", version: pm.version, reviewerEmails: [fixtures().users.admin] },
    });
    pm = (await res.json()) as PostmortemJson;
    await expectError(await request.post(pmUrl(ref, "/transitions"), { headers: bearer("admin"), data: { to: "draft", version: pm.version } }), 400, "comment");
    res = await request.post(pmUrl(ref, "/transitions"), {
      headers: bearer("admin"),
      data: { to: "draft", version: pm.version, comment: "Needs impact numbers" },
    });
    pm = (await res.json()) as PostmortemJson;
    expect(pm.comments.at(-1)).toMatchObject({ section: "review", body: "Needs impact numbers" });
    res = await request.post(pmUrl(ref, "/transitions"), { headers: bearer("responder"), data: { to: "in_review", version: pm.version } });
    pm = (await res.json()) as PostmortemJson;
    expect(pm.status).toBe("in_review");
    for (const key of CHECKLIST_KEYS)
      expect((await request.put(pmUrl(ref, "/review-checklist"), { headers: bearer("admin"), data: { key, checked: true } })).status()).toBe(200);
    res = await request.post(pmUrl(ref, "/transitions"), { headers: bearer("admin"), data: { to: "published", version: pm.version } });
    expect(res.status(), await res.text()).toBe(200);
    expect(((await res.json()) as PostmortemJson).publishedBy).toBeNull();
  });
});

test.describe("markdown export", () => {
  test("GET postmortem.md downloads every section, factors and action items with owners and status", async ({ request }) => {
    const incident = await resolvedIncident(request, { title: marker("Export") });
    const ref = incident.reference;
    const pm = await startPostmortem(request, ref);
    const factors = ((await (await request.get("/api/v1/factors", { headers: bearer("responder") })).json()) as { items: { id: number; name: string }[] })
      .items;
    const capacity = factors.find((f) => f.name === "Capacity")!;
    await request.put(pmUrl(ref), {
      headers: bearer("responder"),
      data: { version: pm.version, sections: { summary: "Queue | backlog grew." }, factorIds: [capacity.id] },
    });
    const item = await request.post(`/api/v1/incidents/${ref}/action-items`, {
      headers: bearer("responder"),
      data: {
        title: "Alert on queue depth",
        ownerEmail: fixtures().users.responder2,
        priority: "P1",
        kind: "detect",
        trackerUrl: "https://tracker.example/OPS-1",
      },
    });
    expect(item.status(), await item.text()).toBe(201);

    const res = await request.get(`/api/v1/incidents/${ref}/postmortem.md`, { headers: bearer("responder") });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/markdown/);
    expect(res.headers()["content-disposition"]).toBe(`attachment; filename="${ref}-postmortem.md"`);
    const md = await res.text();
    expect(md.split("\n")[0]).toBe(`# Postmortem: ${ref} — ${incident.title}`);
    expect(md).toContain("| Severity | SEV2 (Major) |");
    expect(md).toContain("## Summary\n\nQueue | backlog grew.");
    expect(md).toContain("## Where we got lucky\n\n_Not written yet._");
    expect(md).toContain("### Contributing factors\n\n- Capacity");
    expect(md).toMatch(/\| Alert on queue depth \| Sam Second \| P1 \| Open \| \d{4}-\d{2}-\d{2} \| <https:\/\/tracker\.example\/OPS-1> \|/);

    // Viewers only get published ones; no postmortem → 404.
    await expectError(await request.get(`/api/v1/incidents/${ref}/postmortem.md`, { headers: bearer("viewer") }), 404);
    const none = await resolvedIncident(request);
    await expectError(await request.get(`/api/v1/incidents/${none.reference}/postmortem.md`, { headers: bearer("admin") }), 404);
  });
});

test.describe("list", () => {
  test("GET /api/v1/postmortems lists started ones and required ones not started; viewers see published only", async ({ request }) => {
    const tag = marker("pmlist");
    const missing = await resolvedIncident(request, { title: `${tag} missing`, severity: "SEV1" });
    await resolvedIncident(request, { title: `${tag} minor`, severity: "SEV4" });
    const drafted = await resolvedIncident(request, { title: `${tag} drafted` });
    await startPostmortem(request, drafted.reference);

    const list = async (query: string, role: "admin" | "responder" | "viewer" = "responder") => {
      const res = await request.get(`/api/v1/postmortems?${query}`, { headers: bearer(role) });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { items: PostmortemListItemJson[]; nextCursor: string | null };
    };
    const { items } = await list(`q=${encodeURIComponent(tag)}`);
    expect(items.map((i) => i.incident.title).sort()).toEqual([`${tag} drafted`, `${tag} missing`]);
    const notStarted = items.find((i) => i.incident.reference === missing.reference)!;
    expect(notStarted).toMatchObject({
      status: "not_started",
      postmortemId: null,
      owner: null,
      due: { state: "due" },
      incident: { severity: "SEV1", status: "resolved" },
    });
    expect(notStarted.due.dueAt).toMatch(ISO);
    expect((await list(`q=${encodeURIComponent(tag)}&status=not_started`)).items.map((i) => i.incident.reference)).toEqual([missing.reference]);
    expect((await list(`q=${encodeURIComponent(tag)}&status=draft`)).items.map((i) => i.incident.reference)).toEqual([drafted.reference]);
    expect((await list(`q=${encodeURIComponent(tag)}&due=overdue`)).items).toEqual([]);
    expect((await list(`q=${encodeURIComponent(tag)}`, "viewer")).items).toEqual([]);
    const paged = await list(`q=${encodeURIComponent(tag)}&limit=1`);
    expect(paged.items).toHaveLength(1);
    expect(paged.nextCursor).toBeTruthy();
    const rest = await list(`q=${encodeURIComponent(tag)}&limit=1&cursor=${paged.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0]!.incident.reference).not.toBe(paged.items[0]!.incident.reference);

    await expectError(await request.get("/api/v1/postmortems?status=lost", { headers: bearer("responder") }), 400, "status");
    await expectError(await request.get("/api/v1/postmortems?due=soon", { headers: bearer("responder") }), 400, "due");
    await expectError(await request.get("/api/v1/postmortems?limit=500", { headers: bearer("responder") }), 400, "limit");
  });
});
