import { z } from "zod";
import { IMPACT_LEVELS } from "../../../lib/error-budget";
import catalogJson from "./content/catalog.json";
import { personKey } from "./one-of";

// The demo's teams, service catalogue with SLOs, and which demo incidents hurt which
// services. Only incidents of the last 28–30 days spend budget; the links below are
// chosen so that, at seed time, most budgets are healthy, two are at risk (payments-api
// card authorisations through a hand-set spend, feature-flags), and exactly one is
// exhausted (auth-service sign-in, by the open SSO incident). db/seed/demo/seed-demo.test.ts checks it.
// The data is in content/catalog.json.

const demoSlo = z.object({ name: z.string(), sliDescription: z.string(), objective: z.number(), windowDays: z.number() });
export type DemoSlo = z.infer<typeof demoSlo>;

const demoLink = z.object({ service: z.string(), impact: z.enum(IMPACT_LEVELS) });
export type DemoLink = z.infer<typeof demoLink>;
/** A responder's hand-set spend on one SLO, `at` minutes after declaration. */
const demoOverride = z.object({ service: z.string(), slo: z.string(), minutes: z.number(), reason: z.string(), at: z.number() });
export type DemoOverride = z.infer<typeof demoOverride>;

const demoCatalog = z.object({
  teams: z.array(z.object({ name: z.string(), members: z.array(personKey) })),
  services: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string(),
      team: z.string(),
      tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      slos: z.array(demoSlo),
      dashboard: z.string().optional(),
    }),
  ),
  /** Affected services by incident title (db/seed/demo/scenarios.ts); incidents not named touch no catalogued service. */
  incidentServices: z.record(z.string(), z.object({ links: z.array(demoLink), overrides: z.array(demoOverride).optional() })),
});

const catalog = demoCatalog.parse(catalogJson);
export const DEMO_TEAMS = catalog.teams;
export type DemoTeam = (typeof DEMO_TEAMS)[number];
export const DEMO_SERVICES = catalog.services;
export type DemoService = (typeof DEMO_SERVICES)[number];
export const DEMO_INCIDENT_SERVICES = catalog.incidentServices;

export const runbookUrl = (slug: string) => `https://wiki.example.com/runbooks/${slug}`;
export const dashboardUrl = (slug: string) => `https://grafana.example.com/d/${slug}/overview`;
