import type { Metadata } from "next";
import { requestNonce } from "./request-nonce";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hindsight", template: "%s · Hindsight" },
  description: "Incident management and blameless postmortems",
};

// Runs before paint so the page never flashes the wrong theme.
const themeScript = `try{var t=localStorage.getItem("hindsight-theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;

// Reading the request's nonce (set by proxy.ts) also renders every page per request, which a nonce-based CSP needs.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = await requestNonce();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
