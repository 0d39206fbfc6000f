"use client";
import { buttonClass, dangerButtonClass, errorClass, primaryButtonClass } from "@/app/components/ui";

const TONE = {
  danger: "border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/40",
  warning: "border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/40",
  neutral: "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950",
} as const;

type Props = {
  /** The group's accessible name, e.g. "Confirm deleting Payments". */
  label: string;
  tone?: keyof typeof TONE;
  /** The confirm button's look: danger (default) or primary. */
  confirmStyle?: "danger" | "primary";
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** The question, e.g. "Delete the team Payments? …". */
  children: React.ReactNode;
};

/** The inline "are you sure?" under an admin table row: the question, any error, Confirm and Cancel. */
export function ConfirmPanel({
  label,
  tone = "danger",
  confirmStyle = "danger",
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onCancel,
  children,
}: Props) {
  return (
    <div role="group" aria-label={label} className={`rounded-md border p-3 ${TONE[tone]}`}>
      <p className="text-sm">{children}</p>
      <PanelFooter error={error} pending={pending} onCancel={onCancel}>
        <button type="button" autoFocus className={confirmStyle === "danger" ? dangerButtonClass : primaryButtonClass} disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </button>
      </PanelFooter>
    </div>
  );
}

/** The end of an inline row panel: its error (role=alert), then the main button (children) and Cancel. */
export function PanelFooter({
  error,
  pending,
  onCancel,
  children,
}: {
  error: string | null;
  pending: boolean;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className={errorClass}>
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {children}
        <button type="button" className={buttonClass} onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </>
  );
}
