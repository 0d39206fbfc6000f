import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, declareViaApi } from "../fixtures";

/** A name or slug no other test or run uses. */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 6)}`;

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The "Add a team" form on /admin/teams; returns the team's table row. */
export async function createTeam(page: Page, name: string): Promise<Locator> {
  await page.goto("/admin/teams");
  const form = page.getByRole("form", { name: "Add a team" });
  await form.getByLabel("Team name").fill(name);
  await form.getByRole("button", { name: "Add team" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created team ${name}` })).toBeVisible();
  const row = teamRow(page, name);
  await expect(row).toBeVisible();
  return row;
}

export const teamRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });

export type NewService = { slug: string; name: string; team?: string; tier: 1 | 2 | 3; runbookUrl?: string; description?: string; links?: { label: string; url: string }[] };

/** Opens the catalogue's "Add service" form and fills it in (without submitting). */
export async function fillServiceForm(page: Page, service: Partial<NewService>) {
  await page.goto("/services");
  await page.getByRole("button", { name: "Add service" }).click();
  const form = page.getByRole("form", { name: "Add a service" });
  if (service.slug !== undefined) await form.getByLabel("Slug").fill(service.slug);
  if (service.name !== undefined) await form.getByLabel("Name", { exact: true }).fill(service.name);
  if (service.team) await form.getByLabel("Owner team").selectOption({ label: service.team });
  if (service.tier) await form.getByLabel("Tier").selectOption(String(service.tier));
  if (service.runbookUrl !== undefined) await form.getByLabel("Runbook URL").fill(service.runbookUrl);
  if (service.description !== undefined) await form.getByLabel("Description").fill(service.description);
  for (const [i, link] of (service.links ?? []).entries()) {
    if (i > 0) await form.getByRole("button", { name: "Add link" }).click();
    await form.getByLabel(`Link ${i + 1} label`).fill(link.label);
    await form.getByLabel(`Link ${i + 1} URL`).fill(link.url);
  }
  return form;
}

/** Creates a service through the catalogue form; lands on its page. */
export async function createService(page: Page, service: NewService) {
  const form = await fillServiceForm(page, service);
  await form.getByRole("button", { name: "Add service" }).click();
  await page.waitForURL(`**/services/${service.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
}

/** Adds an SLO from the service page (admin). */
export async function addSlo(page: Page, slo: { name: string; objective: string; windowDays?: string; sli?: string }) {
  await page.getByRole("button", { name: "Add SLO" }).click();
  const form = page.getByRole("form", { name: "Add an SLO" });
  await form.getByLabel("Name", { exact: true }).fill(slo.name);
  await form.getByLabel("Objective (%)").fill(slo.objective);
  if (slo.windowDays) await form.getByLabel("Window (days)").fill(slo.windowDays);
  if (slo.sli) await form.getByLabel("SLI description").fill(slo.sli);
  await form.getByRole("button", { name: "Add SLO" }).click();
  await expect(sloCard(page, slo.name)).toBeVisible();
}

export const sloCard = (page: Page, name: string) => page.getByRole("article", { name, exact: true });

/**
 * A past incident on a service through the API: declared with a backdated start, then resolved
 * with its mitigated/resolved times set, so it spends `minutes` × impact weight of budget.
 */
export async function pastIncident(
  request: APIRequestContext,
  o: { title: string; slug: string; severity?: string; impact: "degraded" | "partial_outage" | "full_outage"; startedAgoMin: number; minutes: number; private?: boolean },
) {
  const started = Date.now() - o.startedAgoMin * MINUTE;
  const incident = await declareViaApi(request, {
    title: o.title,
    severity: o.severity ?? "SEV2",
    startedAt: iso(started),
    detectedAt: iso(started + Math.min(5, o.minutes / 2) * MINUTE),
    ...(o.private ? { private: true } : {}),
    services: [{ service: o.slug, impact: o.impact }],
  });
  const end = iso(started + o.minutes * MINUTE);
  const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: bearer("responder"),
    data: { version: incident.version, status: "resolved", mitigatedAt: end, resolvedAt: end },
  });
  expect(res.status(), await res.text()).toBe(200);
  return incident;
}
