import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { expectError } from "../support/api/helpers";
import { CHECKLIST_KEYS, pmUrl, resolvedIncident, startPostmortem } from "../support/api/postmortems";
import type { PostmortemJson } from "../support/api/types";

test("publishing an empty postmortem is a 422 naming every missing part; hints need acknowledgeHints", async ({ request }) => {
  const incident = await resolvedIncident(request);
  const ref = incident.reference;
  let pm = await startPostmortem(request, ref);
  const put = async (data: Record<string, unknown>) => {
    const res = await request.put(pmUrl(ref), { headers: bearer("responder"), data: { version: pm.version, ...data } });
    expect(res.status(), await res.text()).toBe(200);
    pm = (await res.json()) as PostmortemJson;
  };
  // Empty: even the generated impact and timeline removed.
  await put({ sections: { impact: "", timeline: "" } });
  let res = await request.post(pmUrl(ref, "/transitions"), {
    headers: bearer("responder"),
    data: { to: "in_review", version: pm.version, reviewerEmails: [fixtures().users.admin] },
  });
  expect(res.status(), await res.text()).toBe(200);
  pm = (await res.json()) as PostmortemJson;
  for (const key of CHECKLIST_KEYS)
    expect((await request.put(pmUrl(ref, "/review-checklist"), { headers: bearer("admin"), data: { key, checked: true } })).status()).toBe(200);

  const publish = (extra: Record<string, unknown> = {}) =>
    request.post(pmUrl(ref, "/transitions"), { headers: bearer("admin"), data: { to: "published", version: pm.version, ...extra } });
  const empty = await expectError(await publish(), 422);
  expect(empty.error.code).toBe("unprocessable");
  expect(Object.keys(empty.error.fields!)).toEqual([
    "sections.summary",
    "sections.impact",
    "sections.timeline",
    "sections.root_causes",
    "factorIds",
    "actionItems",
  ]);
  expect(empty.error.message).toContain("Write the “Summary” section");

  // A bad no-actions note is a 400 naming the field.
  await expectError(
    await request.put(pmUrl(ref), { headers: bearer("responder"), data: { version: pm.version, noActionItemsReason: "  " } }),
    400,
    "noActionItemsReason",
  );

  const factors = ((await (await request.get("/api/v1/factors", { headers: bearer("responder") })).json()) as { items: { id: number; name: string }[] }).items;
  await put({
    sections: {
      summary: "Checkout failed; root cause was human error.",
      impact: "All EU orders for 40 minutes.",
      timeline: "- **14:00 UTC** — Declared",
      root_causes: "A pool size default changed.",
    },
    factorIds: [factors.find((f) => f.name === "Unknown")!.id],
    noActionItemsReason: "Fixed for good during the incident.",
  });
  expect(pm.noActionItemsReason).toBe("Fixed for good during the incident.");
  const hinted = await expectError(await publish(), 422, "acknowledgeHints");
  expect(Object.keys(hinted.error.fields!)).toEqual(["acknowledgeHints"]);
  expect((hinted as unknown as { hints: unknown[] }).hints).toEqual([{ section: "summary", phrase: "human error" }]);

  res = await publish({ acknowledgeHints: true });
  expect(res.status(), await res.text()).toBe(200);
  expect(((await res.json()) as PostmortemJson).status).toBe("published");
  const md = await (await request.get(`/api/v1/incidents/${ref}/postmortem.md`, { headers: bearer("viewer") })).text();
  expect(md).toContain("**No action items needed:** Fixed for good during the incident.");
});

test("the timeline route always includes status changes; includeAllNotes adds plain notes", async ({ request }) => {
  const incident = await resolvedIncident(request);
  const ref = incident.reference;
  const pm = await startPostmortem(request, ref);
  expect(pm.sections.timeline).toMatch(/\*\*Resolved\*\*.*Status changed from Investigating to Resolved/);
  expect(pm.sections.timeline).toContain("**Impact started**");
  const note = await request.post(`/api/v1/incidents/${ref}/timeline`, { headers: bearer("responder"), data: { body: "Checked the replica lag" } });
  expect(note.status()).toBe(201);
  await expectError(
    await request.post(pmUrl(ref, "/timeline"), { headers: bearer("responder"), data: { version: pm.version, includeAllNotes: "yes" } }),
    400,
    "includeAllNotes",
  );
  const res = await request.post(pmUrl(ref, "/timeline"), { headers: bearer("responder"), data: { version: pm.version, includeAllNotes: true } });
  expect(res.status(), await res.text()).toBe(200);
  const all = (await res.json()) as PostmortemJson;
  expect(all.sections.timeline).toContain("Checked the replica lag");
  expect(all.sections.timeline).toContain("Status changed from Investigating to Resolved");
});
