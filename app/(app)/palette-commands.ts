// What the command palette offers: every page of the navigation, a few actions, and the
// search results grouped by kind. Each entry knows where it leads.
import { referenceNumber, type SearchResults } from "@/lib/validation/search";

export type PaletteEntry =
  | { kind: "page"; key: string; label: string; href: string; hint?: string }
  | { kind: "action"; key: string; label: string; href?: string; shortcut?: string; action?: "declare" }
  | { kind: "incident"; key: string; label: string; href: string; item: SearchResults["incidents"][number] }
  | { kind: "service"; key: string; label: string; href: string; slug: string }
  | { kind: "person"; key: string; label: string; href: string; email: string };

export type PaletteGroup = { key: string; heading: string; entries: PaletteEntry[] };

const page = (href: string, label: string, hint?: string): PaletteEntry => ({ kind: "page", key: `page:${href}:${label}`, label, href, hint });

/** Every page in the left navigation (and the admin section for admins), plus useful filtered views. */
export function pageEntries(isAdmin: boolean): PaletteEntry[] {
  return [
    page("/incidents", "Incidents", "Active"),
    page("/incidents?status=all&mine=1", "My incidents"),
    page("/incidents?status=resolved", "Resolved incidents"),
    page("/postmortems", "Postmortems"),
    page("/services", "Services", "Catalogue"),
    page("/action-items", "Action items"),
    page("/action-items?owner=me", "My open action items"),
    page("/insights", "Insights"),
    page("/account", "Account and password"),
    ...(isAdmin
      ? [
          page("/admin/users", "Users", "Admin"),
          page("/admin/teams", "Teams", "Admin"),
          page("/admin/tokens", "API tokens", "Admin"),
          page("/admin/playbooks", "Playbooks", "Admin"),
          page("/admin/factors", "Contributing factors", "Admin"),
          page("/admin/settings", "Settings", "Admin"),
          page("/admin/audit", "Audit log", "Admin"),
          page("/incidents?checklist=1", "Setup checklist", "Admin"),
        ]
      : []),
  ];
}

const matches = (entry: PaletteEntry, lower: string) =>
  entry.label.toLowerCase().includes(lower) || (entry.kind === "page" && (entry.hint ?? "").toLowerCase().includes(lower));

/**
 * The groups to show for the typed text. Nothing typed: actions, then every page. Text typed:
 * "Open INC-n" when it is a reference the search has not found, the incidents, services and
 * people the search found (once it has answered), the matching pages, then the rest.
 */
export function paletteGroups({
  text,
  isAdmin,
  canDeclare,
  results,
}: {
  text: string;
  isAdmin: boolean;
  canDeclare: boolean;
  results: SearchResults | null;
}): PaletteGroup[] {
  const q = text.trim();
  const lower = q.toLowerCase();
  const declare: PaletteEntry[] = canDeclare ? [{ kind: "action", key: "declare", label: "Declare incident", shortcut: "d", action: "declare" }] : [];
  const pages: PaletteGroup = { key: "pages", heading: "Pages", entries: pageEntries(isAdmin).filter((entry) => !lower || matches(entry, lower)) };
  if (!q) return [{ key: "actions", heading: "Actions", entries: declare }, pages].filter((group) => group.entries.length > 0);

  const ref = referenceNumber(q);
  const lead: PaletteEntry[] =
    ref && !results?.incidents.some((i) => i.reference === `INC-${ref}`)
      ? [{ kind: "action", key: "open-ref", label: `Open INC-${ref}`, href: `/incidents/INC-${ref}` }]
      : [];
  const more: PaletteEntry[] = [
    { kind: "action", key: "search", label: `Search incident titles and summaries for “${q}”`, href: `/incidents?status=all&q=${encodeURIComponent(q)}` },
    ...declare.filter((entry) => matches(entry, lower)),
  ];
  const found: PaletteGroup[] = results
    ? [
        {
          key: "incidents",
          heading: "Incidents",
          entries: results.incidents.map((item) => ({
            kind: "incident",
            key: `incident:${item.reference}`,
            label: `${item.reference} ${item.title}`,
            href: `/incidents/${item.reference}`,
            item,
          })),
        },
        {
          key: "services",
          heading: "Services",
          entries: results.services.map((s) => ({
            kind: "service",
            key: `service:${s.slug}`,
            label: s.name,
            href: `/services/${encodeURIComponent(s.slug)}`,
            slug: s.slug,
          })),
        },
        // A person leads to the action items they own: the list filters by owner, the incident list has no per-person filter.
        {
          key: "people",
          heading: "People",
          entries: results.people.map((p) => ({ kind: "person", key: `person:${p.id}`, label: p.name, href: `/action-items?owner=${p.id}`, email: p.email })),
        },
      ]
    : [];
  return [{ key: "go", heading: "Go to", entries: lead }, ...found, pages, { key: "actions", heading: "Actions", entries: more }].filter(
    (group) => group.entries.length > 0,
  );
}
