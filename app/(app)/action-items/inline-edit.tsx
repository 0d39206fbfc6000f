"use client";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { ACTION_STATUSES, ACTION_STATUS_INFO, type ActionStatus } from "@/lib/action-items";
import { errorClass, inputClass } from "@/app/components/ui";
import { callAction } from "@/lib/server-action";
import { updateActionItemAction } from "./actions";

type Item = { id: number; version: number; title: string };

const CONFLICT = "Someone else changed this item first. It now shows their change; try again if yours is still needed.";

/** Saves one field of an item at once; on a stale version, reloads and says so. */
function useInlineSave(item: Item) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const save = (input: Record<string, unknown>, onFail: () => void) =>
    startTransition(async () => {
      setError(null);
      const result = await callAction(
        () => updateActionItemAction(item.id, { ...input, version: item.version }),
        "Could not reach the server; nothing was changed. Try again.",
      );
      if (result.ok) {
        router.refresh();
        return;
      }
      onFail();
      setError(result.code === "conflict" ? CONFLICT : result.message);
      if (result.code === "conflict") router.refresh();
    });
  return { save, pending, error };
}

/** A labelled status select that saves on change (responders). */
export function StatusSelect({ item, status, id, compact = false }: { item: Item; status: ActionStatus; id: string; compact?: boolean }) {
  const [value, setValue] = useState<ActionStatus | null>(null);
  const { save, pending, error } = useInlineSave(item);
  const shown = pending ? (value ?? status) : status;
  return (
    <span className="flex flex-col">
      <label htmlFor={id} className="sr-only">
        Status of “{item.title}”
      </label>
      <select
        id={id}
        value={shown}
        disabled={pending}
        aria-describedby={`${id}-error`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = e.target.value as ActionStatus;
          setValue(next);
          save({ status: next }, () => setValue(null));
        }}
        className={`${inputClass} ${compact ? "w-auto! py-1! pr-8! pl-2! text-xs!" : "w-32! py-1.5"}`}
      >
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTION_STATUS_INFO[s].label}
          </option>
        ))}
      </select>
      <span id={`${id}-error`} role={error ? "alert" : undefined} className={error ? errorClass : "sr-only"}>
        {error ?? ""}
      </span>
    </span>
  );
}

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;

/** A labelled owner select that saves on change (responders). */
export function OwnerSelect({
  item,
  ownerId,
  ownerName,
  users,
  id,
}: {
  item: Item;
  ownerId: number | null;
  ownerName: string | null;
  users: { id: number; name: string }[];
  id: string;
}) {
  const [value, setValue] = useState<number | null>(null);
  const { save, pending, error } = useInlineSave(item);
  const shown = pending ? (value ?? ownerId) : ownerId;
  // A disabled owner is not in the list of active people; keep showing them.
  const options = ownerId !== null && !users.some((u) => u.id === ownerId) ? [{ id: ownerId, name: ownerName ?? "Unknown" }, ...users] : users;
  // The server HTML carries only the chosen owner: a page of rows times every active person would
  // grow with the organisation; the browser fills in the rest once hydrated.
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);
  const listed = hydrated ? options : options.filter((u) => u.id === shown);
  return (
    <span className="flex flex-col">
      <label htmlFor={id} className="sr-only">
        Owner of “{item.title}”
      </label>
      <select
        id={id}
        value={shown ?? ""}
        disabled={pending}
        aria-describedby={`${id}-error`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = Number(e.target.value);
          setValue(next);
          save({ ownerId: next }, () => setValue(null));
        }}
        className={`${inputClass} w-36! max-w-full py-1.5`}
      >
        {shown === null ? <option value="">No owner</option> : null}
        {listed.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <span id={`${id}-error`} role={error ? "alert" : undefined} className={error ? errorClass : "sr-only"}>
        {error ?? ""}
      </span>
    </span>
  );
}
