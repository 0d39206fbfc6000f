"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import {
  Boxes,
  ChartLine,
  ClipboardCheck,
  FileText,
  Flame,
  KeyRound,
  ListChecks,
  Menu,
  Plug,
  ScrollText,
  Settings,
  Siren,
  Tags,
  UserCog,
  Users,
  UsersRound,
  Webhook,
  X,
} from "lucide-react";
import type { UserRole } from "@/lib/roles";
import { DeclareButton } from "./incidents/declare-button";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { CommandPalette } from "./command-palette";

type NavItem = { href: string; label: string; icon: typeof Flame };
const mainNav: NavItem[] = [
  { href: "/incidents", label: "Incidents", icon: Siren },
  { href: "/postmortems", label: "Postmortems", icon: FileText },
  { href: "/services", label: "Services", icon: Boxes },
  { href: "/action-items", label: "Action items", icon: ClipboardCheck },
  { href: "/insights", label: "Insights", icon: ChartLine },
];
const adminNav: NavItem[] = [
  { href: "/admin/users", label: "Users", icon: Users },
  { href: "/admin/teams", label: "Teams", icon: UsersRound },
  { href: "/admin/tokens", label: "API tokens", icon: KeyRound },
  { href: "/admin/integrations", label: "Integrations", icon: Plug },
  { href: "/admin/webhooks", label: "Webhooks", icon: Webhook },
  { href: "/admin/playbooks", label: "Playbooks", icon: ListChecks },
  { href: "/admin/factors", label: "Contributing factors", icon: Tags },
  { href: "/admin/settings", label: "Settings", icon: Settings },
  { href: "/admin/audit", label: "Audit log", icon: ScrollText },
];

export function AppShell({
  user,
  canDeclare,
  children,
}: {
  user: { name: string; email: string; role: UserRole };
  canDeclare: boolean;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const link = (item: NavItem) => {
    const active = pathname === item.href || pathname.startsWith(item.href + "/");
    const Icon = item.icon;
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          onClick={() => setMenuOpen(false)}
          aria-current={active ? "page" : undefined}
          className={`flex items-center gap-2 rounded-md px-2.5 py-2 text-sm font-medium ${
            active
              ? "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-white"
              : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-900 dark:hover:text-white"
          }`}
        >
          <Icon aria-hidden className="h-4 w-4" />
          {item.label}
        </Link>
      </li>
    );
  };
  const nav = (
    <nav aria-label="Main" className="flex flex-col gap-6">
      <ul className="flex flex-col gap-0.5">{mainNav.map(link)}</ul>
      {user.role === "admin" ? (
        <div>
          <p className="mb-1 flex items-center gap-1.5 px-2.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            <UserCog aria-hidden className="h-3.5 w-3.5" /> Admin
          </p>
          <ul className="flex flex-col gap-0.5">{adminNav.map(link)}</ul>
        </div>
      ) : null}
    </nav>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[13rem_1fr]">
      <KeyboardShortcuts />
      <CommandPalette isAdmin={user.role === "admin"} canDeclare={canDeclare} />
      <aside className="hidden border-r border-zinc-200 bg-white px-3 py-4 lg:block dark:border-zinc-800 dark:bg-zinc-950">
        <Link href="/incidents" className="mb-6 flex items-center gap-2 px-2.5 text-lg font-bold tracking-tight">
          <Flame aria-hidden className="h-5 w-5 text-red-600" /> Hindsight
        </Link>
        {nav}
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/95 px-3 backdrop-blur sm:px-5 dark:border-zinc-800 dark:bg-zinc-950/95">
          <button
            type="button"
            className="rounded-md p-2 hover:bg-zinc-100 lg:hidden dark:hover:bg-zinc-900"
            aria-label={menuOpen ? "Close menu" : "Open menu"}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <X className="h-5 w-5" /> : <Menu className="h-5 w-5" />}
          </button>
          <Link href="/incidents" className="flex items-center gap-1.5 font-bold lg:hidden">
            <Flame aria-hidden className="h-5 w-5 text-red-600" /> <span className="max-[380px]:sr-only">Hindsight</span>
          </Link>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <ThemeToggle />
            <UserMenu user={user} />
            {canDeclare ? <DeclareButton /> : null}
          </div>
        </header>
        {menuOpen ? <div className="border-b border-zinc-200 bg-white px-3 py-3 lg:hidden dark:border-zinc-800 dark:bg-zinc-950">{nav}</div> : null}
        <main className="min-w-0 flex-1 px-3 py-5 sm:px-6">{children}</main>
      </div>
    </div>
  );
}
