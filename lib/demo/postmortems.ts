// The demo's postmortems: which demo incidents have one, in which state, and their text.
// Published ones read like a real, blameless write-up; a few are in review or still drafts,
// and two required ones (SEV2) are left without any, so "due" and "overdue" show.
// db/seed/demo-postmortems.ts writes them; db/seed-demo.test.ts checks the picture.
import { formatDuration } from "../format-time";
import { IMPACT_LABEL, type ImpactLevel } from "../error-budget";
import { generateTimelineSection, type TimelineSectionEntry } from "../postmortem-timeline";
import { POSTMORTEM_SECTIONS, type PostmortemSectionKey, type ReviewCheckKey } from "../postmortem-template";
import type { DemoPersonKey } from "./people";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Names from the default taxonomy (lib/postmortem-template.ts DEFAULT_FACTORS). */
export type DemoFactor = "Change / deploy" | "Configuration" | "Capacity" | "Dependency" | "Monitoring gap" | "Process" | "Unknown";

type Theme = "deploy" | "config" | "capacity" | "dependency" | "certificate" | "dns" | "database" | "queue" | "security";

/** The incident-specific part of a write-up; the theme adds the lessons such incidents share. */
type Facts = {
  impact: string;
  causes: string[];
  trigger: string;
  detection: string;
  response: string;
  wentWell: string[];
  wentWrong: string[];
  lucky: string;
  surprised: string;
  lessons: string[];
};

type Comment = { section: PostmortemSectionKey | "review"; by: DemoPersonKey; body: string; /** Days after the postmortem was started. */ after: number };

type Common = {
  theme: Theme;
  owner: DemoPersonKey;
  reviewers: DemoPersonKey[];
  factors: DemoFactor[];
  tags: string[];
  facts: Facts;
  /** Hours after resolution the owner started the postmortem. */
  startAfterHours: number;
  comments?: Comment[];
};

export type DemoPostmortemSpec =
  | (Common & {
      state: "published";
      /** Days after resolution it was published (and the incident closed). Over 7 is late. */
      publishAfterDays: number;
      publishedBy: DemoPersonKey;
    })
  | (Common & {
      state: "in_review";
      /** Days after resolution it was sent to review. */
      submitAfterDays: number;
      checks: ReviewCheckKey[];
    })
  | (Common & {
      state: "draft";
      /** Sections written so far; the rest are still empty. */
      written: PostmortemSectionKey[];
      /** Days after resolution of the last save. */
      lastEditAfterDays: number;
      /** Sent to review and returned to draft with a comment (days after resolution). */
      returned?: { submitAfterDays: number; returnAfterDays: number; by: DemoPersonKey; comment: string };
      /** Replaces the generated text of a section (the draft's own wording). */
      override?: Partial<Record<PostmortemSectionKey, string>>;
    });

export type DemoPostmortemState = DemoPostmortemSpec["state"];

const THEMES: Record<Theme, { wentWell: string; wentWrong: string; lesson: string }> = {
  deploy: {
    wentWell: "Rolling back was one command and took minutes; nobody had to debug under pressure.",
    wentWrong: "Our pre-release checks exercise the common path; the path that broke was one they never touch.",
    lesson: "A release is only as safe as the variety of real-world conditions its checks cover (browsers, domains, locales, data).",
  },
  config: {
    wentWell: "The config history made it easy to see exactly what changed and when.",
    wentWrong: "Configuration changes reach production faster, and with less checking, than code changes.",
    lesson: "Configuration is code: it needs the same review context, staging and gradual rollout.",
  },
  capacity: {
    wentWell: "Saturation metrics were already on the service dashboard, so the cause was visible within minutes.",
    wentWrong: "Nothing warned us while headroom shrank; the first signal was user impact.",
    lesson: "Limits we do not alert on are limits we will hit by surprise.",
  },
  dependency: {
    wentWell: "Clear ownership of the vendor relationship meant a quick, direct line to the provider.",
    wentWrong: "Our user-facing path waited on the dependency with no fallback of its own.",
    lesson: "Every external dependency needs a plan for when it is slow, not only for when it is down.",
  },
  certificate: {
    wentWell: "Once understood, re-issuing the credential was quick and well documented.",
    wentWrong: "The automation that renews credentials reported its own failures nowhere anyone looks.",
    lesson: "Automation that runs silently must alert loudly when it stops working.",
  },
  dns: {
    wentWell: "Infrastructure state in Terraform let us see and restore exactly what had been removed.",
    wentWrong: "Destructive infrastructure changes look the same in review as harmless ones.",
    lesson: "Caching (DNS TTLs, negative caching) turns a ten-minute mistake into an hour of impact; plan changes with the TTL in mind.",
  },
  database: {
    wentWell: "The database side of the failover worked as designed and quickly.",
    wentWrong: "Clients of the database had never been tested against the events the database handles routinely.",
    lesson: "A failover is only as fast as the slowest client to notice it.",
  },
  queue: {
    wentWell: "Queue depth and consumer lag were graphed, so the backlog and its drain rate were easy to follow.",
    wentWrong: "One kind of work could starve another because they shared a single queue or quota.",
    lesson: "Queues hide problems until they don't: alert on the age of the oldest message, not only on depth.",
  },
  security: {
    wentWell: "The private incident kept details to the people who needed them while the investigation was open.",
    wentWrong: "A safeguard we treat as standard was optional for a group of accounts or systems.",
    lesson: "Security controls that are opt-in are, in practice, missing for someone.",
  },
};

