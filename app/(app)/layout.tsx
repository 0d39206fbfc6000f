import { requireActor } from "@/server/auth/session";
import { can } from "@/lib/policy";
import { AppShell } from "./app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // The declare dialog reads the service catalogue itself when it opens: no page pays for it.
  const canDeclare = can(actor, "incident", "declare");
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} canDeclare={canDeclare}>
      {children}
    </AppShell>
  );
}
