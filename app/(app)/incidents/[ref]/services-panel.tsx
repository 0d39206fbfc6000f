"use client";
import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { X } from "lucide-react";
import { IMPACT_LABEL, type ImpactLevel } from "@/lib/error-budget";
import { buttonClass, errorClass, inputClass } from "@/app/components/ui";
import type { ActionResult } from "@/lib/action-result";
import { callAction } from "@/lib/server-action";
import { linkServiceAction, unlinkServiceAction } from "./service-actions";
import { useServiceChoices } from "@/app/components/use-service-choices";
import { ImpactOptions } from "../services-picker";

const IMPACT_COLORS: Record<ImpactLevel, string> = {
  degraded: "border-yellow-300 bg-yellow-100 text-yellow-900 dark:border-yellow-700 dark:bg-yellow-900/40 dark:text-yellow-200",
  partial_outage: "border-orange-300 bg-orange-100 text-orange-900 dark:border-orange-700 dark:bg-orange-900/40 dark:text-orange-200",
  full_outage: "border-red-300 bg-red-100 text-red-900 dark:border-red-700 dark:bg-red-900/40 dark:text-red-200",
};

/** Impact level: colour (UX.md: degraded yellow, partial orange, full red) and always its name. */
export function ImpactPill({ impact }: { impact: ImpactLevel }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${IMPACT_COLORS[impact]}`}>
      {IMPACT_LABEL[impact]}
    </span>
  );
}

type Linked = { slug: string; name: string; tier: number; impact: ImpactLevel };

/**
 * Sidebar: the services this incident hurts, with their impact; responders link, change and unlink.
 * The catalogue to add from is read once someone reaches for the add form (focus, pointer), not with the page.
 */
export function ServicesPanel({ reference, linked, canEdit }: { reference: string; linked: Linked[]; canEdit: boolean }) {
  const [pending, startTransition] = useTransition();
  // Errors sit next to the control that caused them: a row's slug, or "add".
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [addSlug, setAddSlug] = useState("");
  const [addImpact, setAddImpact] = useState<ImpactLevel>("degraded");
  // The new impact shows at once; the live update confirms it (or the error reverts it).
  const [chosen, setChosen] = useState<Record<string, ImpactLevel>>({});
  useEffect(
    () => setChosen((c) => Object.fromEntries(Object.entries(c).filter(([slug, impact]) => linked.some((l) => l.slug === slug && l.impact !== impact)))),
    [linked],
  );
  const catalogue = useServiceChoices();
  const loading = catalogue.status === "idle" || catalogue.status === "loading";
  const available = catalogue.choices.filter((s) => !linked.some((l) => l.slug === s.slug));
  const addError = errors.add || catalogue.error || "";
  const forget = (slug: string) =>
    setChosen((c) => {
      const rest = { ...c };
      delete rest[slug];
      return rest;
    });
  const shown = linked.map((s) => ({ ...s, impact: chosen[s.slug] ?? s.impact }));

  const change = (
    key: string,
    fn: () => Promise<ActionResult<unknown>>,
    options: { onDone?: () => void; optimistic?: { slug: string; impact: ImpactLevel } } = {},
  ) =>
    startTransition(async () => {
      const optimistic = options.optimistic;
      if (optimistic) setChosen((c) => ({ ...c, [optimistic.slug]: optimistic.impact }));
      const result = await callAction(fn, "Could not reach the server. Nothing was changed; try again.");
      if (result.ok) {
        setErrors((e) => ({ ...e, [key]: "" }));
        options.onDone?.();
      } else {
        if (optimistic) forget(optimistic.slug);
        setErrors((e) => ({ ...e, [key]: result.fields?.service ?? result.fields?.impact ?? result.message }));
      }
    });

  return (
    <section aria-labelledby="services-heading" className="space-y-3">
      <h2 id="services-heading" className="text-sm font-semibold">
        Affected services
      </h2>
      {shown.length ? (
        <ul className="space-y-2" aria-label="Affected services">
          {shown.map((s) => {
            const id = `impact-${s.slug}`;
            return (
              <li key={s.slug} className="text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/services/${s.slug}`} className="min-w-0 truncate font-medium text-blue-700 hover:underline dark:text-blue-400">
                    {s.name}
                  </Link>
                  <ImpactPill impact={s.impact} />
                </div>
                {canEdit ? (
                  <div className="mt-1 flex items-center gap-1.5">
                    <label htmlFor={id} className="sr-only">
                      Impact on {s.name}
                    </label>
                    <select
                      id={id}
                      value={s.impact}
                      disabled={pending}
                      aria-invalid={errors[s.slug] ? true : undefined}
                      aria-describedby={`${id}-error`}
                      onChange={(e) => {
                        const impact = e.target.value as ImpactLevel;
                        change(s.slug, () => linkServiceAction(reference, { service: s.slug, impact }), { optimistic: { slug: s.slug, impact } });
                      }}
                      className={`${inputClass} min-w-0 py-1 text-xs`}
                    >
                      <ImpactOptions />
                    </select>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => change(s.slug, () => unlinkServiceAction(reference, s.slug))}
                      className="shrink-0 rounded p-1.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 disabled:opacity-60 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
                      aria-label={`Remove ${s.name} from affected services`}
                      title={`Remove ${s.name}`}
                    >
                      <X aria-hidden className="h-3.5 w-3.5" />
                    </button>
                  </div>
                ) : null}
                <p id={`${id}-error`} className={errorClass} aria-live="polite">
                  {errors[s.slug] ?? ""}
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">None linked yet.{canEdit ? " Add the services customers feel this in." : ""}</p>
      )}
      {canEdit && catalogue.status === "ready" && !available.length ? (
        <p className="border-t border-zinc-200 pt-3 text-xs text-zinc-500 dark:border-zinc-800">
          {catalogue.choices.length ? "Every service in the catalogue is linked." : "No services in the catalogue yet."}
        </p>
      ) : null}
      {canEdit && (catalogue.status !== "ready" || available.length) ? (
        <form
          className="space-y-1.5 border-t border-zinc-200 pt-3 dark:border-zinc-800"
          aria-label="Add an affected service"
          onFocus={catalogue.load}
          onPointerEnter={catalogue.load}
          onPointerDown={catalogue.load}
          onSubmit={(e) => {
            e.preventDefault();
            if (!addSlug) return setErrors((x) => ({ ...x, add: "Pick a service to add" }));
            change("add", () => linkServiceAction(reference, { service: addSlug, impact: addImpact }), { onDone: () => setAddSlug("") });
          }}
        >
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,auto)] gap-1.5">
            <div className="min-w-0">
              <label htmlFor="add-service" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Service
              </label>
              <select
                id="add-service"
                value={addSlug}
                onChange={(e) => {
                  setAddSlug(e.target.value);
                  setErrors((x) => ({ ...x, add: "" }));
                }}
                aria-invalid={addError ? true : undefined}
                aria-describedby="add-service-error"
                aria-busy={loading || undefined}
                className={`${inputClass} mt-0.5 py-1.5`}
              >
                <option value="">{loading ? "Loading services…" : "Pick a service…"}</option>
                {available.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name} (tier {s.tier})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="add-service-impact" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Impact
              </label>
              <select
                id="add-service-impact"
                value={addImpact}
                onChange={(e) => setAddImpact(e.target.value as ImpactLevel)}
                className={`${inputClass} mt-0.5 py-1.5`}
              >
                <ImpactOptions />
              </select>
            </div>
          </div>
          <button type="submit" className={`${buttonClass} w-full py-1.5`} disabled={pending}>
            Add service
          </button>
          <p id="add-service-error" className={errorClass} aria-live="polite">
            {addError}
          </p>
        </form>
      ) : null}
    </section>
  );
}