/** By incident title (lib/demo/scenarios.ts). Incidents not listed have no postmortem. */
export const DEMO_POSTMORTEMS: Record<string, DemoPostmortemSpec> = {
  "Payments API p99 latency above 4 s": {
    state: "published",
    theme: "config",
    owner: "aisha",
    reviewers: ["marcus", "priya"],
    publishedBy: "priya",
    startAfterHours: 20,
    publishAfterDays: 2.3,
    factors: ["Configuration", "Process"],
    tags: ["config-release", "connection-pool"],
    facts: {
      impact:
        "About **7 % of checkouts** timed out at the card gateway's 5 s limit — roughly 2,900 of 41,000 authorisations in the window. The rest completed, but slowly: p99 latency between 4 and 6 s against an objective of 800 ms. The payment provider's logs show about 1,100 customers retrying successfully.",
      causes: [
        "`payments-api` and the reporting worker read one shared config file with no per-service scoping, so a value intended for one process applied to both.",
        "Config releases skip the canary stage that code deploys go through; the change reached all 12 pods at once.",
        "Config validation checks types, not sense: a pool of 10 for a service that peaks at about 35 concurrent queries passed.",
      ],
      trigger: "Config release `2024-cfg-118` set `DB_POOL_MAX=10`. The change was meant for the reporting worker, but the key is read by `payments-api` too.",
      detection:
        "The `PaymentsApiLatencyP99` alert fired 9 minutes after the release. It needs 5 minutes of sustained breach, so the first gateway timeouts came before it.",
      response:
        "The connection-pool metrics pointed at the application side within 10 minutes, and a check of `pg_stat_activity` ruled out the database early. Once the config release was identified as the trigger, the team rolled it back rather than patching forward; the rollback took 12 minutes because config releases restart pods one at a time.",
      wentWell: ["`pool.waiting` and `pool.size` were already on the dashboard and pointed straight at the cause.", "Rolling back before debugging kept the impact to about an hour."],
      wentWrong: ["The review diff of the config release did not show which services read the changed key."],
      lucky: "It happened on a weekday morning. At the evening peak the pool would have saturated harder and far more checkouts would have timed out.",
      surprised: "We assumed config releases were lower risk than code deploys. In practice they go out faster and with fewer checks.",
      lessons: ["A pool size is a capacity decision and belongs with the service that owns the traffic."],
    },
    comments: [{ section: "root_causes", by: "marcus", body: "Worth adding that the reporting worker has its own config key now — readers will ask.", after: 1.2 }],
  },
  "Password reset emails delayed up to 40 minutes": {
    state: "published",
    theme: "queue",
    owner: "jonas",
    reviewers: ["grace"],
    publishedBy: "grace",
    startAfterHours: 26,
    publishAfterDays: 3.1,
    factors: ["Capacity", "Process"],
    tags: ["email", "rate-limit"],
    facts: {
      impact:
        "For about 85 minutes, password reset and sign-in link emails arrived 20–40 minutes late. Support received 31 tickets; an estimated 2,400 people requested a reset in the window and some requested it several times, which added to the queue.",
      causes: [
        "Transactional and marketing email share one provider sub-account, so they share one rate limit.",
        "Bulk sends are scheduled by the marketing tool without any signal from engineering about transactional volume.",
        "Our queue is first-in, first-out; a reset email waits behind every bulk message enqueued before it.",
      ],
      trigger: "A 1.2-million-recipient marketing campaign started on the hour and consumed the shared sending quota.",
      detection:
        "Support noticed first, after 14 tickets in 20 minutes. There was no alert on email delivery delay; the queue depth alert is tuned for outages, not for slow draining.",
      response:
        "The team confirmed emails were delayed rather than lost, traced the shared rate limit and paused the bulk send with marketing's agreement. The queue drained at about 9,000 messages a minute once the campaign stopped.",
      wentWell: ["Marketing agreed to pause the campaign within minutes.", "Support's escalation was quick and included examples with timestamps."],
      wentWrong: ["No dashboard showed the age of the oldest transactional email."],
      lucky: "The campaign was scheduled for mid-morning in Europe, not during the US evening when most password resets happen.",
      surprised: "Most of us did not know that marketing and product email went through the same provider account.",
      lessons: ["Traffic with different urgency needs separate quotas, not just separate queues."],
    },
  },
  "Login failures after auth-service deploy": {
    state: "published",
    theme: "deploy",
    owner: "jonas",
    reviewers: ["priya", "marcus"],
    publishedBy: "priya",
    startAfterHours: 4,
    publishAfterDays: 1.8,
    factors: ["Change / deploy", "Monitoring gap"],
    tags: ["rollback", "custom-domains", "cookies"],
    facts: {
      impact:
        "About **35 % of sign-ins failed** for 70 minutes — roughly 9,500 failed attempts from about 3,100 distinct users, all on customers' custom domains. Users saw a redirect loop back to the sign-in page. Existing sessions were unaffected.",
      causes: [
        "Release 3.41 set the session cookie's `Domain` attribute to a fixed value (`app.example.com`). Browsers do not send that cookie back on custom domains.",
        "The post-deploy smoke test signs in on `app.example.com` only; no test covers a custom domain.",
        "The rollout completes in 10 minutes with no automatic check of sign-in success, so the change reached every customer before anyone looked.",
      ],
      trigger: "Deploy of auth-service 3.41, which refactored cookie handling.",
      detection:
        "The sign-in success alert fired 6 minutes after the rollout finished and declared the incident through Alertmanager. It compares against an hourly baseline, so it needed several minutes of data before firing.",
      response:
        "The incident was raised to SEV1 9 minutes after the on-call engineer took command, because a core flow was failing for a third of users. The team chose to roll back before debugging, which restored sign-in 24 minutes after taking command. The cookie cause was found in parallel from response headers, which explained why only custom domains were affected.",
      wentWell: ["Raising the severity early brought in a second pair of hands and a communications lead.", "Support had a macro within minutes, so customers got consistent advice."],
      wentWrong: ["Custom domains are 35 % of our sign-ins but absent from every pre-production environment."],
      lucky: "The deploy went out at 14:00 UTC, after the European morning peak and before the US one.",
      surprised: "We assumed cookie scoping was handled by the framework; the refactor replaced the framework default with an explicit value.",
      lessons: ["Sign-in is the front door: it deserves an automatic rollback guard, not only an alert."],
    },
    comments: [
      { section: "impact", by: "priya", body: "Can we add the number of distinct users, not only attempts? Sales will ask.", after: 0.6 },
      { section: "action_items", by: "marcus", body: "The automatic rollback item is the big one — P2 feels right given the smoke test covers the immediate gap.", after: 0.9 },
    ],
  },
  "Intermittent 502s from api-gateway in us-east": {
    state: "published",
    theme: "dependency",
    owner: "tomas",
    reviewers: ["marcus"],
    publishedBy: "marcus",
    startAfterHours: 30,
    publishAfterDays: 12.4,
    factors: ["Dependency", "Monitoring gap"],
    tags: ["hardware", "load-balancer"],
    facts: {
      impact:
        "About 1 in 200 API requests in us-east (0.5 %) returned 502 for roughly three and a half hours — about 46,000 failed requests. Most clients retried successfully; two customers reported failed batch imports.",
      causes: [
        "A network interface on gateway node `gw-use1-07` was failing and renegotiating its link every few minutes.",
        "The load balancer's health check tests an HTTP endpoint on the node, which kept answering between link flaps, so the node stayed in the pool.",
        "Our alerting looks at the gateway's overall error rate; a single bad node at 0.5 % stays below every threshold.",
      ],
      trigger: "Hardware degradation on one node at the cloud provider; no change on our side.",
      detection:
        "A customer asked about intermittent 502s; the error-rate alert never fired. Gateway access logs later showed the first errors almost three hours before we declared.",
      response:
        "The `x-served-by` header showed every 502 came from one node, and `ethtool` confirmed interface errors. Draining the node stopped the errors immediately. The start time was corrected afterwards from the access logs.",
      wentWell: ["The `x-served-by` header made a one-node problem obvious in minutes."],
      wentWrong: ["A partial failure of one node out of 16 is invisible in aggregate error rates."],
      lucky: "The bad node carried only 1/16 of traffic; a failing interface on a node in a smaller pool would have been much worse.",
      surprised: "We believed the health check would remove any unhealthy node. It only checks that the process answers, not that the network is stable.",
      lessons: ["Look at errors per node, not only per service: averages hide single bad machines."],
    },
  },
  "DNS misconfiguration took docs and status subdomains offline": {
    state: "published",
    theme: "dns",
    owner: "tomas",
    reviewers: ["priya", "marcus"],
    publishedBy: "priya",
    startAfterHours: 18,
    publishAfterDays: 3.2,
    factors: ["Change / deploy", "Process"],
    tags: ["terraform", "dns", "status-page"],
    facts: {
      impact:
        "`docs.example.com` and `status.example.com` did not resolve for up to 70 minutes, depending on each customer's resolver cache. The docs site normally serves about 1,800 page views in that time; the status page was unreachable during our own incident, so updates went out on social channels instead.",
      causes: [
        "A refactor of the DNS Terraform module moved records into a `for_each` map; `docs` and `status` were not in the map, so the plan destroyed them.",
        "The plan output listed the destroys, but they appeared after about 200 lines of harmless in-place changes and were easy to miss.",
        "Zone changes need one approval from anyone in engineering; nothing requires a reviewer familiar with DNS.",
        "Negative caching (NXDOMAIN answers cached for an hour) stretched ten minutes of missing records into over an hour of impact.",
      ],
      trigger: "Applying PR #2231, *tidy up DNS module*.",
      detection:
        "An external uptime check on `status.example.com` alerted 7 minutes after the apply. There was no check on `docs`.",
      response:
        "`dig` from several resolvers confirmed NXDOMAIN, and the last zone change was the obvious suspect. Records were re-created in the provider console within 14 minutes of declaring and the Terraform state reconciled afterwards. There was no way to flush other resolvers' caches, so communication moved to social channels.",
      wentWell: ["The communications lead switched channels quickly when the status page itself was affected."],
      wentWrong: ["Our status page depends on the same DNS zone as everything else, so it goes down with it."],
      lucky: "The records removed were for docs and status; the same refactor pattern applied to the `api` record would have taken the product down.",
      surprised: "We did not expect a refactor labelled *tidy up* to destroy records; the plan summary line (`2 to destroy`) was the only hint.",
      lessons: ["A status page must not share a failure domain with what it reports on."],
    },
  },
  "Search results missing products added in the last 2 hours": {
    state: "published",
    theme: "queue",
    owner: "marcus",
    reviewers: ["grace"],
    publishedBy: "grace",
    startAfterHours: 22,
    publishAfterDays: 11.2,
    factors: ["Change / deploy", "Monitoring gap"],
    tags: ["search", "schema-migration"],
    facts: {
      impact:
        "For about two and a half hours, new and edited products did not appear in storefront search. About 5,600 product changes from roughly 420 merchants were delayed; product pages and checkout were unaffected. Three merchants contacted support.",
      causes: [
        "A catalogue schema migration added a column the search indexer's mapping did not know about.",
        "The indexer retries a failed event with backoff and does not move on, so one kind of bad event blocks every event behind it on the partition.",
        "Schema migrations and indexer mappings live in different repositories with no shared contract test.",
      ],
      trigger: "The catalogue schema migration shipped that morning.",
      detection: "Merchants noticed first, about 55 minutes after impact began. Consumer lag was graphed but not alerted on.",
      response:
        "Consumer lag on `catalog-changes` (310,000 events) pointed at the indexer, and its logs showed the mapping error. An indexer release with the new mapping was deployed 30 minutes after declaring; the backlog drained at about 15,000 events a minute.",
      wentWell: ["The indexer's error logs named the unknown field directly."],
      wentWrong: ["A single unmappable field stopped all indexing instead of just the affected documents."],
      lucky: "The migration went out on a quiet Tuesday; on a Monday morning merchants bulk-upload catalogues and the backlog would have been several times larger.",
      surprised: "We thought the indexer ignored unknown fields. A strict-mapping setting added last year made it reject them.",
      lessons: ["A pipeline stage should dead-letter what it cannot process and keep going."],
    },
  },
  "TLS certificate expired on partner API endpoint": {
    state: "published",
    theme: "certificate",
    owner: "tomas",
    reviewers: ["hannah", "priya"],
    publishedBy: "hannah",
    startAfterHours: 6,
    publishAfterDays: 2.1,
    factors: ["Monitoring gap", "Process"],
    tags: ["tls", "acme", "partners"],
    facts: {
      impact:
        "All 9 partner integrations on `partners.api.example.com` failed TLS handshakes for about 75 minutes — roughly 18,000 failed API calls. Two partners' order syncs paused and caught up afterwards; no data was lost. Two partners asked for this write-up.",
      causes: [
        "Automatic certificate renewal uses a DNS-01 challenge with an API token that was rotated 23 days earlier; the renewal job kept the old token.",
        "The renewal job logged `DNS-01 challenge failed: 403` every day, but its logs go to a stream nobody watches and it does not page.",
        "We had no monitoring of certificate expiry dates, so nothing warned us as the date approached.",
        "The token rotation checklist lists the services that use the token; the renewal job was not on it.",
      ],
      trigger: "The certificate's `notAfter` date passed at 08:00 UTC.",
      detection: "A partner's support ticket 30 minutes after expiry. None of our alerts covered it.",
      response:
        "The cause was confirmed within 5 minutes of declaring by reading the certificate and the renewal job's logs. A certificate was issued manually and deployed to the partner load balancer 12 minutes after declaring. The communications lead emailed all 9 partners directly.",
      wentWell: ["Manual issuance was documented in the runbook and worked first time.", "Partners got a direct, personal email rather than a generic notice."],
      wentWrong: ["Twenty-three days of daily renewal errors were logged without anyone being told."],
      lucky: "Only the partner endpoint used this certificate; the main API's certificate renews through a different mechanism.",
      surprised: "We assumed renewal automation that had worked for two years would keep working; nobody knew it depended on the rotated token.",
      lessons: ["Every credential rotation needs an inventory of what uses the credential."],
    },
  },
  "Webhook deliveries delayed (queue backlog 120k)": {
    state: "published",
    theme: "queue",
    owner: "marcus",
    reviewers: ["aisha"],
    publishedBy: "aisha",
    startAfterHours: 28,
    publishAfterDays: 3.9,
    factors: ["Capacity"],
    tags: ["webhooks", "replay-api"],
    facts: {
      impact:
        "Live webhook deliveries were delayed by up to 50 minutes for about 110 minutes, affecting all of roughly 1,300 accounts with webhooks. No deliveries were lost. Four customers asked about delayed order events.",
      causes: [
        "Live deliveries and replays share one queue and one worker pool.",
        "The replay API has no per-account rate limit; one account enqueued 2.4 million events in a few minutes.",
        "The autoscaler's maximum of 20 workers was set two years ago for a fraction of today's volume.",
      ],
      trigger: "A large customer replayed a month of events through the replay API to rebuild their data warehouse.",
      detection: "The queue depth alert fired 30 minutes after the replay began; the age of the oldest message is not alerted on.",
      response:
        "The backlog, the workers pinned at the autoscaler maximum and the replay were visible together on the webhook dashboard. The team raised the maximum to 60 workers and moved replays to their own low-priority queue so live events went first; the live queue was empty 40 minutes later.",
      wentWell: ["Splitting the queue could be done with a config change, without a deploy."],
      wentWrong: ["A legitimate, documented API use could starve every other customer."],
      lucky: "The customer replayed one month, not the twelve the API allows.",
      surprised: "The autoscaler maximum was a guardrail nobody remembered existed.",
      lessons: ["Background work and live work need separate lanes."],
    },
  },
  "CDN cache purge served stale JavaScript bundle to 8% of users": {
    state: "published",
    theme: "deploy",
    owner: "aisha",
    reviewers: ["tomas"],
    publishedBy: "tomas",
    startAfterHours: 20,
    publishAfterDays: 2.8,
    factors: ["Change / deploy", "Dependency"],
    tags: ["cdn", "frontend"],
    facts: {
      impact:
        "About **8 % of users** (those served by 11 of 90 CDN locations) got a broken checkout page for about 65 minutes. Error tracking recorded 14,200 `TypeError`s from about 3,900 sessions; an estimated 600 checkouts were abandoned.",
      causes: [
        "The CDN purge API reported a partial failure (`207 Multi-Status`, 11 locations failed); the deploy script checks only for a 2xx status and treated it as success.",
        "The release removed API fields that the previous JavaScript bundle still read, so old and new versions could not run side by side.",
      ],
      trigger: "The frontend release and its CDN purge.",
      detection:
        "Frontend error tracking alerted on a `TypeError` spike 13 minutes after the deploy. The errors all came from the previous bundle's file name, which pointed at caching.",
      response:
        "The bundle name in the error reports led to the purge logs, which showed the 11 failed locations. Re-running the purge for all locations and checking `age` headers cleared the stale bundle 15 minutes after the on-call engineer took command.",
      wentWell: ["Error tracking grouped errors by bundle version, which made the stale-cache theory easy to confirm."],
      wentWrong: ["The backend and frontend changes shipped together with no period where both old and new clients worked."],
      lucky: "Most affected locations were in regions where it was night.",
      surprised: "We did not know the purge API could partially succeed; its documentation mentions `207` only in an appendix.",
      lessons: ["Remove an API field only after every client that reads it is gone (expand, then contract)."],
    },
  },
  "Third-party SMS provider outage: 2FA codes not delivered": {
    state: "published",
    theme: "dependency",
    owner: "jonas",
    reviewers: ["hannah"],
    publishedBy: "hannah",
    startAfterHours: 40,
    publishAfterDays: 13.5,
    factors: ["Dependency", "Process"],
    tags: ["sms", "2fa", "vendor"],
    facts: {
      impact:
        "Users relying on SMS two-factor in Germany, France and the Netherlands could not sign in for about 50 minutes: about 4,800 codes were sent but not delivered, affecting roughly 2,100 people. Users with authenticator apps were unaffected.",
      causes: [
        "Our primary SMS provider had an outage in several EU countries.",
        "Failover to the secondary provider exists but is a manual feature-flag change; nothing switches automatically when delivery rates drop.",
        "SMS is still the most common second factor (61 % of 2FA users), so an SMS problem is a sign-in problem.",
      ],
      trigger: "The provider's delivery failure in DE, FR and NL.",
      detection: "Our delivery-receipt alert fired 12 minutes after delivery rates dropped, before the provider's status page said anything.",
      response:
        "The team confirmed the drop was country-specific, then switched EU country codes to the secondary provider with the feature flag; delivery on the secondary was at 96 % within 6 minutes. Severity was lowered once impact stopped, and traffic stayed on the secondary until the next day.",
      wentWell: ["Our own delivery-receipt alert beat the provider's status page.", "The failover flag worked exactly as documented."],
      wentWrong: ["A documented, tested failover still waited on a person noticing and deciding."],
      lucky: "It was 19:00 UTC — after the European working day, when fewer people sign in to work.",
      surprised: "We thought of SMS as a fallback; for most of our 2FA users it is the only second factor.",
      lessons: ["When a failover is safe and tested, let the system trigger it."],
    },
  },
  "Orders database failover caused write errors": {
    state: "published",
    theme: "database",
    owner: "marcus",
    reviewers: ["priya", "tomas"],
    publishedBy: "priya",
    startAfterHours: 10,
    publishAfterDays: 2.6,
    factors: ["Dependency", "Capacity", "Monitoring gap"],
    tags: ["postgres", "failover", "patroni"],
    facts: {
      impact:
        "Order creation failed for everyone for about **15 minutes** (about 1,900 failed checkout attempts). After we first resolved, refunds and invoicing failed for another 50 minutes: 212 refunds and 1,450 invoices were delayed and retried successfully later. No orders or payments were lost.",
      causes: [
        "Disk latency on the `orders-db-1` volume reached 900 ms, which triggered an automatic failover to `orders-db-2`.",
        "`invoicing` and `refunds` resolve the primary's address once at start-up, not per connection, so they kept writing to the demoted node.",
        "Failover had been tested in the game day two weeks earlier, and the same two services showed the behaviour there; the fix was still in the backlog.",
        "Storage latency was not alerted on, only its consequence (write errors).",
      ],
      trigger: "Degraded storage on the cloud provider's side for the primary's volume.",
      detection:
        "`OrdersWriteErrors` paged 2 minutes after errors began. The second phase was found by a responder checking the refunds dashboard 36 minutes after we had resolved.",
      response:
        "Patroni promoted the replica automatically and most services reconnected within seconds. We resolved too early: the check for lingering errors covered the orders API but not its downstream services. Restarting the two services fixed the second phase.",
      wentWell: ["Automatic failover took 41 seconds, as designed.", "Status page updates went out every 30 minutes, as the SEV1 runbook asks."],
      wentWrong: ["We marked the incident resolved while two dependent services were still failing.", "A finding from the game day was known but not yet fixed."],
      lucky: "The failover happened at 03:00 UTC, our lowest order volume of the day.",
      surprised: "We assumed every service used the connection library that re-resolves the primary; two older ones did not.",
      lessons: ["Game-day findings need owners and due dates like any incident's action items.", "Before resolving, check the services downstream of the one that failed."],
    },
    comments: [{ section: "response", by: "tomas", body: "I'd keep 'we resolved too early' in — it's the most useful sentence in here.", after: 1.1 }],
  },
  "Invoice PDFs rendering with wrong currency symbol": {
    state: "published",
    theme: "deploy",
    owner: "aisha",
    reviewers: ["marcus"],
    publishedBy: "marcus",
    startAfterHours: 48,
    publishAfterDays: 10.6,
    factors: ["Change / deploy", "Dependency"],
    tags: ["billing", "locale", "pdf"],
    facts: {
      impact:
        "**1,812 invoices** generated over about nine hours showed `$` instead of the customer's currency symbol. Amounts and totals were correct. All were regenerated and re-sent; 14 customers contacted support.",
      causes: [
        "Version 5 of the PDF rendering library changed how it chooses a locale: it now uses the server's locale unless one is passed explicitly.",
        "Our code relied on the old default and never passed the account's locale.",
        "Invoice tests render only with the default `en-US` locale.",
      ],
      trigger: "The dependency upgrade to the PDF renderer's version 5.",
      detection: "Two customers in Sweden reported it about five hours after the upgrade.",
      response:
        "The cause was found by comparing a PDF and the web view of the same invoice, then reading the renderer's changelog. A one-line fix passed the account locale explicitly; a script regenerated the affected invoices and emailed corrected copies.",
      wentWell: ["The regeneration script already existed from a previous template change."],
      wentWrong: ["The breaking change was in the library's changelog, but dependency upgrades are reviewed from the diff of our lockfile, not the changelog."],
      lucky: "Amounts were right; only the symbol was wrong, so no invoice was legally incorrect.",
      surprised: "A minor-looking major upgrade changed behaviour without any compile error or test failure.",
      lessons: ["Tests should cover the variety of data we serve, not only the default case."],
    },
  },
  "Checkout conversion dropped 20%: address autocomplete timing out": {
    state: "published",
    theme: "dependency",
    owner: "aisha",
    reviewers: ["priya", "jonas"],
    publishedBy: "priya",
    startAfterHours: 16,
    publishAfterDays: 3.4,
    factors: ["Dependency", "Monitoring gap"],
    tags: ["checkout", "vendor", "timeouts"],
    facts: {
      impact:
        "Checkout conversion was **20 % below baseline** for about 55 minutes. We estimate about 1,300 abandoned checkouts, roughly €96,000 in delayed or lost orders. No errors were shown to users; the *Continue* button simply stayed disabled.",
      causes: [
        "The maps provider behind address autocomplete slowed to 8–10 s responses in the EU.",
        "Our checkout form kept *Continue* disabled until suggestions arrived, so a slow suggestion blocked the purchase.",
        "The request had no client-side timeout.",
      ],
      trigger: "A performance degradation at the maps provider.",
      detection:
        "A product-analytics alert on conversion fired after 40 minutes of lower conversion. No technical alert fired: error rates were normal and the slow call happens in the browser.",
      response:
        "Frontend traces showed the 8.4 s `/address/suggest` latency, and the provider's status page confirmed the degradation. Turning off the `checkout.address_autocomplete` flag restored manual entry 12 minutes after the on-call engineer took command.",
      wentWell: ["The feature flag let us remove the dependency instantly.", "The business estimate of lost orders was ready for the weekly review."],
      wentWrong: ["A convenience feature was on the critical path of a purchase."],
      lucky: "The flag existed because the feature had launched only three months earlier.",
      surprised: "Nobody had noticed that the form waited for suggestions; it looked like a pure enhancement.",
      lessons: ["Enhancements must degrade to the plain experience, never block it."],
    },
  },
  "Android push notifications not delivered": {
    state: "published",
    theme: "certificate",
    owner: "jonas",
    reviewers: ["marcus"],
    publishedBy: "marcus",
    startAfterHours: 20,
    publishAfterDays: 3.0,
    factors: ["Process", "Monitoring gap"],
    tags: ["push", "iam", "service-accounts"],
    facts: {
      impact:
        "No push notifications reached Android devices for about **10 hours** — roughly 380,000 notifications (order updates and delivery alerts). iOS was unaffected. Notifications are not retried, so these were lost; the in-app inbox still showed every message.",
      causes: [
        "A cloud IAM cleanup deleted service accounts that looked unused; the FCM key's *last used* metric was empty because sends go through a proxy project.",
        "Service accounts carry no owner label, so the cleanup had no way to ask the owning team.",
        "Nothing checks that Android pushes are delivered; FCM's `401` responses were logged as warnings.",
      ],
      trigger: "The IAM cleanup the evening before.",
      detection: "A customer-support escalation the next morning, about nine hours after impact began.",
      response:
        "FCM's `401 UNAUTHENTICATED` responses pointed at credentials, and the IAM audit log showed the deletion. A new key was created, stored in the secret manager and the notifications service redeployed.",
      wentWell: ["The IAM audit log made the connection to the cleanup within minutes."],
      wentWrong: ["Hours of authentication failures produced warnings rather than alerts."],
      lucky: "The in-app inbox meant no information was lost to users, only the prompt.",
      surprised: "We trusted the *last used* metric; it does not count use through another project.",
      lessons: ["Every credential needs an owner who is asked before it is removed."],
    },
  },
  "Suspicious admin logins from unfamiliar network": {
    state: "published",
    theme: "security",
    owner: "hannah",
    reviewers: ["priya", "jonas"],
    publishedBy: "priya",
    startAfterHours: 30,
    publishAfterDays: 4.2,
    factors: ["Process", "Monitoring gap"],
    tags: ["security", "credential-stuffing", "2fa"],
    facts: {
      impact:
        "Three admin accounts in customer organisations were accessed with reused passwords over about 80 minutes. The sessions viewed customer lists; one export was started but never downloaded. Legal assessed the notification duty and the three organisations were informed the next day.",
      causes: [
        "Two-factor authentication was optional for admin accounts.",
        "The three passwords appeared in public breach corpora; we did not check passwords against such lists.",
        "Per-account lockout slowed the attack, but 1,900 attempts spread over many accounts stayed below every per-account threshold.",
      ],
      trigger: "A credential-stuffing campaign from a hosting-provider network.",
      detection: "The login anomaly rule fired 65 minutes after the first attempts, once successful logins from the new network crossed its threshold.",
      response:
        "Responders revoked the three accounts' sessions and API tokens within 12 minutes of the security on-call taking command, reviewed the audit log for everything those sessions did, and involved legal. The network was blocked at the edge and 2FA enforcement for admins shipped the same night.",
      wentWell: ["The audit log showed exactly what each session did, so the scope was known within an hour."],
      wentWrong: ["The anomaly rule needed successful logins before it fired; 1,900 failures alone did not trigger it."],
      lucky: "The one export started was never downloaded.",
      surprised: "We assumed admin accounts mostly had 2FA; fewer than half did.",
      lessons: ["Failed logins across many accounts are a signal on their own."],
    },
  },
  "Redis memory at 95%: session evictions logging users out": {
    state: "published",
    theme: "capacity",
    owner: "marcus",
    reviewers: ["jonas"],
    publishedBy: "jonas",
    startAfterHours: 22,
    publishAfterDays: 2.7,
    factors: ["Capacity", "Change / deploy"],
    tags: ["redis", "sessions", "feature-flag"],
    facts: {
      impact:
        "About **4,000 users a minute** were signed out for roughly 25 minutes — about 95,000 sessions evicted. Users had to sign in again; unsaved form input was lost for some. Support received 58 tickets.",
      causes: [
        "The new *recently viewed* feature stored full product objects (about 40 KB each) in the session store.",
        "The session store's eviction policy is LRU across all keys, so when memory filled, live sessions were evicted alongside the new keys.",
        "Memory usage was alerted at 95 %, which left minutes, not hours, of headroom at the new growth rate.",
      ],
      trigger: "The *recently viewed* rollout to 100 % of users the day before.",
      detection: "The memory alert at 95 % and support tickets arrived within 10 minutes of each other.",
      response:
        "Eviction counts showed the severity, so the incident was raised to SEV2 12 minutes after the on-call engineer took command. Key patterns led to the new feature; turning off its flag and deleting the `rv:*` keys brought memory down to 58 % within 5 minutes.",
      wentWell: ["The feature shipped behind a flag, which made the fix instant."],
      wentWrong: ["No size limit on what a feature can write into a session."],
      lucky: "The rollout happened at 100 % in one step, but late in the day, so memory crossed the limit the next morning rather than overnight with nobody watching.",
      surprised: "We did not know the session store was shared with feature caches.",
      lessons: ["Shared stores need per-feature budgets."],
    },
  },
  "Payments declined for American Express cards": {
    state: "published",
    theme: "dependency",
    owner: "aisha",
    reviewers: ["marcus", "priya"],
    publishedBy: "marcus",
    startAfterHours: 20,
    publishAfterDays: 10.3,
    factors: ["Dependency", "Monitoring gap"],
    tags: ["payments", "acquirer", "3ds"],
    facts: {
      impact:
        "About **5 % of payment volume** — American Express transactions with 3-D Secure data — was declined for about 2 hours 10 minutes before traffic was rerouted. About 3,400 payments were declined; most customers retried with another card, and an estimated 700 orders were lost.",
      causes: [
        "Our primary acquirer shipped a configuration change that broke the mapping of AmEx 3-D Secure fields.",
        "Scheme-level decline rates were graphed but not alerted on; the overall decline rate stayed within its normal range.",
        "Routing a card scheme to the secondary acquirer is a manual change that needs an engineer familiar with it.",
      ],
      trigger: "An acquirer-side configuration release.",
      detection:
        "Our payments engineers noticed the AmEx decline rate on a dashboard about 45 minutes after it began. The overall decline-rate alert did not fire.",
      response:
        "Responders narrowed the declines to AmEx with a 3DS `eci` value, opened a priority ticket with the acquirer and, while waiting, routed AmEx through the secondary acquirer 25 minutes after declaring. AmEx went back to the primary after the acquirer's rollback.",
      wentWell: ["The acquirer confirmed and rolled back within two hours.", "The secondary acquirer handled the extra volume without issues."],
      wentWrong: ["A scheme-specific failure hid inside a normal-looking aggregate decline rate."],
      lucky: "AmEx is only 5 % of our volume; the same fault on Visa would have been a SEV1.",
      surprised: "We assumed acquirers announce configuration releases; this one did not.",
      lessons: ["Alert on decline rates per card scheme and acquirer, not only overall."],
    },
  },
  "Data pipeline lag: dashboards 6 hours behind": {
    state: "published",
    theme: "capacity",
    owner: "marcus",
    reviewers: ["tomas"],
    publishedBy: "tomas",
    startAfterHours: 26,
    publishAfterDays: 3.6,
    factors: ["Change / deploy", "Capacity"],
    tags: ["kafka", "jvm", "analytics"],
    facts: {
      impact:
        "Customer-facing analytics dashboards were up to **6 hours behind** for about 9 hours. No data was lost; all events were processed once the pipeline caught up. 11 customers asked about missing numbers.",
      causes: [
        "After the JVM upgrade, garbage-collection pauses of up to 12 s exceeded the consumers' `session.timeout.ms` of 10 s.",
        "Each pause made the broker consider a consumer dead and rebalance the group, which paused every consumer again: a rebalancing storm.",
        "The JVM upgrade was tested for throughput in staging, where heaps are a quarter the size and pauses much shorter.",
      ],
      trigger: "The JVM upgrade of `events-aggregator` rolled out that morning.",
      detection: "The consumer-lag alert fired about four hours after lag began growing; its threshold is set in events, and the lag grew slowly at first.",
      response:
        "Rebalance logs made the cause clear within 5 minutes of the on-call engineer taking command. Raising the session timeout to 45 s and lowering `max.poll.records` stopped the rebalances; catching up took four more hours.",
      wentWell: ["The fix was a config change and needed no rollback of the upgrade."],
      wentWrong: ["The lag alert is measured in events rather than time behind, so it fired hours late."],
      lucky: "It happened early in the week, not at month end when customers pull reports for billing.",
      surprised: "We did not expect a JVM upgrade to change pause times this much with the same settings.",
      lessons: ["Capacity tests only mean something at production size."],
    },
  },
  "Object storage access key exposed in a public repository": {
    state: "published",
    theme: "security",
    owner: "hannah",
    reviewers: ["priya", "tomas"],
    publishedBy: "priya",
    startAfterHours: 12,
    publishAfterDays: 2.4,
    factors: ["Process", "Change / deploy"],
    tags: ["security", "secrets", "ci"],
    facts: {
      impact:
        "A production access key for the `prod-uploads` bucket was publicly visible for about 55 minutes. Access logs show it was used only from our own CI addresses; no customer data was accessed by third parties. No customer notification was required.",
      causes: [
        "A build script in the public SDK samples repository embedded the key from the CI environment into a generated config file, which was committed.",
        "Two services and the CI still used a static key for the bucket instead of their instance or workload roles.",
        "Secret scanning ran after push, not before commit.",
      ],
      trigger: "A commit to `example/sdk-samples` that included a generated config file.",
      detection: "GitHub's secret-scanning alert, 37 minutes after the push.",
      response:
        "The key was disabled within 6 minutes of declaring, and services still using it switched to their instance roles. The repository was made private, the commit purged and a cache purge requested. Access logs were reviewed before downgrading the severity.",
      wentWell: ["Secret scanning worked and the key was revoked within 20 minutes of the alert.", "Access logs for the key were complete, so we could show there was no third-party use."],
      wentWrong: ["A static production key existed at all, years after we moved to roles."],
      lucky: "The repository has few watchers, and the push was late in the day.",
      surprised: "We thought no static production keys remained.",
      lessons: ["A credential that does not exist cannot leak: remove static keys rather than guarding them."],
    },
  },
  "Slow page loads in Europe: CDN edge in Frankfurt degraded": {
    state: "published",
    theme: "dependency",
    owner: "tomas",
    reviewers: ["marcus"],
    publishedBy: "marcus",
    startAfterHours: 52,
    publishAfterDays: 15.2,
    factors: ["Dependency"],
    tags: ["cdn", "europe", "performance"],
    facts: {
      impact:
        "Users in Germany, Austria and Switzerland saw page loads **3–5× slower** for about two hours (LCP p75 7.8 s against a 2.1 s baseline). Conversion in those countries dropped about 9 % during the window.",
      causes: [
        "Packet loss at the CDN provider's Frankfurt location.",
        "Our CDN plan does not let us steer traffic away from a location ourselves, so recovery depended on the provider.",
      ],
      trigger: "A network problem inside the CDN provider's Frankfurt location.",
      detection: "Real-user monitoring alerted on LCP 10 minutes after the slowdown began.",
      response:
        "Traceroutes ending at the CDN's Frankfurt edge confirmed the location. The provider acknowledged packet loss 10 minutes after our on-call engineer took command but took another hour to reroute traffic to Amsterdam and Munich.",
      wentWell: ["Real-user monitoring per country showed the regional pattern immediately."],
      wentWrong: ["We had no way to act ourselves and could only wait for the provider."],
      lucky: "The degradation was slowness, not errors.",
      surprised: "We assumed the CDN would route around an unhealthy location automatically; on our plan it does not.",
      lessons: ["Know which levers you have before you need them; we had none here."],
    },
  },
  "Order confirmation emails sent twice": {
    state: "published",
    theme: "queue",
    owner: "jonas",
    reviewers: ["grace", "marcus"],
    publishedBy: "grace",
    startAfterHours: 18,
    publishAfterDays: 2.9,
    factors: ["Change / deploy", "Process"],
    tags: ["email", "idempotency", "broker"],
    facts: {
      impact:
        "About **40,000 customers** received a duplicate order confirmation email over about 45 minutes. Nobody was charged twice, but the duplicates looked like double orders: support received about 900 tickets that day, three times the normal volume.",
      causes: [
        "The email worker acknowledges a message only after sending the email; when the broker restarted, every unacknowledged message was redelivered.",
        "The worker has no idempotency check on `(order_id, template)`, so redelivered messages were sent again.",
        "The broker maintenance runbook restarts the broker without draining consumers first.",
      ],
      trigger: "Planned broker maintenance that restarted the broker during business hours.",
      detection: "Support saw the ticket spike about 10 minutes after the restart; there is no alert on duplicate sends.",
      response:
        "The severity was raised to SEV2 because of the support load and the worry about double charges. Support published a help-centre banner and macro within 12 minutes of declaring saying no charges were duplicated, which is what customers most needed to hear. Redelivery finished on its own.",
      wentWell: ["The help-centre banner answered the real question (\"was I charged twice?\") fast."],
      wentWrong: ["At-least-once delivery was a known property of the broker, but consumers were not built for it."],
      lucky: "The duplicated template was the confirmation email; a duplicated refund message would have triggered real refunds.",
      surprised: "We thought the broker restart in the runbook was harmless because no messages are lost.",
      lessons: ["Every consumer of an at-least-once queue must be idempotent."],
    },
  },
  "CSV export timing out for large workspaces": {
    state: "published",
    theme: "database",
    owner: "marcus",
    reviewers: ["aisha"],
    publishedBy: "aisha",
    startAfterHours: 24,
    publishAfterDays: 3.3,
    factors: ["Change / deploy", "Capacity"],
    tags: ["postgres", "query-plan", "exports"],
    facts: {
      impact:
        "CSV exports of more than about 200,000 rows timed out for about a day. Seven large customers were affected; 63 export attempts failed. Smaller exports worked normally.",
      causes: [
        "The ORM upgrade on Monday rewrote the export query and dropped an index hint, and the planner switched to a sequential scan for large workspaces.",
        "No composite index matched the query's filter and sort `(workspace_id, created_at)`.",
        "Query-plan changes are invisible in tests that run against small fixtures.",
      ],
      trigger: "The ORM upgrade deployed on Monday.",
      detection: "A customer report the next morning; export timeouts were logged but not alerted on.",
      response:
        "`EXPLAIN` on the export query showed the sequential scan. The missing composite index was added concurrently, which took about two hours on the largest table; exports then took about 8 s for the biggest workspace.",
      wentWell: ["Adding the index concurrently meant no downtime."],
      wentWrong: ["The upgrade changed generated SQL without any review of query plans."],
      lucky: "Only a handful of customers export this much, and none had a deadline that day.",
      surprised: "The index hint was the only thing keeping the query fast, and nobody knew it was there.",
      lessons: ["Performance that depends on a hint is a latent incident; give queries the indexes they need."],
    },
  },

  // ── In review ────────────────────────────────────────────────────────────
  "Login page blank in Safari after frontend deploy": {
    state: "in_review",
    theme: "deploy",
    owner: "jonas",
    reviewers: ["priya", "aisha"],
    startAfterHours: 20,
    submitAfterDays: 9,
    checks: ["data", "impact", "stakeholders"],
    factors: ["Change / deploy", "Monitoring gap"],
    tags: ["csp", "safari", "frontend"],
    facts: {
      impact:
        "The sign-in page rendered blank for Safari users — about **18 % of sign-ins** — for roughly 55 minutes. About 2,600 people could not sign in; existing sessions were unaffected. Support received 41 tickets.",
      causes: [
        "The release tightened the Content-Security-Policy by removing `'unsafe-inline'` for scripts.",
        "The sign-in page loads a small inline polyfill loader that only Safari needs; Chrome and Firefox never run it, so the policy change broke Safari alone.",
        "The pre-deploy smoke tests run only in Chromium.",
      ],
      trigger: "The frontend deploy with the stricter CSP header.",
      detection:
        "The sign-in success alert fired 8 minutes after the deploy. Because Safari is under a fifth of sign-ins, the drop took a while to cross the threshold.",
      response:
        "The browser console message named the blocked inline script, which made the cause clear within 8 minutes of declaring. The CSP header was rolled back 15 minutes after declaring; the loader is being moved to a hashed script before the policy is tightened again.",
      wentWell: ["The CSP violation message in the console was explicit."],
      wentWrong: ["Security hardening was treated as low risk and shipped without a report-only phase."],
      lucky: "The deploy happened at 16:00 UTC, before the US morning peak, when Safari's share of sign-ins is highest.",
      surprised: "We did not know the sign-in page had an inline script at all.",
      lessons: ["Roll out CSP changes in report-only mode first; the reports show what would break."],
    },
    comments: [
      { section: "root_causes", by: "priya", body: "Good depth. Could you add why the loader was inline in the first place? I think it predates the bundler.", after: 9.5 },
      { section: "action_items", by: "aisha", body: "The WebKit smoke test is in progress — I'll link the PR once it's up.", after: 10.2 },
    ],
  },
  "API documentation site down": {
    state: "in_review",
    theme: "dns",
    owner: "tomas",
    reviewers: ["marcus"],
    startAfterHours: 22,
    submitAfterDays: 3.2,
    checks: ["data"],
    factors: ["Change / deploy", "Configuration"],
    tags: ["terraform", "docs"],
    facts: {
      impact:
        "Every page of the API documentation returned 404 for about 85 minutes. The docs site serves about 2,200 page views in that time; developers asked about it on the community forum. The API itself was unaffected.",
      causes: [
        "A major version upgrade of the storage Terraform module changed its inputs: website hosting is now a separate block, and without it the module removed the bucket's website configuration.",
        "The plan showed an in-place update of the bucket, which looked harmless.",
      ],
      trigger: "Applying the storage module upgrade that morning.",
      detection: "A developer's post on the community forum, about 35 minutes after the apply. There was no uptime check on the docs site.",
      response:
        "The missing index and error documents on the bucket pointed straight at the module upgrade. The website configuration was restored by hand 14 minutes after declaring, and the module version pinned until the new inputs are adopted.",
      wentWell: ["The community forum post included the exact error, which saved time."],
      wentWrong: ["Module upgrades are applied across all stacks at once."],
      lucky: "The docs site is static; nothing else depended on the bucket's website settings.",
      surprised: "A module upgrade could change behaviour without changing any of our own code.",
      lessons: ["Pin infrastructure modules and upgrade them one stack at a time."],
    },
    comments: [{ section: "detection", by: "marcus", body: "Can we say how long it would have taken without the forum post? Nobody was watching this.", after: 4.0 }],
  },

  // ── Drafts ───────────────────────────────────────────────────────────────
  "Elevated error rate on image uploads": {
    state: "draft",
    theme: "dependency",
    owner: "tomas",
    reviewers: ["hannah"],
    startAfterHours: 26,
    lastEditAfterDays: 9.5,
    returned: {
      submitAfterDays: 4.1,
      returnAfterDays: 6.2,
      by: "hannah",
      comment:
        "Root causes stop at \"the provider had an incident\". Why did 12 % of provider errors become visible failures for 0.3 % of users only after we changed retries — what were the retries before, and who chose those numbers? Back to draft for another pass.",
    },
    written: ["summary", "impact", "timeline", "root_causes", "trigger", "detection", "response"],
    factors: ["Dependency"],
    tags: ["object-storage", "retries"],
    facts: {
      impact: "About 12 % of image uploads failed at the storage layer for about 75 minutes; client retries hid most of them. About 0.3 % of uploads failed visibly for users after the retry change.",
      causes: ["Our object storage provider returned `503 SlowDown` for about 12 % of requests in our region during an incident on their side."],
      trigger: "The provider's regional incident.",
      detection: "The upload error-rate alert fired 5 minutes after errors began.",
      response: "Client retries were raised from 2 to 5 with jitter 8 minutes after the on-call engineer took command, which brought visible failures down to 0.3 %.",
      wentWell: [],
      wentWrong: [],
      lucky: "",
      surprised: "",
      lessons: [],
    },
  },
  "Search autocomplete errors for non-Latin queries": {
    state: "draft",
    theme: "deploy",
    owner: "marcus",
    reviewers: [],
    startAfterHours: 30,
    lastEditAfterDays: 2.2,
    written: ["summary", "timeline", "root_causes", "trigger"],
    factors: ["Change / deploy"],
    tags: ["search", "i18n"],
    facts: {
      impact: "",
      causes: [],
      trigger: "The tokenizer library upgrade deployed with the weekly search release.",
      detection: "",
      response: "",
      wentWell: [],
      wentWrong: [],
      lucky: "",
      surprised: "",
      lessons: [],
    },
    override: {
      root_causes:
        "- Human error: the tokenizer upgrade was merged without running the multilingual test suite, and the reviewer approved it anyway.\n- The new tokenizer's normaliser assumes one byte per character and raises `IndexError` on multi-byte input.\n\n*TODO: dig into why the multilingual suite is optional in CI.*",
    },
  },
};

