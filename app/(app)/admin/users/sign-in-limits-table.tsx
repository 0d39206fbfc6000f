"use client";
import { useState } from "react";
import { AdminTable } from "@/app/components/admin-table";
import { FormMessage } from "../form-message";
import { SignInLimitRow, type SignInLimitRowData } from "./sign-in-limit-row";

/** The active limits; the outcome of a Clear stays here after the cleared row leaves the list. */
export function SignInLimitsTable({ limits }: { limits: SignInLimitRowData[] }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div aria-live="polite" className={notice ? "px-4 pt-3 sm:px-5" : undefined}>
        <FormMessage success={notice} />
      </div>
      {limits.length ? (
        <AdminTable columns={["Limit", "Until", "Account", "Address", "Failures"]} actions="shown">
          {limits.map((limit) => (
            <SignInLimitRow key={`${limit.kind} ${limit.email} ${limit.address}`} limit={limit} onCleared={setNotice} />
          ))}
        </AdminTable>
      ) : (
        <p className="px-4 py-4 text-sm text-zinc-600 sm:px-5 dark:text-zinc-400">No sign-in limits are active: nobody is paused or slowed down.</p>
      )}
    </>
  );
}
