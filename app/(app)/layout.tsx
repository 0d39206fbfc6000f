import { requireActor } from "@/server/auth/session";
import { can } from "@/lib/policy";
import { listServices } from "@/db/queries/catalogue/services";
import { AppShell } from "./app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const canDeclare = can(actor, "incident", "declare");
  // The declare dialog lives in the shell on every page; it offers the service catalogue.
  const services = canDeclare ? listServices({ actor, query: {} }).map((s) => ({ slug: s.slug, name: s.name, tier: s.tier })) : [];
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} canDeclare={canDeclare} services={services}>
      {children}
    </AppShell>
  );
}
