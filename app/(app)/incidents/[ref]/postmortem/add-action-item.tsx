"use client";
import { useState } from "react";
import { Plus } from "lucide-react";
import { ActionItemForm, type ActionItemFormProps } from "@/app/components/action-item-form";
import { buttonClass } from "@/app/components/ui";

/** "Add action item" opening the shared form in place; it closes once the item is stored, unless the person typed on meanwhile. */
export function AddActionItem(props: Omit<ActionItemFormProps, "onCancel" | "onCreated">) {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
      {added ? (
        <p role="status" className="mb-2 text-xs text-emerald-700 dark:text-emerald-400">
          Added &ldquo;{added}&rdquo;.
        </p>
      ) : null}
      {open ? (
        <ActionItemForm
          {...props}
          onCancel={() => setOpen(false)}
          onCreated={(item, { typedSince }) => {
            setAdded(item.title);
            // Typed on while it was saving: keep the form open with that text.
            if (!typedSince) setOpen(false);
          }}
        />
      ) : (
        <button type="button" className={buttonClass} onClick={() => (setAdded(null), setOpen(true))}>
          <Plus aria-hidden className="h-4 w-4" /> Add action item
        </button>
      )}
    </div>
  );
}
