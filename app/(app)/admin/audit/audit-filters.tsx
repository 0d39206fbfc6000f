import Form from "next/form";
import Link from "next/link";
import { buttonClass, cardClass, inputClass, labelClass, primaryButtonClass } from "@/app/components/ui";

export type AuditFilterValues = { action: string; entity: string; actor: string; q: string };

/** A GET form (client-side navigation with next/form): the filters live in the URL, so a view can be shared. */
export function AuditFilters({ values, actions, entityTypes }: { values: AuditFilterValues; actions: string[]; entityTypes: string[] }) {
  const withCurrent = (list: string[], current: string) => (current && !list.includes(current) ? [current, ...list] : list);
  return (
    <Form
      key={JSON.stringify(values)}
      action="/admin/audit"
      role="search" aria-label="Filter the audit log" className={`${cardClass} grid grid-cols-2 gap-3 p-3 lg:grid-cols-[1fr_1fr_1fr_1.4fr_auto]`}>
      <div>
        <label htmlFor="audit-action" className={labelClass}>
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={values.action} className={`${inputClass} mt-1`}>
          <option value="">All actions</option>
          {withCurrent(actions, values.action).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-entity" className={labelClass}>
          Entity type
        </label>
        <select id="audit-entity" name="entity" defaultValue={values.entity} className={`${inputClass} mt-1`}>
          <option value="">All types</option>
          {withCurrent(entityTypes, values.entity).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
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
