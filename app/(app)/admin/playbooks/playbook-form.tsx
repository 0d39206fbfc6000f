"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { SeverityPill } from "@/app/components/severity-pill";
import { buttonClass, dangerButtonClass, errorClass, hintClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { PLAYBOOK_DESCRIPTION_MAX, PLAYBOOK_NAME_MAX } from "@/lib/validation/playbook";
import { ConflictChoice } from "../conflict-choice";
import { FormMessage } from "../form-message";
import { createPlaybookAction, deletePlaybookAction, updatePlaybookAction } from "./actions";
import { ItemsEditor, newDraftItem, type DraftItem, type ItemErrors } from "./items-editor";

export type PlaybookFormValues = {
  id: number;
  version: number;
  name: string;
  description: string;
  severities: Severity[];
  serviceIds: number[];
  enabled: boolean;
  items: { text: string; link: string | null; autoCheck: string | null }[];
  updatedAt: number;
};
type ServiceChoice = { id: number; slug: string; name: string };
type Draft = { name: string; description: string; severities: Severity[]; serviceIds: number[]; enabled: boolean; items: DraftItem[] };

const draftOf = (p: PlaybookFormValues | null): Draft =>
  p
    ? { ...p, items: p.items.map((i) => newDraftItem(i.text, i.link ?? "", i.autoCheck ?? "")) }
    : { name: "", description: "", severities: [], serviceIds: [], enabled: true, items: [newDraftItem()] };

// The outline button in red: swapping the colour utilities (two text colours in one class list do not combine predictably).
const deleteButtonClass = buttonClass.replace("text-zinc-800", "text-red-700").replace("dark:text-zinc-100", "dark:text-red-400");

const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

/** Create or edit a playbook. A stale save (409) keeps every edit and lets the admin choose. */
export function PlaybookForm({ playbook, services }: { playbook: PlaybookFormValues | null; services: ServiceChoice[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(playbook));
  const [version, setVersion] = useState(playbook?.version ?? 0);
  const action = useServerAction({ offline: "Could not reach the server. Nothing was saved; try again.", refresh: false });
  const { pending } = action;
  const [fields, setFields] = useState<Record<string, string>>({});
  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  // A stale save with their version shows the choice above instead.
  const message = action.error?.conflict && action.error.current ? null : action.formSummary();
  const [conflict, setConflict] = useState<PlaybookFormValues | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Either kind of error moves focus to the first invalid control, whichever comes first in the form.
  useFocusFirstInvalid(formRef, fields);
  useFocusFirstInvalid(formRef, itemErrors);
  // Controls stay disabled until hydrated: typing into the server HTML would be lost, and a native submit would send nothing useful.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const locked = pending || !hydrated;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function save(baseVersion = version) {
    if (action.isBusy()) return;
    setFields({});
    setItemErrors({});
    const submitted = draft.items;
    const input = {
      name: draft.name,
      description: draft.description,
      severities: SEVERITIES.filter((s) => draft.severities.includes(s)),
      serviceIds: draft.serviceIds,
      enabled: draft.enabled,
      items: submitted.map((i) => ({ text: i.text, link: i.link.trim() || null, autoCheck: i.autoCheck || null })),
    };
    const result = await action.run(
      async () => (playbook ? await updatePlaybookAction(playbook.id, { ...input, version: baseVersion }) : await createPlaybookAction(input)),
      {
        onSuccess: (saved) => router.push(`/admin/playbooks?saved=${saved.id}`),
      },
    );
    if (result.ok) return;
    if (result.code === "conflict" && result.details?.current) {
      setConflict(result.details.current as PlaybookFormValues);
      return;
    }
    const errors = result.fields ?? {};
    const perItem: ItemErrors = {};
    const rest: Record<string, string> = {};
    for (const [key, text] of Object.entries(errors)) {
      const match = /^items\.(\d+)\.(text|link|autoCheck)$/.exec(key);
      const item = match ? submitted[Number(match[1])] : undefined;
      if (match && item) perItem[item.key] = { ...perItem[item.key], [match[2]!]: text };
      else rest[key.replace(/\.\d+$/, "")] ??= text;
    }
    setFields(rest);
    setItemErrors(perItem);
  }

  async function remove() {
    if (!playbook || action.isBusy()) return;
    await action.run(() => deletePlaybookAction(playbook.id), {
      offline: "Could not reach the server. Nothing was deleted; try again.",
      onSuccess: () => router.push(`/admin/playbooks?deleted=${encodeURIComponent(playbook.name)}`),
    });
  }

  const conditionError = fields.severities ?? fields.serviceIds;
  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="playbook-form-title"
      aria-busy={pending}
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="playbook-form-title" className="sr-only">
        {playbook ? `Edit ${playbook.name}` : "New playbook"}
      </h2>
      {conflict ? (
        <ConflictChoice
          what="playbook"
          pending={pending}
          onSaveMine={() => {
            setVersion(conflict.version);
            setConflict(null);
            void save(conflict.version);
          }}
          onLoadTheirs={() => {
            setDraft(draftOf(conflict));
            setVersion(conflict.version);
            setConflict(null);
          }}
        >
          Their version is named &ldquo;{conflict.name}&rdquo; with {conflict.items.length} item{conflict.items.length === 1 ? "" : "s"}
          {conflict.enabled ? "" : " (disabled)"}. Your edits are still below, not saved.
        </ConflictChoice>
      ) : null}
      <fieldset disabled={locked} className="grid min-w-0 gap-4 sm:grid-cols-2">
        <Field id="playbook-name" label="Name" error={fields.name}>
          {(aria) => (
            <input
              {...aria}
              name="name"
              value={draft.name}
              maxLength={PLAYBOOK_NAME_MAX}
              onChange={(e) => set({ name: e.target.value })}
              className={inputClass}
            />
          )}
        </Field>
        <div className="flex items-end pb-6">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="enabled"
              checked={draft.enabled}
              onChange={(e) => set({ enabled: e.target.checked })}
              className="mt-0.5 h-4 w-4 rounded"
            />
            <span>
              <span className="font-medium">Enabled</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">A disabled playbook is kept but applies to no new incident.</span>
            </span>
          </label>
        </div>
        <div className="sm:col-span-2">
          <Field id="playbook-description" label="Description" hint="Optional: when and why to use it." error={fields.description}>
            {(aria) => (
              <textarea
                {...aria}
                name="description"
                rows={2}
                value={draft.description}
                maxLength={PLAYBOOK_DESCRIPTION_MAX}
                onChange={(e) => set({ description: e.target.value })}
                className={`${inputClass} min-h-16 field-sizing-content`}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset disabled={locked} aria-describedby="conditions-hint conditions-error" className="min-w-0 space-y-3">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">When it applies</legend>
        <p id="conditions-hint" className={hintClass}>
          Pick severities, services or both. With only severities it applies to any service; with only services, to any severity; with both, an incident needs
          one of each.
        </p>
        <div role="group" aria-label="Severities" className="grid gap-2 sm:grid-cols-2">
          {SEVERITIES.map((s) => (
            <label key={s} className="flex items-start gap-2 rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
              <input
                type="checkbox"
                name="severities"
                value={s}
                checked={draft.severities.includes(s)}
                onChange={(e) => set({ severities: toggle(draft.severities, s, e.target.checked) })}
                aria-invalid={fields.severities ? true : undefined}
                className="mt-0.5 h-4 w-4 rounded"
              />
              <span>
                <SeverityPill severity={s} /> <span className="font-medium">{SEVERITY_INFO[s].label}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{SEVERITY_INFO[s].definition}</span>
              </span>
            </label>
          ))}
        </div>
        <div role="group" aria-label="Services">
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Services</p>
          {services.length ? (
            <ul className="mt-1 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-zinc-200 p-2 sm:grid-cols-2 dark:border-zinc-800">
              {services.map((service) => (
                <li key={service.id} className="min-w-0">
                  <label className="flex min-w-0 items-center gap-2 rounded px-1 py-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800">
                    <input
                      type="checkbox"
                      name="serviceIds"
                      value={service.id}
                      checked={draft.serviceIds.includes(service.id)}
                      onChange={(e) => set({ serviceIds: toggle(draft.serviceIds, service.id, e.target.checked) })}
                      className="h-4 w-4 rounded"
                    />
                    <span className="flex min-w-0 flex-col">
                      <span className="truncate">{service.name}</span>
                      <span className="truncate font-mono text-xs text-zinc-500">{service.slug}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-zinc-500">No services in the catalogue yet; this playbook can match by severity.</p>
          )}
        </div>
        <p id="conditions-error" className={errorClass} aria-live="polite">
          {conditionError ?? ""}
        </p>
      </fieldset>

      <ItemsEditor items={draft.items} onChange={(items) => set({ items })} itemErrors={itemErrors} listError={fields.items} disabled={locked} />

      <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <FormMessage error={message} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className={primaryButtonClass} disabled={locked}>
            {pending ? "Saving…" : playbook ? "Save changes" : "Create playbook"}
          </button>
          <Link href="/admin/playbooks" className={buttonClass}>
            Cancel
          </Link>
          {playbook ? (
            confirmDelete ? (
              <span className="flex flex-wrap items-center gap-2 sm:ml-auto">
                <span className="text-sm">Delete it? Incidents that already have its items keep them.</span>
                <button type="button" className={dangerButtonClass} disabled={pending} onClick={() => void remove()}>
                  Delete playbook
                </button>
                <button type="button" className={buttonClass} onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </span>
            ) : (
              <button type="button" className={`${deleteButtonClass} sm:ml-auto`} onClick={() => setConfirmDelete(true)}>
                Delete…
              </button>
            )
          ) : null}
        </div>
      </div>
    </form>
  );
}
