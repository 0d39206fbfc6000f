import { describe, expect, it } from "vitest";
import { renderWebhookBody, slackMessage, teamsMessage } from "./formats";
import type { WebhookIncident, WebhookMessage } from "./message";
import { summarize } from "./summary";

const incident: WebhookIncident = {
  reference: "INC-42",
  title: "Checkout <errors> & timeouts",
  severity: "SEV1",
  status: "identified",
  private: false,
  drill: false,
  commander: "Ada Lovelace",
  declaredAt: "2030-01-01T10:00:00.000Z",
  resolvedAt: null,
  url: "https://hindsight.example.com/incidents/INC-42",
};
const timestamp = "2030-01-01T10:05:00.000Z";
const messages: WebhookMessage[] = [
  { type: "incident.declared", timestamp, data: { incident, declaredBy: "Grace" } },
  { type: "incident.status_changed", timestamp, data: { incident, previousStatus: "investigating", changedBy: "Grace" } },
  { type: "incident.severity_changed", timestamp, data: { incident, previousSeverity: "SEV2", changedBy: "Grace" } },
  { type: "incident.resolved", timestamp, data: { incident: { ...incident, status: "resolved" }, resolvedBy: "Grace" } },
  { type: "incident.update_posted", timestamp, data: { incident, update: { body: "Rolled back.", postedAt: timestamp, author: "Grace" } } },
  { type: "postmortem.published", timestamp, data: { incident, postmortem: { url: `${incident.url}/postmortem` } } },
  {
    type: "action_item.overdue",
    timestamp,
    data: { incident, actionItem: { id: 7, title: "Add a canary", dueDate: "2029-12-31", priority: "P1", status: "open", owner: null } },
  },
  { type: "webhook.test", timestamp, data: { message: "Test", endpoint: { id: 1, name: "Ops" } } },
];

describe("webhook payloads", () => {
  it("standard: {type, timestamp, data} exactly", () => {
    const body = JSON.parse(renderWebhookBody("standard", messages[0]!)) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["type", "timestamp", "data"]);
    expect(body).toEqual({ type: "incident.declared", timestamp, data: { incident, declaredBy: "Grace" } });
  });

  it("slack: text and Block Kit blocks with severity, title, status, commander and a link", () => {
    const slack = JSON.parse(renderWebhookBody("slack", messages[1]!)) as ReturnType<typeof slackMessage>;
    expect(slack.text).toBe("INC-42 Checkout <errors> & timeouts is now Identified — https://hindsight.example.com/incidents/INC-42");
    const [header, fields, detail, actions] = slack.blocks as Record<string, never>[];
    expect(header).toEqual({ type: "header", text: { type: "plain_text", text: "INC-42 Checkout <errors> & timeouts is now Identified", emoji: true } });
    expect(fields).toEqual({
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*Severity*\nSEV1" },
        { type: "mrkdwn", text: "*Status*\nIdentified" },
        { type: "mrkdwn", text: "*Commander*\nAda Lovelace" },
      ],
    });
    expect(detail).toEqual({ type: "section", text: { type: "mrkdwn", text: "Investigating → Identified, by Grace" } });
    expect(actions).toEqual({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open INC-42" }, url: incident.url }] });
  });

  it("slack: escapes mrkdwn control characters in people's text", () => {
    const update = messages[4]!;
    const msg = slackMessage(
      summarize({ ...update, data: { ...update.data, update: { body: "<!channel> a & b", postedAt: timestamp, author: "G" } } } as WebhookMessage),
    );
    expect(JSON.stringify(msg.blocks)).toContain("&lt;!channel&gt; a &amp; b");
  });

  it("teams: a message with one Adaptive Card attachment", () => {
    const teams = JSON.parse(renderWebhookBody("teams", messages[0]!)) as ReturnType<typeof teamsMessage>;
    expect(teams.type).toBe("message");
    expect(teams.attachments).toHaveLength(1);
    const [attachment] = teams.attachments;
    expect(attachment!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment!.content).toMatchObject({
      type: "AdaptiveCard",
      version: "1.4",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      body: [
        { type: "TextBlock", text: "SEV1 incident declared: INC-42 Checkout <errors> & timeouts", weight: "Bolder", wrap: true },
        {
          type: "FactSet",
          facts: [
            { title: "Severity", value: "SEV1" },
            { title: "Status", value: "Identified" },
            { title: "Commander", value: "Ada Lovelace" },
          ],
        },
        { type: "TextBlock", text: "Declared by Grace" },
      ],
      actions: [{ type: "Action.OpenUrl", title: "Open INC-42", url: incident.url }],
    });
  });

  it("every message type renders in every format; without a public address there is no link", () => {
    for (const message of messages) {
      for (const format of ["standard", "slack", "teams"] as const) expect(() => JSON.parse(renderWebhookBody(format, message))).not.toThrow();
      expect(summarize(message).headline.length).toBeGreaterThan(5);
    }
    const noLink = { ...messages[0]!, data: { incident: { ...incident, url: null }, declaredBy: "G" } } as WebhookMessage;
    expect(JSON.stringify(slackMessage(summarize(noLink)))).not.toContain('"actions"');
    expect(teamsMessage(summarize(noLink)).attachments[0]!.content).not.toHaveProperty("actions");
    expect(summarize(messages[6]!)).toMatchObject({
      headline: "Action item overdue: Add a canary",
      facts: [
        { title: "Owner", value: "Unassigned" },
        { title: "Priority", value: "P1" },
        { title: "Incident", value: "INC-42" },
      ],
    });
    expect(summarize(messages[5]!).link).toEqual({ label: "Read the postmortem", url: `${incident.url}/postmortem` });
  });
});
