"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { DECLARE_EVENT } from "./keyboard-shortcuts";

type Command = { id: string; label: string; hint?: string; run: () => void };

/** Ctrl/⌘+K: jump anywhere or act by typing. "INC-12" opens that incident; other text searches. */
export function CommandPalette({ isAdmin, canDeclare }: { isAdmin: boolean; canDeclare: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

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

  const commands = useMemo(() => {
    const go = (href: string) => () => router.push(href);
    const list: Command[] = [];
    const text = query.trim();
    const ref = /^(?:inc-?)?(\d+)$/i.exec(text);
    if (ref) list.push({ id: "open", label: `Open INC-${ref[1]}`, run: go(`/incidents/INC-${ref[1]}`) });
    if (text && !ref) list.push({ id: "search", label: `Search incidents for “${text}”`, run: go(`/incidents?status=all&q=${encodeURIComponent(text)}`) });
    const fixed: Command[] = [
      ...(canDeclare ? [{ id: "declare", label: "Declare incident", hint: "d", run: () => window.dispatchEvent(new Event(DECLARE_EVENT)) }] : []),
      { id: "active", label: "Active incidents", run: go("/incidents") },
      { id: "mine", label: "My incidents", run: go("/incidents?status=all&mine=1") },
      { id: "resolved", label: "Resolved incidents", run: go("/incidents?status=resolved") },
      { id: "postmortems", label: "Postmortems", run: go("/postmortems") },
      { id: "action-items", label: "My open action items", run: go("/action-items?owner=me") },
      { id: "services", label: "Service catalogue", run: go("/services") },
      { id: "account", label: "Account and password", run: go("/account") },
      ...(isAdmin
        ? [
            { id: "users", label: "Admin: users", run: go("/admin/users") },
            { id: "teams", label: "Admin: teams", run: go("/admin/teams") },
            { id: "playbooks", label: "Admin: playbooks", run: go("/admin/playbooks") },
            { id: "factors", label: "Admin: contributing factors", run: go("/admin/factors") },
            { id: "settings", label: "Admin: settings", run: go("/admin/settings") },
            { id: "tokens", label: "Admin: API tokens", run: go("/admin/tokens") },
            { id: "audit", label: "Admin: audit log", run: go("/admin/audit") },
          ]
        : []),
    ];
    const lower = text.toLowerCase();
    return [...list, ...fixed.filter((c) => !lower || c.label.toLowerCase().includes(lower))];
  }, [query, router, isAdmin, canDeclare]);

  const choose = (command: Command | undefined) => {
    if (!command) return;
    setOpen(false);
    command.run();
  };

  return (
    <dialog
      ref={dialog}
      onClose={() => setOpen(false)}
      aria-label="Command palette"
      className="mx-auto mt-[12vh] w-[min(34rem,94vw)] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
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
              if (e.key === "ArrowDown") (e.preventDefault(), setActive((a) => Math.min(commands.length - 1, a + 1)));
              if (e.key === "ArrowUp") (e.preventDefault(), setActive((a) => Math.max(0, a - 1)));
              if (e.key === "Enter") (e.preventDefault(), choose(commands[active]));
            }}
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-activedescendant={commands[active] ? `palette-${commands[active].id}` : undefined}
            placeholder="Type a command, INC-12, or search text…"
            className="w-full border-b border-zinc-200 bg-transparent px-4 py-3 text-base outline-none dark:border-zinc-700"
          />
          <ul id="palette-list" role="listbox" aria-label="Commands" className="max-h-80 overflow-y-auto p-1">
            {commands.map((command, index) => (
              <li
                key={command.id}
                id={`palette-${command.id}`}
                role="option"
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(command)}
                className={`flex cursor-pointer items-center justify-between rounded px-3 py-2 text-sm ${index === active ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
              >
                {command.label}
                {command.hint ? <kbd className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-600">{command.hint}</kbd> : null}
              </li>
            ))}
            {commands.length === 0 ? <li className="px-3 py-2 text-sm text-zinc-500">No matching command</li> : null}
          </ul>
        </div>
      ) : null}
    </dialog>
  );
}
