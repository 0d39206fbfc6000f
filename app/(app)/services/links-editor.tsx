"use client";
import { Plus, X } from "lucide-react";
import { buttonClass, errorClass, inputClass, labelClass } from "@/app/components/ui";

export type LinkRow = { key: number; label: string; url: string };

/** Rows of label + URL (dashboards, repos, on-call pages), each with its errors beside it. */
export function LinksEditor({
  idPrefix,
  rows,
  onChange,
  errors,
}: {
  idPrefix: string;
  rows: LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  /** Errors by row key: {label?, url?}. */
  errors: Record<number, { label?: string; url?: string }>;
}) {
  const update = (key: number, patch: Partial<LinkRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, label: "", url: "" }]);
  return (
    <fieldset className="min-w-0">
      <legend className={labelClass}>Other links</legend>
      <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">Dashboards, repositories, on-call schedules. Empty rows are ignored.</p>
      <ul className="mt-2 space-y-3">
        {rows.map((row, index) => {
          const e = errors[row.key] ?? {};
          const base = `${idPrefix}-link-${row.key}`;
          return (
            <li key={row.key} className="grid gap-2 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)_auto] sm:items-start">
              <div className="min-w-0">
                <label htmlFor={`${base}-label`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                  Link {index + 1} label
                </label>
                <input
                  id={`${base}-label`}
                  value={row.label}
                  maxLength={60}
                  placeholder="e.g. Dashboard"
                  onChange={(ev) => update(row.key, { label: ev.target.value })}
                  aria-invalid={e.label ? true : undefined}
                  aria-describedby={`${base}-label-error`}
                  className={`${inputClass} mt-1`}
                />
                <p id={`${base}-label-error`} className={errorClass} aria-live="polite">
                  {e.label ?? ""}
                </p>
              </div>
              <div className="min-w-0">
                <label htmlFor={`${base}-url`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                  Link {index + 1} URL
                </label>
                <input
                  id={`${base}-url`}
                  type="url"
                  value={row.url}
                  placeholder="https://"
                  onChange={(ev) => update(row.key, { url: ev.target.value })}
                  aria-invalid={e.url ? true : undefined}
                  aria-describedby={`${base}-url-error`}
                  className={`${inputClass} mt-1`}
                />
                <p id={`${base}-url-error`} className={errorClass} aria-live="polite">
                  {e.url ?? ""}
                </p>
              </div>
              <button type="button" className={`${buttonClass} sm:mt-5`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                <X aria-hidden className="h-4 w-4" />
                <span className="sm:sr-only">Remove link {index + 1}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className={`${buttonClass} mt-2`} onClick={add} disabled={rows.length >= 20}>
        <Plus aria-hidden className="h-4 w-4" /> Add link
      </button>
    </fieldset>
  );
}

/** Rows that are not blank, and the row key each sent index came from (to put errors back). */
export function filledLinks(rows: LinkRow[]) {
  const kept = rows.filter((r) => r.label.trim() || r.url.trim());
  return { links: kept.map(({ label, url }) => ({ label, url })), keys: kept.map((r) => r.key) };
}

/** "links.2.url" errors → {rowKey: {url}}; a message about the whole list comes back separately. */
export function linkErrors(fields: Record<string, string>, keys: number[]) {
  const byRow: Record<number, { label?: string; url?: string }> = {};
  let list: string | undefined;
  for (const [path, message] of Object.entries(fields)) {
    const match = /^links\.(\d+)\.(label|url)$/.exec(path);
    const key = match ? keys[Number(match[1])] : undefined;
    if (match && key !== undefined) (byRow[key] ??= {})[match[2] as "label" | "url"] = message;
    else if (path.startsWith("links")) list = message;
  }
  return { byRow, list };
}
