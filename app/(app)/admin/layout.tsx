import { requireActor } from "@/server/auth/session";
import { hasRole } from "@/lib/roles";
import { AdminForbidden } from "./admin-guard";

/** Every /admin page: admins only. Non-admins get a 403-style message, not the page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!hasRole(actor.role, "admin")) return <AdminForbidden role={actor.role} />;
  return <>{children}</>;
}
