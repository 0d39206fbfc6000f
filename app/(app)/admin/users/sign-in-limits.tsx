import { listSignInThrottles } from "@/db/queries/admin/sign-in-throttles";
import type { Actor } from "@/lib/actor";
import { ADDRESS_FAILURE_LIMIT, PAIR_FAILURE_LIMIT, SLOWDOWN_AFTER_FAILURES } from "@/server/auth/sign-in-throttle";
import { cardClass } from "@/app/components/ui";
import { SignInLimitsTable } from "./sign-in-limits-table";

const MAX_SHOWN = 200;

/** The Users page's list of active sign-in pauses and slowdowns, each with a Clear button. */
export async function SignInLimits({ actor }: { actor: Actor }) {
  const limits = await listSignInThrottles({ actor });
  return (
    <section aria-labelledby="sign-in-limits-title" className={`${cardClass} overflow-hidden`}>
      <div className="border-b border-zinc-200 px-4 py-3 sm:px-5 dark:border-zinc-800">
        <h2 id="sign-in-limits-title" className="text-base font-semibold">
          Sign-in limits
        </h2>
        <p className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">
          After {PAIR_FAILURE_LIMIT} failed sign-ins for an account from one address, that address is paused for that account for 15 minutes; after{" "}
          {ADDRESS_FAILURE_LIMIT} from one address, for every account. From {SLOWDOWN_AFTER_FAILURES} recent failures an account&rsquo;s sign-ins are slowed
          down, never locked: the owner can still sign in from elsewhere.
        </p>
      </div>
      {limits.length > MAX_SHOWN ? (
        <p className="px-4 pt-3 text-sm text-zinc-600 sm:px-5 dark:text-zinc-400">
          Showing the {MAX_SHOWN} longest-lasting of {limits.length} active limits.
        </p>
      ) : null}
      <SignInLimitsTable limits={limits.slice(0, MAX_SHOWN)} />
    </section>
  );
}
