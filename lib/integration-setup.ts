// What an admin pastes into Alertmanager, Grafana or a PagerDuty-style sender to reach an
// integration: built from the public origin, the endpoint path and the secret (shown once).

/** The integration's full endpoint URL: the public origin (no trailing slash) and the endpoint path. */
export function endpointUrl(origin: string, endpointPath: string): string {
  return `${origin.replace(/\/+$/, "")}${endpointPath.startsWith("/") ? endpointPath : `/${endpointPath}`}`;
}

/** A receiver name Alertmanager accepts and people recognise: "hindsight-" and the integration name, lower-case, dashed. */
export function receiverName(integrationName: string): string {
  const slug = integrationName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug ? `hindsight-${slug}` : "hindsight";
}

// A JSON string is a valid YAML double-quoted scalar: quotes, backslashes and control characters are escaped.
const yamlString = (value: string) => JSON.stringify(value);

/**
 * The `receivers:` entry of alertmanager.yml (webhook v4, Bearer secret in http_config.authorization),
 * with the route line that sends alerts to it. `send_resolved` lets Hindsight see alerts resolve.
 */
export function alertmanagerReceiverYaml({ name, url, secret }: { name: string; url: string; secret: string }): string {
  const receiver = receiverName(name);
  return [
    "route:",
    `  receiver: ${yamlString(receiver)}`,
    "receivers:",
    `  - name: ${yamlString(receiver)}`,
    "    webhook_configs:",
    `      - url: ${yamlString(url)}`,
    "        send_resolved: true",
    "        http_config:",
    "          authorization:",
    "            type: Bearer",
    `            credentials: ${yamlString(secret)}`,
    "",
  ].join("\n");
}

// Single-quoted for a POSIX shell: a quote inside becomes '\'' (close, escaped quote, reopen).
const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** A PagerDuty Events API v2-style trigger, sent with curl: the body any tool that can page PagerDuty sends. */
export function eventsV2Curl({ url, secret }: { url: string; secret: string }): string {
  const body = JSON.stringify({
    routing_key: secret,
    event_action: "trigger",
    dedup_key: "disk-full-db-1",
    payload: { summary: "Disk almost full on db-1", severity: "critical", source: "db-1", custom_details: { service: "checkout" } },
  });
  return [
    `curl -X POST ${shellQuote(url)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${secret}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
    "",
  ].join("\n");
}

/** The steps to add a Grafana webhook contact point for this integration. */
export function grafanaContactPointSteps({ url, hmacConfigured }: { url: string; hmacConfigured: boolean }): string[] {
  return [
    "In Grafana, open Alerting → Contact points → + Add contact point.",
    "Name it, and choose the integration Webhook.",
    `URL: ${url} (HTTP method POST).`,
    "Under Optional Webhook settings, set Authorization header – Scheme: Bearer, Credentials: the secret above.",
    hmacConfigured
      ? "Under HMAC signature, enter the same HMAC secret you gave Hindsight (header X-Grafana-Alerting-Signature); Hindsight rejects unsigned or wrongly signed requests."
      : "HMAC signing is off for this integration; set an HMAC secret on its page to have Hindsight verify X-Grafana-Alerting-Signature as well.",
    "Save, then use Test to send a test alert: it appears under Recent deliveries on the integration's page.",
    "Point a notification policy at the contact point so real alerts reach it.",
  ];
}
