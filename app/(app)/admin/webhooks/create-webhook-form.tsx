"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { CreateForm } from "../create-form";
import type { WebhookFormat } from "@/lib/webhooks/event-types";
import { createWebhookAction } from "./actions";
import { SecretOncePanel } from "./secret-once-panel";
import { draftErrors, formLine, WebhookFields, type WebhookDraft } from "./webhook-fields";

const HEADING = {
  name: "webhook",
  title: "Add an endpoint",
  intro: "Hindsight sends a POST to it for each chosen event, retrying for about a day when the receiver is down.",
};
const EMPTY: WebhookDraft = { name: "", url: "", events: [], format: "standard", includePrivate: false };

type Created = { id: number; name: string; format: WebhookFormat; secret: string };

/** Creates an endpoint, then shows its signing secret once above the (emptied) form. */
export function CreateWebhookForm() {
  const action = useServerAction({ refresh: false });
  const { pending } = action;
  const [draft, setDraft] = useState<WebhookDraft>(EMPTY);
  const [enabled, setEnabled] = useState(true);
  const [created, setCreated] = useState<Created | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = draftErrors(action.error?.fields ?? {});
  useFocusFirstInvalid(formRef, action.error?.fields);

  async function submit() {
    if (action.isBusy()) return;
    await action.run(() => createWebhookAction({ ...draft, enabled }), {
      onSuccess: (endpoint) => {
        setCreated(endpoint);
        setDraft(EMPTY);
        setEnabled(true);
      },
    });
  }

  return (
    <div className="space-y-4">
      {created ? (
        <>
          <SecretOncePanel name={created.name} format={created.format} secret={created.secret} onDone={() => setCreated(null)} />
          <FormMessage
            success={
              <>
                Endpoint &ldquo;{created.name}&rdquo; added.{" "}
                <Link href={`/admin/webhooks/${created.id}`} className="font-medium underline underline-offset-2">
                  Open it to send a test event
                </Link>
              </>
            }
          />
        </>
      ) : null}
      <CreateForm formRef={formRef} heading={HEADING} pending={pending} onSubmit={submit}>
        <fieldset disabled={pending} className="mt-4 space-y-4">
          <WebhookFields idPrefix="new-webhook" draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
          <label className="flex w-fit items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="h-4 w-4 rounded border-zinc-300" />
            Enabled: send events as soon as it is added
          </label>
        </fieldset>
        <div className="mt-4 space-y-3">
          <FormMessage error={formLine(action.error, errors)} />
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? "Adding…" : "Add endpoint"}
          </button>
        </div>
      </CreateForm>
    </div>
  );
}
