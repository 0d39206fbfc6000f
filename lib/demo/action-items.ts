// The demo's action items (~60): by incident title, with what became of each. Old incidents'
// items are mostly done (on time or late), a few still open past their due date or dropped;
// recent ones are open or in progress. db/seed/demo-postmortems.ts turns them into rows.
import { PRIORITY_INFO, type ActionKind, type ActionPriority } from "../action-items";
import type { DemoPersonKey } from "./people";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * What happened to the item: done before its due date (after `days` days), done `days`
 * days late, still open or in progress, or dropped after `days` days with a reason.
 */
export type DemoOutcome =
  | { is: "on_time"; days?: number }
  | { is: "late"; days: number }
  | { is: "open" }
  | { is: "in_progress"; days?: number }
  | { is: "wont_do"; days: number; reason: string };

export type DemoActionItemSpec = {
  title: string;
  description: string;
  priority: ActionPriority;
  kind: ActionKind;
  owner: DemoPersonKey;
  service?: string;
  /** Number of the ticket at https://tracker.example.com/OPS-n */
  ticket?: number;
  /** Due this many days after creation, instead of the priority's default. */
  dueInDays?: number;
  outcome: DemoOutcome;
};

const item = (
  title: string,
  priority: ActionPriority,
  kind: ActionKind,
  owner: DemoPersonKey,
  outcome: DemoOutcome,
  description: string,
  extra: { service?: string; ticket?: number; dueInDays?: number } = {},
): DemoActionItemSpec => ({ title, description, priority, kind, owner, outcome, ...extra });

const onTime = (days?: number): DemoOutcome => ({ is: "on_time", days });
const late = (days: number): DemoOutcome => ({ is: "late", days });
const open: DemoOutcome = { is: "open" };
const inProgress = (days?: number): DemoOutcome => ({ is: "in_progress", days });
const wontDo = (days: number, reason: string): DemoOutcome => ({ is: "wont_do", days, reason });

export const trackerUrl = (ticket: number) => `https://tracker.example.com/OPS-${ticket}`;

