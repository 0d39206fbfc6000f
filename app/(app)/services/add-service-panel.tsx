"use client";
import { useRef, useState } from "react";
import { Plus } from "lucide-react";
import { cardClass, primaryButtonClass } from "@/app/components/ui";
import { ServiceForm } from "./service-form";

/** Admin only: "Add service" opens the form in place; a new service opens its own page. */
export function AddServicePanel({ teams }: { teams: { id: number; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      {!open ? (
        <button ref={button} type="button" className={primaryButtonClass} aria-expanded={false} aria-controls="add-service-panel" onClick={() => setOpen(true)}>
          <Plus aria-hidden className="h-4 w-4" /> Add service
        </button>
      ) : null}
      {open ? (
        <section id="add-service-panel" className={`${cardClass} order-last mt-1 w-full p-4 sm:p-5`}>
          <ServiceForm
            mode="create"
            full
            teams={teams}
            onCancel={() => {
              setOpen(false);
              requestAnimationFrame(() => button.current?.focus());
            }}
          />
        </section>
      ) : null}
    </>
  );
}
