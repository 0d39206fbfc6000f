import Link from "next/link";

/** The error line above a list when its query could not be run (e.g. a bad filter). */
export function ProblemAlert({ problem }: { problem: React.ReactNode }) {
  if (!problem) return null;
  return (
    <p
      role="alert"
      className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      {problem}
    </p>
  );
}

/** The "Pages" links under a keyset-paged list: back to the first page (when not on it) and on to the next. */
export function Pager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  return (
    <nav aria-label="Pages" className="mt-3 flex justify-between text-sm">
      {firstHref ? (
        <Link className="text-blue-700 underline dark:text-blue-400" href={firstHref}>
          ← First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link className="text-blue-700 underline dark:text-blue-400" href={nextHref}>
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
