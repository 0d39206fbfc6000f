import { errorClass, hintClass, labelClass } from "./ui";

/** A labelled control with its hint and error tied to it by aria-describedby. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="mt-1">{children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}</div>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className={errorClass} aria-live="polite">
        {error ?? ""}
      </p>
    </div>
  );
}
