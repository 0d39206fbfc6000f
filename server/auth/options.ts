import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "./data-dir";
import { authorizeSignIn } from "./sign-in";
import { isHttpsPublicUrl } from "@/lib/security/headers";
import { env } from "../env";

// Self-hosted: without NEXTAUTH_URL, trust the Host header the server was reached on.
// eslint-disable-next-line no-restricted-properties -- a setting for next-auth itself, not read by the app
if (!env("NEXTAUTH_URL")) process.env.AUTH_TRUST_HOST ??= "true";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // Behind an https public URL the session cookie is Secure (and __Secure- prefixed) even when TLS ends at a proxy.
  useSecureCookies: isHttpsPublicUrl(env("NEXTAUTH_URL")),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        return (await authorizeSignIn(credentials, req?.headers ?? {})) as never;
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
