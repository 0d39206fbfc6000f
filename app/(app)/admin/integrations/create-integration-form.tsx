"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { endpointUrl } from "@/lib/integration-setup";
import { FormMessage } from "../form-message";
import { CreateForm } from "../create-form";
import type { IntegrationKind, IntegrationView } from "@/db/queries/integrations/views";
import { KIND_INFO } from "./integration-labels";
import { SecretOnce } from "./secret-once";
import { createIntegrationAction } from "./actions";

const HEADING = {
  name: "integration",
  title: "Add an integration",
  intro: "One per sending tool (an Alertmanager, a Grafana instance). Alerts are routed by its rules; a new integration declares an incident per alert group.",
};
const KINDS = Object.keys(KIND_INFO) as IntegrationKind[];

/** Creates an integration and shows its secret once, with the setup for its kind. */
export function CreateIntegrationForm({ origin }: { origin: string }) {
  const action = useServerAction();
  const { pending } = action;
  const fields = action.error?.fields ?? {};
  const [kind, setKind] = useState<IntegrationKind>("alertmanager");
  const [created, setCreated] = useState<{ integration: IntegrationView; secret: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.error?.fields);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy()) return;
    const data = new FormData(form);
    const hmacSecret = String(data.get("hmacSecret") ?? "");
    const input = { name: String(data.get("name") ?? ""), kind, ...(kind === "grafana" && hmacSecret ? { hmacSecret } : {}) };
    await action.run(() => createIntegrationAction(input), {
      onSuccess: (result) => {
        setCreated(result);
        formRef.current?.reset();
        setKind("alertmanager");
      },
    });
  }

  return (
    <div className="space-y-4">
      {created ? (
        <SecretOnce
          title={`Copy the secret for “${created.integration.name}” now`}
          name={created.integration.name}
          kind={created.integration.kind}
          secret={created.secret}
          url={endpointUrl(origin, created.integration.endpointPath)}
          hmacConfigured={created.integration.hmacConfigured}
          onDone={() => setCreated(null)}
        >
          <p className="mt-4 text-sm">
            <Link
              href={`/admin/integrations/${created.integration.id}`}
              className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400"
            >
              Open {created.integration.name}: routing rules and deliveries
            </Link>
          </p>
        </SecretOnce>
      ) : null}
      <CreateForm formRef={formRef} heading={HEADING} pending={pending} onSubmit={submit}>
        <fieldset disabled={pending} className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field id="new-integration-name" label="Integration name" error={fields.name} hint="Where the alerts come from, e.g. “prod Alertmanager”.">
            {(aria) => <input {...aria} name="name" autoComplete="off" maxLength={100} className={inputClass} />}
          </Field>
          <Field id="new-integration-kind" label="Kind" error={fields.kind} hint={KIND_INFO[kind].hint}>
            {(aria) => (
              <select {...aria} name="kind" value={kind} onChange={(e) => setKind(e.target.value as IntegrationKind)} className={inputClass}>
                {KINDS.map((k) => (
                  <option key={k} value={k} label={KIND_INFO[k].label} />
                ))}
              </select>
            )}
          </Field>
          {kind === "grafana" ? (
            <div className="sm:col-span-2">
              <Field
                id="new-integration-hmac"
                label="Grafana HMAC secret (optional)"
                error={fields.hmacSecret}
                hint="The secret you enter under the contact point's HMAC signature. When set, requests without a valid X-Grafana-Alerting-Signature are refused."
              >
                {(aria) => <input {...aria} name="hmacSecret" type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
              </Field>
            </div>
          ) : null}
        </fieldset>
        <div className="mt-4 space-y-3">
          <FormMessage error={action.formSummary()} />
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? "Creating…" : "Create integration"}
          </button>
        </div>
      </CreateForm>
    </div>
  );
}
