import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, declareViaApi } from "../fixtures";

/** A name or slug no other test or run uses. */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 6)}`;

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** /admin/teams: the "Add a team" form and a row per team. */
export class TeamsAdminPage {
  readonly addForm: Locator;

  constructor(readonly page: Page) {
    this.addForm = page.getByRole("form", { name: "Add a team" });
  }

  async goto() {
    await this.page.goto("/admin/teams");
  }

  /** A team's table row by its exact name. */
  row(name: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Adds a team through the form; returns its table row. */
  async createTeam(name: string): Promise<Locator> {
    await this.goto();
    await this.addForm.getByLabel("Team name").fill(name);
    await this.addForm.getByRole("button", { name: "Add team" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: `Created team ${name}` })).toBeVisible();
    const row = this.row(name);
    await expect(row).toBeVisible();
    return row;
  }
}

export type NewService = {
  slug: string;
  name: string;
  team?: string;
  tier: 1 | 2 | 3;
  runbookUrl?: string;
  description?: string;
  links?: { label: string; url: string }[];
};

/** The service catalogue (/services): filters in the URL, the "Add service" form. */
export class ServicesCatalogue {
  readonly addForm: Locator;
  readonly tierFilter: Locator;

  constructor(readonly page: Page) {
    this.addForm = page.getByRole("form", { name: "Add a service" });
    this.tierFilter = page.getByLabel("Tier");
  }

  /** The catalogue, with an optional query string ("?q=ledger&tier=2"). */
  async goto(query = "") {
    await this.page.goto(`/services${query}`);
  }

  /** Opens the "Add service" form and fills it in (without submitting); returns the form. */
  async fillServiceForm(service: Partial<NewService>): Promise<Locator> {
    await this.goto();
    await this.page.getByRole("button", { name: "Add service" }).click();
    const form = this.addForm;
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

  /** Creates a service through the form; lands on its page, returned. */
  async createService(service: NewService): Promise<ServicePage> {
    const form = await this.fillServiceForm(service);
    await form.getByRole("button", { name: "Add service" }).click();
    await this.page.waitForURL(`**/services/${service.slug}`);
    await expect(this.page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
    return new ServicePage(this.page);
  }
}

/** A service's page (/services/<slug>): its SLO cards with budget meters, the edit forms. */
export class ServicePage {
  /** What responders may edit; admins get the full "Edit service" form. */
  readonly descriptionForm: Locator;
  readonly editForm: Locator;
  readonly addSloForm: Locator;

  constructor(readonly page: Page) {
    this.descriptionForm = page.getByRole("form", { name: "Edit description and links" });
    this.editForm = page.getByRole("form", { name: "Edit service" });
    this.addSloForm = page.getByRole("form", { name: "Add an SLO" });
  }

  async goto(slug: string) {
    await this.page.goto(`/services/${slug}`);
  }

  /** An SLO's card by its exact name; its budget is the card's meter. */
  sloCard(name: string): Locator {
    return this.page.getByRole("article", { name, exact: true });
  }

  /** Adds an SLO (admin) and waits for its card. */
  async addSlo(slo: { name: string; objective: string; windowDays?: string; sli?: string }) {
    await this.page.getByRole("button", { name: "Add SLO" }).click();
    const form = this.addSloForm;
    await form.getByLabel("Name", { exact: true }).fill(slo.name);
    await form.getByLabel("Objective (%)").fill(slo.objective);
    if (slo.windowDays) await form.getByLabel("Window (days)").fill(slo.windowDays);
    if (slo.sli) await form.getByLabel("SLI description").fill(slo.sli);
    await form.getByRole("button", { name: "Add SLO" }).click();
    await expect(this.sloCard(slo.name)).toBeVisible();
  }
}

/**
 * A past incident on a service through the API: declared with a backdated start, then resolved
 * with its mitigated/resolved times set, so it spends `minutes` × impact weight of budget.
 */
export async function pastIncident(
  request: APIRequestContext,
  o: {
    title: string;
    slug: string;
    severity?: string;
    impact: "degraded" | "partial_outage" | "full_outage";
    startedAgoMin: number;
    minutes: number;
    private?: boolean;
  },
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
