import { z } from "zod";
import { INTEGRATION_KIND_VALUES } from "@/lib/validation/integration";

const iso = z.string().meta({ description: "ISO-8601 time", example: "2026-11-25T14:03:00.000Z" });
const url = z.string().nullable();

export const incidentAlertSchema = z
  .strictObject({
    id: z.number().int(),
    integrationId: z.number().int(),
    integrationName: z.string(),
    kind: z.enum(INTEGRATION_KIND_VALUES),
    dedupKey: z.string().meta({ description: "The alert's fingerprint (Alertmanager, Grafana) or dedup_key (Events v2)." }),
    groupKey: z.string().nullable(),
    status: z.enum(["firing", "resolved"]),
    title: z.string(),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    startsAt: iso,
    endsAt: iso.nullable(),
    generatorUrl: url,
    dashboardUrl: url,
    panelUrl: url,
    silenceUrl: url,
    firstSeenAt: iso,
    lastSeenAt: iso,
  })
  .meta({ id: "IncidentAlert" });

export const incidentAlertsSchema = z
  .strictObject({
    alerts: z.array(incidentAlertSchema).meta({ description: "At most 200: firing first, then newest." }),
    total: z.number().int(),
    firing: z.number().int(),
    allResolved: z.boolean().meta({ description: "Every alert of the incident has resolved (the incident itself resolves only when its rule says so)." }),
  })
  .meta({ id: "IncidentAlerts" });
