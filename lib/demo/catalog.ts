import type { ImpactLevel } from "../error-budget";
import type { DemoPersonKey } from "./people";

// The demo's teams, service catalogue with SLOs, and which demo incidents hurt which
// services. Only incidents of the last 28–30 days spend budget; the links below are
// chosen so that, at seed time, most budgets are healthy, two are at risk (payments-api
// card authorisations through a hand-set spend, feature-flags), and exactly one is
// exhausted (auth-service sign-in, by the open SSO incident). db/seed-demo.test.ts checks it.

export type DemoTeam = { name: string; members: DemoPersonKey[] };

export type DemoSlo = { name: string; sliDescription: string; objective: number; windowDays: number };

export type DemoService = {
  slug: string;
  name: string;
  description: string;
  team: string;
  tier: 1 | 2 | 3;
  slos: DemoSlo[];
  dashboard?: string;
};

export const DEMO_TEAMS: DemoTeam[] = [
  { name: "Payments", members: ["aisha", "marcus", "grace"] },
  { name: "Identity", members: ["jonas", "hannah"] },
  { name: "Platform", members: ["marcus", "tomas", "priya"] },
  { name: "Core product", members: ["grace", "jonas", "aisha"] },
];

const availability = (objective: number, windowDays: number, what: string): DemoSlo => ({
  name: "Availability",
  sliDescription: `Share of ${what} answered without a 5xx, measured at the load balancer.`,
  objective,
  windowDays,
});

export const DEMO_SERVICES: DemoService[] = [
  {
    slug: "payments-api",
    name: "Payments API",
    description: "Card authorisation, capture and refunds for checkout and subscriptions. Talks to two card network gateways.",
    team: "Payments",
    tier: 1,
    slos: [
      { name: "Card authorisation success", sliDescription: "Authorisation requests that get an approve/decline answer (not an error or timeout).", objective: 99.95, windowDays: 28 },
      { name: "Latency p99 under 800 ms", sliDescription: "Minutes in which the p99 of authorisation latency stays under 800 ms.", objective: 99.9, windowDays: 28 },
    ],
  },
  {
    slug: "auth-service",
    name: "Authentication",
    description: "Sign-in (password, Google, SAML SSO), sessions, password resets and 2FA.",
    team: "Identity",
    tier: 1,
    slos: [{ name: "Sign-in success", sliDescription: "Sign-in attempts with valid credentials that end in a session within 5 s.", objective: 99.95, windowDays: 28 }],
  },
  {
    slug: "api-gateway",
    name: "API gateway",
    description: "Edge routing, TLS termination, rate limits and auth for the public API and the web app.",
    team: "Platform",
    tier: 1,
    slos: [
      availability(99.95, 30, "API requests"),
      { name: "Latency p99 under 300 ms", sliDescription: "Gateway-added latency at p99, per minute.", objective: 99.9, windowDays: 30 },
    ],
  },
  {
    slug: "orders-api",
    name: "Orders API",
    description: "Order creation, order history and fulfilment events; owns the orders Postgres cluster.",
    team: "Payments",
    tier: 1,
    slos: [availability(99.95, 28, "order API requests")],
  },
  {
    slug: "notifications",
    name: "Notifications",
    description: "Transactional email, SMS (2FA codes) and mobile push, through two providers.",
    team: "Core product",
    tier: 2,
    slos: [
      { name: "Email delivered within 5 min", sliDescription: "Transactional emails accepted by the provider within 5 minutes of the event.", objective: 99.9, windowDays: 28 },
      { name: "2FA SMS delivered within 1 min", sliDescription: "2FA codes delivered to the carrier within 60 s.", objective: 99.5, windowDays: 28 },
    ],
  },
  {
    slug: "search",
    name: "Search",
    description: "Product search and autocomplete, backed by the search cluster and the catalogue indexer.",
    team: "Core product",
    tier: 2,
    slos: [
      { name: "Query success", sliDescription: "Search queries answered without error in under 1 s.", objective: 99.5, windowDays: 28 },
      { name: "Autocomplete success", sliDescription: "Autocomplete requests answered without error.", objective: 99.5, windowDays: 30 },
    ],
  },
  {
    slug: "webhooks",
    name: "Webhooks",
    description: "Signed event deliveries to partner and customer endpoints, with retries for 72 h.",
    team: "Platform",
    tier: 2,
    slos: [{ name: "Delivered within 5 min", sliDescription: "Webhook events delivered (2xx from the receiver) within 5 minutes, excluding receiver errors.", objective: 99.5, windowDays: 30 }],
  },
  {
    slug: "billing",
    name: "Billing and invoicing",
    description: "Subscriptions, renewals, invoices and dunning; charges through the Payments API.",
    team: "Payments",
    tier: 2,
    slos: [{ name: "Billing jobs succeed", sliDescription: "Renewal and invoice jobs that finish correctly on their first run.", objective: 99.9, windowDays: 30 }],
  },
  {
    slug: "web-app",
    name: "Web app",
    description: "The customer web app and its static assets on the CDN.",
    team: "Core product",
    tier: 2,
    slos: [{ name: "Page loads succeed", sliDescription: "Page loads (real-user monitoring) that render without a JavaScript or network error.", objective: 99.9, windowDays: 30 }],
  },
  {
    slug: "feature-flags",
    name: "Feature flags",
    description: "Flag evaluation service and SDK relay used by every backend service.",
    team: "Platform",
    tier: 2,
    slos: [{ name: "Evaluation under 50 ms", sliDescription: "Flag evaluations answered in under 50 ms.", objective: 99.95, windowDays: 28 }],
  },
  {
    slug: "media-uploads",
    name: "Media uploads",
    description: "Image and file uploads, thumbnails and the object storage buckets behind them.",
    team: "Core product",
    tier: 3,
    slos: [{ name: "Upload success", sliDescription: "Uploads that complete without error.", objective: 99.9, windowDays: 28 }],
  },
  {
    slug: "data-pipeline",
    name: "Data pipeline",
    description: "Nightly warehouse exports, CSV exports and the analytics event stream.",
    team: "Platform",
    tier: 3,
    slos: [{ name: "Exports on time", sliDescription: "Scheduled exports finished by 06:00 UTC.", objective: 99.5, windowDays: 30 }],
  },
  {
    slug: "docs-site",
    name: "Developer docs",
    description: "Public API documentation and the developer portal (docs.example.com).",
    team: "Core product",
    tier: 3,
    slos: [availability(99.5, 28, "docs page requests")],
  },
];

