"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import {
  KINDS,
  KIND_INFO,
  ORGANISATION_TIME_ZONE,
  PRIORITIES,
  PRIORITY_INFO,
  defaultDueDate,
  formatDueDate,
  todayIn,
  type ActionPriority,
} from "@/lib/action-items";
import { ACTION_DESCRIPTION_MAX, ACTION_TITLE_MAX } from "@/lib/validation/action-item";
import { callAction } from "@/lib/server-action";
import { createActionItemAction } from "@/app/(app)/incidents/[ref]/action-item-actions";
import { Field } from "./field";
import { useSentText } from "./use-sent-text";
import { useServiceChoices } from "./use-service-choices";
import { useFocusFirstInvalid } from "./focus-first-invalid";
import { buttonClass, inputClass, primaryButtonClass } from "./ui";

export type ActionItemFormProps = {
  /** The incident the item belongs to, e.g. "INC-42". */
  reference: string;
  /** Active people to pick the owner from. */
  users: { id: number; name: string }[];
  /**
   * Called after the item was stored (the page is refreshed as well). `typedSince` is true
   * when the person typed on while it was saving: the form then still holds their text.
   */
  onCreated?: (item: { id: number; title: string; dueDate: string }, state: { typedSince: boolean }) => void;
  /** Pre-selected owner, e.g. the person filling the form. */
  defaultOwnerId?: number;
  /** Shows a Cancel button that calls it. */
  onCancel?: () => void;
};

type Errors = Record<string, string>;

// Server field names → the form field showing the message.
const FIELD_OF: Record<string, string> = { ownerEmail: "ownerId" };

/**
 * Creates an action item on an incident: title, owner, priority (its default due date
 * follows the priority until the person edits the date), due date, kind, service,
 * tracker URL and description; errors sit next to their fields.
 */
