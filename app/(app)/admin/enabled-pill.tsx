const pill = "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap";

/** Enabled (green) or Disabled (grey), always in words. */
export function EnabledPill({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className={`${pill} border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300`}>
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-green-600" /> Enabled
    </span>
  ) : (
    <span className={`${pill} border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400`}>
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-zinc-400" /> Disabled
    </span>
  );
}
