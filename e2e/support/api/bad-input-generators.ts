// Generated malformed requests for every write endpoint under /api/v1 (from the route files in
// app/api/v1) and the query strings of the list endpoints. Deterministic for a seed
// (BAD_INPUT_SEED), built from the same arbitraries as the validator property tests.
import fc from "fast-check";
import { HOSTILE_STRINGS, hostileKey, hostileObject, hostileQuery, hostileString, hostileValue, mutated } from "../../../lib/testing/hostile-input";
import * as valid from "../../../lib/testing/valid-input";
import { alertmanagerAlert, alertmanagerPayload } from "../../../lib/alerts/fixtures/payloads";

/** Alert integrations (admin API): the default rule's shape, with a random matcher. */
const routingRule = fc.record({
  matchers: fc.array(
    fc.record({ label: fc.constantFrom("alertname", "severity", "team"), op: fc.constantFrom("=", "!=", "=~", "!~"), value: valid.text(0, 20) }),
    {
      maxLength: 3,
    },
  ),
  service: fc.constantFrom(null, { from: "label", label: "service" }, { slug: "payments-api" }),
  severity: fc.constantFrom({ fixed: "SEV2" }, { from: "label", label: "severity", map: { critical: "SEV1" }, fallback: "SEV3" }),
  action: fc.constantFrom("declare", "attach", "record"),
  resolveIncident: fc.boolean(),
});
const integrationFields = {
  name: valid.text(1, 100),
  enabled: fc.option(fc.boolean(), { nil: undefined }),
  rules: fc.option(fc.array(routingRule, { maxLength: 3 }), { nil: undefined }),
};
const createIntegration = fc.record({ ...integrationFields, kind: fc.constantFrom("alertmanager", "events-v2") });
const updateIntegration = fc.record({ ...integrationFields, version: fc.constant(1) });
const alertmanagerBody = fc
  .array(fc.record({ fingerprint: valid.text(1, 16), alertname: valid.text(1, 30) }), { minLength: 1, maxLength: 3 })
  .map((alerts) => alertmanagerPayload(alerts.map((a) => alertmanagerAlert(a))) as unknown as Record<string, unknown>);

/** Paths with malformed percent-escapes (`/incidents/%ff`): 400 under /api, 404 for pages (proxy.ts). */
export const MALFORMED_PATH_ESCAPES = true;
/** Insights from/to outside 2000–2099 (`0500-01-02`, `9999-12-31`): 400 naming the field. */
export const EXTREME_INSIGHTS_DATES = true;

export type Targets = {
  incident: string;
  timelineEntryId: number;
  actionItemId: number;
  checklistItemId: number;
  service: string;
  sloId: number;
  playbookId: number;
  integrationId: number;
};

export type GeneratedRequest = {
  label: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
};

type PathParam = keyof Targets;

type BodyEndpoint = {
  method: "POST" | "PUT" | "PATCH";
  /** With `{incident}`, `{service}`… for the targets' ids. */
  path: string;
  valid: fc.Arbitrary<Record<string, unknown>>;
  keys: readonly string[];
};

