import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, marker, sessionFor } from "../support/api/helpers";
import { addActionItem } from "../support/api/action-items";
import type { ActionItemJson } from "../support/api/types";

test.describe("action items: who may do what", () => {
  test("no credentials → 401 on every action item route", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI auth"), severity: "SEV3" });
    const item = await addActionItem(request, incident.reference);
    for (const res of [
      await request.get("/api/v1/action-items"),
      await request.get(`/api/v1/action-items/${item.id}`),
      await request.patch(`/api/v1/action-items/${item.id}`, { data: { version: 1, status: "done" } }),
      await request.get(`/api/v1/incidents/${incident.reference}/action-items`),
      await request.post(`/api/v1/incidents/${incident.reference}/action-items`, { data: { title: "x" } }),
    ]) {
      expect((await expectError(res, 401)).error.code).toBe("unauthenticated");
    }
  });

  test("a viewer reads action items but cannot add or change them", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI viewer"), severity: "SEV3" });
    const item = await addActionItem(request, incident.reference);
    const viewer = bearer("viewer");
    expect((await request.get("/api/v1/action-items", { headers: viewer })).status()).toBe(200);
    expect((await request.get(`/api/v1/action-items/${item.id}`, { headers: viewer })).status()).toBe(200);
    const list = await request.get(`/api/v1/incidents/${incident.reference}/action-items`, { headers: viewer });
    expect(list.status()).toBe(200);
    expect(((await list.json()) as { items: ActionItemJson[] }).items.map((i) => i.id)).toEqual([item.id]);

    await expectError(
      await request.post(`/api/v1/incidents/${incident.reference}/action-items`, {
        headers: viewer,
        data: { title: "Viewer item", ownerId: item.owner!.id, priority: "P2", kind: "detect" },
      }),
      403,
    );
    await expectError(await request.patch(`/api/v1/action-items/${item.id}`, { headers: viewer, data: { version: 1, status: "done" } }), 403);
    const after = (await (await request.get(`/api/v1/action-items/${item.id}`, { headers: viewer })).json()) as ActionItemJson;
    expect(after).toMatchObject({ status: "open", version: 1 });
  });

  test("a viewer's session cannot write either; a responder's session can, from this site only", async ({ playwright, baseURL, request }) => {
    const incident = await declare(request, { title: marker("AI sessions"), severity: "SEV3" });
    const item = await addActionItem(request, incident.reference);
    const viewer = await sessionFor(playwright, baseURL!, "viewer");
    await expectError(await viewer.patch(`/api/v1/action-items/${item.id}`, { data: { version: 1, status: "done" } }), 403);
    await viewer.dispose();

    const crossSite = await sessionFor(playwright, baseURL!, "responder", { sameOrigin: false });
    await expectError(
      await crossSite.patch(`/api/v1/action-items/${item.id}`, { data: { version: 1, status: "done" }, headers: { Origin: "https://evil.example" } }),
      403,
    );
    await crossSite.dispose();

    const responder = await sessionFor(playwright, baseURL!, "responder");
    const res = await responder.patch(`/api/v1/action-items/${item.id}`, { data: { version: 1, status: "in_progress" } });
    expect(res.status(), await res.text()).toBe(200);
    await responder.dispose();
  });

  test("a private incident's action items are a 404 to outsiders and left out of their lists", async ({ playwright, baseURL, request }) => {
    const title = marker("AI private");
    const incident = await declare(request, { title, severity: "SEV2", private: true });
    const item = await addActionItem(request, incident.reference, { title });
    const ref = incident.reference;

    // The responder person is not on this incident (a token declared it); the viewer token neither.
    const outsider = await sessionFor(playwright, baseURL!, "responder");
    for (const res of [
      await outsider.get(`/api/v1/action-items/${item.id}`),
      await outsider.patch(`/api/v1/action-items/${item.id}`, { data: { version: 1, status: "done" } }),
      await outsider.get(`/api/v1/incidents/${ref}/action-items`),
      await outsider.post(`/api/v1/incidents/${ref}/action-items`, { data: { title: "x", ownerId: item.owner!.id, priority: "P1", kind: "repair" } }),
      await request.get(`/api/v1/action-items/${item.id}`, { headers: bearer("viewer") }),
    ]) {
      await expectError(res, 404);
    }
    const listed = (await (await outsider.get(`/api/v1/action-items?incident=${ref}`)).json()) as { items: ActionItemJson[] };
    expect(listed.items).toHaveLength(0);
    const all = (await (await outsider.get("/api/v1/action-items?limit=200&sort=-due")).json()) as { items: ActionItemJson[] };
    expect(all.items.map((i) => i.title)).not.toContain(title);
    await outsider.dispose();

    // Admins see it.
    const admin = await request.get(`/api/v1/action-items?incident=${ref}`, { headers: bearer("admin") });
    expect(((await admin.json()) as { items: ActionItemJson[] }).items.map((i) => i.id)).toEqual([item.id]);
  });

  test("responder and admin tokens can add and change items", async ({ request }) => {
    for (const role of ["responder", "admin"] as const) {
      const incident = await declare(request, { title: marker(`AI ${role}`), severity: "SEV4" }, role);
      const item = await addActionItem(request, incident.reference, {}, role);
      const res = await request.patch(`/api/v1/action-items/${item.id}`, { headers: bearer(role), data: { version: item.version, status: "done" } });
      expect(res.status()).toBe(200);
      expect(((await res.json()) as ActionItemJson).status).toBe("done");
    }
  });
});
