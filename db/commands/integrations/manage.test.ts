import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEFAULT_RULE } from "@/lib/alerts/routing-rules";
import { auditsOf, setUpTestDb, thrown } from "../../testing/test-db";
import { integrations } from "../../schema";
import { hashIntegrationSecret, secretMatches } from "../../access/integrations";
import { getIntegration, listIntegrations } from "../../queries/integrations/integrations";
import { createIntegration, deleteIntegration, rotateIntegrationSecret, updateIntegration } from "./manage";

const ctx = setUpTestDb();
const row = async (id: number) => (await ctx.t.db.select().from(integrations).where(eq(integrations.id, id)))[0]!;

describe("integrations (admin)", () => {
  it("creates with the default rule and returns the secret once, storing only its hash", async () => {
    const { integration, secret } = await createIntegration({ actor: ctx.admin.actor, input: { name: "prod", kind: "alertmanager" } });
    expect(secret).toMatch(/^hsi_[A-Za-z0-9_-]{40,}$/);
    expect(integration).toMatchObject({ name: "prod", kind: "alertmanager", enabled: true, secretHint: secret.slice(-4), hmacConfigured: false, version: 1 });
    expect(integration.endpointPath).toBe(`/api/v1/integrations/${integration.id}/alertmanager`);
    expect(integration.rules).toEqual([DEFAULT_RULE]);
    expect(integration.lastDelivery).toBeNull();
    const stored = await row(integration.id);
    expect(stored.secretHash).toBe(hashIntegrationSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(secretMatches(secret, stored.secretHash)).toBe(true);
    expect(secretMatches(secret + "x", stored.secretHash)).toBe(false);
    expect(JSON.stringify(await getIntegration({ actor: ctx.admin.actor, id: integration.id }))).not.toContain(secret);
    const audit = await auditsOf(ctx.t.db, "integration.create", integration.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain(secret);
  });

  it("is admin-only", async () => {
    expect((await thrown(() => createIntegration({ actor: ctx.responder.actor, input: { name: "x", kind: "grafana" } }))).status).toBe(403);
    expect((await thrown(() => listIntegrations({ actor: ctx.viewer.actor }))).status).toBe(403);
  });

  it("rejects an invalid regex in a rule, naming the field", async () => {
    const error = await thrown(() =>
      createIntegration({
        actor: ctx.admin.actor,
        input: { name: "x", kind: "alertmanager", rules: [{ ...DEFAULT_RULE, matchers: [{ label: "alertname", op: "=~", value: "(unclosed" }] }] },
      }),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(["rules.0.matchers.0.value"]);
  });

  it("keeps an HMAC secret for Grafana only", async () => {
    expect(
      (await thrown(() => createIntegration({ actor: ctx.admin.actor, input: { name: "x", kind: "alertmanager", hmacSecret: "s3cret-value" } }))).fields,
    ).toHaveProperty("hmacSecret");
    const { integration } = await createIntegration({ actor: ctx.admin.actor, input: { name: "graf", kind: "grafana", hmacSecret: "s3cret-value" } });
    expect(integration.hmacConfigured).toBe(true);
    const cleared = await updateIntegration({ actor: ctx.admin.actor, id: integration.id, input: { version: 1, hmacSecret: null } });
    expect(cleared).toMatchObject({ hmacConfigured: false, version: 2 });
  });

  it("updates with a version (409 with the current state when stale), rotates, deletes", async () => {
    const { integration, secret } = await createIntegration({ actor: ctx.admin.actor, input: { name: "a", kind: "events-v2" } });
    const updated = await updateIntegration({ actor: ctx.admin.actor, id: integration.id, input: { version: 1, name: "b", enabled: false, rules: [] } });
    expect(updated).toMatchObject({ name: "b", enabled: false, rules: [], version: 2 });
    const stale = await thrown(() => updateIntegration({ actor: ctx.admin.actor, id: integration.id, input: { version: 1, name: "c" } }));
    expect(stale.status).toBe(409);
    expect(stale.details.current).toMatchObject({ name: "b", version: 2 });
    const rotated = await rotateIntegrationSecret({ actor: ctx.admin.actor, id: integration.id, input: { version: 2 } });
    expect(rotated.secret).not.toBe(secret);
    expect(secretMatches(secret, (await row(integration.id)).secretHash)).toBe(false);
    expect(secretMatches(rotated.secret, (await row(integration.id)).secretHash)).toBe(true);
    await deleteIntegration({ actor: ctx.admin.actor, id: integration.id });
    expect((await thrown(() => getIntegration({ actor: ctx.admin.actor, id: integration.id }))).status).toBe(404);
    expect(await auditsOf(ctx.t.db, "integration.delete", integration.id)).toHaveLength(1);
  });
});
