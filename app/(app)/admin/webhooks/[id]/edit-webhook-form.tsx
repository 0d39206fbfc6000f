"use client";
import { useRef, useState } from "react";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { ConflictChoice } from "../../conflict-choice";
import { CreateForm } from "../../create-form";
import { FormMessage } from "../../form-message";
import type { WebhookEndpointView } from "@/lib/webhooks/event-types";
import { updateWebhookAction } from "../actions";
import { FORMAT_INFO, urlHost } from "../webhook-display";
import { draftErrors, formLine, WebhookFields, type WebhookDraft } from "../webhook-fields";

const HEADING = {
  name: "webhook-settings",
  title: "Settings",
  intro: "A new URL also applies to deliveries still waiting; events and format apply to what is queued from now on.",
};

export type EditableEndpoint = Pick<WebhookEndpointView, "id" | "version" | "name" | "url" | "events" | "format" | "includePrivate">;

const draftOf = (e: EditableEndpoint): WebhookDraft => ({
  name: e.name,
  url: e.url,
  events: [...e.events],
  format: e.format,
  includePrivate: e.includePrivate,
});
const sameDraft = (a: WebhookDraft, b: WebhookDraft) =>
  a.name === b.name &&
  a.url === b.url &&
  a.format === b.format &&
  a.includePrivate === b.includePrivate &&
  a.events.length === b.events.length &&
  a.events.every((v) => b.events.includes(v));

/**
 * The endpoint's settings. Saves send the version the edits started from: when someone else saved
 * in between, the server refuses (409) and the form says so, keeping the edits, instead of overwriting.
 */
export function EditWebhookForm({ endpoint }: { endpoint: EditableEndpoint }) {
  const action = useServerAction({ offline: "Could not reach the server. Nothing was saved; try again." });
  const { pending } = action;
  const [base, setBase] = useState<EditableEndpoint>(endpoint);
  const [draft, setDraft] = useState<WebhookDraft>(() => draftOf(endpoint));
  // A refused stale save: their version when the server sent it, else the page's (refreshed after a 409).
  const [conflict, setConflict] = useState<{ theirs: EditableEndpoint | null } | null>(null);
  const theirs = conflict ? (conflict.theirs ?? endpoint) : null;
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = !sameDraft(draft, draftOf(base));
  // Newer props (a save, an enable/disable, someone else's change after a refresh) replace an untouched form.
  if (endpoint.version !== base.version && !dirty && !conflict) {
    setBase(endpoint);
    setDraft(draftOf(endpoint));
  }
  const errors = draftErrors(action.error?.fields ?? {});
  useFocusFirstInvalid(formRef, action.error?.conflict ? null : action.error?.fields);

  async function save(version: number) {
    if (action.isBusy()) return;
    setConflict(null);
    await action.run(() => updateWebhookAction(endpoint.id, { ...draft, version }), {
      notice: "Saved.",
      onSuccess: (saved) => {
        setBase(saved);
        setDraft(draftOf(saved));
      },
      onFailure: (failure) => {
        if (failure.conflict) setConflict({ theirs: (failure.current as EditableEndpoint | undefined) ?? null });
      },
    });
  }

  return (
    <CreateForm formRef={formRef} heading={HEADING} pending={pending} onSubmit={() => save(base.version)}>
      {theirs ? (
        <div className="mt-4">
          <ConflictChoice
            what="endpoint"
            pending={pending}
            onSaveMine={() => void save(theirs.version)}
            onLoadTheirs={() => {
              setBase(theirs);
              setDraft(draftOf(theirs));
              setConflict(null);
              action.reset();
            }}
          >
            {theirs.version !== base.version ? (
              <>
                Theirs (version {theirs.version}): &ldquo;{theirs.name}&rdquo;, {urlHost(theirs.url)}, {FORMAT_INFO[theirs.format].label},{" "}
                {theirs.events.length} event{theirs.events.length === 1 ? "" : "s"}.{" "}
              </>
            ) : null}
            Your edits are still below, not saved.
          </ConflictChoice>
        </div>
      ) : null}
      <fieldset disabled={pending} className="mt-4">
        <WebhookFields idPrefix="edit-webhook" draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
      </fieldset>
      <div className="mt-4 space-y-3">
        {conflict ? null : <FormMessage error={formLine(action.error, errors)} success={action.notice} />}
        <button type="submit" className={primaryButtonClass} disabled={pending || !dirty}>
          {pending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </CreateForm>
  );
}
