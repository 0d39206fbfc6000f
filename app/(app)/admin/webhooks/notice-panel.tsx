import type { LucideIcon } from "lucide-react";

/** An amber panel that needs the admin's attention (a secret to copy, an endpoint Hindsight switched off), named by its heading. */
export function NoticePanel({
  titleId,
  icon: Icon,
  title,
  children,
}: {
  titleId: string;
  icon: LucideIcon;
  title: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h2 id={titleId} className="flex items-start gap-2 text-base font-semibold">
        <Icon aria-hidden className="mt-1 h-4 w-4 shrink-0" />
        <span>{title}</span>
      </h2>
      {children}
    </section>
  );
}
