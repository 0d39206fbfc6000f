import { expect, type APIRequestContext } from "@playwright/test";
import { bearer } from "../fixtures";
import type { ChecklistJson, PlaybookJson } from "./types";

export async function checklist(request: APIRequestContext, reference: string, role: "admin" | "responder" | "viewer" = "admin") {
  const res = await request.get(`/api/v1/incidents/${reference}/checklist`, { headers: bearer(role) });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ChecklistJson;
}

/** Deletes playbooks by name (test clean-up), so other tests' incidents do not pick them up. */
export async function deletePlaybooksNamed(request: APIRequestContext, name: string) {
  const list = (await (await request.get("/api/v1/playbooks", { headers: bearer("admin") })).json()) as { items: PlaybookJson[] };
  for (const p of list.items.filter((p) => p.name === name)) {
    expect((await request.delete(`/api/v1/playbooks/${p.id}`, { headers: bearer("admin") })).status()).toBe(204);
  }
}