/**
 * Required (SEV2) but not started: left resolved, so the postmortem shows as overdue (the
 * renewals incident, three weeks ago) and as due (the confirmations backlog, two days ago).
 */
export const DEMO_POSTMORTEMS_MISSING = ["Annual renewals charged twice for 312 customers", "Order confirmations delayed by 25 minutes (queue backlog)"];

/**
 * When a demo incident that the plan would close (resolved over ten days ago) is closed:
 * when its postmortem was published, never while the postmortem is in draft or review,
 * and at the usual time for incidents without one. Clamped to before `now`.
 */
export function demoCloseAt(incident: { title: string; resolvedAt: number | null }, usualCloseAt: number, now: number): number | null {
  const spec = DEMO_POSTMORTEMS[incident.title];
  if (DEMO_POSTMORTEMS_MISSING.includes(incident.title)) return null;
  if (!spec) return usualCloseAt;
  if (spec.state !== "published" || incident.resolvedAt === null) return null;
  return Math.min(incident.resolvedAt + Math.round(spec.publishAfterDays * DAY), now - HOUR);
}

/** The moments of a postmortem's life, from its incident's times. */
export type DemoPostmortemTimes = {
  createdAt: number;
  submittedAt: number | null;
  returnedAt: number | null;
  publishedAt: number | null;
  updatedAt: number;
};

