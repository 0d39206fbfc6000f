"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

export const DECLARE_EVENT = "hindsight:declare";
/** Optional detail of a DECLARE_EVENT (a CustomEvent): open the dialog as a drill. */
export type DeclareEventDetail = { drill?: boolean };

const SHORTCUTS: [string, string][] = [
  ["Ctrl/⌘ + K", "Command palette: find incidents, services, people and pages"],
  ["d", "Declare an incident"],
  ["/", "Search incidents"],
  ["n", "Add a note (on an incident)"],
  ["j / k", "Next / previous row in a list"],
  ["Enter", "Open the selected row"],
  ["Ctrl/⌘ + Enter", "Submit the form you are in"],
  ["?", "Show this help"],
];

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** Single-key shortcuts; they act only when no field has focus. */
export function KeyboardShortcuts() {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (help) dialog.current?.showModal();
    else dialog.current?.close();
  }, [help]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typingInField(event.target)) return;
      if (document.querySelector("dialog[open]") && event.key !== "?") return;
      const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-row-link]"));
      const current = rows.findIndex((row) => row === document.activeElement);
      switch (event.key) {
        case "d":
          event.preventDefault();
          window.dispatchEvent(new Event(DECLARE_EVENT));
          break;
        case "/": {
          const search = document.querySelector<HTMLInputElement>("[data-shortcut-search]");
          if (search) {
            event.preventDefault();
            search.focus();
          } else router.push("/incidents");
          break;
        }
        case "n": {
          const note = document.querySelector<HTMLTextAreaElement>("[data-shortcut-note]");
          if (note) {
            event.preventDefault();
            note.focus();
          }
          break;
        }
        case "j":
        case "k": {
          if (!rows.length) break;
          event.preventDefault();
          const next = event.key === "j" ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1);
          rows[current === -1 ? 0 : next]?.focus();
          break;
        }
        case "?":
          event.preventDefault();
          setHelp((h) => !h);
          break;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <dialog
      ref={dialog}
      onClose={() => setHelp(false)}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(26rem,92vw)] rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-600">Close</button>
      </form>
    </dialog>
  );
}
