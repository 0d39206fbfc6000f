"use client";
import { useId, useRef, useState } from "react";
import { LocalTime } from "@/app/components/local-time";
import { useServerAction } from "@/app/components/use-server-action";
import { ConfirmPanel } from "../confirm-panel";
import { buttonClass } from "@/app/components/ui";
import { cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { roleLabel } from "../role-label";
import { revokeTokenAction } from "./actions";

export type TokenRowData = {
  id: number;
  name: string;
  role: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  createdBy: string | null;
  creatorDisabled: boolean | null;
};

function TokenStatus({ token }: { token: TokenRowData }) {
  const pill = "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap";
  if (token.revokedAt) {
    return (
      <span className={`${pill} border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400`} title={new Date(token.revokedAt).toISOString()}>
        <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-zinc-400" /> Revoked
      </span>
    );
  }
  if (token.creatorDisabled) {
    return (
      <span className={`${pill} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200`}>
        <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-500" /> Inactive: creator disabled
      </span>
    );
  }
  return (
    <span className={`${pill} border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300`}>
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-green-600" /> Active
    </span>
  );
}

/** One token; revoking asks for confirmation inline. */
export function TokenRow({ token }: { token: TokenRowData }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const action = useServerAction({ refresh: false });
  const { pending } = action;
  const revokeRef = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    action.reset();
    requestAnimationFrame(() => revokeRef.current?.focus());
  };
  return (
    <>
      <tr className={`${trClass} ${token.revokedAt ? "text-zinc-600 dark:text-zinc-400" : ""}`}>
        <td className={tdWideClass}>
          <span className="font-medium break-words">{token.name}</span>
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Token</span>
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap dark:bg-zinc-800">{token.prefix}…</code>
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Role</span>
          {roleLabel(token.role)}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Created by</span>
          <span>{token.createdBy ?? <span className="text-zinc-500">Command line</span>}</span>
        </td>
        <td className={`${tdClass} whitespace-nowrap`}>
          <span className={cellLabelClass}>Created</span>
          <LocalTime ms={token.createdAt} />
        </td>
        <td className={`${tdClass} whitespace-nowrap`}>
          <span className={cellLabelClass}>Last used</span>
          {token.lastUsedAt ? <LocalTime ms={token.lastUsedAt} /> : <span className="text-zinc-500">Never</span>}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Status</span>
          <TokenStatus token={token} />
        </td>
        <td className={`${tdWideClass} md:text-right`}>
          {token.revokedAt ? null : (
            <button
              ref={revokeRef}
              type="button"
              className={`${buttonClass} py-1.5 text-red-700! dark:text-red-400!`}
              aria-expanded={confirming}
              aria-controls={`${id}-confirm`}
              onClick={() => (confirming ? cancel() : setConfirming(true))}
            >
              Revoke<span className="sr-only"> {token.name}</span>
            </button>
          )}
        </td>
      </tr>
      <tr className={confirming ? panelRowClass : "hidden"} id={`${id}-confirm`}>
        <td colSpan={8} className={panelCellClass}>
          {confirming ? (
            <ConfirmPanel
              label={`Confirm revoking ${token.name}`}
              confirmLabel="Revoke token"
              pendingLabel="Revoking…"
              pending={pending}
              error={action.message}
              onConfirm={() => action.run(() => revokeTokenAction(token.id), { onSuccess: () => setConfirming(false) })}
              onCancel={cancel}
            >
              Revoke &ldquo;{token.name}&rdquo;? Anything using it gets 401 from its next request. This cannot be undone; create a new token to restore access.
            </ConfirmPanel>
          ) : null}
        </td>
      </tr>
    </>
  );
}
