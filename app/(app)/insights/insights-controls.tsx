"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { SEVERITIES, SEVERITY_INFO } from "@/lib/severity";
import { errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { insightsHref, normaliseInsightsSearch, type RawSearch } from "./insights-query";

export type ControlValues = { range: string; from: string; to: string; severity: string[]; service: string; team: string };

const RANGES = [
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
  { value: "180", label: "Last 180 days" },
  { value: "365", label: "Last 365 days" },
  { value: "custom", label: "Custom dates" },
];
const labelSmall = "block text-xs font-medium text-zinc-700 dark:text-zinc-300";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className={errorClass}>
      {message}
    </p>
  ) : null;
}

/**
 * The dashboard's filters as a GET form, so the URL carries them and can be shared. With
 * JavaScript it navigates without a full reload; picking a date switches to custom dates.
 */
export function InsightsControls({
  values,
  errors,
  services,
  teams,
}: {
  values: ControlValues;
  errors: Record<string, string>;
  services: { slug: string; name: string }[];
  teams: { id: number; name: string }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [range, setRange] = useState(values.range);
  const knownRange = RANGES.some((r) => r.value === values.range);
  const aria = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `insights-${field}-error` } : {});

  return (
    <form
      method="get"
      action="/insights"
      aria-label="Insights filters"
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const raw: RawSearch = {};
        for (const key of ["range", "from", "to", "service", "team"]) raw[key] = String(data.get(key) ?? "");
        raw.severity = data.getAll("severity").map(String);
        startTransition(() => router.push(insightsHref(normaliseInsightsSearch(raw))));
      }}
      className="grid grid-cols-2 items-start gap-x-3 gap-y-3 sm:flex sm:flex-wrap sm:items-start"
    >
      <div className="col-span-2 sm:col-auto">
        <label htmlFor="insights-range" className={labelSmall}>
          Period
        </label>
        <select
          id="insights-range"
          name="range"
          value={range}
          onChange={(e) => setRange(e.target.value)}
          className={`${inputClass} mt-1 sm:w-40`}
          {...aria("range")}
        >
          {RANGES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
          {knownRange ? null : <option value={values.range}>{values.range}</option>}
        </select>
        <FieldError id="insights-range-error" message={errors.range} />
      </div>
      <div className="min-w-0">
        <label htmlFor="insights-from" className={labelSmall}>
          From
        </label>
        <input
          id="insights-from"
          type="date"
          name="from"
          defaultValue={values.from}
          onChange={() => setRange("custom")}
          className={`${inputClass} mt-1 sm:w-40`}
          {...aria("from")}
        />
        <FieldError id="insights-from-error" message={errors.from} />
      </div>
      <div className="min-w-0">
        <label htmlFor="insights-to" className={labelSmall}>
          To
        </label>
        <input
          id="insights-to"
          type="date"
          name="to"
          defaultValue={values.to}
          onChange={() => setRange("custom")}
          className={`${inputClass} mt-1 sm:w-40`}
          {...aria("to")}
        />
        <FieldError id="insights-to-error" message={errors.to} />
      </div>
      <fieldset className="col-span-2 min-w-0 sm:col-auto" {...(errors.severity ? { "aria-describedby": "insights-severity-error" } : {})}>
        <legend className={labelSmall}>Severity</legend>
        <div className="mt-1 flex flex-wrap gap-1.5">
          {SEVERITIES.map((s) => (
            <label
              key={s}
              title={`${SEVERITY_INFO[s].label}: ${SEVERITY_INFO[s].definition}`}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm font-medium has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-100 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-500 dark:border-zinc-700 dark:bg-zinc-900 dark:has-[:checked]:border-zinc-100 dark:has-[:checked]:bg-zinc-800"
            >
              <input
                type="checkbox"
                name="severity"
                value={s}
                defaultChecked={values.severity.includes(s)}
                className="h-4 w-4 accent-zinc-900 dark:accent-zinc-100"
              />
              {s}
            </label>
          ))}
        </div>
        <FieldError id="insights-severity-error" message={errors.severity} />
      </fieldset>
      <FilterSelect
        field="service"
        label="Service"
        allLabel="All services"
        width="sm:w-44"
        value={values.service}
        options={services.map((v) => ({ value: v.slug, label: v.name }))}
        error={errors.service}
      />
      <FilterSelect
        field="team"
        label="Team"
        allLabel="All teams"
        width="sm:w-40"
        value={values.team}
        options={teams.map((t) => ({ value: String(t.id), label: t.name }))}
        error={errors.team}
      />
      <div className="col-span-2 flex items-center gap-3 sm:col-auto sm:self-end">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? "Applying…" : "Apply"}
        </button>
        <Link href="/insights" className="text-sm whitespace-nowrap text-blue-700 hover:underline dark:text-blue-400">
          Reset
        </Link>
      </div>
    </form>
  );
}

/** A labelled select with an "all" choice; a value no longer listed (a deleted service, say) stays selectable so the form shows what the URL asks. */
function FilterSelect({
  field,
  label,
  allLabel,
  width,
  value,
  options,
  error,
}: {
  field: string;
  label: string;
  allLabel: string;
  width: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const id = `insights-${field}`;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className={labelSmall}>
        {label}
      </label>
      <select
        id={id}
        name={field}
        defaultValue={value}
        className={`${inputClass} mt-1 ${width}`}
        {...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {})}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
