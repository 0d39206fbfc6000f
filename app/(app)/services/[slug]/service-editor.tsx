"use client";
import { useRef, useState } from "react";
import { Pencil } from "lucide-react";
import { buttonClass, cardClass } from "@/app/components/ui";
import { ServiceForm, type ServiceFormValues } from "../service-form";

/** "Edit service" (admins: every field; responders: description and links only). */
export function ServiceEditor({
  service,
  version,
  teams,
  full,
}: {
  service: ServiceFormValues;
  version: number;
  teams: { id: number; name: string }[];
  full: boolean;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-controls="edit-service-panel"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Pencil aria-hidden className="h-4 w-4" /> {full ? "Edit service" : "Edit description and links"}
      </button>
      {open ? (
        <section id="edit-service-panel" className={`${cardClass} order-last w-full p-4 sm:p-5`}>
          <ServiceForm mode="edit" full={full} teams={teams} initial={service} version={version} onCancel={close} onSaved={close} />
        </section>
      ) : null}
    </>
  );
}