export function ActionItemForm({ reference, users, onCreated, defaultOwnerId, onCancel }: ActionItemFormProps) {
  const id = useId();
  const router = useRouter();
  const titleRef = useRef<HTMLInputElement>(null);
  const [pending, startTransition] = useTransition();
  // The organisation's calendar, the one "overdue" is decided in.
  const today = todayIn(ORGANISATION_TIME_ZONE);
  // Emptied after a save only of what was sent: typing on while it saves loses nothing.
  const { value: title, set: setTitle, settle: settleTitle } = useSentText();
  const { value: description, set: setDescription, settle: settleDescription } = useSentText();
  const { value: trackerUrl, set: setTrackerUrl, settle: settleTrackerUrl } = useSentText();
  const sending = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const [ownerId, setOwnerId] = useState(defaultOwnerId && users.some((u) => u.id === defaultOwnerId) ? String(defaultOwnerId) : "");
  const [priority, setPriority] = useState<ActionPriority>("P2");
  const [dueDate, setDueDate] = useState(() => defaultDueDate("P2", today));
  const [dueEdited, setDueEdited] = useState(false);
  const [kind, setKind] = useState("");
  const [serviceId, setServiceId] = useState("");
  // The service choices are read when the form opens (it mounts then), not with the page.
  const catalogue = useServiceChoices({ loadNow: true });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const fieldId = (name: string) => `${id}-${name}`;
  useFocusFirstInvalid(form, errors);

  const submit = () => {
    if (pending || sending.current) return;
    const problems: Errors = {};
    if (!title.trim()) problems.title = "Title is required";
    if (!ownerId) problems.ownerId = "Pick an owner";
    if (!kind) problems.kind = "Pick a kind";
    if (!dueDate) problems.dueDate = "Pick a due date";
    setErrors(problems);
    setMessage(null);
    if (Object.keys(problems).length) return;
    const sent = { title, description, trackerUrl };
    sending.current = true;
    startTransition(async () => {
      const result = await callAction(
        () =>
          createActionItemAction(reference, {
            title,
            description,
            ownerId: Number(ownerId),
            priority,
            dueDate,
            kind,
            trackerUrl: trackerUrl.trim() || null,
            serviceId: serviceId ? Number(serviceId) : null,
          }),
        "Could not reach the server; nothing was saved. Try again.",
      );
      sending.current = false;
      if (!result.ok) {
        const fields: Errors = {};
        for (const [key, text] of Object.entries(result.fields ?? {})) fields[FIELD_OF[key] ?? key] = text;
        setErrors(fields);
        const known = Object.keys(fields).filter((k) => document.getElementById(fieldId(k)));
        setMessage({ kind: "error", text: known.length ? "Check the fields marked below." : result.message });
        return;
      }
      setMessage({ kind: "success", text: `Added “${result.data.title}”, due ${formatDueDate(result.data.dueDate)}.` });
      const left = [settleTitle(sent.title), settleDescription(sent.description), settleTrackerUrl(sent.trackerUrl)];
      setErrors({});
      // Focus stays where the person is typing; otherwise it goes back to the title for the next item.
      if (!form.current?.contains(document.activeElement) || document.activeElement?.tagName === "BUTTON") titleRef.current?.focus();
      onCreated?.(result.data, { typedSince: left.some(Boolean) });
      router.refresh();
    });
  };

  return (
    <form
      ref={form}
      noValidate
      aria-label="Add an action item"
      className="@container space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          submit();
        }
      }}
    >
      <Field id={fieldId("title")} label="Title" error={errors.title} hint="What will be done, e.g. “Alert when the queue is over 10k for 5 minutes”">
        {(aria) => (
          <input {...aria} ref={titleRef} value={title} maxLength={ACTION_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
        )}
      </Field>
      <div className="grid gap-3 @md:grid-cols-2">
        <Field id={fieldId("ownerId")} label="Owner" error={errors.ownerId}>
          {(aria) => (
            <select {...aria} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} className={inputClass}>
              <option value="">Choose a person…</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId("priority")} label="Priority" error={errors.priority} hint={PRIORITY_INFO[priority].hint}>
          {(aria) => (
            <select
              {...aria}
              value={priority}
              onChange={(e) => {
                const next = e.target.value as ActionPriority;
                setPriority(next);
                if (!dueEdited) setDueDate(defaultDueDate(next, today));
              }}
              className={inputClass}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_INFO[p].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId("dueDate")}
          label="Due date"
          error={errors.dueDate}
          hint={dueEdited ? "Chosen by you; changing the priority keeps it." : `Default for ${priority}; follows the priority until you change it.`}
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={dueDate}
              onChange={(e) => {
                setDueDate(e.target.value);
                setDueEdited(true);
              }}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id={fieldId("kind")}
          label="Kind"
          error={errors.kind}
          hint={kind ? KIND_INFO[kind as keyof typeof KIND_INFO]?.hint : "What the item does about the incident"}
        >
          {(aria) => (
            <select {...aria} value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
              <option value="">Choose a kind…</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_INFO[k].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId("serviceId")} label="Service (optional)" error={errors.serviceId ?? catalogue.error ?? undefined}>
          {(aria) => (
            <select
              {...aria}
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
              aria-busy={catalogue.status === "loading" || undefined}
              className={inputClass}
            >
              <option value="">{catalogue.status === "loading" ? "None (loading services…)" : "None"}</option>
              {catalogue.choices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId("trackerUrl")} label="Tracker link (optional)" error={errors.trackerUrl}>
          {(aria) => (
            <input
              {...aria}
              type="url"
              inputMode="url"
              value={trackerUrl}
              placeholder="https://tracker.example.com/OPS-12"
              onChange={(e) => setTrackerUrl(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field id={fieldId("description")} label="Description (optional)" error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            value={description}
            maxLength={ACTION_DESCRIPTION_MAX}
            onChange={(e) => setDescription(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div aria-live="polite">
        {message ? (
          <p
            role={message.kind === "error" ? "alert" : "status"}
            className={`rounded-md border px-3 py-2 text-sm ${
              message.kind === "error"
                ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
                : "border-green-200 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
            }`}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? "Adding…" : "Add action item"}
        </button>
        {onCancel ? (
          <button type="button" className={buttonClass} onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
