"use client";
import { useEffect, useRef, useState } from "react";
import { Siren } from "lucide-react";
import { dangerButtonClass } from "@/app/components/ui";
import { DECLARE_EVENT } from "../keyboard-shortcuts";
import { DeclareForm } from "./declare-form";
import type { ServiceOption } from "./services-picker";

/** The red button on every page; `d` opens it too. */
export function DeclareButton({ services = [] }: { services?: ServiceOption[] }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onDeclare = () => setOpen(true);
    window.addEventListener(DECLARE_EVENT, onDeclare);
    return () => window.removeEventListener(DECLARE_EVENT, onDeclare);
  }, []);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <>
      <button type="button" className={dangerButtonClass} onClick={() => setOpen(true)} aria-keyshortcuts="d" title="Declare incident (d)">
        <Siren aria-hidden className="h-4 w-4" />
        <span>Declare<span className="hidden sm:inline"> incident</span></span>
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby="declare-title"
        className="m-auto max-h-[92vh] w-[min(40rem,96vw)] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {open ? <DeclareForm onCancel={() => setOpen(false)} services={services} /> : null}
      </dialog>
    </>
  );
}
