"use client";
import { useEffect, useRef, useState } from "react";
import { Siren } from "lucide-react";
import { dangerButtonClass } from "@/app/components/ui";
import { DECLARE_EVENT, type DeclareEventDetail } from "../keyboard-shortcuts";
import { DeclareForm } from "./declare-form";
import { DiscardConfirm } from "./discard-confirm";

/** The red button on every page; `d` opens it too. */
export function DeclareButton() {
  const [open, setOpen] = useState(false);
  const [drill, setDrill] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  // Whether any field differs from how the form opened; read when someone tries to close it.
  const dirty = useRef(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onDeclare = (event: Event) => {
      setDrill(Boolean((event as CustomEvent<DeclareEventDetail | undefined>).detail?.drill));
      setOpen(true);
    };
    window.addEventListener(DECLARE_EVENT, onDeclare);
    return () => window.removeEventListener(DECLARE_EVENT, onDeclare);
  }, []);
  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      // Title first: showModal would otherwise focus the first focusable area, which can be the scrolling body.
      dialog.current.querySelector<HTMLElement>("#declare-title-input")?.focus();
    }
    if (!open && dialog.current?.open) dialog.current.close();
    if (!open) {
      dirty.current = false;
      setConfirming(false);
    }
  }, [open]);

  /** Esc, Cancel: close at once when nothing was typed, else ask first. */
  const requestClose = () => {
    if (!dirty.current) return setOpen(false);
    if (!confirming) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirming(true);
  };
  const keepEditing = () => {
    setConfirming(false);
    requestAnimationFrame(() => returnFocus.current?.focus());
  };

  return (
    <>
      <button
        type="button"
        className={dangerButtonClass}
        onClick={() => {
          setDrill(false);
          setOpen(true);
        }}
        aria-keyshortcuts="d"
        title="Declare incident (d)"
      >
        <Siren aria-hidden className="h-4 w-4" />
        <span>
          Declare<span className="hidden sm:inline"> incident</span>
        </span>
      </button>
      <dialog
        ref={dialog}
        onCancel={(event) => {
          // Esc: the browser would close the dialog and lose the text.
          if (!dirty.current) return;
          event.preventDefault();
          if (confirming) keepEditing();
          else requestClose();
        }}
        onClose={() => {
          // A browser may close anyway on a repeated Esc (close watchers): never lose typed text that way.
          if (open && dirty.current && dialog.current) {
            dialog.current.showModal();
            setConfirming(true);
            return;
          }
          setOpen(false);
        }}
        aria-labelledby="declare-title"
        className="m-auto max-h-[calc(100dvh-1rem)] w-[min(40rem,calc(100vw-1rem))] overflow-hidden rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/50 open:flex open:flex-col sm:max-h-[calc(100dvh-3rem)] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {open ? (
          <>
            <DeclareForm
              onCancel={requestClose}
              onDeclared={() => {
                dirty.current = false;
                setOpen(false);
              }}
              onDirtyChange={(value) => (dirty.current = value)}
              initialDrill={drill}
              inert={confirming}
            />
            {confirming ? (
              <DiscardConfirm
                onKeep={keepEditing}
                onDiscard={() => {
                  dirty.current = false;
                  setOpen(false);
                }}
              />
            ) : null}
          </>
        ) : null}
      </dialog>
    </>
  );
}
