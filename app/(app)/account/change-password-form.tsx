"use client";
import { signOut } from "next-auth/react";
import { useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../admin/form-message";
import { changePasswordAction } from "./actions";

const FIELD_NAMES = ["currentPassword", "newPassword", "confirmPassword"] as const;

export function ChangePasswordForm({ email, passwordMin }: { email: string; passwordMin: number }) {
  const action = useServerAction({ refresh: false });
  const [done, setDone] = useState(false);
  // Until signOut has navigated away, the form stays busy.
  const pending = action.pending || done;
  const fields = action.error?.fields ?? {};
  const message = action.error && !Object.keys(fields).length ? action.error.message : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.error?.fields);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy() || done) return;
    const data = new FormData(form);
    const input = Object.fromEntries(FIELD_NAMES.map((name) => [name, String(data.get(name) ?? "")])) as Record<(typeof FIELD_NAMES)[number], string>;
    // Quick checks in the browser; the server checks the same and more.
    const local: Record<string, string> = {};
    if (!input.currentPassword) local.currentPassword = "Enter your current password";
    if (input.newPassword.length < passwordMin) local.newPassword = `Password must be at least ${passwordMin} characters`;
    if (input.confirmPassword !== input.newPassword) local.confirmPassword = "Passwords do not match";
    if (Object.keys(local).length) return action.invalid(local);
    const result = await action.run(() => changePasswordAction(input), { onSuccess: () => setDone(true) });
    // This session has ended on the server; clear the cookie and sign in again.
    if (result.ok) await signOut({ callbackUrl: "/signin?reason=password-changed" });
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="change-password-title"
      aria-busy={pending}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <div>
        <h2 id="change-password-title" className="text-base font-semibold">
          Change password
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          You are signed out everywhere afterwards, here included, and sign in again with the new password.
        </p>
      </div>
      {/* Lets password managers tie the new password to this account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <fieldset disabled={pending || done} className="max-w-md space-y-4">
        <Field id="current-password" label="Current password" error={fields.currentPassword}>
          {(aria) => <input {...aria} name="currentPassword" type="password" autoComplete="current-password" className={inputClass} />}
        </Field>
        <Field
          id="new-password"
          label="New password"
          error={fields.newPassword}
          hint={`At least ${passwordMin} characters. A long passphrase is easiest to remember.`}
        >
          {(aria) => <input {...aria} name="newPassword" type="password" autoComplete="new-password" className={inputClass} />}
        </Field>
        <Field id="confirm-password" label="Confirm new password" error={fields.confirmPassword}>
          {(aria) => <input {...aria} name="confirmPassword" type="password" autoComplete="new-password" className={inputClass} />}
        </Field>
      </fieldset>
      <FormMessage error={message} success={done ? "Password changed. Signing you out…" : null} />
      <button type="submit" className={primaryButtonClass} disabled={pending || done}>
        {done ? "Signing out…" : pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