/** Every route handler that reads a body (POST/PUT/PATCH in app/api/v1). */
export const BODY_ENDPOINTS: BodyEndpoint[] = [
  {
    method: "POST",
    path: "/api/v1/incidents",
    valid: valid.declareIncident,
    keys: ["title", "severity", "summary", "startedAt", "detectedAt", "private", "drill", "services"],
  },
  {
    method: "PATCH",
    path: "/api/v1/incidents/{incident}",
    valid: valid.updateIncident,
    keys: [
      "version",
      "title",
      "summary",
      "severity",
      "status",
      "private",
      "drill",
      "commanderEmail",
      "communicationsEmail",
      "scribeEmail",
      "startedAt",
      "detectedAt",
      "acknowledgedAt",
      "mitigatedAt",
      "resolvedAt",
      "closedAt",
      "message",
    ],
  },
  { method: "POST", path: "/api/v1/incidents/{incident}/timeline", valid: valid.addNote, keys: ["body", "occurredAt", "highlighted"] },
  { method: "PATCH", path: "/api/v1/incidents/{incident}/timeline/{timelineEntryId}", valid: valid.highlightEntry, keys: ["highlighted"] },
  {
    method: "POST",
    path: "/api/v1/incidents/{incident}/action-items",
    valid: valid.createActionItem,
    keys: ["title", "description", "ownerId", "ownerEmail", "dueDate", "priority", "kind", "status", "trackerUrl", "serviceId", "service"],
  },
  {
    method: "PATCH",
    path: "/api/v1/action-items/{actionItemId}",
    valid: valid.updateActionItem,
    keys: ["version", "title", "description", "ownerId", "ownerEmail", "dueDate", "priority", "kind", "status", "trackerUrl", "serviceId", "service"],
  },
  { method: "PATCH", path: "/api/v1/checklist-items/{checklistItemId}", valid: valid.checklistDone, keys: ["done"] },
  { method: "POST", path: "/api/v1/factors", valid: valid.createFactor, keys: ["name", "description"] },
  {
    method: "PUT",
    path: "/api/v1/incidents/{incident}/postmortem",
    valid: valid.savePostmortem,
    keys: ["version", "sections", "factorIds", "tags", "ownerId", "ownerEmail", "noActionItemsReason"],
  },
  { method: "POST", path: "/api/v1/incidents/{incident}/postmortem/comments", valid: valid.addComment, keys: ["section", "body"] },
  { method: "PUT", path: "/api/v1/incidents/{incident}/postmortem/review-checklist", valid: valid.reviewCheck, keys: ["key", "checked"] },
  { method: "PUT", path: "/api/v1/incidents/{incident}/postmortem/reviewers", valid: valid.setReviewers, keys: ["reviewerIds", "reviewerEmails"] },
  { method: "POST", path: "/api/v1/incidents/{incident}/postmortem/timeline", valid: valid.regenerateTimeline, keys: ["version", "includeAllNotes"] },
  {
    method: "POST",
    path: "/api/v1/incidents/{incident}/postmortem/transitions",
    valid: valid.transition,
    keys: ["to", "comment", "reviewerIds", "reviewerEmails", "acknowledgeHints", "version"],
  },
  { method: "POST", path: "/api/v1/incidents/{incident}/services", valid: valid.linkService, keys: ["service", "impact"] },
  { method: "PUT", path: "/api/v1/incidents/{incident}/slo-overrides/{sloId}", valid: valid.spendOverride, keys: ["minutes", "reason"] },
  {
    method: "POST",
    path: "/api/v1/playbooks",
    valid: valid.createPlaybook,
    keys: ["name", "description", "severities", "serviceIds", "services", "enabled", "items"],
  },
  {
    method: "PATCH",
    path: "/api/v1/playbooks/{playbookId}",
    valid: valid.updatePlaybook,
    keys: ["version", "name", "description", "severities", "serviceIds", "services", "enabled", "items"],
  },
  { method: "POST", path: "/api/v1/services", valid: valid.createService, keys: ["slug", "name", "description", "teamId", "tier", "runbookUrl", "links"] },
  {
    method: "PATCH",
    path: "/api/v1/services/{service}",
    valid: valid.updateService,
    keys: ["version", "name", "description", "teamId", "tier", "runbookUrl", "links"],
  },
  { method: "POST", path: "/api/v1/services/{service}/slos", valid: valid.createSlo, keys: ["name", "sliDescription", "objective", "windowDays"] },
  { method: "PATCH", path: "/api/v1/slos/{sloId}", valid: valid.updateSlo, keys: ["version", "name", "sliDescription", "objective", "windowDays"] },
  { method: "PUT", path: "/api/v1/settings/update-cadence", valid: valid.updateCadence, keys: ["SEV1", "SEV2", "SEV3", "SEV4"] },
  { method: "POST", path: "/api/v1/integrations", valid: createIntegration, keys: ["name", "kind", "enabled", "rules", "hmacSecret"] },
  { method: "PATCH", path: "/api/v1/integrations/{integrationId}", valid: updateIntegration, keys: ["version", "name", "enabled", "rules", "hmacSecret"] },
  { method: "POST", path: "/api/v1/integrations/{integrationId}/secret", valid: fc.record({ version: fc.constant(1) }), keys: ["version"] },
  // With an API token instead of the integration's secret: a 401 in the error shape, whatever the body.
  {
    method: "POST",
    path: "/api/v1/integrations/{integrationId}/alertmanager",
    valid: alertmanagerBody,
    keys: ["version", "groupKey", "status", "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "truncatedAlerts", "alerts"],
  },
];

/** Route handlers without a body to validate: the path is what can be wrong. */
export const BODYLESS_ENDPOINTS: { method: "POST" | "DELETE"; path: string }[] = [
  { method: "POST", path: "/api/v1/incidents/{incident}/postmortem" },
  { method: "DELETE", path: "/api/v1/incidents/{incident}/services/{service}" },
  { method: "DELETE", path: "/api/v1/incidents/{incident}/slo-overrides/{sloId}" },
  { method: "DELETE", path: "/api/v1/playbooks/{playbookId}" },
  { method: "DELETE", path: "/api/v1/slos/{sloId}" },
];

/** Every GET with a query (lists, search, insights) or a path to get wrong. */
export const QUERY_ENDPOINTS: { path: string; keys: readonly string[]; valid?: fc.Arbitrary<Record<string, unknown>> }[] = [
  {
    path: "/api/v1/incidents",
    keys: ["status", "severity", "q", "limit", "cursor", "mine", "service", "from", "to", "team", "drill"],
    valid: valid.listIncidentsQuery,
  },
  {
    path: "/api/v1/action-items",
    keys: ["owner", "team", "service", "status", "priority", "overdue", "incident", "sort", "limit", "cursor"],
    valid: valid.listActionItemsQuery,
  },
  { path: "/api/v1/postmortems", keys: ["status", "q", "due", "limit", "cursor"], valid: valid.listPostmortemsQuery },
  { path: "/api/v1/services", keys: ["q", "team", "tier", "openIncident", "atRisk"], valid: valid.listServicesQuery },
  { path: "/api/v1/search", keys: ["q", "limit"], valid: valid.searchQuery },
  { path: "/api/v1/insights", keys: ["range", "from", "to", "severity", "service", "team"], valid: valid.insightsQuery },
  { path: "/api/v1/insights/incidents.csv", keys: ["range", "from", "to", "severity", "service", "team"], valid: valid.insightsQuery },
  { path: "/api/v1/factors", keys: ["includeArchived"] },
  { path: "/api/v1/playbooks", keys: [] },
  { path: "/api/v1/teams", keys: [] },
  { path: "/api/v1/incidents/{incident}", keys: [] },
  { path: "/api/v1/incidents/{incident}/timeline", keys: [] },
  { path: "/api/v1/incidents/{incident}/action-items", keys: [] },
  { path: "/api/v1/incidents/{incident}/checklist", keys: [] },
  { path: "/api/v1/incidents/{incident}/postmortem", keys: [] },
  { path: "/api/v1/incidents/{incident}/postmortem.md", keys: [] },
  { path: "/api/v1/incidents/{incident}/services", keys: [] },
  { path: "/api/v1/incidents/{incident}/slo-spend", keys: [] },
  { path: "/api/v1/action-items/{actionItemId}", keys: [] },
  { path: "/api/v1/playbooks/{playbookId}", keys: [] },
  { path: "/api/v1/services/{service}", keys: [] },
  { path: "/api/v1/services/{service}/slos", keys: [] },
  { path: "/api/v1/slos/{sloId}", keys: [] },
  { path: "/api/v1/settings/update-cadence", keys: [] },
  { path: "/api/v1/integrations", keys: [] },
  { path: "/api/v1/integrations/{integrationId}", keys: [] },
  { path: "/api/v1/integrations/{integrationId}/deliveries", keys: [] },
];

const EXTREME_YEAR = /^\s*(\d{4,})-/;
/** Whether a query asks insights for a year outside 2000–2099 (held back until that fix is merged). */
function extremeInsightsDate(path: string, query: Record<string, string>): boolean {
  if (EXTREME_INSIGHTS_DATES || !path.startsWith("/api/v1/insights")) return false;
  return ["from", "to"].some((key) => {
    const year = EXTREME_YEAR.exec(query[key] ?? "")?.[1];
    return year !== undefined && (Number(year) < 2000 || Number(year) > 2099);
  });
}

const MALFORMED_ESCAPES = ["%ff", "%c0%af", "%", "%e0%80", "INC-1%ff", "%zz", "%%"];

/** A path segment that is wrong but still one segment of the same route ("." and ".." would be resolved by the client). */
const hostileSegment: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      "INC-0",
      "INC-00000000000001",
      "INC-99999999999",
      "inc-1",
      "INC-",
      "INC--1",
      "0",
      "-1",
      "1.5",
      "1e3",
      "99999999999999999999",
      "NaN",
      "null",
      "x".repeat(300),
    ),
    hostileString.filter((s) => s.length < 2_000),
  )
  .map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?")))
  .filter((s) => s !== "" && s !== "." && s !== "..");

