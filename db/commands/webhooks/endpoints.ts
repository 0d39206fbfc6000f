import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound, validationFailed } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { ipLiteral, refusedAddressReason } from "@/lib/webhooks/address-guard";
import type { WebhookEndpointView } from "@/lib/webhooks/event-types";
import { createWebhookSchema, rotateWebhookSecretSchema, updateWebhookSchema } from "@/lib/webhooks/validation";
import { env } from "@/server/env";
import { getDb } from "../../client";
import { webhookEndpoints, type WebhookEndpoint } from "../../schema";
import type { Reader } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { endpointView, findEndpoint, generateWebhookSecret, parseEvents } from "../../access/webhooks";
import { transaction } from "../../transaction";

/** An endpoint as the audit log records it: never the secret. */
const auditRecord = (row: WebhookEndpoint) => ({
  name: row.name,
  url: row.url,
  events: parseEvents(row.events),
  format: row.format,
  enabled: row.enabled,
  includePrivate: row.includePrivate,
  secretHint: row.secretHint,
});

/** A URL whose host is a refused IP literal fails at once (names resolved later are checked at each send). */
function checkUrlAddress(url: string) {
  const literal = ipLiteral(new URL(url).hostname);
  const reason = literal ? refusedAddressReason(literal, env("HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES")) : null;
  if (reason) throw validationFailed({ url: reason });
}

async function existing(db: Reader, id: number): Promise<WebhookEndpoint> {
  const row = await findEndpoint(db, id);
  if (!row) throw notFound("Webhook");
  return row;
}

const stale = (row: WebhookEndpoint) => async () => staleError("webhook", row.version, await endpointView(getDb(), row));

/** Adds an endpoint (admins); the signing secret is returned here only. */
export async function createWebhookEndpoint({ actor, input }: { actor: Actor; input: unknown }): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requirePermission(actor, "webhook", "manage");
  const data = parseInput(createWebhookSchema, input);
  checkUrlAddress(data.url);
  const { secret, hint } = generateWebhookSecret();
  const now = Date.now();
  return await transaction(async (tx) => {
    const row = (
      await tx
        .insert(webhookEndpoints)
        .values({
          name: data.name,
          url: data.url,
          events: JSON.stringify(data.events),
          format: data.format,
          secret,
          secretHint: hint,
          enabled: data.enabled ?? true,
          includePrivate: data.includePrivate ?? false,
          createdById: actor.kind === "user" ? actor.userId : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, { action: "webhook.create", entityType: "webhook", entityId: row.id, after: auditRecord(row) }, now);
    return { endpoint: await endpointView(tx, row, now), secret };
  });
}

/** Changes an endpoint (admins) at the version last read; 409 with the current endpoint when stale. Enabling clears the disabled notice. */
export async function updateWebhookEndpoint({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<WebhookEndpointView> {
  requirePermission(actor, "webhook", "manage");
  const data = parseInput(updateWebhookSchema, input);
  if (data.url !== undefined) checkUrlAddress(data.url);
  const now = Date.now();
  return await transaction(async (tx) => {
    const before = await existing(tx, id);
    if (before.version !== data.version) throw await stale(before)();
    const reEnabled = data.enabled === true && !before.enabled;
    const updated = await updateVersioned(
      tx,
      webhookEndpoints,
      { id, version: data.version },
      {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.url !== undefined ? { url: data.url } : {}),
        ...(data.events !== undefined ? { events: JSON.stringify(data.events) } : {}),
        ...(data.format !== undefined ? { format: data.format } : {}),
        ...(data.includePrivate !== undefined ? { includePrivate: data.includePrivate } : {}),
        ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
        // Turning it on (again) starts a fresh record: no notice, no failure streak.
        ...(data.enabled === true ? { disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null } : {}),
      },
      now,
      stale(before),
    );
    await recordAudit(
      tx,
      actor,
      {
        action: reEnabled ? "webhook.enable" : "webhook.update",
        entityType: "webhook",
        entityId: id,
        before: auditRecord(before),
        after: auditRecord(updated),
      },
      now,
    );
    return endpointView(tx, updated, now);
  });
}

/** A new signing secret (admins), returned here only; the old one stops signing at once. */
export async function rotateWebhookSecret({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id: number;
  input: unknown;
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requirePermission(actor, "webhook", "manage");
  const data = parseInput(rotateWebhookSecretSchema, input);
  const { secret, hint } = generateWebhookSecret();
  const now = Date.now();
  return await transaction(async (tx) => {
    const before = await existing(tx, id);
    const updated = await updateVersioned(tx, webhookEndpoints, { id, version: data.version }, { secret, secretHint: hint }, now, stale(before));
    await recordAudit(
      tx,
      actor,
      { action: "webhook.rotate_secret", entityType: "webhook", entityId: id, before: { secretHint: before.secretHint }, after: { secretHint: hint } },
      now,
    );
    return { endpoint: await endpointView(tx, updated, now), secret };
  });
}

/** Removes an endpoint and its delivery log (admins). */
export async function deleteWebhookEndpoint({ actor, id }: { actor: Actor; id: number }): Promise<void> {
  requirePermission(actor, "webhook", "manage");
  await transaction(async (tx) => {
    const before = await existing(tx, id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, actor, { action: "webhook.delete", entityType: "webhook", entityId: id, before: auditRecord(before) });
  });
}
