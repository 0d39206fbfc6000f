"use client";
import { useRef, useState } from "react";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { buttonClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../../form-message";
import type { WebhookEndpointView } from "@/lib/webhooks/event-types";
import { updateWebhookAction } from "../actions";
import { FORMAT_INFO, urlHost } from "../webhook-display";
import { draftErrors, formLine, WebhookFields, type WebhookDraft } from "../webhook-fields";

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
    <form
      ref={formRef}
      noValidate
      aria-labelledby="edit-webhook-title"
      aria-busy={pending}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void save(base.version);
      }}
    >
      <h2 id="edit-webhook-title" className="text-base font-semibold">
        Settings
      </h2>
      {theirs ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">Someone else saved this endpoint while you were editing. Your changes are not saved.</p>
          {theirs.version !== base.version ? (
            <p className="mt-1">
              Theirs (version {theirs.version}): &ldquo;{theirs.name}&rdquo;, {urlHost(theirs.url)}, {FORMAT_INFO[theirs.format].label}, {theirs.events.length}{" "}
              event
              {theirs.events.length === 1 ? "" : "s"}. Your edits are still below.
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={buttonClass} disabled={pending} onClick={() => void save(theirs.version)}>
              Save mine over theirs
            </button>
            <button
              type="button"
              className={buttonClass}
              disabled={pending}
              onClick={() => {
                setBase(theirs);
                setDraft(draftOf(theirs));
                setConflict(null);
                action.reset();
              }}
            >
              Discard mine, load theirs
            </button>
          </div>
        </div>
      ) : null}
      <fieldset disabled={pending} className="space-y-4">
        <WebhookFields idPrefix="edit-webhook" draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
      </fieldset>
      <div className="space-y-3">
        {conflict ? null : <FormMessage error={formLine(action.error, errors)} success={action.notice} />}
        <button type="submit" className={primaryButtonClass} disabled={pending || !dirty}>
          {pending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
