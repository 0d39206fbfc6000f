import { requireActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/roles";
import { AppShell } from "./app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} canDeclare={hasRole(actor.role, "responder")}>
      {children}
    </AppShell>
  );
}