export function demoPostmortemTimes(spec: DemoPostmortemSpec, incident: { resolvedAt: number; closedAt: number | null }, now: number): DemoPostmortemTimes {
  const clamp = (t: number) => Math.min(t, now - HOUR);
  const createdAt = clamp(incident.resolvedAt + Math.round(spec.startAfterHours * HOUR));
  const after = (days: number) => clamp(incident.resolvedAt + Math.round(days * DAY));
  switch (spec.state) {
    case "published": {
      if (incident.closedAt === null) throw new Error("A published demo postmortem needs a closed incident");
      // Published a few minutes before the incident was closed (the plan's closing note follows).
      const publishedAt = incident.closedAt - 5 * 60_000;
      const submittedAt = createdAt + Math.round((publishedAt - createdAt) * 0.7);
      return { createdAt, submittedAt, returnedAt: null, publishedAt, updatedAt: publishedAt };
    }
    case "in_review": {
      const submittedAt = Math.max(createdAt + HOUR, after(spec.submitAfterDays));
      return { createdAt, submittedAt, returnedAt: null, publishedAt: null, updatedAt: submittedAt };
    }
    case "draft": {
      const submittedAt = spec.returned ? after(spec.returned.submitAfterDays) : null;
      const returnedAt = spec.returned ? after(spec.returned.returnAfterDays) : null;
      return { createdAt, submittedAt, returnedAt, publishedAt: null, updatedAt: Math.max(createdAt, after(spec.lastEditAfterDays)) };
    }
  }
}

