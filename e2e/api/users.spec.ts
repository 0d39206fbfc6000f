import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { declare, expectError, getIncident } from "../support/api/helpers";
import type { PostmortemJson } from "../support/api/types";

type UserJson = { id: number; name: string; email: string; role: string; active: boolean };
type Page = { items: UserJson[]; nextCursor: string | null };

const users = async (request: Parameters<typeof declare>[0], query: string, role: "admin" | "responder" = "responder") => {
  const res = await request.get(`/api/v1/users${query}`, { headers: bearer(role) });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Page;
};

test.describe("GET /api/v1/users", () => {
  test("q matches name or email, any case; fields id, name, email, role, active", async ({ request }) => {
    const byName = await users(request, "?q=sam%20SEC");
    expect(byName.items).toEqual([{ id: expect.any(Number), name: "Sam Second", email: fixtures().users.responder2, role: "responder", active: true }]);
    const byEmail = await users(request, `?q=${encodeURIComponent(fixtures().users.viewer.toUpperCase())}`);
    expect(byEmail.items.map((u) => u.name)).toEqual(["Vic Viewer"]);
    expect((await users(request, "?q=zzz-nobody")).items).toEqual([]);
  });

  test("pages with limit and cursor", async ({ request }) => {
    const first = await users(request, "?limit=2", "admin");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await users(request, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`, "admin");
    expect(second.items.map((u) => u.id)).not.toContain(first.items[0]!.id);
  });

  test("viewers get 403, no credentials 401, bad input 400 naming the field", async ({ request }) => {
    await expectError(await request.get("/api/v1/users", { headers: bearer("viewer") }), 403);
    await expectError(await request.get("/api/v1/users"), 401);
    await expectError(await request.get("/api/v1/users?limit=0", { headers: bearer("admin") }), 400, "limit");
    await expectError(await request.get("/api/v1/users?active=maybe", { headers: bearer("admin") }), 400, "active");
    await expectError(await request.get("/api/v1/users?cursor=junk", { headers: bearer("admin") }), 400, "cursor");
  });
});

test.describe("people by email in place of ids", () => {
  test("an automation client names roles, responders, the postmortem owner and reviewers by email", async ({ request }) => {
    const f = fixtures().users;
    const responder = bearer("responder");
    const incident = await declare(request, { title: "People by email", severity: "SEV3" });
    const url = `/api/v1/incidents/${incident.reference}`;

    // Roles: the commander by email, the scribe by the id read from /api/v1/users.
    const sam = (await users(request, `?q=${encodeURIComponent(f.responder2)}`)).items[0]!;
    const roles = await request.patch(url, { headers: responder, data: { version: incident.version, commanderEmail: f.responder, scribeId: sam.id } });
    expect(roles.status(), await roles.text()).toBe(200);
    expect(await roles.json()).toMatchObject({ commander: { email: f.responder }, scribe: { email: f.responder2 } });
    await expectError(
      await request.patch(url, { headers: responder, data: { version: incident.version + 1, scribeEmail: "nobody@example.test" } }),
      400,
      "scribeEmail",
    );
    await expectError(
      await request.patch(url, { headers: responder, data: { version: incident.version + 1, scribeId: sam.id, scribeEmail: f.responder2 } }),
      400,
      "scribeEmail",
    );

    // Responders by email, removed by email.
    const added = await request.post(`${url}/responders`, { headers: responder, data: { email: f.viewer } });
    expect(added.status(), await added.text()).toBe(200);
    expect(((await added.json()) as { responders: { email: string }[] }).responders.map((p) => p.email)).toEqual([f.viewer]);
    await expectError(await request.post(`${url}/responders`, { headers: responder, data: { email: "nobody@example.test" } }), 400, "email");
    await expectError(await request.post(`${url}/responders`, { headers: bearer("viewer"), data: { email: f.viewer } }), 403);
    const removed = await request.delete(`${url}/responders/${encodeURIComponent(f.viewer)}`, { headers: responder });
    expect(removed.status(), await removed.text()).toBe(200);
    expect((await getIncident(request, incident.reference)).responders).toEqual([]);
    await expectError(await request.delete(`${url}/responders/${encodeURIComponent(f.viewer)}`, { headers: responder }), 404);

    // The postmortem: owner and reviewers by email, then sent for review by email.
    const started = await request.post(`${url}/postmortem`, { headers: responder });
    expect(started.status(), await started.text()).toBe(201);
    let pm = (await started.json()) as PostmortemJson;
    const owned = await request.put(`${url}/postmortem`, { headers: responder, data: { version: pm.version, ownerEmail: f.responder2 } });
    expect(owned.status(), await owned.text()).toBe(200);
    pm = (await owned.json()) as PostmortemJson;
    expect(pm.owner?.email).toBe(f.responder2);
    await expectError(
      await request.put(`${url}/postmortem`, { headers: responder, data: { version: pm.version, ownerEmail: "nobody@example.test" } }),
      400,
      "ownerEmail",
    );
    const reviewers = await request.put(`${url}/postmortem/reviewers`, { headers: responder, data: { reviewerEmails: [f.admin, f.responder2] } });
    expect(reviewers.status(), await reviewers.text()).toBe(200);
    expect(((await reviewers.json()) as PostmortemJson).reviewers.map((r) => r.email).sort()).toEqual([f.admin, f.responder2].sort());
    await expectError(
      await request.put(`${url}/postmortem/reviewers`, { headers: responder, data: { reviewerEmails: [f.admin, "nobody@example.test"] } }),
      400,
      "reviewerEmails.1",
    );
    pm = await (await request.get(`${url}/postmortem`, { headers: responder })).json();
    const sent = await request.post(`${url}/postmortem/transitions`, {
      headers: responder,
      data: { to: "in_review", version: pm.version, reviewerEmails: [f.admin] },
    });
    expect(sent.status(), await sent.text()).toBe(200);
    expect(((await sent.json()) as PostmortemJson).reviewers.map((r) => r.email)).toEqual([f.admin]);

    // An action item owner by email.
    const item = await request.post(`${url}/action-items`, {
      headers: responder,
      data: { title: "Alert sooner", ownerEmail: f.responder2, priority: "P2", kind: "detect" },
    });
    expect(item.status(), await item.text()).toBe(201);
    expect(((await item.json()) as { owner: { email: string } }).owner.email).toBe(f.responder2);
  });
});
