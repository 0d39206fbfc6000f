import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/actor";
import { findUserById } from "@/db/access/users";
import { authOptions } from "./options";
import { clientIpFromHeaders } from "./client-ip";

/**
 * The signed-in person, re-read from the database on every request so that a disabled
 * account, a role change or a password change takes effect at once.
 */
export const currentActor = cache(async (): Promise<Extract<Actor, { kind: "user" }> | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await findUserById(session.uid);
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  const ip = clientIpFromHeaders(await headers());
  return { kind: "user", userId: user.id, role: user.role, email: user.email, name: user.name, ip };
});

/** For pages and server actions: the person, or a redirect to sign in. */
export async function requireActor(): Promise<Extract<Actor, { kind: "user" }>> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}