/** By incident title (lib/demo/scenarios.ts). */
export const DEMO_ACTION_ITEMS: Record<string, DemoActionItemSpec[]> = {
  "Payments API p99 latency above 4 s": [
    item("Scope config keys per service and reject unknown keys at release", "P1", "prevent", "marcus", onTime(16), "Each service reads only its own section of the config; a release that sets a key no service declares fails.", { service: "payments-api", ticket: 412 }),
    item("Canary stage for config releases", "P2", "prevent", "marcus", late(9), "Config releases go to one pod for 10 minutes and abort automatically on a latency or error regression.", { ticket: 413 }),
    item("Alert on connection-pool waiters in payments-api", "P2", "detect", "aisha", onTime(12), "Page when `pool.waiting` stays above 50 for 2 minutes.", { service: "payments-api" }),
  ],
  "Password reset emails delayed up to 40 minutes": [
    item("Separate provider sub-account and IP pool for transactional email", "P1", "prevent", "jonas", late(12), "Marketing sends can no longer use the quota of password resets and sign-in links.", { service: "notifications", ticket: 421 }),
    item("Alert on the age of the oldest transactional email", "P2", "detect", "grace", onTime(20), "Page when the oldest queued transactional email is older than 5 minutes.", { service: "notifications" }),
  ],
  "Login failures after auth-service deploy": [
    item("Derive the session cookie domain from the request host", "P1", "repair", "jonas", onTime(3), "Replace the fixed `Domain` attribute so sessions work on custom domains.", { service: "auth-service", ticket: 437 }),
    item("Custom-domain sign-in in the post-deploy smoke tests", "P1", "detect", "marcus", onTime(9), "The smoke test signs in through a custom domain as well as app.example.com.", { service: "auth-service", ticket: 438 }),
    item("Automatic rollback when sign-in success drops during a rollout", "P2", "mitigate", "jonas", open, "Abort and roll back an auth-service rollout when sign-in success falls below 95 % for 3 minutes.", { service: "auth-service" }),
  ],
  "Intermittent 502s from api-gateway in us-east": [
    item("Alert on 5xx share per gateway node", "P2", "detect", "tomas", onTime(18), "One bad node at 0.5 % of traffic must page, even when the service-wide error rate looks normal.", { service: "api-gateway" }),
    item("Drain gateway nodes with interface errors automatically", "P3", "mitigate", "tomas", wontDo(40, "The new instance type reports link health to the provider, which replaces the host itself; nothing left for us to watch."), "Health check that removes a node from the pool when its NIC reports rx errors.", { service: "api-gateway", ticket: 451 }),
  ],
  "DNS misconfiguration took docs and status subdomains offline": [
    item("Require a platform reviewer for DNS zone changes", "P1", "process", "tomas", onTime(2), "CODEOWNERS entry for the DNS module.", { ticket: 466 }),
    item("Fail CI when a Terraform plan destroys DNS records", "P1", "prevent", "tomas", late(6), "A plan that destroys records fails unless the PR carries the `dns-destroy-ok` label.", { ticket: 467 }),
    item("Host the status page on a separate domain and DNS provider", "P2", "mitigate", "grace", onTime(30), "The status page must stay reachable when our own zone is broken.", { service: "docs-site" }),
  ],
  "Search results missing products added in the last 2 hours": [
    item("Dead-letter unmappable events in the search indexer", "P2", "prevent", "marcus", onTime(21), "Unmappable events go to a dead-letter topic; the partition keeps moving.", { service: "search", ticket: 480 }),
    item("Alert on indexer consumer lag", "P2", "detect", "marcus", onTime(5), "Page when lag on `catalog-changes` exceeds 10 minutes of events.", { service: "search" }),
  ],
  "TLS certificate expired on partner API endpoint": [
    item("Alert on certificates expiring within 14 days", "P1", "detect", "tomas", onTime(4), "Covers every certificate on our load balancers and CDN, not only the automated ones.", { service: "api-gateway", ticket: 502 }),
    item("Page the on-call when certificate renewal fails", "P1", "detect", "tomas", onTime(6), "Renewal job failures page instead of logging.", { service: "api-gateway", ticket: 503 }),
  ],
  "Webhook deliveries delayed (queue backlog 120k)": [
    item("Rate-limit the replay API per account", "P2", "prevent", "marcus", late(15), "At most 50,000 replayed events per account per hour.", { service: "webhooks", ticket: 519 }),
    item("Keep replays on their own low-priority queue", "P2", "mitigate", "marcus", onTime(7), "Make the incident's queue split permanent, with its own autoscaling limits.", { service: "webhooks" }),
  ],
  "CDN cache purge served stale JavaScript bundle to 8% of users": [
    item("Fail the deploy when a CDN purge reports failed locations", "P1", "prevent", "tomas", onTime(5), "Treat `207 Multi-Status` with any failed location as a failed purge and retry.", { service: "web-app", ticket: 533 }),
    item("Keep removed API fields for one release", "P2", "process", "aisha", onTime(14), "Document expand-then-contract for API fields the web app reads; add it to the review checklist.", { service: "web-app" }),
  ],
  "Third-party SMS provider outage: 2FA codes not delivered": [
    item("Automatic SMS failover on delivery-rate drop", "P1", "mitigate", "jonas", late(11), "Switch a country to the secondary provider when delivery falls below 80 % for 5 minutes.", { service: "notifications", ticket: 548 }),
    item("Prompt SMS users to add an authenticator app", "P3", "mitigate", "jonas", inProgress(60), "In-app prompt after sign-in for users whose only second factor is SMS.", { service: "auth-service" }),
  ],
  "Orders database failover caused write errors": [
    item("Resolve the database primary per connection in invoicing and refunds", "P1", "repair", "aisha", onTime(6), "Move both services to the connection library that re-resolves the primary.", { service: "orders-api", ticket: 561 }),
    item("Failover test in CI for services that write to orders-db", "P2", "detect", "marcus", late(20), "A CI job fails over a test cluster and checks every writer reconnects within 30 s.", { service: "orders-api", ticket: 562 }),
    item("Alert on storage latency for orders-db volumes", "P2", "detect", "tomas", onTime(10), "Page on sustained disk latency before it reaches the failover threshold.", { service: "orders-api" }),
  ],
  "Invoice PDFs rendering with wrong currency symbol": [
    item("Pass the account locale to the PDF renderer explicitly", "P2", "repair", "aisha", onTime(2), "Make the one-line fix permanent and cover it with tests in three locales.", { service: "billing" }),
    item("Visual diff of sample invoices in CI for sv-SE, de-DE and ja-JP", "P3", "detect", "aisha", open, "Render sample invoices in several locales and compare against approved images.", { service: "billing", ticket: 577 }),
  ],
  "Checkout conversion dropped 20%: address autocomplete timing out": [
    item("Never block checkout on address autocomplete", "P1", "prevent", "aisha", onTime(8), "800 ms timeout; manual entry always possible; *Continue* never waits for suggestions.", { service: "web-app", ticket: 590 }),
    item("Alert on checkout conversion drop within 15 minutes", "P2", "detect", "jonas", late(8), "Compare conversion with the same hour last week and page on a 15 % drop.", { service: "web-app" }),
  ],
  "Android push notifications not delivered": [
    item("Owner labels on service accounts; cleanup skips labelled ones", "P2", "prevent", "marcus", onTime(25), "Every service account gets an owning team; the IAM cleanup asks that team before deleting.", { service: "notifications", ticket: 604 }),
    item("Synthetic Android push every 10 minutes", "P2", "detect", "jonas", inProgress(30), "A test device receives a push every 10 minutes; a missed one pages.", { service: "notifications" }),
  ],
  "Suspicious admin logins from unfamiliar network": [
    item("Enforce 2FA for all admin accounts", "P1", "prevent", "hannah", onTime(1), "Admins without 2FA must enrol at their next sign-in.", { service: "auth-service", ticket: 615 }),
    item("Check admin passwords against breach corpora", "P2", "prevent", "hannah", onTime(24), "Reject known-breached passwords at sign-in and password change.", { service: "auth-service" }),
  ],
  "Redis memory at 95%: session evictions logging users out": [
    item("Size limit per key and per session in the session store client", "P2", "prevent", "jonas", onTime(19), "Writes over 4 KB per key or 16 KB per session are rejected and logged.", { service: "auth-service", ticket: 622 }),
    item("Alert on session store evictions", "P1", "detect", "marcus", onTime(2), "Any `evicted_keys` increase on the session store pages.", { service: "auth-service" }),
    item("Capacity estimate in the review checklist for session-store writes", "P3", "process", "grace", wontDo(30, "The size limit enforces this automatically; a checklist item adds little."), "New features that write to the session store state their expected size."),
  ],
  "Payments declined for American Express cards": [
    item("Automatic acquirer failover per card scheme", "P2", "mitigate", "aisha", inProgress(20), "Route a scheme to the secondary acquirer when its decline rate triples for 10 minutes.", { service: "payments-api", ticket: 641, dueInDays: 90 }),
    item("Agree advance notice of acquirer configuration releases", "P3", "process", "grace", late(4), "Ask the acquirer's account team for release notices 48 hours ahead."),
  ],
  "Data pipeline lag: dashboards 6 hours behind": [
    item("Load-test consumer settings at production heap size before JVM upgrades", "P2", "process", "marcus", open, "Add a production-size soak test to the JVM upgrade checklist.", { service: "data-pipeline" }),
    item("Alert on consumer-group rebalance rate", "P2", "detect", "marcus", onTime(9), "Page when a consumer group rebalances more than 5 times in 10 minutes.", { service: "data-pipeline", ticket: 655 }),
  ],
  "Object storage access key exposed in a public repository": [
    item("Remove static keys from build scripts; use the CI's OIDC role", "P1", "prevent", "tomas", onTime(9), "No static cloud credentials in CI or services.", { service: "media-uploads", ticket: 668 }),
    item("Pre-commit secret scanning for public repositories", "P2", "prevent", "hannah", inProgress(14), "Block pushes containing secrets, not only alert after them.", { ticket: 669 }),
  ],
  "Slow page loads in Europe: CDN edge in Frankfurt degraded": [
    item("Evaluate a CDN plan with traffic steering, or a second CDN", "P3", "mitigate", "tomas", inProgress(21), "Compare cost and effort of steering on the current CDN against a multi-CDN setup.", { service: "web-app" }),
    item("Real-user monitoring alert on LCP per region", "P2", "detect", "tomas", onTime(12), "Page when LCP p75 in any region doubles for 10 minutes.", { service: "web-app" }),
  ],
  "Order confirmation emails sent twice": [
    item("Idempotency key on (order_id, template) in the email worker", "P1", "prevent", "jonas", onTime(8), "The worker skips a send it has already made for the same order and template.", { service: "notifications", ticket: 681 }),
    item("Drain consumers before restarting the broker", "P2", "process", "marcus", open, "Update the broker maintenance runbook."),
  ],
  "CSV export timing out for large workspaces": [
    item("Query-plan regression test for the export query", "P2", "detect", "marcus", open, "Run `EXPLAIN` on a 500k-row fixture in CI and fail on a sequential scan.", { service: "data-pipeline", ticket: 699 }),
    item("Stream large exports in the background and email a link", "P3", "mitigate", "marcus", open, "Exports over 100k rows run as a job; the user gets a download link.", { service: "data-pipeline" }),
  ],
  "Login page blank in Safari after frontend deploy": [
    item("Move the Safari polyfill loader to a hashed external script", "P1", "repair", "jonas", onTime(5), "Lets us re-apply the stricter CSP without breaking Safari.", { service: "web-app", ticket: 712 }),
    item("Run the sign-in smoke test in WebKit before each frontend deploy", "P1", "detect", "aisha", inProgress(3), "Add a WebKit project to the pre-deploy smoke tests.", { service: "web-app", ticket: 713 }),
  ],
  "API documentation site down": [
    item("Pin Terraform module versions and upgrade one stack at a time", "P2", "prevent", "tomas", inProgress(2), "Renovate groups module upgrades per stack; no more repository-wide bumps.", { service: "docs-site", ticket: 731 }),
    item("External uptime check on the docs site", "P2", "detect", "grace", onTime(1), "Check three docs pages every minute from two regions.", { service: "docs-site" }),
  ],
  "Elevated error rate on image uploads": [
    item("Retry uploads with jitter up to 5 times in web and mobile clients", "P2", "mitigate", "tomas", onTime(3), "Make the incident's retry change permanent in all clients.", { service: "media-uploads" }),
  ],
  "Search autocomplete errors for non-Latin queries": [
    item("Non-Latin fixtures in the search tokenizer tests", "P2", "detect", "marcus", onTime(1), "Cyrillic, Greek, CJK and emoji queries in the tokenizer test suite.", { service: "search" }),
  ],
  "Annual renewals charged twice for 312 customers": [
    item("Idempotency key per (subscription_id, period) on every charge", "P1", "prevent", "aisha", inProgress(4), "The payment provider rejects a second charge for the same subscription period.", { service: "billing", ticket: 740 }),
    item("Mark renewals in progress before charging; reconcile on restart", "P1", "prevent", "marcus", open, "A restarted renewal job checks the provider for charges already made.", { service: "billing", ticket: 741 }),
  ],
  "Order confirmations delayed by 25 minutes (queue backlog)": [
    item("Use the stored tax amount for order confirmations", "P2", "repair", "aisha", open, "Keep the incident's change: confirmations never call tax-service.", { service: "orders-api" }),
    item("Alert on tax-service cache hit rate below 80 %", "P2", "detect", "marcus", open, "The cache resize went unnoticed until confirmations backed up.", { service: "notifications" }),
  ],
};

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** End of a "YYYY-MM-DD" day (UTC, the organisation's default zone). */
const endOfDay = (date: string) => Date.parse(`${date}T00:00:00Z`) + DAY - 1;

export type PlannedActionItem = {
  spec: DemoActionItemSpec;
  createdAt: number;
  dueDate: string;
  status: "open" | "in_progress" | "done" | "wont_do";
  /** When work started (in progress); null otherwise. */
  startedAt: number | null;
  completedAt: number | null;
};

/**
 * Dates and status of one item created at `createdAt`, as of `now`. An outcome that would
 * lie in the future is not reached yet: the item is still in progress (or open).
 */
export function planActionItem(spec: DemoActionItemSpec, createdAt: number, now: number): PlannedActionItem {
  const dueDate = isoDay(createdAt + (spec.dueInDays ?? PRIORITY_INFO[spec.priority].dueInDays) * DAY);
  const due = endOfDay(dueDate);
  const plan = (status: PlannedActionItem["status"], startedAt: number | null, completedAt: number | null): PlannedActionItem => ({
    spec,
    createdAt,
    dueDate,
    status,
    startedAt,
    completedAt,
  });
  const past = (t: number) => t <= now - HOUR;
  const midday = (t: number) => Math.max(createdAt, Math.min(t, now - 2 * HOUR));
  switch (spec.outcome.is) {
    case "on_time": {
      const done = Math.min(createdAt + (spec.outcome.days ?? 10) * DAY, due - 6 * HOUR);
      return past(done) ? plan("done", null, done) : plan("in_progress", midday(createdAt + DAY), null);
    }
    case "late": {
      const done = due + spec.outcome.days * DAY - 5 * HOUR;
      return past(done) ? plan("done", null, done) : plan("in_progress", midday(createdAt + 2 * DAY), null);
    }
    case "wont_do": {
      const dropped = createdAt + spec.outcome.days * DAY;
      return past(dropped) ? plan("wont_do", null, dropped) : plan("open", null, null);
    }
    case "in_progress":
      return plan("in_progress", midday(createdAt + (spec.outcome.days ?? 3) * DAY), null);
    case "open":
      return plan("open", null, null);
  }
}
