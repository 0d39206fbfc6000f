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
