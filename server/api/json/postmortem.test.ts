import { describe, expect, it } from "vitest";
import { toPostmortemJson, toPostmortemListItemJson, type PostmortemDetail } from "./postmortem";
import { SECTION_KEYS } from "../../../lib/postmortem-template";

const at = Date.parse("2026-11-25T14:00:00Z");
const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, ""])) as PostmortemDetail["sections"];

const detail: PostmortemDetail & { extra: string } = {
  id: 7,
  incidentId: 42,
  status: "in_review",
  version: 3,
  owner: { id: 2, name: "Riley", email: "riley@example.test", role: "responder" } as never,
  sections: { ...sections, summary: "It broke." },
  factors: [{ id: 1, name: "Capacity" }],
  tags: ["payments"],
  reviewers: [{ id: 3, name: "Sam", email: "sam@example.test" }],
  reviewChecklist: { data: true, impact: false, causes: false, actions: false, stakeholders: false },
  comments: [{ id: 9, section: "summary", body: "Shorter?", authorLabel: "Sam", createdAt: at }],
  createdAt: at,
  updatedAt: at + 1000,
  submittedAt: at + 2000,
  publishedAt: null,
  publishedBy: null,
  noActionItemsReason: "Nothing to follow up.",
  due: { state: "due", dueAt: at + 5 * 86_400_000 },
  extra: "internal",
};

describe("toPostmortemJson", () => {
  it("names the incident by reference, uses ISO times and only public fields", () => {
    const json = toPostmortemJson(detail);
    expect(json).toEqual({
      id: 7,
      incident: "INC-42",
      status: "in_review",
      version: 3,
      owner: { id: 2, name: "Riley", email: "riley@example.test" },
      sections: { ...sections, summary: "It broke." },
      factors: [{ id: 1, name: "Capacity" }],
      tags: ["payments"],
      reviewers: [{ id: 3, name: "Sam", email: "sam@example.test" }],
      reviewChecklist: { data: true, impact: false, causes: false, actions: false, stakeholders: false },
      comments: [{ id: 9, section: "summary", body: "Shorter?", author: "Sam", createdAt: "2026-11-25T14:00:00.000Z" }],
      createdAt: "2026-11-25T14:00:00.000Z",
      updatedAt: "2026-11-25T14:00:01.000Z",
      submittedAt: "2026-11-25T14:00:02.000Z",
      publishedAt: null,
      publishedBy: null,
      noActionItemsReason: "Nothing to follow up.",
      due: { state: "due", dueAt: "2026-11-30T14:00:00.000Z" },
    });
  });
});

describe("toPostmortemListItemJson", () => {
  it("nests the incident and keeps not-started items", () => {
    expect(
      toPostmortemListItemJson({
        incidentId: 42,
        reference: "INC-42",
        title: "Checkout 5xx",
        severity: "SEV1",
        incidentStatus: "resolved",
        drill: false,
        resolvedAt: at,
        postmortemId: null,
        status: "not_started",
        ownerName: null,
        due: { state: "overdue", dueAt: at },
        updatedAt: null,
        publishedAt: null,
      }),
    ).toEqual({
      incident: { reference: "INC-42", title: "Checkout 5xx", severity: "SEV1", status: "resolved", drill: false, resolvedAt: "2026-11-25T14:00:00.000Z" },
      postmortemId: null,
      status: "not_started",
      owner: null,
      due: { state: "overdue", dueAt: "2026-11-25T14:00:00.000Z" },
      updatedAt: null,
      publishedAt: null,
    });
  });
});
