import { expect, type APIRequestContext } from "@playwright/test";
import { bearer, fixtures } from "../fixtures";
import type { ActionItemJson } from "./types";

/** "YYYY-MM-DD" `days` from today (UTC, the organisation's calendar). */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Adds an action item through the API (responder token unless told), owned by the responder fixture user. */
export async function addActionItem(
  request: APIRequestContext,
  reference: string,
  body: Record<string, unknown> = {},
  role: "admin" | "responder" = "responder",
) {
  const res = await request.post(`/api/v1/incidents/${reference}/action-items`, {
    headers: bearer(role),
    data: { title: "Alert on queue depth", ownerEmail: fixtures().users.responder, priority: "P2", kind: "detect", ...body },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ActionItemJson;
}
