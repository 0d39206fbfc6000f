"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { buttonClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction, type ActionFailure } from "@/app/components/use-server-action";
import { FormMessage } from "../admin/form-message";
import { createServiceAction, updateServiceAction, type ServiceFormInput } from "./actions";
import { filledLinks, linkErrors, LinksEditor, type LinkRow } from "./links-editor";
import { TIER_HINT } from "./tier";

export type ServiceFormValues = {
  slug: string;
  name: string;
  description: string;
  teamId: number | null;
  tier: number;
  runbookUrl: string | null;
  links: { label: string; url: string }[];
};

type Props = {
  teams: { id: number; name: string }[];
  /** Admins edit every field; responders only the description and links. */
  full: boolean;
  onCancel?: () => void;
  onSaved?: () => void;
} & ({ mode: "create"; initial?: undefined; version?: undefined } | { mode: "edit"; initial: ServiceFormValues; version: number });

const STALE =
  "Someone else changed this service while you were editing. The page behind this form now shows their version; your text is kept here — check it and save again to apply it.";

/** A 409 on an edit that is about the record's version (not a taken slug): the values typed stay and apply on top. */
const isStale = (failure: ActionFailure | null, mode: Props["mode"]) => Boolean(failure?.conflict && mode === "edit" && !failure.fields.slug);

export function ServiceForm({ mode, teams, full, initial, version, onCancel, onSaved }: Props) {
  const id = useId();
  const router = useRouter();
  const action = useServerAction({ offline: "Could not reach the server. Nothing was saved; try again." });
  const { pending, error } = action;
  const [fields, setFields] = useState<Record<string, string>>({});
  const shown = Object.keys(error?.fields ?? {}).filter((k) => k !== "version" && k !== "body");
  const message = !error ? null : isStale(error, mode) ? STALE : shown.length ? "Check the highlighted fields." : error.message;
  const [rows, setRows] = useState<LinkRow[]>(() =>
    initial?.links.length ? initial.links.map((l, i) => ({ key: i + 1, ...l })) : [{ key: 1, label: "", url: "" }],
  );
  const [rowErrors, setRowErrors] = useState<Record<number, { label?: string; url?: string }>>({});
  // The version this edit started from; after a conflict it moves to the current one, so saving again applies on top.
  const [baseVersion, setBaseVersion] = useState(version ?? 0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fields);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy()) return;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "");
    const { links, keys } = filledLinks(rows);
    const input: ServiceFormInput = { description: value("description"), links };
    if (mode === "create") input.slug = value("slug");
    if (full) Object.assign(input, { name: value("name"), teamId: value("teamId"), tier: value("tier"), runbookUrl: value("runbookUrl") });
    setFields({});
    setRowErrors({});
    await action.run(async () => (mode === "create" ? await createServiceAction(input) : await updateServiceAction(initial.slug, baseVersion, input)), {
      // A new service opens its page; an edit (or a stale one) shows the page's current state.
      refresh: mode === "edit",
      onSuccess: (saved) => (mode === "create" ? router.push(`/services/${saved.slug}`) : onSaved?.()),
      onFailure: (failure) => {
        if (isStale(failure, mode)) {
          const current = (failure.current as { version?: number } | undefined)?.version;
          if (typeof current === "number") setBaseVersion(current);
          return;
        }
        const { byRow, list } = linkErrors(failure.fields, keys);
        setRowErrors(byRow);
        setFields({ ...failure.fields, ...(list ? { links: list } : {}) });
      },
    });
  }

  const title = mode === "create" ? "Add a service" : full ? "Edit service" : "Edit description and links";
  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby={`${id}-title`}
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      {!full ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Responders can change the description and links; an admin changes the name, team, tier and runbook.
        </p>
      ) : null}
      <fieldset disabled={pending} className="mt-4 grid min-w-0 gap-4 sm:grid-cols-2">
        {mode === "create" ? (
          <Field
            id={`${id}-slug`}
            label="Slug"
            error={fields.slug}
            hint="Lowercase letters, digits and hyphens, e.g. payments-api. Used in URLs and the API; cannot change later."
          >
            {(aria) => <input {...aria} name="slug" autoComplete="off" spellCheck={false} maxLength={60} className={`${inputClass} font-mono`} />}
          </Field>
        ) : null}
        {full ? (
          <>
            <Field id={`${id}-name`} label="Name" error={fields.name}>
              {(aria) => <input {...aria} name="name" defaultValue={initial?.name} autoComplete="off" maxLength={100} className={inputClass} />}
            </Field>
            <Field
              id={`${id}-team`}
              label="Owner team"
              error={fields.teamId}
              hint={teams.length ? undefined : "No teams yet: an admin adds them under Admin → Teams."}
            >
              {(aria) => (
                <select {...aria} name="teamId" defaultValue={initial?.teamId ?? ""} className={inputClass}>
                  <option value="">No owner team</option>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-tier`} label="Tier" error={fields.tier} hint="Tier 1 is the most critical.">
              {(aria) => (
                <select {...aria} name="tier" defaultValue={initial?.tier ?? ""} className={inputClass}>
                  {mode === "create" ? <option value="">Choose a tier</option> : null}
                  {[1, 2, 3].map((t) => (
                    <option key={t} value={t}>
                      Tier {t} — {TIER_HINT[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-runbook`} label="Runbook URL" error={fields.runbookUrl} hint="Optional. Where responders start: https://…">
              {(aria) => (
                <input
                  {...aria}
                  name="runbookUrl"
                  type="url"
                  defaultValue={initial?.runbookUrl ?? ""}
                  placeholder="https://wiki.example.com/runbooks/…"
                  className={inputClass}
                />
              )}
            </Field>
          </>
        ) : null}
        <div className="sm:col-span-2">
          <Field id={`${id}-description`} label="Description" error={fields.description} hint="Markdown. What it does, who uses it, what depends on it.">
            {(aria) => <textarea {...aria} name="description" rows={5} maxLength={5000} defaultValue={initial?.description} className={inputClass} />}
          </Field>
        </div>
        <div className="min-w-0 sm:col-span-2">
          <LinksEditor idPrefix={id} rows={rows} onChange={setRows} errors={rowErrors} />
          {fields.links ? (
            <p role="alert" className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
              {fields.links}
            </p>
          ) : null}
        </div>
      </fieldset>
      <div className="mt-4 space-y-3">
        <div aria-live="polite">
          <FormMessage error={message} />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? "Saving…" : mode === "create" ? "Add service" : "Save changes"}
          </button>
          {onCancel ? (
            <button type="button" className={buttonClass} onClick={onCancel} disabled={pending}>
              Cancel
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
