import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alertmanagerReceiverYaml, endpointUrl, eventsV2Curl, grafanaContactPointSteps, receiverName } from "./integration-setup";

const AMTOOL = "/usr/bin/amtool";

describe("integration setup snippets", () => {
  it("joins the origin and the endpoint path with one slash", () => {
    expect(endpointUrl("https://hs.example.com/", "/api/v1/integrations/3/alertmanager")).toBe("https://hs.example.com/api/v1/integrations/3/alertmanager");
    expect(endpointUrl("http://localhost:3000", "api/v1/integrations/3/grafana")).toBe("http://localhost:3000/api/v1/integrations/3/grafana");
  });

  it("names the receiver after the integration, in characters Alertmanager configs read easily", () => {
    expect(receiverName("Prod Alertmanager (EU)")).toBe("hindsight-prod-alertmanager-eu");
    expect(receiverName("   ")).toBe("hindsight");
  });

  it("puts the URL and the secret into the receiver, quoted", () => {
    const yaml = alertmanagerReceiverYaml({ name: "prod", url: "https://hs.example.com/api/v1/integrations/3/alertmanager", secret: 'a"b\\c' });
    expect(yaml).toContain('      - url: "https://hs.example.com/api/v1/integrations/3/alertmanager"');
    expect(yaml).toContain('            credentials: "a\\"b\\\\c"');
    expect(yaml).toContain("            type: Bearer");
    expect(yaml).toContain('  - name: "hindsight-prod"');
  });

  it.runIf(existsSync(AMTOOL))("is a configuration the real Alertmanager accepts", () => {
    const dir = mkdtempSync(join(tmpdir(), "am-config-"));
    try {
      const file = join(dir, "alertmanager.yml");
      writeFileSync(
        file,
        alertmanagerReceiverYaml({ name: "Prod: EU #1", url: "http://127.0.0.1:3000/api/v1/integrations/12/alertmanager", secret: "hsi_x'y\"z" }),
      );
      const out = execFileSync(AMTOOL, ["check-config", file], { encoding: "utf8" });
      expect(out).toMatch(/SUCCESS/);
      expect(out).toMatch(/1 receivers/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("quotes the curl example for a shell, even with a quote in the secret", () => {
    const curl = eventsV2Curl({ url: "https://hs.example.com/api/v1/integrations/4/events-v2", secret: "s'1" });
    expect(curl).toContain("curl -X POST 'https://hs.example.com/api/v1/integrations/4/events-v2'");
    expect(curl).toContain(`-H 'Authorization: Bearer s'\\''1'`);
    const body = /-d '(.*)'\n$/s.exec(curl)![1]!.replace(/'\\''/g, "'");
    expect(JSON.parse(body)).toMatchObject({ routing_key: "s'1", event_action: "trigger", payload: { severity: "critical" } });
  });

  it("tells Grafana users whether to set the HMAC secret", () => {
    expect(grafanaContactPointSteps({ url: "https://x/y", hmacConfigured: true }).join(" ")).toMatch(/same HMAC secret/);
    expect(grafanaContactPointSteps({ url: "https://x/y", hmacConfigured: false }).join(" ")).toMatch(/HMAC signing is off/);
  });
});
