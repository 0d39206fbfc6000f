"use client";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { buttonClass, errorClass, inputClass } from "@/app/components/ui";
import { PLAYBOOK_ITEM_TEXT_MAX, PLAYBOOK_ITEMS_MAX } from "@/lib/validation/playbook";
import { AUTO_CHECKS, AUTO_CHECK_INFO } from "@/lib/checklist-auto";

/** `autoCheck` "" = ticked by people only. */
export type DraftItem = { key: number; text: string; link: string; autoCheck: string };
/** Errors per item, by the item's key, so they stay with the item when it moves. */
export type ItemErrors = Record<number, { text?: string; link?: string; autoCheck?: string }>;

const iconButton =
  "inline-flex h-9 w-9 items-center justify-center rounded-md border border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** Focuses an element once React has rendered the change that creates or moves it. */
const focusSoon = (...ids: string[]) =>
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
      if (el && !el.disabled) return el.focus();
    }
  });

let nextKey = 1_000_000;
export const newDraftItem = (text = "", link = "", autoCheck = ""): DraftItem => ({ key: nextKey++, text, link, autoCheck });

/** The ordered checklist items of a playbook: add, remove, move up and down, each with text and an optional link. */
export function ItemsEditor({
  items,
  onChange,
  itemErrors,
  listError,
  disabled,
}: {
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  itemErrors: ItemErrors;
  listError?: string;
  disabled: boolean;
}) {
  const update = (key: number, patch: Partial<DraftItem>) => onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (index: number, by: -1 | 1, dir: "up" | "down") => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
    focusSoon(`item-${item!.key}-${dir}`, `item-${item!.key}-${dir === "up" ? "down" : "up"}`);
  };
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focusSoon(neighbour ? `item-${neighbour.key}-text` : "add-item");
  };
  const add = () => {
    const item = newDraftItem();
    onChange([...items, item]);
    focusSoon(`item-${item.key}-text`);
  };

  return (
    <fieldset disabled={disabled} aria-describedby="items-error" className="min-w-0">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Checklist items</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        In the order responders should work through them. Links open in a new tab. An item the system can verify (a commander or comms lead named, the summary
        written) can tick itself, with the reason on the timeline.
      </p>
      <ol className="mt-2 space-y-2">
        {items.map((item, index) => {
          const n = index + 1;
          const textError = itemErrors[item.key]?.text;
          const linkError = itemErrors[item.key]?.link;
          const autoError = itemErrors[item.key]?.autoCheck;
          return (
            <li key={item.key} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <div className="grid grid-cols-[1.25rem_minmax(0,1fr)] items-start gap-2 sm:grid-cols-[1.5rem_minmax(0,1fr)_minmax(0,13rem)_auto]">
                <span aria-hidden className="pt-2 text-right text-sm font-medium text-zinc-500 tabular-nums">
                  {n}.
                </span>
                <div>
                  <label htmlFor={`item-${item.key}-text`} className="sr-only">
                    Item {n} text
                  </label>
                  {/* A one-line textarea that grows with its text, so long items stay readable; Enter saves, as in an input. */}
                  <textarea
                    id={`item-${item.key}-text`}
                    rows={1}
                    value={item.text}
                    maxLength={PLAYBOOK_ITEM_TEXT_MAX}
                    placeholder={`Item ${n}, e.g. Assign an incident commander`}
                    onChange={(e) => update(item.key, { text: e.target.value.replace(/\s*\n\s*/g, " ") })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" && !e.nativeEvent.isComposing) {
                        e.preventDefault();
                        e.currentTarget.form?.requestSubmit();
                      }
                    }}
                    aria-invalid={textError ? true : undefined}
                    aria-describedby={textError ? `item-${item.key}-text-error` : undefined}
                    className={`${inputClass} resize-none field-sizing-content`}
                  />
                  {textError ? (
                    <p id={`item-${item.key}-text-error`} className={errorClass}>
                      {textError}
                    </p>
                  ) : null}
                </div>
                <div className="col-start-2 sm:col-start-auto">
                  <label htmlFor={`item-${item.key}-link`} className="sr-only">
                    Item {n} link (optional)
                  </label>
                  <input
                    id={`item-${item.key}-link`}
                    type="url"
                    inputMode="url"
                    value={item.link}
                    placeholder="Link (optional)"
                    onChange={(e) => update(item.key, { link: e.target.value })}
                    aria-invalid={linkError ? true : undefined}
                    aria-describedby={linkError ? `item-${item.key}-link-error` : undefined}
                    className={inputClass}
                  />
                  {linkError ? (
                    <p id={`item-${item.key}-link-error`} className={errorClass}>
                      {linkError}
                    </p>
                  ) : null}
                </div>
                <div className="col-start-2 flex gap-1 sm:col-start-auto">
                  <button
                    type="button"
                    id={`item-${item.key}-up`}
                    className={iconButton}
                    disabled={index === 0}
                    onClick={() => move(index, -1, "up")}
                    aria-label={`Move item ${n} up`}
                    title="Move up"
                  >
                    <ArrowUp aria-hidden className="h-4 w-4" />
                  </button>
                  <button
                    type="button"
                    id={`item-${item.key}-down`}
                    className={iconButton}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1, "down")}
                    aria-label={`Move item ${n} down`}
                    title="Move down"
                  >
                    <ArrowDown aria-hidden className="h-4 w-4" />
                  </button>
                  <button
                    type="button"
                    className={`${iconButton} hover:text-red-700`}
                    onClick={() => remove(index)}
                    aria-label={`Remove item ${n}`}
                    title="Remove"
                  >
                    <Trash2 aria-hidden className="h-4 w-4" />
                  </button>
                </div>
                <div className="col-start-2 flex flex-wrap items-center gap-x-2 gap-y-1 sm:col-span-3">
                  <label htmlFor={`item-${item.key}-auto`} className="text-xs text-zinc-600 dark:text-zinc-400">
                    <span className="sr-only">Item {n}: </span>Ticks itself when
                  </label>
                  <select
                    id={`item-${item.key}-auto`}
                    value={item.autoCheck}
                    onChange={(e) => update(item.key, { autoCheck: e.target.value })}
                    aria-invalid={autoError ? true : undefined}
                    aria-describedby={autoError ? `item-${item.key}-auto-error` : undefined}
                    className={`${inputClass} w-auto py-1 text-xs`}
                  >
                    <option value="">Never (people tick it)</option>
                    {AUTO_CHECKS.map((check) => (
                      <option key={check} value={check}>
                        {AUTO_CHECK_INFO[check].label}
                      </option>
                    ))}
                  </select>
                  {autoError ? (
                    <p id={`item-${item.key}-auto-error`} className={errorClass}>
                      {autoError}
                    </p>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <p id="items-error" className={errorClass} aria-live="polite">
        {listError ?? ""}
      </p>
      <button type="button" id="add-item" className={`${buttonClass} mt-1`} onClick={add} disabled={items.length >= PLAYBOOK_ITEMS_MAX}>
        <Plus aria-hidden className="h-4 w-4" /> Add item
      </button>
    </fieldset>
  );
}
