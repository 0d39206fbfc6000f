import { requireActor } from "@/server/auth/session";
import { can } from "@/lib/policy";
import { AdminForbidden } from "./admin-guard";

/** Every /admin page: admins only. Non-admins get a 403-style message, not the page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!can(actor, "admin", "open")) return <AdminForbidden role={actor.role} />;
  return <>{children}</>;
}
