import { Search } from "lucide-react";
import { inputClass } from "@/app/components/ui";

/** The small label above a filter on the list pages. */
export const filterLabelClass = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

export type FilterOption = { value: string; label: React.ReactNode };

type Props = {
  id: string;
  /** The query parameter the choice is sent as. */
  name: string;
  label: React.ReactNode;
  defaultValue: string;
  /** The first option, value "" (e.g. "Any team"); omit for none. */
  any?: React.ReactNode;
  options: readonly FilterOption[];
  /** Classes of the wrapper and the label; extra classes of the select (after the input look and mt-1). */
  className?: string;
  labelClassName?: string;
  selectClassName?: string;
  onChange?: React.ChangeEventHandler<HTMLSelectElement>;
  /** Options after the list (e.g. the current value when the list does not hold it). */
  children?: React.ReactNode;
};

/** One labelled filter <select> of a list page's GET form: "any" first, then the choices. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  any,
  options,
  className,
  labelClassName = filterLabelClass,
  selectClassName,
  onChange,
  children,
}: Props) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        onChange={onChange}
        className={selectClassName ? `${inputClass} mt-1 ${selectClassName}` : `${inputClass} mt-1`}
      >
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}

/** Options from a list: value and label read from each item. */
export function optionsOf<T>(items: readonly T[], value: (item: T) => string | number, label: (item: T) => React.ReactNode): FilterOption[] {
  return items.map((item) => ({ value: String(value(item)), label: label(item) }));
}

/** A tab link's classes in the underlined tab row above a list's filter form. */
export function filterTabClass(active: boolean, extra = "") {
  return `-mb-px ${extra ? `${extra} ` : ""}border-b-2 px-3 py-2 text-sm font-medium ${
    active ? "border-zinc-900 text-zinc-900 dark:border-white dark:text-white" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
  }`;
}

/** The search box of a list page's filter form (query parameter q), focused by the "/" shortcut. */
export function FilterSearch({
  id,
  label,
  defaultValue,
  placeholder,
  type,
  labelClassName = filterLabelClass,
}: {
  id: string;
  label: React.ReactNode;
  defaultValue: string;
  placeholder: string;
  type?: "search";
  labelClassName?: string;
}) {
  return (
    <div className="min-w-0 flex-1 basis-56">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <div className="relative mt-1">
        <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-zinc-400" />
        <input id={id} name="q" type={type} defaultValue={defaultValue} placeholder={placeholder} data-shortcut-search className={`${inputClass} pl-8`} />
      </div>
    </div>
  );
}

/** A labelled checkbox filter (value "1" when ticked). */
export function FilterCheckbox({
  name,
  label,
  defaultChecked,
  onChange,
}: {
  name: string;
  label: React.ReactNode;
  defaultChecked: boolean;
  onChange?: React.ChangeEventHandler<HTMLInputElement>;
}) {
  return (
    <label className="inline-flex items-center gap-1.5 text-sm">
      <input type="checkbox" name={name} value="1" defaultChecked={defaultChecked} onChange={onChange} className="h-4 w-4 rounded border-zinc-300" />
      {label}
    </label>
  );
}
