"use client";
import { useId, useRef, useState } from "react";
import { LocalTime } from "@/app/components/local-time";
import { buttonClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { USER_ROLES, type UserRole } from "@/lib/roles";
import type { ActionResult } from "@/lib/action-result";
import { cellControlLabelClass, cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { roleLabel } from "../role-label";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { ConfirmPanel } from "../confirm-panel";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction } from "./actions";
import { generatePassword } from "./generate-password";

export type UserRowData = { id: number; name: string; email: string; role: UserRole; disabled: boolean; createdAt: number };
type Panel = null | "password" | "disable" | "enable";

/** One user: role picker, status, and reset-password / disable / enable behind an inline confirmation. */
export function UserRow({ user, isSelf, passwordMin }: { user: UserRowData; isSelf: boolean; passwordMin: number }) {
  const id = useId();
  const [role, setRole] = useState<UserRole>(user.role);
  const [panel, setPanel] = useState<Panel>(null);
  const action = useServerAction({ refresh: false });
  const { pending, notice } = action;
  const error = action.formError("password");
  const passwordError = action.fieldError("password") ?? null;
  const [password, setPassword] = useState("");
  const actionsRef = useRef<HTMLDivElement>(null);

  const run = async <T,>(call: () => Promise<ActionResult<T>>, success: string) =>
    (await action.run(call, { notice: success, onSuccess: () => setPanel(null) })).ok;

  const open = (next: Panel) => {
    setPanel(next);
    action.reset();
    setPassword("");
  };
  const close = () => {
    setPanel(null);
    // Back to the button that opened the panel, for keyboard users.
    requestAnimationFrame(() => actionsRef.current?.querySelector("button")?.focus());
  };

  const roleChanged = role !== user.role;
  return (
    <>
      <tr className={`${trClass} ${user.disabled ? "bg-zinc-50 dark:bg-zinc-900/40" : ""}`}>
        <td className={tdWideClass}>
          <span className="min-w-0">
            <span className={`block font-medium ${user.disabled ? "text-zinc-500 line-through decoration-zinc-400" : ""}`}>
              {user.name}
              {isSelf ? (
                <span className="ml-1.5 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-800 no-underline dark:bg-blue-950 dark:text-blue-200">
                  You
                </span>
              ) : null}
            </span>
            <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{user.email}</span>
          </span>
        </td>
        <td className={tdClass}>
          <label htmlFor={`${id}-role`} className={cellControlLabelClass}>
            Role<span className="sr-only"> for {user.name}</span>
          </label>
          <span className="flex min-w-0 flex-col">
            <span className="flex flex-wrap gap-1.5">
              <select
                id={`${id}-role`}
                value={role}
                disabled={pending}
                onChange={(event) => setRole(event.target.value as UserRole)}
                aria-describedby={`${id}-row-message`}
                className={`${inputClass} w-32 py-1.5`}
              >
                {USER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r)}
                  </option>
                ))}
              </select>
              {roleChanged ? (
                <button
                  type="button"
                  className={`${primaryButtonClass} py-1.5`}
                  disabled={pending}
                  onClick={async () => {
                    const ok = await run(
                      () => changeUserRoleAction(user.id, role),
                      `${user.name} is now ${role === "admin" ? "an admin" : `a ${role}`}. Their open sessions have ended; they sign in again.`,
                    );
                    if (!ok) setRole(user.role);
                  }}
                >
                  Save role
                </button>
              ) : null}
            </span>
          </span>
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Status</span>
          {user.disabled ? (
            <span className="inline-flex items-center gap-1 rounded-full border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-zinc-400" /> Disabled
            </span>
          ) : (
            <span className="inline-flex items-center gap-1 rounded-full border border-green-300 bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300">
              <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-green-600" /> Active
            </span>
          )}
        </td>
        <td className={`${tdWideClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
          <span className={cellLabelClass}>Created</span>
          <LocalTime ms={user.createdAt} mode="absolute" />
        </td>
        <td className={tdWideClass}>
          <div ref={actionsRef} className="flex flex-wrap gap-1.5 md:justify-end">
            <button
              type="button"
              className={`${buttonClass} py-1.5`}
              aria-expanded={panel === "password"}
              aria-controls={`${id}-panel`}
              onClick={() => (panel === "password" ? close() : open("password"))}
            >
              Reset password
            </button>
            {user.disabled ? (
              <button
                type="button"
                className={`${buttonClass} py-1.5`}
                aria-expanded={panel === "enable"}
                aria-controls={`${id}-panel`}
                onClick={() => (panel === "enable" ? close() : open("enable"))}
              >
                Enable
              </button>
            ) : (
              <button
                type="button"
                className={`${buttonClass} py-1.5 text-red-700! dark:text-red-400!`}
                aria-expanded={panel === "disable"}
                aria-controls={`${id}-panel`}
                onClick={() => (panel === "disable" ? close() : open("disable"))}
              >
                Disable
              </button>
            )}
          </div>
        </td>
      </tr>
      <tr className={panel || error || notice ? panelRowClass : "hidden"} id={`${id}-panel`}>
        <td colSpan={5} className={panelCellClass}>
          <div id={`${id}-row-message`} aria-live="polite">
            {!panel ? <FormMessage error={error} success={notice} /> : null}
          </div>
          {panel === "password" ? (
            <form
              noValidate
              className="rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950"
              onSubmit={async (event) => {
                event.preventDefault();
                if (password.length < passwordMin) return action.invalid({ password: `Password must be at least ${passwordMin} characters` });
                await run(
                  () => resetUserPasswordAction(user.id, password),
                  `New password set for ${user.name}. Their open sessions have ended; share the password with them privately.`,
                );
              }}
            >
              <label htmlFor={`${id}-password`} className="block text-sm font-medium">
                New password for {user.name}
              </label>
              <div className="mt-1 flex flex-wrap gap-2">
                <input
                  id={`${id}-password`}
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  aria-invalid={passwordError ? true : undefined}
                  aria-describedby={`${id}-password-hint ${id}-password-error`}
                  className={`${inputClass} w-full font-mono sm:w-72`}
                />
                <button type="button" className={buttonClass} onClick={() => setPassword(generatePassword())} disabled={pending}>
                  Generate
                </button>
                <button type="submit" className={primaryButtonClass} disabled={pending}>
                  {pending ? "Saving…" : "Set password"}
                </button>
                <button type="button" className={buttonClass} onClick={close} disabled={pending}>
                  Cancel
                </button>
              </div>
              <p id={`${id}-password-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                At least {passwordMin} characters. Their open sessions end when you save.
              </p>
              <p id={`${id}-password-error`} className={errorClass} aria-live="polite">
                {passwordError ?? error ?? ""}
              </p>
            </form>
          ) : null}
          {panel === "disable" || panel === "enable" ? (
            <ConfirmPanel
              label={panel === "disable" ? `Confirm disabling ${user.name}` : `Confirm enabling ${user.name}`}
              tone={panel === "disable" ? "danger" : "neutral"}
              confirmStyle={panel === "disable" ? "danger" : "primary"}
              confirmLabel={panel === "disable" ? `Disable ${user.name}` : `Enable ${user.name}`}
              pendingLabel="Saving…"
              pending={pending}
              error={error}
              onConfirm={() =>
                run(
                  () => setUserDisabledAction(user.id, panel === "disable"),
                  panel === "disable" ? `${user.name} is disabled.` : `${user.name} is enabled again.`,
                )
              }
              onCancel={close}
            >
              {panel === "disable"
                ? `Disable ${user.name}? They are signed out at once, cannot sign in, and API tokens they created stop working. You can enable them again later.`
                : `Enable ${user.name}? They can sign in again with their existing password, and their API tokens work again.`}
            </ConfirmPanel>
          ) : null}
        </td>
      </tr>
    </>
  );
}
