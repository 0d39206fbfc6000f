"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { buttonClass } from "@/app/components/ui";
import { FilterCheckbox, FilterSearch, FilterSelect, optionsOf } from "@/app/components/filter-select";

export type CatalogueFilter = { q: string; team: string; tier: string; openIncident: boolean; atRisk: boolean };

/**
 * Filters live in the URL so a filtered catalogue can be shared. A plain GET form (works
 * without JavaScript); selects and checkboxes apply at once, the search on Enter or Apply.
 */
export function ServiceFilters({ current, teams }: { current: CatalogueFilter; teams: { id: number; name: string }[] }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const apply = () => {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    router.push(`/services${params.size ? `?${params}` : ""}`);
  };
  const active = current.q || current.team || current.tier || current.openIncident || current.atRisk;
  return (
    <form
      ref={form}
      method="get"
      action="/services"
      role="search"
      aria-label="Filter services"
      className="flex flex-wrap items-end gap-x-3 gap-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <FilterSearch id="service-search" label="Search name, slug and description" type="search" defaultValue={current.q} placeholder="e.g. payments   ( / )" />
      <FilterSelect
        id="service-team"
        name="team"
        label="Owner team"
        className="min-w-0 basis-40"
        defaultValue={current.team}
        onChange={apply}
        any="Any team"
        options={optionsOf(
          teams,
          (t) => t.id,
          (t) => t.name,
        )}
      />
      <FilterSelect
        id="service-tier"
        name="tier"
        label="Tier"
        className="basis-28"
        defaultValue={current.tier}
        onChange={apply}
        any="Any tier"
        options={[1, 2, 3].map((tier) => ({ value: String(tier), label: `Tier ${tier}` }))}
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 pb-2">
        <FilterCheckbox name="openIncident" label="Has open incident" defaultChecked={current.openIncident} onChange={apply} />
        <FilterCheckbox name="atRisk" label="Budget at risk" defaultChecked={current.atRisk} onChange={apply} />
      </div>
      <div className="flex gap-2 pb-0.5">
        <button type="submit" className={buttonClass}>
          Apply
        </button>
        {active ? (
          <a href="/services" className={buttonClass} onClick={(e) => (e.preventDefault(), router.push("/services"))}>
            Clear
          </a>
        ) : null}
      </div>
    </form>
  );
}