function fill(path: string, targets: Targets, override?: { param: PathParam; segment: string }): string {
  return path.replace(/\{(\w+)\}/g, (_, name: PathParam) => (override?.param === name ? override.segment : encodeURIComponent(String(targets[name]))));
}

const paramsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as PathParam);

const JSON_TYPE = { "Content-Type": "application/json" };

/** Bodies that are not a JSON object at all, or not sent as JSON. */
type RawBody = { label: string; headers: Record<string, string>; body?: string | Buffer };
const rawBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom<RawBody>(
    { label: "no body", headers: JSON_TYPE },
    { label: "empty body", headers: JSON_TYPE, body: "" },
    { label: "whitespace body", headers: JSON_TYPE, body: " \n\t " },
    { label: "truncated JSON", headers: JSON_TYPE, body: '{"title": "x", "severity": ' },
    { label: "trailing comma", headers: JSON_TYPE, body: '{"title": "x",}' },
    { label: "single quotes", headers: JSON_TYPE, body: "{'title': 'x'}" },
    { label: "NaN literal", headers: JSON_TYPE, body: '{"version": NaN}' },
    { label: "duplicate keys", headers: JSON_TYPE, body: '{"version": 1, "version": "x", "__proto__": {"admin": true}}' },
    { label: "BOM before JSON", headers: JSON_TYPE, body: '\ufeff{"title": "x"}' },
    { label: "invalid UTF-8", headers: JSON_TYPE, body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]) },
    { label: "NUL bytes", headers: JSON_TYPE, body: '{"title": "\u0000\u0000"}\u0000' },
    { label: "JSON array", headers: JSON_TYPE, body: "[]" },
    { label: "JSON string", headers: JSON_TYPE, body: '"x"' },
    { label: "JSON null", headers: JSON_TYPE, body: "null" },
    { label: "JSON number", headers: JSON_TYPE, body: "1e400" },
    { label: "text/plain", headers: { "Content-Type": "text/plain" }, body: '{"title": "x"}' },
    { label: "form-encoded", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "title=x&severity=SEV1" },
    {
      label: "multipart",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x\r\nContent-Disposition: form-data; name=title\r\n\r\nx\r\n--x--",
    },
    { label: "no content type", headers: {}, body: '{"title": "x"}' },
    { label: "json with utf-16 charset", headers: { "Content-Type": "application/json; charset=utf-16" }, body: '{"title": "x"}' },
    { label: "vendor json", headers: { "Content-Type": "application/vnd.api+json" }, body: "{}" },
    { label: "content type with parameters", headers: { "Content-Type": 'application/json; charset=utf-8; x="y"' }, body: "{}" },
    { label: "over 1 MB", headers: JSON_TYPE, body: JSON.stringify({ title: "x".repeat(1_100_000) }) },
    { label: "deeply nested", headers: JSON_TYPE, body: "[".repeat(20_000) + "]".repeat(20_000) },
    { label: "deeply nested object", headers: JSON_TYPE, body: '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000) },
  ),
  fc.jsonValue().map((value) => ({ label: "arbitrary JSON", headers: JSON_TYPE, body: JSON.stringify(value) ?? "null" })),
  fc.string({ unit: "binary", maxLength: 200 }).map((text) => ({ label: "arbitrary text", headers: JSON_TYPE, body: text })),
);

