"use client";
import { useState } from "react";
import { Field } from "@/app/components/field";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../../form-message";
import { updateIntegrationAction } from "../actions";
import { ConflictNotice } from "./conflict-notice";
import type { EditorPartProps } from "./integration-editor";

type Draft = { name: string; enabled: boolean; hmacSecret: string; removeHmac: boolean };

/** Name, enabled and (for Grafana) the HMAC secret. */
export function SettingsForm({ integration, version, saved }: EditorPartProps) {
  const initial = (): Draft => ({ name: integration.name, enabled: integration.enabled, hmacSecret: "", removeHmac: false });
  const [draft, setDraft] = useState<Draft>(initial);
  const action = useServerAction({ offline: "Could not reach the server. Nothing was saved; try again." });
  const { pending } = action;
  const conflict = action.error?.conflict ?? false;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const grafana = integration.kind === "grafana";

  async function save(baseVersion: number) {
    if (action.isBusy()) return;
    const hmac = grafana ? (draft.removeHmac ? { hmacSecret: null } : draft.hmacSecret ? { hmacSecret: draft.hmacSecret } : {}) : {};
    await action.run(() => updateIntegrationAction(integration.id, { version: baseVersion, name: draft.name, enabled: draft.enabled, ...hmac }), {
      notice: "Settings saved.",
      onSuccess: (view) => {
        saved(view);
        set({ hmacSecret: "", removeHmac: false });
      },
    });
  }

  return (
    <form
      noValidate
      aria-labelledby="settings-title"
      aria-busy={pending}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void save(version);
      }}
    >
      <h2 id="settings-title" className="text-base font-semibold">
        Settings
      </h2>
      <ConflictNotice
        what="settings"
        failure={action.error}
        pending={pending}
        integration={integration}
        saved={saved}
        reset={action.reset}
        load={(latest) => setDraft({ name: latest.name, enabled: latest.enabled, hmacSecret: "", removeHmac: false })}
        save={(v) => void save(v)}
      />
      <fieldset disabled={pending} className="grid gap-4 sm:grid-cols-2">
        <Field id="integration-name" label="Name" error={action.fieldError("name")}>
          {(aria) => <input {...aria} value={draft.name} maxLength={100} onChange={(e) => set({ name: e.target.value })} className={inputClass} />}
        </Field>
        <label className="flex items-start gap-2 text-sm sm:pt-7">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} className="mt-0.5 h-4 w-4 rounded" />
          <span>
            <span className="font-medium">Enabled</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              A disabled integration refuses alerts with HTTP 403; the refusals show under Recent deliveries.
            </span>
          </span>
        </label>
        {grafana ? (
          <div className="space-y-2 sm:col-span-2">
            <Field
              id="integration-hmac"
              label={integration.hmacConfigured ? "New Grafana HMAC secret" : "Grafana HMAC secret"}
              error={action.fieldError("hmacSecret")}
              hint={
                integration.hmacConfigured
                  ? "Set: Hindsight verifies X-Grafana-Alerting-Signature. Leave blank to keep the current one."
                  : "Not set: Grafana's requests are not signed. Enter the contact point's HMAC secret to require a valid signature."
              }
            >
              {(aria) => (
                <input
                  {...aria}
                  type="password"
                  autoComplete="new-password"
                  value={draft.hmacSecret}
                  disabled={draft.removeHmac}
                  onChange={(e) => set({ hmacSecret: e.target.value })}
                  className={inputClass}
                />
              )}
            </Field>
            {integration.hmacConfigured ? (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={draft.removeHmac} onChange={(e) => set({ removeHmac: e.target.checked })} className="h-4 w-4 rounded" />
                Stop checking signatures (remove the HMAC secret)
              </label>
            ) : null}
          </div>
        ) : null}
      </fieldset>
      <div className="space-y-3">
        <FormMessage error={conflict ? null : action.formSummary()} success={action.notice} />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
