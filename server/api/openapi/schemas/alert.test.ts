import { describe, expect, it } from "vitest";
import { setUpTestDb } from "@/db/testing/test-db";
import { post, refId } from "@/db/testing/alert-intake";
import { alertmanagerAlert, alertmanagerPayload } from "@/lib/alerts/fixtures/payloads";
import { createIntegration } from "@/db/commands/integrations/manage";
import { listIncidentAlerts } from "@/db/queries/integrations/incident-alerts";
import { toIncidentAlertsJson } from "@/server/api/json/integration";
import { incidentAlertsSchema } from "./alert";

const ctx = setUpTestDb();

describe("GET /api/v1/incidents/{ref}/alerts shape", () => {
  it("real serializer output of a firing and a resolved alert parses with the strict documented schema", async () => {
    const { integration, secret } = await createIntegration({ actor: ctx.admin.actor, input: { name: "prod", kind: "alertmanager" } });
    const start = "2026-11-25T14:03:00.000Z";
    const firing = await post(
      integration.id,
      "alertmanager",
      secret,
      alertmanagerPayload([
        alertmanagerAlert({ fingerprint: "a1", alertname: "HighErrorRate", startsAt: start }),
        alertmanagerAlert({ fingerprint: "a2", alertname: "HighLatency", startsAt: start }),
      ]),
    );
    const incidentId = refId((firing.body.declared as string[])[0]);
    await post(
      integration.id,
      "alertmanager",
      secret,
      alertmanagerPayload([
        alertmanagerAlert({ fingerprint: "a2", alertname: "HighLatency", startsAt: start, endsAt: "2026-11-25T14:20:00.000Z", status: "resolved" }),
      ]),
    );
    const json = JSON.parse(JSON.stringify(toIncidentAlertsJson(await listIncidentAlerts({ actor: ctx.viewer.actor, incidentId }))));
    const parsed = incidentAlertsSchema.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    expect(json).toMatchObject({ total: 2, firing: 1, allResolved: false });
    expect(json.alerts[0]).toMatchObject({ status: "firing", startsAt: start, endsAt: null, labels: { alertname: "HighErrorRate" } });
  });
});
