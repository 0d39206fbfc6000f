import type { WebhookFormat } from "./event-types";
import type { WebhookMessage } from "./message";
import { summarize, type MessageSummary } from "./summary";

/** Slack's mrkdwn needs &, < and > escaped; everything else is literal. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook message: `text` (notifications, fallback) and Block Kit `blocks`. */
export function slackMessage(summary: MessageSummary) {
  const blocks: unknown[] = [
    { type: "header", text: { type: "plain_text", text: summary.headline.slice(0, 150), emoji: true } },
    { type: "section", fields: summary.facts.map((fact) => ({ type: "mrkdwn", text: `*${fact.title}*\n${slackEscape(fact.value)}` })) },
  ];
  if (summary.detail) blocks.push({ type: "section", text: { type: "mrkdwn", text: slackEscape(summary.detail) } });
  if (summary.link) {
    blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: summary.link.label }, url: summary.link.url }] });
  }
  const text = summary.link ? `${summary.headline} — ${summary.link.url}` : summary.headline;
  return { text, blocks };
}

/** A Teams message with one Adaptive Card attachment (works with Workflows and incoming webhooks). */
export function teamsMessage(summary: MessageSummary) {
  const body: unknown[] = [
    { type: "TextBlock", text: summary.headline, weight: "Bolder", size: "Medium", wrap: true },
    { type: "FactSet", facts: summary.facts.map((fact) => ({ title: fact.title, value: fact.value })) },
  ];
  if (summary.detail) body.push({ type: "TextBlock", text: summary.detail, wrap: true });
  const content = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
    ...(summary.link ? { actions: [{ type: "Action.OpenUrl", title: summary.link.label, url: summary.link.url }] } : {}),
  };
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content }] };
}

/** The exact bytes a delivery sends, fixed when it is created so retries send the same body. */
export function renderWebhookBody(format: WebhookFormat, message: WebhookMessage): string {
  if (format === "slack") return JSON.stringify(slackMessage(summarize(message)));
  if (format === "teams") return JSON.stringify(teamsMessage(summarize(message)));
  return JSON.stringify({ type: message.type, timestamp: message.timestamp, data: message.data });
}
