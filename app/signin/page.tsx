import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Flame } from "lucide-react";
import { currentActor } from "@/server/auth/session";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reason?: string }> }) {
  if (await currentActor()) redirect("/incidents");
  const { callbackUrl, reason } = await searchParams;
  // Only same-site paths: never redirect to another origin after sign-in.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/incidents";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-6 flex items-center justify-center gap-2 text-2xl font-bold tracking-tight">
          <Flame aria-hidden className="h-6 w-6 text-red-600" /> Hindsight
        </h1>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h2 className="mb-4 text-lg font-semibold">Sign in</h2>
          {reason === "password-changed" ? (
            <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-950 dark:text-green-200">
              Password changed. Sign in with your new password.
            </p>
          ) : null}
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center text-xs text-zinc-500">
          First run? The admin account and its password were printed when the server started and saved to data/initial-admin-password.
        </p>
      </div>
    </main>
  );
}
