"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Field } from "@/app/components/field";
import { inputClass, primaryButtonClass } from "@/app/components/ui";

export function SignInForm({ next }: { next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const email = String(data.get("email") ?? "").trim();
        const password = String(data.get("password") ?? "");
        if (!email || !password) {
          setError("Enter your email and password.");
          return;
        }
        setPending(true);
        setError(null);
        const result = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
        if (result?.ok && !result.error) {
          window.location.assign(next);
          return;
        }
        setPending(false);
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Could not sign in. Try again.");
      }}
    >
      <fieldset disabled={pending} className="space-y-4">
        <Field id="email" label="Email">
          {(aria) => <input {...aria} name="email" type="email" autoComplete="username" autoFocus required className={inputClass} />}
        </Field>
        <Field id="password" label="Password">
          {(aria) => <input {...aria} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
        </Field>
      </fieldset>
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-red-700 dark:text-red-400">
        {error ?? ""}
      </p>
      <button type="submit" className={`${primaryButtonClass} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