export const runbookUrl = (slug: string) => `https://wiki.example.com/runbooks/${slug}`;
export const dashboardUrl = (slug: string) => `https://grafana.example.com/d/${slug}/overview`;

export type DemoLink = { service: string; impact: ImpactLevel };
/** A responder's hand-set spend on one SLO, `at` minutes after declaration. */
export type DemoOverride = { service: string; slo: string; minutes: number; reason: string; at: number };

const d = (service: string): DemoLink => ({ service, impact: "degraded" });
const p = (service: string): DemoLink => ({ service, impact: "partial_outage" });
const f = (service: string): DemoLink => ({ service, impact: "full_outage" });

/** Affected services by incident title (lib/demo/scenarios.ts); incidents not named touch no catalogued service. */
export const DEMO_INCIDENT_SERVICES: Record<string, { links: DemoLink[]; overrides?: DemoOverride[] }> = {
  "Payments API p99 latency above 4 s": { links: [d("payments-api")] },
  "Password reset emails delayed up to 40 minutes": { links: [d("notifications"), d("auth-service")] },
  "Nightly analytics export failed": { links: [d("data-pipeline")] },
  "Login failures after auth-service deploy": { links: [p("auth-service"), d("web-app")] },
  "Intermittent 502s from api-gateway in us-east": { links: [d("api-gateway")] },
  "DNS misconfiguration took docs and status subdomains offline": { links: [f("docs-site")] },
  "Search results missing products added in the last 2 hours": { links: [d("search")] },
  "TLS certificate expired on partner API endpoint": { links: [p("api-gateway")] },
  "Webhook deliveries delayed (queue backlog 120k)": { links: [d("webhooks")] },
  "Game day: primary Postgres failover drill": { links: [p("orders-api")] },
  "CDN cache purge served stale JavaScript bundle to 8% of users": { links: [p("web-app")] },
  "Third-party SMS provider outage: 2FA codes not delivered": { links: [p("notifications"), d("auth-service")] },
  "Orders database failover caused write errors": { links: [f("orders-api"), d("payments-api")] },
  "Invoice PDFs rendering with wrong currency symbol": { links: [d("billing")] },
  "Elevated 429s for one enterprise customer": { links: [d("api-gateway")] },
  "Checkout conversion dropped 20%: address autocomplete timing out": { links: [p("web-app")] },
  "Android push notifications not delivered": { links: [p("notifications")] },
  "Suspicious admin logins from unfamiliar network": { links: [d("auth-service")] },
  "Redis memory at 95%: session evictions logging users out": { links: [d("auth-service"), d("web-app")] },
  "Payments declined for American Express cards": { links: [p("payments-api")] },
  "Data pipeline lag: dashboards 6 hours behind": { links: [d("data-pipeline")] },
  "Object storage access key exposed in a public repository": { links: [d("media-uploads")] },
  "Slow page loads in Europe: CDN edge in Frankfurt degraded": { links: [d("web-app")] },
  "Order confirmation emails sent twice": { links: [d("notifications"), d("orders-api")] },
  "CSV export timing out for large workspaces": { links: [d("data-pipeline")] },
  "Trial expiry job did not run": { links: [d("billing")] },
  "Login page blank in Safari after frontend deploy": { links: [p("web-app"), p("auth-service")] },
  // The last four weeks: these spend budget.
  "Elevated error rate on image uploads": { links: [p("media-uploads")] },
  "Annual renewals charged twice for 312 customers": { links: [d("billing")] },
  "Feature flag service latency spikes": { links: [p("feature-flags")] },
  "API documentation site down": { links: [f("docs-site")] },
  "Search autocomplete errors for non-Latin queries": { links: [d("search")] },
  "Order confirmations delayed by 25 minutes (queue backlog)": { links: [d("notifications"), d("orders-api")] },
  "Payments API elevated 5xx in eu-west-1": {
    links: [d("payments-api")],
    overrides: [
      {
        service: "payments-api",
        slo: "Card authorisation success",
        minutes: 16,
        reason: "Gateway logs: failed EU authorisations add up to about 16 min of full outage; retries hid part of it from the weighted estimate.",
        at: 60,
      },
    ],
  },
  "Webhook signature verification failing for one partner": {
    links: [d("webhooks")],
    overrides: [
      {
        service: "webhooks",
        slo: "Delivered within 5 min",
        minutes: 0,
        reason: "Only one partner pinned the old signing key; their endpoint rejects, every other delivery is on time. Receiver errors are outside this SLO.",
        at: 35,
      },
    ],
  },
  "Intermittent login timeouts for SSO (SAML) customers": { links: [p("auth-service")] },
};