function stringify(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}

/** Idempotency-Key values for declares: empty, long, odd (header values must stay bytes). */
const idempotencyKey = fc.oneof(
  fc.constantFrom("", " ", "x".repeat(201), "x".repeat(8_000), "a\tb", "%ff", "\u00ff\u00fe"),
  fc.stringMatching(/^[\x21-\x7e]{1,60}$/),
);

function bodyRequests(endpoint: BodyEndpoint, targets: Targets): fc.Arbitrary<GeneratedRequest> {
  const params = paramsOf(endpoint.path);
  const at = (override?: { param: PathParam; segment: string }) => fill(endpoint.path, targets, override);
  const base = { method: endpoint.method, headers: JSON_TYPE };
  const options: fc.Arbitrary<GeneratedRequest>[] = [
    mutated(endpoint.valid, endpoint.keys).map(({ input, mutation }) => ({
      ...base,
      label: `${mutation.kind} ${JSON.stringify(mutation.key)}`,
      path: at(),
      body: stringify(input),
    })),
    hostileObject(endpoint.keys).map((input) => ({ ...base, label: "hostile object", path: at(), body: stringify(input) })),
    fc.tuple(endpoint.valid, fc.constantFrom(...endpoint.keys), hostileValue, hostileValue).map(([input, key, a, b]) => ({
      ...base,
      label: "two fields broken",
      path: at(),
      body: stringify({ ...input, [key]: a, [endpoint.keys[(endpoint.keys.indexOf(key) + 1) % endpoint.keys.length]!]: b }),
    })),
    rawBody.map((raw) => ({ method: endpoint.method, label: raw.label, path: at(), headers: raw.headers, body: raw.body })),
  ];
  if (params.length) {
    options.push(
      fc.tuple(endpoint.valid, fc.constantFrom(...params), hostileSegment).map(([input, param, segment]) => ({
        ...base,
        label: `bad path ${param}`,
        path: at({ param, segment }),
        body: stringify(input),
      })),
    );
  }
  if (endpoint.path === "/api/v1/incidents") {
    options.push(
      fc.tuple(endpoint.valid, idempotencyKey).map(([input, key]) => ({
        ...base,
        label: "odd Idempotency-Key",
        path: at(),
        headers: { ...JSON_TYPE, "Idempotency-Key": key },
        body: stringify(input),
      })),
    );
  }
  return fc.oneof(...options);
}