export type DemoPostmortemContext = {
  incident: {
    summary: string;
    severity: string;
    startedAt: number;
    detectedAt: number | null;
    detectedAtSource: string | null;
    declaredAt: number;
    /** Later than declaredAt when the alerting integration declared it and a person took it afterwards. */
    acknowledgedAt: number | null;
    mitigatedAt: number | null;
    resolvedAt: number;
  };
  services: { name: string; impact: ImpactLevel }[];
  /** The incident's highlighted timeline entries (and its status and severity moves). */
  highlighted: TimelineSectionEntry[];
  actionItems: { title: string; priority: string; kind: string; ownerName: string; dueDate: string }[];
};

const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join("\n");
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16) + " UTC";
const formatDue = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Every section's markdown (empty where a draft has not got to yet). */
export function demoPostmortemSections(spec: DemoPostmortemSpec, ctx: DemoPostmortemContext): Record<PostmortemSectionKey, string> {
  const { incident } = ctx;
  const theme = THEMES[spec.theme];
  const f = spec.facts;
  const impactEnd = incident.mitigatedAt ?? incident.resolvedAt;
  const lasted = formatDuration(impactEnd - incident.startedAt);
  const detected = incident.detectedAt ?? incident.declaredAt;

  // Declared by the alerting integration, then taken by the on-call person (acknowledged) some minutes later.
  const paged = incident.acknowledgedAt !== null && incident.acknowledgedAt > incident.declaredAt ? incident.acknowledgedAt : null;

  // The generated timeline, plus the moments responders add by hand: when impact began, the first signal
  // and, for a paged incident, when the page was picked up.
  const added: TimelineSectionEntry[] = [];
  if (incident.startedAt < incident.declaredAt) added.push({ occurredAt: incident.startedAt, body: "Impact begins (established afterwards from logs and metrics).", authorLabel: "", kind: "note" });
  if (detected < incident.declaredAt) {
    const signal = incident.detectedAtSource === "manual" ? "First report reaches us from customers or support." : "First alert fires.";
    added.push({ occurredAt: detected, body: signal, authorLabel: "", kind: "note" });
  }
  if (paged !== null) added.push({ occurredAt: paged, body: "The on-call engineer acknowledges the page and takes command.", authorLabel: "", kind: "note" });

  const sections: Record<PostmortemSectionKey, string> = {
    summary: `${incident.summary}\n\nCustomer impact lasted about ${lasted}; the incident was a ${incident.severity} and was resolved ${formatDuration(incident.resolvedAt - incident.declaredAt)} after it was declared.`,
    impact: [
      f.impact,
      "",
      `- **Duration:** ${clock(incident.startedAt)} to ${clock(impactEnd)} (${lasted})`,
      `- **Time to detect:** ${formatDuration(detected - incident.startedAt)}; **time to mitigate:** ${lasted}`,
      ctx.services.length ? `- **Services:** ${ctx.services.map((s) => `${s.name} (${IMPACT_LABEL[s.impact].toLowerCase()})`).join(", ")}` : null,
    ]
      .filter((line) => line !== null)
      .join("\n"),
    timeline: generateTimelineSection([...added, ...ctx.highlighted]),
    root_causes: [bullets(f.causes), "", `**Contributing factors:** ${spec.factors.join(", ")}.`].join("\n"),
    trigger: f.trigger,
    detection: `${f.detection}\n\nTime from impact to first signal: ${formatDuration(detected - incident.startedAt)}; to declaring: ${formatDuration(incident.declaredAt - incident.startedAt)}.${
      paged === null ? "" : ` The alerting integration declared it; the on-call engineer acknowledged the page ${formatDuration(paged - incident.declaredAt)} later.`
    }`,
    response: f.response,
    went_well: bullets([...f.wentWell, theme.wentWell]),
    went_wrong: bullets([...f.wentWrong, theme.wentWrong]),
    lucky: f.lucky,
    surprised: f.surprised,
    lessons: bullets([...f.lessons, theme.lesson]),
    action_items: ctx.actionItems.length
      ? [
          "Tracked in the action items list, each with an owner and a due date:",
          "",
          bullets(ctx.actionItems.map((a) => `**${a.priority}** · ${a.kind} — ${a.title} (${a.ownerName}, due ${formatDue(a.dueDate)})`)),
        ].join("\n")
      : "No follow-up work beyond what was fixed during the incident.",
  };

  if (spec.state !== "draft") return sections;
  const draft = Object.fromEntries(POSTMORTEM_SECTIONS.map((s) => [s.key, ""])) as Record<PostmortemSectionKey, string>;
  for (const key of spec.written) draft[key] = spec.override?.[key] ?? sections[key];
  return draft;
}
