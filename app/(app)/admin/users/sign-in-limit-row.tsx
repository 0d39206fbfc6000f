"use client";
import { useId, useRef, useState } from "react";
import { LocalTime } from "@/app/components/local-time";
import { useServerAction } from "@/app/components/use-server-action";
import { ConfirmPanel } from "../confirm-panel";
import { buttonClass } from "@/app/components/ui";
import { cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { clearSignInLimitAction } from "./sign-in-limit-actions";

export type SignInLimitRowData = {
  kind: "account_address" | "address" | "account";
  email: string | null;
  address: string | null;
  failures: number;
  until: number;
  delayMs?: number;
};

function describe(limit: SignInLimitRowData) {
  if (limit.kind === "account_address") return { title: "Paused", detail: "This account, from this address" };
  if (limit.kind === "address") return { title: "Paused", detail: "Every account, from this address" };
  return { title: "Slowed down", detail: `Each attempt waits ${((limit.delayMs ?? 0) / 1000).toLocaleString("en")} s` };
}

function consequence(limit: SignInLimitRowData) {
  const attempts = `${limit.failures} recorded failed ${limit.failures === 1 ? "attempt" : "attempts"}`;
  if (limit.kind === "account_address") return `Its ${attempts} from there are forgotten, and that address may try this account again at once.`;
  if (limit.kind === "address") return `Its ${attempts} are forgotten, and it may try every account again at once.`;
  return `Its ${attempts} (from any address) are forgotten: its slowdown and any pauses for this account end at once.`;
}

/** Who it concerns, in words: for the button's accessible name and the confirmation. */
function subject(limit: SignInLimitRowData) {
  if (limit.email && limit.address) return `${limit.email} from ${limit.address}`;
  if (limit.address) return `address ${limit.address}`;
  return limit.email!;
}

/** One active pause or slowdown, cleared behind an inline confirmation. */
export function SignInLimitRow({ limit, onCleared }: { limit: SignInLimitRowData; onCleared: (message: string) => void }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const action = useServerAction({ refresh: false });
  const { pending } = action;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { title, detail } = describe(limit);
  const who = subject(limit);

  const cancel = () => {
    setConfirming(false);
    action.reset();
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  const clear = () =>
    action.run(() => clearSignInLimitAction(limit.email, limit.address), {
      onSuccess: () => {
        setConfirming(false);
        onCleared(`Cleared the sign-in limit for ${who}.`);
      },
    });

  return (
    <>
      <tr className={trClass}>
        <td className={tdClass}>
          <span className={cellLabelClass}>Limit</span>
          <span className="block font-medium">{title}</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{detail}</span>
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Until</span>
          <LocalTime ms={limit.until} mode="time" />
        </td>
        <td className={tdWideClass}>
          <span className={cellLabelClass}>Account</span>
          <span className="break-all md:break-words md:[word-break:normal]">
            {limit.email ?? <span className="text-zinc-500 dark:text-zinc-400">Any account</span>}
          </span>
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Address</span>
          <span className="font-mono text-xs break-all">
            {limit.address ?? <span className="font-sans text-sm text-zinc-500 dark:text-zinc-400">Any address</span>}
          </span>
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Failures</span>
          <span className="tabular-nums">{limit.failures}</span>
        </td>
        <td className={tdWideClass}>
          <div className="flex md:justify-end">
            <button
              ref={buttonRef}
              type="button"
              className={`${buttonClass} py-1.5`}
              aria-expanded={confirming}
              aria-controls={`${id}-confirm`}
              onClick={() => (confirming ? cancel() : setConfirming(true))}
            >
              Clear<span className="sr-only"> sign-in limit for {who}</span>
            </button>
          </div>
        </td>
      </tr>
      <tr className={confirming ? panelRowClass : "hidden"} id={`${id}-confirm`}>
        <td colSpan={6} className={panelCellClass}>
          {confirming ? (
            <ConfirmPanel
              label={`Confirm clearing the sign-in limit for ${who}`}
              tone="warning"
              confirmLabel="Clear limit"
              pendingLabel="Clearing…"
              pending={pending}
              error={action.message}
              onConfirm={clear}
              onCancel={cancel}
            >
              Clear the sign-in limit for {who}? {consequence(limit)} Clear it only when you know who was trying.
            </ConfirmPanel>
          ) : null}
        </td>
      </tr>
    </>
  );
}
