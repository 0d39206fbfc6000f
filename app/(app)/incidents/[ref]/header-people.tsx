"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { buttonClass, primaryButtonClass } from "@/app/components/ui";
import { addResponderAction } from "./actions";
import { callAction } from "@/lib/server-action";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";

type Person = { userId: number; name: string; email: string; role: string };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

function Avatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100"
    >
      {initials(name)}
    </span>
  );
}

function Lead({ label, person }: { label: string; person: Person | undefined }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      {person ? <Avatar name={person.name} /> : <span aria-hidden className="h-7 w-7 shrink-0 rounded-full border border-dashed border-zinc-400" />}
      <div className="min-w-0 leading-tight">
        <div className="text-[11px] text-zinc-600 dark:text-zinc-400">{label}</div>
        <div className={`truncate text-sm font-medium ${person ? "" : "text-zinc-500"}`}>{person?.name ?? "Unassigned"}</div>
      </div>
    </div>
  );
}

/** Who is on it, in the header: commander and comms lead, plus "Take command" and "Join" in one click. */
export function HeaderPeople({
  reference,
  version,
  people,
  me,
  canEdit,
}: {
  reference: string;
  version: number;
  people: Person[];
  /** The signed-in person (null for API tokens, which never see this page). */
  me: { userId: number; email: string } | null;
  canEdit: boolean;
}) {
  const { run, pending, error } = useIncidentUpdate(reference, version);
  const [joining, startJoining] = useTransition();
  const [joinError, setJoinError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const commander = people.find((p) => p.role === "commander");
  const comms = people.find((p) => p.role === "communications");
  const onIncident = me ? people.some((p) => p.userId === me.userId) : true;
  const canTakeCommand = canEdit && me !== null && commander?.userId !== me.userId;

  useEffect(() => {
    if (confirming && !confirmDialog.current?.open) confirmDialog.current?.showModal();
    if (!confirming && confirmDialog.current?.open) confirmDialog.current.close();
  }, [confirming]);

  const takeCommand = () => {
    setConfirming(false);
    if (me) run({ commanderEmail: me.email });
  };

  const join = () =>
    startJoining(async () => {
      if (!me) return;
      const result = await callAction(() => addResponderAction(reference, me.userId), "Could not reach the server; try again.");
      if (result.ok) {
        setJoinError(null);
      } else setJoinError(result.message);
    });

  return (
    <div role="group" aria-label="People on this incident" className="flex flex-wrap items-center gap-x-5 gap-y-2">
      <Lead label="Commander" person={commander} />
      {comms ? <Lead label="Comms lead" person={comms} /> : null}
      {canTakeCommand || (canEdit && !onIncident) ? (
        <div className="flex flex-wrap gap-2">
          {canTakeCommand ? (
            <button type="button" className={`${buttonClass} py-1`} disabled={pending} onClick={() => (commander ? setConfirming(true) : takeCommand())}>
              Take command
            </button>
          ) : null}
          {canEdit && !onIncident ? (
            <button type="button" className={`${buttonClass} py-1`} disabled={joining} onClick={join}>
              Join
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {joinError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {joinError}
        </p>
      ) : null}
      <dialog
        ref={confirmDialog}
        onClose={() => setConfirming(false)}
        aria-labelledby="take-command-title"
        aria-describedby="take-command-text"
        className="m-auto w-[min(26rem,96vw)] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-2xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="take-command-title" className="text-base font-semibold">
          Take command?
        </h2>
        <p id="take-command-text" className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
          {commander?.name} is the incident commander. Taking command makes you commander instead; the change is recorded on the timeline.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className={primaryButtonClass} onClick={takeCommand} autoFocus>
            Take command from {commander?.name}
          </button>
        </div>
      </dialog>
    </div>
  );
}
