import Link from "next/link";

/** "Parent / current" above a detail page's title: the parent list is a link. */
export function Breadcrumb({ href, label, children }: { href: string; label: React.ReactNode; children: React.ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-1 text-xs text-zinc-500">
      <Link href={href} className="hover:underline">
        {label}
      </Link>{" "}
      / {children}
    </nav>
  );
}
