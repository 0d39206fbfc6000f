import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { validationFailed } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { DEFAULT_RULE } from "@/lib/alerts/routing-rules";
import { parseInput } from "@/lib/validation/parse";
import { createIntegrationSchema, rotateIntegrationSecretSchema, updateIntegrationSchema } from "@/lib/validation/integration";
import { alerts, integrations, type Integration } from "../../schema";
import type { Tx } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { appendEvent } from "../../access/events";
import { findIntegration, hashIntegrationSecret, incidentAlertsState, INTEGRATION_SECRET_PREFIX, integrationView, parseRules } from "../../access/integrations";
import type { IntegrationView } from "../../queries/integrations/views";
import { transaction } from "../../transaction";

const newSecret = () => {
  const secret = INTEGRATION_SECRET_PREFIX + randomBytes(32).toString("base64url");
  return { secret, secretHash: hashIntegrationSecret(secret), secretHint: secret.slice(-4) };
};

/** What the audit log keeps of an integration: never a secret, only whether an HMAC secret is set. */
const auditShape = (row: Integration) => ({
  name: row.name,
  kind: row.kind,
  enabled: row.enabled,
  rules: parseRules(row),
  hmacConfigured: row.hmacSecret !== null,
  secretHint: row.secretHint,
  version: row.version,
});

const staleIntegration = async (tx: Tx, id: number) => {
  const current = await findIntegration(tx, id);
  return staleError("integration", current.version, await integrationView(tx, current));
};

const onlyGrafanaSigns = () => validationFailed({ hmacSecret: "Only Grafana integrations sign their requests with an HMAC secret" });

/** Creates an integration (with the default rule unless rules are given); the secret is returned once. */
export async function createIntegration({ actor, input }: { actor: Actor; input: unknown }): Promise<{ integration: IntegrationView; secret: string }> {
  requirePermission(actor, "integration", "manage");
  const data = parseInput(createIntegrationSchema, input);
  if (data.hmacSecret !== undefined && data.kind !== "grafana") throw onlyGrafanaSigns();
  const { secret, secretHash, secretHint } = newSecret();
  const now = Date.now();
  return await transaction(async (tx) => {
    const row = (
      await tx
        .insert(integrations)
        .values({
          name: data.name,
          kind: data.kind,
          secretHash,
          secretHint,
          hmacSecret: data.hmacSecret ?? null,
          rules: JSON.stringify(data.rules ?? [DEFAULT_RULE]),
          enabled: data.enabled ?? true,
          createdById: actor.kind === "user" ? actor.userId : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, { action: "integration.create", entityType: "integration", entityId: row.id, after: auditShape(row) }, now);
    return { integration: await integrationView(tx, row), secret };
  });
}

/** A versioned change of name, enabled, rules or HMAC secret (null removes it); 409 with `current` when stale. */
export async function updateIntegration({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<IntegrationView> {
  requirePermission(actor, "integration", "manage");
  const data = parseInput(updateIntegrationSchema, input);
  const now = Date.now();
  return await transaction(async (tx) => {
    const current = await findIntegration(tx, id);
    if (data.version !== current.version) throw await staleIntegration(tx, id);
    if (typeof data.hmacSecret === "string" && current.kind !== "grafana") throw onlyGrafanaSigns();
    const changes: Partial<Integration> = {};
    if (data.name !== undefined) changes.name = data.name;
    if (data.enabled !== undefined) changes.enabled = data.enabled;
    if (data.rules !== undefined) changes.rules = JSON.stringify(data.rules);
    if (data.hmacSecret !== undefined) changes.hmacSecret = data.hmacSecret;
    const updated = await updateVersioned(tx, integrations, current, changes, now, () => staleIntegration(tx, id));
    await recordAudit(
      tx,
      actor,
      { action: "integration.update", entityType: "integration", entityId: id, before: auditShape(current), after: auditShape(updated) },
      now,
    );
    return integrationView(tx, updated);
  });
}

/** A new secret (the old one stops working at once), returned once. */
export async function rotateIntegrationSecret({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id: number;
  input: unknown;
}): Promise<{ integration: IntegrationView; secret: string }> {
  requirePermission(actor, "integration", "manage");
  const data = parseInput(rotateIntegrationSecretSchema, input);
  const { secret, secretHash, secretHint } = newSecret();
  const now = Date.now();
  return await transaction(async (tx) => {
    const current = await findIntegration(tx, id);
    if (data.version !== current.version) throw await staleIntegration(tx, id);
    const updated = await updateVersioned(tx, integrations, current, { secretHash, secretHint }, now, () => staleIntegration(tx, id));
    await recordAudit(
      tx,
      actor,
      { action: "integration.rotate_secret", entityType: "integration", entityId: id, before: { secretHint: current.secretHint }, after: { secretHint } },
      now,
    );
    return { integration: await integrationView(tx, updated), secret };
  });
}

/** Deletes the integration with its deliveries and alerts; incidents it declared stay, without its alerts. */
export async function deleteIntegration({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  requirePermission(actor, "integration", "manage");
  await transaction(async (tx) => {
    const current = await findIntegration(tx, id);
    const now = Date.now();
    const incidentIds = (
      await tx
        .selectDistinct({ incidentId: alerts.incidentId })
        .from(alerts)
        .where(and(eq(alerts.integrationId, id), isNotNull(alerts.incidentId)))
    ).map((r) => r.incidentId!);
    await tx.delete(integrations).where(eq(integrations.id, id));
    // Its alerts went with it: the incidents' alert panels follow.
    for (const incidentId of incidentIds)
      await appendEvent(tx, actor, { incidentId, type: "alerts.changed", payload: await incidentAlertsState(tx, incidentId) }, now);
    await recordAudit(tx, actor, { action: "integration.delete", entityType: "integration", entityId: id, before: auditShape(current) }, now);
  });
}
