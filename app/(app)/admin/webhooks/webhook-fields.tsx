"use client";
import { useEffect, useRef } from "react";
import { Field } from "@/app/components/field";
import { errorClass, hintClass, inputClass, labelClass } from "@/app/components/ui";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS, type WebhookEventType, type WebhookFormat } from "@/lib/webhooks/event-types";
import { FORMAT_INFO, selectAllState, toggleIn } from "./webhook-display";

export type WebhookDraft = { name: string; url: string; events: WebhookEventType[]; format: WebhookFormat; includePrivate: boolean };

/** Field errors of the command mapped onto the form's fields ("events.2" → events). */
export function draftErrors(fields: Record<string, string>): Partial<Record<keyof WebhookDraft, string>> {
  const out: Partial<Record<keyof WebhookDraft, string>> = {};
  for (const [key, text] of Object.entries(fields)) {
    const name = key.split(".")[0] as keyof WebhookDraft;
    if (name === "name" || name === "url" || name === "events" || name === "format" || name === "includePrivate") out[name] ??= text;
  }
  return out;
}

/** The line under a form: the failure's message, or a pointer when every field error is shown next to its field. */
export function formLine(error: { message: string } | null, shown: Partial<Record<keyof WebhookDraft, string>>): string | null {
  if (!error) return null;
  return Object.keys(shown).length ? "Check the highlighted fields." : error.message;
}

/** Name, URL, events (with "Select all") and format: the settings shared by the create and edit forms. */
export function WebhookFields({
  idPrefix,
  draft,
  onChange,
  errors,
}: {
  idPrefix: string;
  draft: WebhookDraft;
  onChange: (patch: Partial<WebhookDraft>) => void;
  errors: Partial<Record<keyof WebhookDraft, string>>;
}) {
  const all = selectAllState(draft.events, WEBHOOK_EVENT_TYPES);
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = all === "some";
  }, [all]);
  const eventsError = `${idPrefix}-events-error`;
  const formatError = `${idPrefix}-format-error`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${idPrefix}-name`} label="Name" error={errors.name} hint="Who or what it notifies, e.g. “#incidents channel”.">
        {(aria) => (
          <input
            {...aria}
            name="name"
            autoComplete="off"
            maxLength={100}
            value={draft.name}
            onChange={(e) => onChange({ name: e.target.value })}
            className={inputClass}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-url`} label="URL" error={errors.url} hint="Where Hindsight sends a POST for each event (https:// recommended).">
        {(aria) => (
          <input
            {...aria}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            value={draft.url}
            onChange={(e) => onChange({ url: e.target.value })}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <fieldset className="sm:col-span-2" aria-describedby={eventsError} aria-invalid={errors.events ? true : undefined}>
        <legend className={labelClass}>Events</legend>
        <label className="mt-2 flex w-fit items-center gap-2 text-sm font-medium">
          <input
            ref={selectAllRef}
            type="checkbox"
            checked={all === "all"}
            aria-invalid={errors.events ? true : undefined}
            onChange={(e) => onChange({ events: e.target.checked ? [...WEBHOOK_EVENT_TYPES] : [] })}
            className="h-4 w-4 rounded border-zinc-300"
          />
          Select all
        </label>
        <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={draft.events.includes(type)}
                onChange={(e) => onChange({ events: toggleIn(draft.events, type, e.target.checked, WEBHOOK_EVENT_TYPES) })}
                className="mt-0.5 h-4 w-4 shrink-0 rounded border-zinc-300"
              />
              <span>
                {WEBHOOK_EVENT_LABELS[type]} <code className="block font-mono text-xs text-zinc-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        <p id={eventsError} className={errorClass} aria-live="polite">
          {errors.events ?? ""}
        </p>
      </fieldset>
      <fieldset className="sm:col-span-2" aria-describedby={formatError}>
        <legend className={labelClass}>Format</legend>
        <div className="mt-2 grid gap-2 lg:grid-cols-3">
          {WEBHOOK_FORMATS.map((format) => {
            const id = `${idPrefix}-format-${format}`;
            // The whole card picks the format (the label's ::after covers it); only the name labels the radio.
            return (
              <div
                key={format}
                className="relative flex items-start gap-2 rounded-md border border-zinc-200 p-2.5 text-sm has-checked:border-blue-500 has-checked:bg-blue-50/60 has-focus-visible:ring-2 has-focus-visible:ring-blue-500/40 dark:border-zinc-800 dark:has-checked:bg-blue-950/30"
              >
                <input
                  id={id}
                  type="radio"
                  name={`${idPrefix}-format`}
                  value={format}
                  checked={draft.format === format}
                  onChange={() => onChange({ format })}
                  aria-describedby={`${id}-hint`}
                  className="relative z-10 mt-0.5 h-4 w-4 shrink-0"
                />
                <div>
                  <label htmlFor={id} className="font-medium after:absolute after:inset-0 after:cursor-pointer">
                    {FORMAT_INFO[format].label}
                  </label>
                  <p id={`${id}-hint`} className={`${hintClass} mt-0!`}>
                    {FORMAT_INFO[format].hint}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
        <p id={formatError} className={errorClass} aria-live="polite">
          {errors.format ?? ""}
        </p>
      </fieldset>
      <div className="sm:col-span-2">
        <label className="flex w-fit items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={draft.includePrivate}
            onChange={(e) => onChange({ includePrivate: e.target.checked })}
            aria-describedby={`${idPrefix}-private-hint`}
            className="mt-0.5 h-4 w-4 rounded border-zinc-300"
          />
          Include private incidents
        </label>
        <p id={`${idPrefix}-private-hint`} className={`${hintClass} ml-6`}>
          Off: private incidents are never announced here. Turn on only for a receiver whose readers may see them.
        </p>
      </div>
    </div>
  );
}
