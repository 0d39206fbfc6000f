import { errorClass } from "@/app/components/ui";

/** The error under a control of the rules editor (the control points at it with errorAria). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className={errorClass}>
      {error}
    </p>
  ) : null;
}
