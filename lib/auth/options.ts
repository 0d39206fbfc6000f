import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserByEmail } from "@/db/queries/users";
import { loginLimited, recordLoginAttempt } from "@/db/queries/login-attempts";
import { recordAuditEvent } from "@/db/queries/audit";
import { verifyPassword } from "./password";
import { authSecret } from "./data-dir";
import { clientIpFromHeaders } from "./client-ip";
import { isHttpsPublicUrl } from "@/lib/security/headers";

// Self-hosted: without NEXTAUTH_URL, trust the Host header the server was reached on.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

export const RATE_LIMITED_MESSAGE = "Too many failed sign-in attempts. Wait 15 minutes and try again.";
export const BAD_CREDENTIALS_MESSAGE = "Email or password is incorrect.";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // Behind an https public URL the session cookie is Secure (and __Secure- prefixed) even when TLS ends at a proxy.
  useSecureCookies: isHttpsPublicUrl(process.env.NEXTAUTH_URL),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").trim().toLowerCase().slice(0, 254);
        const password = String(credentials?.password ?? "").slice(0, 1024);
        const ip = clientIpFromHeaders(req?.headers ?? {}) ?? "unknown";
        if (!email || !password) throw new Error(BAD_CREDENTIALS_MESSAGE);
        const limited = loginLimited(email, ip);
        if (limited) {
          recordAuditEvent(null, {
            action: "auth.rate_limited",
            entityType: "user",
            entityId: email,
            label: email,
            ip,
            after: { limit: limited === "email" ? "5 failures per email" : "20 failures per address", window: "15 minutes" },
          });
          throw new Error(RATE_LIMITED_MESSAGE);
        }
        const user = findUserByEmail(email);
        // Unknown emails verify against a dummy hash: same cost as a wrong password.
        const ok = await verifyPassword(user?.passwordHash ?? null, password);
        if (!user || !ok || user.disabled) {
          recordLoginAttempt(email, ip, false);
          recordAuditEvent(null, { action: "auth.sign_in_failed", entityType: "user", entityId: email, label: email, ip });
          throw new Error(BAD_CREDENTIALS_MESSAGE);
        }
        recordLoginAttempt(email, ip, true);
        recordAuditEvent(
          { kind: "user", userId: user.id, role: user.role, email: user.email, name: user.name, ip },
          { action: "auth.sign_in", entityType: "user", entityId: user.id },
        );
        return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion } as never;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as unknown as { sv: number }).sv;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};
