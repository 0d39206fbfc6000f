"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { ArrowRight, Boxes, FileText, Siren, User } from "lucide-react";
import { SeverityPill } from "@/app/components/severity-pill";
import { STATUS_INFO } from "@/lib/incident-status";
import { DECLARE_EVENT } from "./keyboard-shortcuts";
import { paletteGroups, type PaletteEntry } from "./palette-commands";
import { usePaletteSearch } from "./palette-search";

const optionId = (index: number) => `palette-option-${index}`;

/** Ctrl/⌘+K: jump to any page, or find incidents, services and people as you type. */
export function CommandPalette({ isAdmin, canDeclare }: { isAdmin: boolean; canDeclare: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const { results, searching, failed } = usePaletteSearch(open ? query : "");

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
    if (open) {
      setQuery("");
      setActive(0);
    }
  }, [open]);

  const groups = useMemo(() => paletteGroups({ text: query, isAdmin, canDeclare, results }), [query, isAdmin, canDeclare, results]);
  const entries = useMemo(() => groups.flatMap((group) => group.entries), [groups]);
  const current = Math.min(active, Math.max(0, entries.length - 1));
  useEffect(() => {
    list.current?.querySelector(`#${optionId(current)}`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    setOpen(false);
    if (entry.kind === "action" && entry.action === "declare") window.dispatchEvent(new Event(DECLARE_EVENT));
    else if (entry.href) router.push(entry.href);
  };
  const found = results ? results.incidents.length + results.services.length + results.people.length : 0;
  const status = searching ? "Searching…" : failed ? "Search is unavailable just now; pages still work." : results && found === 0 ? "No matches" : "";

  let index = -1;
  return (
    <dialog
      ref={dialog}
      onClose={() => setOpen(false)}
      aria-label="Command palette"
      className="mx-auto mt-[10vh] w-[min(36rem,calc(100vw-1rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open ? (
        <div>
          <label htmlFor="palette-input" className="sr-only">
            Type a command, an incident reference or search text
          </label>
          <input
            id="palette-input"
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Enter") return;
              e.preventDefault();
              if (e.key === "ArrowDown") setActive(entries.length ? (current + 1) % entries.length : 0);
              else if (e.key === "ArrowUp") setActive(entries.length ? (current - 1 + entries.length) % entries.length : 0);
              else choose(entries[current]);
            }}
            role="combobox"
            aria-expanded={entries.length > 0}
            aria-controls="palette-list"
            aria-autocomplete="list"
            aria-activedescendant={entries.length ? optionId(current) : undefined}
            aria-describedby="palette-status"
            autoComplete="off"
            spellCheck={false}
            placeholder="Search incidents, services, people, pages…"
            className="w-full border-b border-zinc-200 bg-transparent px-4 py-3 text-base outline-none dark:border-zinc-700"
          />
          <p
            id="palette-status"
            aria-live="polite"
            className={`px-4 text-sm text-zinc-600 dark:text-zinc-400 ${status ? "border-b border-zinc-200 py-2 dark:border-zinc-700" : ""}`}
          >
            {status}
          </p>
          <div ref={list} id="palette-list" role="listbox" aria-label="Results" className="max-h-[min(24rem,60vh)] overflow-y-auto p-1">
            {groups.map((group) => (
              <div key={group.key} role="group" aria-labelledby={`palette-group-${group.key}`} className="py-1">
                <div
                  id={`palette-group-${group.key}`}
                  role="presentation"
                  className="px-3 pt-1 pb-0.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
                >
                  {group.heading}
                </div>
                {group.entries.map((entry) => {
                  index += 1;
                  const mine = index;
                  return (
                    <div
                      key={entry.key}
                      id={optionId(mine)}
                      role="option"
                      aria-selected={mine === current}
                      onMouseMove={() => mine !== current && setActive(mine)}
                      onClick={() => choose(entry)}
                      className={`flex min-w-0 cursor-pointer items-center gap-2 rounded px-3 py-2 text-sm ${mine === current ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
                    >
                      <EntryContent entry={entry} />
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </dialog>
  );
}

/** One row: what it is at a glance (severity and status for incidents, slug for services, email for people). */
function EntryContent({ entry }: { entry: PaletteEntry }) {
  const muted = "shrink-0 text-xs text-zinc-600 dark:text-zinc-400";
  switch (entry.kind) {
    case "incident":
      return (
        <>
          <SeverityPill severity={entry.item.severity} />
          <span className="shrink-0 font-mono text-xs text-zinc-600 dark:text-zinc-400">{entry.item.reference}</span>
          <span className="min-w-0 flex-1 truncate">{entry.item.title}</span>
          <span className={muted}>{STATUS_INFO[entry.item.status].label}</span>
        </>
      );
    case "service":
      return (
        <>
          <Boxes aria-hidden className="h-4 w-4 shrink-0 text-zinc-500" />
          <span className="min-w-0 flex-1 truncate">{entry.label}</span>
          <span className={`${muted} font-mono`}>{entry.slug}</span>
        </>
      );
    case "person":
      return (
        <>
          <User aria-hidden className="h-4 w-4 shrink-0 text-zinc-500" />
          <span className="min-w-0 truncate">{entry.label}</span>
          <span className="min-w-0 flex-1 truncate text-xs text-zinc-600 dark:text-zinc-400">{entry.email}</span>
          <span className={muted}>Action items</span>
        </>
      );
    case "page":
      return (
        <>
          <FileText aria-hidden className="h-4 w-4 shrink-0 text-zinc-500" />
          <span className="min-w-0 flex-1 truncate">{entry.label}</span>
          {entry.hint ? <span className={muted}>{entry.hint}</span> : null}
        </>
      );
    case "action":
      return (
        <>
          {entry.action === "declare" ? (
            <Siren aria-hidden className="h-4 w-4 shrink-0 text-red-600" />
          ) : (
            <ArrowRight aria-hidden className="h-4 w-4 shrink-0 text-zinc-500" />
          )}
          <span className="min-w-0 flex-1 truncate">{entry.label}</span>
          {entry.shortcut ? <kbd className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-600">{entry.shortcut}</kbd> : null}
        </>
      );
  }
}
