// Pure display rules of the webhook screens (tested in webhook-display.test.ts). Not a client
// module, so server components (the list, the page header) can read its constants too.
import type { WebhookFormat } from "@/lib/webhooks/event-types";

/** Each format's short name and one line on what it sends. */
export const FORMAT_INFO: Record<WebhookFormat, { label: string; hint: string }> = {
  standard: { label: "Standard", hint: "Signed JSON {type, timestamp, data} per Standard Webhooks, for your own services." },
  slack: { label: "Slack", hint: "A Slack message (text and Block Kit); paste a hooks.slack.com incoming-webhook URL." },
  teams: { label: "Teams", hint: "A Microsoft Teams message with an Adaptive Card; paste a Teams workflow webhook URL." },
};

/** "hooks.slack.com" (with a port when it has one); the text itself when it is not a URL. */
export function urlHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** A JSON body indented for reading; anything else (or a body cut short) as it came. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** "85 ms", "1.2 s", "31 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  return `${Math.round(ms / 1000)} s`;
}

/** Still waiting for a final outcome: what the pages keep refreshing for. */
export function isInFlight(status: string): boolean {
  return status === "pending" || status === "delivering";
}

/** The "select all" box: checked when every one is, mixed when some are. */
export function selectAllState(selected: readonly string[], all: readonly string[]): "all" | "some" | "none" {
  const count = all.filter((value) => selected.includes(value)).length;
  if (count === 0) return "none";
  return count === all.length ? "all" : "some";
}

/** Toggles one value of a set kept in a fixed order (the order of `all`). */
export function toggleIn<T extends string>(selected: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  return all.filter((v) => (v === value ? on : selected.includes(v)));
}

/** "HTTP 200", "HTTP 503", or the transport error when no response came ("Timed out after 10 s"). */
export function responseText(statusCode: number | null, error: string | null): string {
  if (statusCode !== null) return `HTTP ${statusCode}`;
  return error ?? "No response";
}