function queryString(query: Record<string, string>, raw: boolean): string {
  const pairs = Object.entries(query).map(([k, v]) =>
    raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "?"))}`,
  );
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/** Query strings short enough to reach the app (Node refuses request heads over 16 kB with a bare 431). */
const reachesTheApp = (request: GeneratedRequest) => request.path.length <= 12_000;

function queryRequests(endpoint: (typeof QUERY_ENDPOINTS)[number], targets: Targets): fc.Arbitrary<GeneratedRequest> {
  const params = paramsOf(endpoint.path);
  const get = (label: string, path: string): GeneratedRequest => ({ label, method: "GET", path, headers: {} });
  const options: fc.Arbitrary<GeneratedRequest>[] = [
    hostileQuery(endpoint.keys)
      .filter((q) => !extremeInsightsDate(endpoint.path, q))
      .map((q) => get("hostile query", fill(endpoint.path, targets) + queryString(q, false))),
    // Raw, unencoded: malformed percent-escapes and stray & = in the query string.
    fc
      .array(
        fc.tuple(
          endpoint.keys.length ? fc.constantFrom(...endpoint.keys) : hostileKey,
          fc.constantFrom(...MALFORMED_ESCAPES, "a=b", "&&", "==", "%2", "+", "%20"),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((pairs) => get("raw query escapes", fill(endpoint.path, targets) + "?" + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&"))),
  ];
  if (endpoint.valid) {
    const validQuery = endpoint.valid;
    options.push(
      fc
        .tuple(validQuery, fc.constantFrom(...endpoint.keys), fc.oneof(hostileString, fc.constantFrom(...HOSTILE_STRINGS)))
        .map(([q, key, value]) => ({ ...(q as Record<string, string>), [key]: value }))
        .filter((q) => !extremeInsightsDate(endpoint.path, q))
        .map((q) => get("valid query, one parameter broken", fill(endpoint.path, targets) + queryString(q, false))),
    );
  }
  if (params.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...params), hostileSegment)
        .map(([param, segment]) => get(`bad path ${param}`, fill(endpoint.path, targets, { param, segment }))),
    );
  }
  return fc.oneof(...options).filter(reachesTheApp);
}

function malformedEscapeRequests(targets: Targets): GeneratedRequest[] {
  if (!MALFORMED_PATH_ESCAPES) return [];
  const requests: GeneratedRequest[] = [];
  const endpoints = [
    ...BODY_ENDPOINTS.map((e) => ({ method: e.method, path: e.path })),
    ...BODYLESS_ENDPOINTS,
    ...QUERY_ENDPOINTS.map((e) => ({ method: "GET" as const, path: e.path })),
  ];
  for (const endpoint of endpoints) {
    for (const param of paramsOf(endpoint.path)) {
      for (const segment of MALFORMED_ESCAPES) {
        requests.push({
          label: `malformed escape in ${param}`,
          method: endpoint.method,
          path: fill(endpoint.path, targets, { param, segment }),
          headers: endpoint.method === "GET" || endpoint.method === "DELETE" ? {} : JSON_TYPE,
          body: endpoint.method === "GET" || endpoint.method === "DELETE" ? undefined : "{}",
        });
      }
    }
  }
  return requests;
}

function extremeInsightsRequests(): GeneratedRequest[] {
  if (!EXTREME_INSIGHTS_DATES) return [];
  const pairs = [
    ["0500-01-02", "0503-01-01"],
    ["9999-12-31", "9999-12-31"],
    ["0001-01-01", "0001-01-02"],
    ["1999-12-31", "2000-01-02"],
    ["2099-12-31", "2100-01-01"],
    ["0000-01-01", "0000-12-31"],
  ];
  return pairs.flatMap(([from, to]) =>
    ["/api/v1/insights", "/api/v1/insights/incidents.csv", "/api/v1/incidents"].map((path) => ({
      label: "extreme insights dates",
      method: "GET" as const,
      path: `${path}?from=${from}&to=${to}`,
      headers: {},
    })),
  );
}

const LIST_FIELDS = ["services", "serviceIds", "severities", "items", "tags", "factorIds", "reviewerIds", "reviewerEmails", "links"];

/** The generated requests for a seed: `perBodyEndpoint` for each body endpoint, `perQueryEndpoint` for each GET, some for each body-less one. */
export function generateRequests(
  seed: number,
  targets: Targets,
  { perBodyEndpoint = 64, perQueryEndpoint = 24, perBodylessEndpoint = 12 } = {},
): GeneratedRequest[] {
  const requests: GeneratedRequest[] = [];
  BODY_ENDPOINTS.forEach((endpoint, i) => {
    requests.push(...fc.sample(bodyRequests(endpoint, targets), { seed: seed + i, numRuns: perBodyEndpoint }));
  });
  QUERY_ENDPOINTS.forEach((endpoint, i) => {
    requests.push(...fc.sample(queryRequests(endpoint, targets), { seed: seed + 1_000 + i, numRuns: perQueryEndpoint }));
  });
  BODYLESS_ENDPOINTS.forEach((endpoint, i) => {
    const params = paramsOf(endpoint.path);
    const arb = fc.tuple(fc.constantFrom(...params), hostileSegment).map(([param, segment]) => ({
      label: `bad path ${param}`,
      method: endpoint.method,
      path: fill(endpoint.path, targets, { param, segment }),
      headers: {},
    }));
    requests.push(...fc.sample(arb, { seed: seed + 2_000 + i, numRuns: perBodylessEndpoint }));
  });
  // A 40,000-item list in each list field (or the first field): more than SQLite's 32,766
  // variables if one reached a query unbounded, and still under the 1 MB body limit.
  const bigList = Array.from({ length: 40_000 }, (_, i) => `s${i}`);
  for (const endpoint of BODY_ENDPOINTS) {
    const listKeys = endpoint.keys.filter((key) => LIST_FIELDS.includes(key));
    for (const key of listKeys.length ? listKeys : endpoint.keys.slice(0, 1)) {
      requests.push({
        label: `${key}: a 40,000-item list`,
        method: endpoint.method,
        path: fill(endpoint.path, targets),
        headers: JSON_TYPE,
        body: JSON.stringify({ [key]: bigList }),
      });
    }
  }
  requests.push(...malformedEscapeRequests(targets), ...extremeInsightsRequests());
  return requests;
}
