"use client";
import { useRef, useState } from "react";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { buttonClass, dangerButtonClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../../admin/form-message";
import { deleteSloAction } from "../actions";
import { SloForm, type SloValues } from "./slo-form";

/** Admin: edit an SLO in place, or delete it after a confirmation. */
export function SloControls({ slug, slo }: { slug: string; slo: SloValues }) {
  const [panel, setPanel] = useState<null | "edit" | "delete">(null);
  const action = useServerAction();
  const { pending, message: error } = action;
  const buttons = useRef<HTMLDivElement>(null);
  const close = () => {
    setPanel(null);
    action.clearError();
    requestAnimationFrame(() => buttons.current?.querySelector("button")?.focus());
  };
  return (
    <div className="space-y-2">
      <div ref={buttons} className="flex flex-wrap gap-1.5">
        <button
          type="button"
          className={`${buttonClass} py-1`}
          aria-expanded={panel === "edit"}
          onClick={() => (panel === "edit" ? close() : setPanel("edit"))}
        >
          <Pencil aria-hidden className="h-3.5 w-3.5" /> Edit<span className="sr-only"> SLO {slo.name}</span>
        </button>
        <button
          type="button"
          className={`${buttonClass} py-1 text-red-700! dark:text-red-400!`}
          aria-expanded={panel === "delete"}
          onClick={() => (panel === "delete" ? close() : setPanel("delete"))}
        >
          <Trash2 aria-hidden className="h-3.5 w-3.5" /> Delete<span className="sr-only"> SLO {slo.name}</span>
        </button>
      </div>
      {panel === "edit" ? <SloForm slug={slug} slo={slo} onDone={close} /> : null}
      {panel === "delete" ? (
        <div
          role="group"
          aria-label={`Confirm deleting SLO ${slo.name}`}
          className="rounded-md border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/40"
        >
          <p className="text-sm">Delete the SLO “{slo.name}”? Its budget history and any spend corrections on it go with it. This cannot be undone.</p>
          <div className="mt-2">
            <FormMessage error={error} />
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              autoFocus
              className={dangerButtonClass}
              disabled={pending}
              onClick={async () => {
                await action.run(() => deleteSloAction(slug, slo.id), { onSuccess: () => setPanel(null) });
              }}
            >
              {pending ? "Deleting…" : "Delete SLO"}
            </button>
            <button type="button" className={buttonClass} onClick={close} disabled={pending}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Admin: "Add SLO" opens the form under the SLO list. */
export function AddSlo({ slug, first }: { slug: string; first: boolean }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!open) {
    return (
      <button ref={button} type="button" className={first ? primaryButtonClass : buttonClass} onClick={() => setOpen(true)}>
        <Plus aria-hidden className="h-4 w-4" /> Add SLO
      </button>
    );
  }
  return <SloForm slug={slug} onDone={() => setOpen(false)} />;
}
