"use client";
import { useRef, useState } from "react";
import { AlertTriangle } from "lucide-react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { CreateForm } from "../create-form";
import { CopySecretField } from "../copy-secret-field";
import { RoleField } from "../role-field";
import { createTokenAction } from "./actions";

type Created = { name: string; role: string; token: string };

const HEADING = {
  name: "token",
  title: "Create an API token",
  intro: "For scripts and integrations. It stops working if you revoke it or your account is disabled.",
};

/** Creates a token and shows its secret once, in a read-only field with a copy button. */
export function CreateTokenForm() {
  const action = useServerAction({ refresh: false });
  const { pending } = action;
  const fields = action.error?.fields ?? {};
  const [created, setCreated] = useState<Created | null>(null);
  const [formKey, setFormKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.error?.fields);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy()) return;
    const data = new FormData(form);
    await action.run(() => createTokenAction({ name: String(data.get("name") ?? ""), role: String(data.get("role") ?? "") }), {
      onSuccess: (token) => {
        setCreated(token);
        setFormKey((k) => k + 1);
      },
    });
  }

  return (
    <div className="space-y-4">
      {created ? (
        <section aria-labelledby="new-token-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
          <h2 id="new-token-title" className="flex items-start gap-2 text-base font-semibold text-amber-900 dark:text-amber-200">
            <AlertTriangle aria-hidden className="mt-1 h-4 w-4 shrink-0" />
            <span>Copy the token for &ldquo;{created.name}&rdquo; now</span>
          </h2>
          <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">
            This is the only time it is shown: Hindsight keeps only a hash. Store it in your secret manager. It acts with the <strong>{created.role}</strong>{" "}
            role; send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
          </p>
          <CopySecretField
            id="new-token-secret"
            label="API token"
            value={created.token}
            copiedMessage="Token copied to the clipboard"
            labelClassName="text-amber-950 dark:text-amber-100"
            onDone={() => setCreated(null)}
          />
        </section>
      ) : null}
      <CreateForm key={formKey} formRef={formRef} heading={HEADING} pending={pending} onSubmit={submit}>
        <fieldset disabled={pending} className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field id="new-token-name" label="Token name" error={fields.name} hint="What uses it, e.g. “Alertmanager webhook”.">
            {(aria) => <input {...aria} name="name" autoComplete="off" maxLength={100} className={inputClass} />}
          </Field>
          <RoleField id="new-token-role" label="Token role" error={fields.role} />
        </fieldset>
        <div className="mt-4 space-y-3">
          <FormMessage error={action.formSummary()} />
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </button>
        </div>
      </CreateForm>
    </div>
  );
}
