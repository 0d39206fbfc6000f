"use client";
import { useRouter } from "next/navigation";
import { FlaskConical } from "lucide-react";
import { buttonClass, errorClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { DECLARE_EVENT, type DeclareEventDetail } from "../keyboard-shortcuts";
import { dismissFirstRunAction } from "./first-run-actions";

/** Opens the declare dialog with "Drill / game day" already ticked. */
export function DeclareDrillButton({ className }: { className: string }) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => window.dispatchEvent(new CustomEvent<DeclareEventDetail>(DECLARE_EVENT, { detail: { drill: true } }))}
    >
      <FlaskConical aria-hidden className="h-3.5 w-3.5" /> Declare a drill
    </button>
  );
}

export function DismissFirstRunButton() {
  const router = useRouter();
  const action = useServerAction({ refresh: false });
  const { pending, message: error } = action;
  return (
    <div className="flex flex-col items-end">
      <button
        type="button"
        className={`${buttonClass} py-1.5`}
        disabled={pending}
        aria-describedby={error ? "first-run-dismiss-error" : undefined}
        onClick={async () => {
          const result = await action.run(dismissFirstRunAction);
          if (!result.ok) return;
          // Drop ?checklist=1 too, so the list shows without it.
          router.replace("/incidents");
          router.refresh();
        }}
      >
        {pending ? "Dismissing…" : "Dismiss"}
      </button>
      <p id="first-run-dismiss-error" className={errorClass} aria-live="polite">
        {error ?? ""}
      </p>
    </div>
  );
}
