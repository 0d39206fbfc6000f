import Form from "next/form";
import Link from "next/link";
import { buttonClass, cardClass, inputClass, labelClass, primaryButtonClass } from "@/app/components/ui";
import { FilterSelect, optionsOf } from "@/app/components/filter-select";

export type AuditFilterValues = { action: string; entity: string; actor: string; q: string };

/** A GET form (client-side navigation with next/form): the filters live in the URL, so a view can be shared. */
export function AuditFilters({ values, actions, entityTypes }: { values: AuditFilterValues; actions: string[]; entityTypes: string[] }) {
  const withCurrent = (list: string[], current: string) => (current && !list.includes(current) ? [current, ...list] : list);
  const listSelect = (name: "action" | "entity", label: string, any: string, list: string[]) => (
    <FilterSelect
      id={`audit-${name}`}
      name={name}
      label={label}
      labelClassName={labelClass}
      defaultValue={values[name]}
      any={any}
      options={optionsOf(
        withCurrent(list, values[name]),
        (v) => v,
        (v) => v,
      )}
    />
  );
  return (
    <Form
      key={JSON.stringify(values)}
      action="/admin/audit"
      role="search"
      aria-label="Filter the audit log"
      className={`${cardClass} grid grid-cols-2 gap-3 p-3 lg:grid-cols-[1fr_1fr_1fr_1.4fr_auto]`}
    >
      {listSelect("action", "Action", "All actions", actions)}
      {listSelect("entity", "Entity type", "All types", entityTypes)}
      <div>
        <label htmlFor="audit-actor" className={labelClass}>
          Actor
        </label>
        <input id="audit-actor" name="actor" defaultValue={values.actor} placeholder="Name or email" className={`${inputClass} mt-1`} />
      </div>
      <div>
        <label htmlFor="audit-q" className={labelClass}>
          Search
        </label>
        <input id="audit-q" name="q" type="search" defaultValue={values.q} placeholder="Id or text" className={`${inputClass} mt-1`} />
      </div>
      <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
        <button type="submit" className={primaryButtonClass}>
          Filter
        </button>
        <Link href="/admin/audit" className={buttonClass}>
          Clear
        </Link>
      </div>
    </Form>
  );
}
